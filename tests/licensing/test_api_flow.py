"""The whole path through the API: draft, problems, upload, submit, assess, question, propose, countersign."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from dualuse.core import audit
from dualuse.core.models import AuditEvent
from dualuse.licensing import considerations, filetypes
from dualuse.licensing.models import Application, Denial, Licence

pytestmark = pytest.mark.django_db

DRAFT = {
    "type": "individual",
    "activity": "export",
    "title": "IMSI catchers",
    "end_use": "Lawful interception by the federal police, no re-export.",
    "lines": [
        {
            "description": "IMSI catcher",
            "entry_code": "5A001.f",
            "quantity": "2",
            "unit": "pieces",
            "value_eur": "480000.00",
            "destination": "NO",
        }
    ],
    "parties": [
        {"role": "end_user", "kind": "government", "name": "Politiets sikkerhetstjeneste", "country": "NO"}
    ],
}


def _upload(
    api_client: Any,
    pk: int,
    name: str = "statement.pdf",
    body: bytes | None = None,
    kind: str = "end_use_statement",
) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(name, body if body is not None else filetypes.sample("pdf"))
    return api_client.client.post(
        f"/api/v1/licensing/applications/{pk}/documents",
        {"file": upload, "kind": kind},
        headers=api_client.headers,
    )


def test_exporter_to_licence_through_the_api(
    api: Any, exporter: Any, officer: Any, senior_officer: Any
) -> None:
    ex, off, sen = api(exporter), api(officer), api(senior_officer)
    created = ex.post("/api/v1/licensing/applications", {**DRAFT, "lines": [], "parties": []})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["status"] == "draft"
    assert Application.objects.get(pk=pk).authority.member_state == "DE"  # Art 12(1): the exporter's state

    problems = ex.get(f"/api/v1/licensing/applications/{pk}/problems").json()
    assert {p["field"] for p in problems} == {"lines", "parties", "documents"}
    refused = ex.post(f"/api/v1/licensing/applications/{pk}/submit")
    assert refused.status_code == 422
    assert refused.json()["code"] == "application_incomplete"
    assert {p["field"] for p in refused.json()["problems"]} == {"lines", "parties", "documents"}

    assert ex.put(f"/api/v1/licensing/applications/{pk}", DRAFT).status_code == 200
    assert _upload(ex, pk).status_code == 201
    submitted = ex.post(f"/api/v1/licensing/applications/{pk}/submit")
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["status"] == "submitted"
    assert "assessments" not in submitted.json()  # the exporter's schema

    case = off.get(f"/api/v1/licensing/cases/{pk}").json()
    assert case["lines"][0]["cyber_surveillance"] is True  # 5A001.f
    assert "IMSI" in case["lines"][0]["entry_text"] or case["lines"][0]["entry_text"]
    assert case["parties"][0]["screening_status"] in {"not_run", "clear", "hits"}

    assert off.post(f"/api/v1/licensing/cases/{pk}/start", {}).json()["status"] == "under_assessment"
    asked = off.post(f"/api/v1/licensing/cases/{pk}/questions", {"text": "Who operates the devices?"})
    assert asked.status_code == 201
    assert Application.objects.get(pk=pk).status == "awaiting_information"
    answered = ex.post(
        f"/api/v1/licensing/applications/{pk}/questions/{asked.json()['id']}/answer",
        {"text": "The federal police's technical unit."},
    )
    assert answered.status_code == 200
    assert Application.objects.get(pk=pk).status == "under_assessment"

    early = off.post(f"/api/v1/licensing/cases/{pk}/propose", {"outcome": "grant", "reasons": "fine"})
    assert early.status_code == 422
    assert early.json()["code"] == "assessment_incomplete"
    for c in considerations.required(True):
        body = {
            "consideration": c.code,
            "finding": "no_concern",
            "reasoning": "assessed",
            "legal_references": "CFR Art 7, 8; CJEU C-311/18" if c.cyber_only else "",
        }
        assert off.put(f"/api/v1/licensing/cases/{pk}/assessments", body).status_code == 200
    proposal = {"outcome": "grant_with_conditions", "reasons": "No concern.", "conditions": "No re-export."}
    assert off.post(f"/api/v1/licensing/cases/{pk}/propose", proposal).json()["status"] == "decision_proposed"

    # Four eyes: the proposer cannot countersign, not even as a senior officer; an officer never can.
    assert off.post(f"/api/v1/licensing/cases/{pk}/countersign", {}).status_code == 403
    signed = sen.post(f"/api/v1/licensing/cases/{pk}/countersign", {"note": "ok"})
    assert signed.status_code == 200, signed.content
    assert signed.json()["status"] == "granted_with_conditions"

    licence = Licence.objects.get(application_id=pk)
    assert licence.number.startswith("DE-")
    assert licence.conditions == "No re-export."
    mine = ex.get(f"/api/v1/licensing/licences/{licence.pk}").json()
    assert mine["lines"][0]["remaining_quantity"] == "2.000"
    pdf = ex.get(f"/api/v1/licensing/licences/{licence.pk}/document")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content if pdf.streaming else [pdf.content]).startswith(b"%PDF")

    verbs = list(
        AuditEvent.objects.filter(object_type="licensing.application", object_id=str(pk)).values_list(
            "verb", flat=True
        )
    )
    for verb in [
        "application.created",
        "application.submitted",
        "case.assessment_started",
        "case.question_asked",
        "case.question_answered",
        "decision.proposed",
        "decision.countersigned",
    ]:
        assert verb in verbs
    count, problems = audit.verify()
    assert problems == [] and count > 10


def test_senior_who_proposed_cannot_countersign_and_another_senior_returns(
    api: Any, exporter: Any, senior_officer: Any, officer: Any
) -> None:
    from tests.licensing import factories

    application = factories.proposed(exporter, senior_officer)  # the senior proposes
    sen = api(senior_officer)
    refused = sen.post(f"/api/v1/licensing/cases/{application.pk}/countersign", {})
    assert refused.status_code == 403
    assert refused.json()["code"] == "four_eyes_required"
    assert (
        api(officer).post(f"/api/v1/licensing/cases/{application.pk}/return", {"note": "x"}).status_code
        == 403
    )
    application.refresh_from_db()
    assert application.status == "decision_proposed"


def test_return_by_senior_goes_back_to_assessment(
    api: Any, exporter: Any, officer: Any, senior_officer: Any
) -> None:
    from tests.licensing import factories

    application = factories.proposed(exporter, officer)
    assert (
        api(senior_officer).post(f"/api/v1/licensing/cases/{application.pk}/return", {"note": ""}).status_code
        == 400
    )
    back = api(senior_officer).post(
        f"/api/v1/licensing/cases/{application.pk}/return", {"note": "check criterion 7"}
    )
    assert back.json()["status"] == "under_assessment"
    assert back.json()["decisions"][0]["status"] == "returned"


def test_denial_creates_a_denial_record(api: Any, exporter: Any, officer: Any, senior_officer: Any) -> None:
    from tests.licensing import factories

    application = factories.proposed(exporter, officer, outcome="deny", code="5A001.f", destination="BY")
    signed = api(senior_officer).post(f"/api/v1/licensing/cases/{application.pk}/countersign", {})
    assert signed.json()["status"] == "denied"
    denial = Denial.objects.get(application=application)
    assert denial.member_state == "DE"
    assert denial.criteria == ["cp_2"]
    assert denial.lines[0]["entry_code"] == "5A001.f"
    assert denial.destination == "BY"
    assert not Licence.objects.filter(application=application).exists()
    exporter_view = api(exporter).get(f"/api/v1/licensing/applications/{application.pk}").json()
    assert exporter_view["decision"]["outcome"] == "deny"
    assert exporter_view["decision"]["reasons"] == "because"
    shared = api(officer).get("/api/v1/licensing/denials").json()
    assert [d["application_id"] for d in shared] == [application.pk]


def test_illegal_transition_is_409(api: Any, exporter: Any, officer: Any) -> None:
    from tests.licensing import factories

    application = factories.submitted(exporter)
    response = api(officer).post(
        f"/api/v1/licensing/cases/{application.pk}/propose", {"outcome": "grant", "reasons": "x"}
    )
    assert response.status_code in {409, 422}
    again = api(exporter).post(f"/api/v1/licensing/applications/{application.pk}/submit")
    assert again.status_code == 409
    assert again.json()["code"] == "invalid_transition"


def test_withdraw_before_decision_only(api: Any, exporter: Any, officer: Any, senior_officer: Any) -> None:
    from tests.licensing import factories

    application = factories.under_assessment(exporter, officer)
    assert (
        api(exporter).post(f"/api/v1/licensing/applications/{application.pk}/withdraw").json()["status"]
        == "withdrawn"
    )
    licence = factories.licensed(exporter, officer, senior_officer)
    late = api(exporter).post(f"/api/v1/licensing/applications/{licence.application_id}/withdraw")
    assert late.status_code == 409


@pytest.mark.parametrize(
    ("name", "body", "why"),
    [
        ("tool.exe", b"MZ\x90\x00" + b"\x00" * 64, "only PDF"),
        ("statement.png", None, "does not match"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_documents_are_checked_by_content(
    api: Any, exporter: Any, officer: Any, name: str, body: bytes | None, why: str
) -> None:
    from tests.licensing import factories

    application = factories.draft(exporter)
    response = _upload(api(exporter), application.pk, name, body)
    assert response.status_code == 400
    assert response.json()["code"] == "document_rejected"
    assert why in response.json()["message"]


def test_documents_over_the_size_limit_are_refused(
    api: Any, exporter: Any, officer: Any, settings: Any
) -> None:
    from tests.licensing import factories

    settings.UPLOAD_MAX_BYTES = 100
    application = factories.draft(exporter)
    response = _upload(api(exporter), application.pk, "big.pdf", filetypes.sample("pdf") + b"x" * 200)
    assert response.status_code == 400
    assert "limit" in response.json()["message"]


def test_bad_input_is_400_not_500(api: Any, exporter: Any, officer: Any) -> None:
    ex = api(exporter)
    bad = ex.post("/api/v1/licensing/applications", {**DRAFT, "type": "eternal"})
    assert bad.status_code == 400
    assert bad.json()["code"] == "invalid_input"
    bad_qty = ex.post(
        "/api/v1/licensing/applications", {**DRAFT, "lines": [{**DRAFT["lines"][0], "quantity": "lots"}]}
    )
    assert bad_qty.status_code == 400
    unknown_entry = ex.post(
        "/api/v1/licensing/applications", {**DRAFT, "lines": [{**DRAFT["lines"][0], "entry_code": "9Z999"}]}
    )
    problems = ex.get(f"/api/v1/licensing/applications/{unknown_entry.json()['id']}/problems").json()
    assert {
        "field": "lines[0].entry_code",
        "message": "'9Z999' is not an entry of the control list in force",
    } in problems


def test_public_licence_check(exporter: Any, officer: Any, senior_officer: Any) -> None:
    from tests.licensing import factories

    licence = factories.licensed(exporter, officer, senior_officer)
    client = Client()
    ok = client.get(
        "/api/v1/licensing/licences/verify", {"number": licence.number, "code": licence.verification_code}
    )
    assert ok.status_code == 200
    assert set(ok.json()) == {"number", "status", "valid", "valid_from", "valid_until", "issuing_state"}
    assert ok.json()["valid"] is True
    wrong = client.get(
        "/api/v1/licensing/licences/verify", {"number": licence.number, "code": "AAAA-BBBB-CCCC"}
    )
    assert wrong.status_code == 404
    page = client.get(
        "/licences/verify/", {"number": licence.number, "code": licence.verification_code.lower()}
    )
    assert b"Genuine and valid" in page.content
    assert exporter.organisation.name.encode() not in page.content
