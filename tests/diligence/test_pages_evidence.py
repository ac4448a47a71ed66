"""The evidence pages through the Django client: list, submission, detail and moderation, and the
officer's evidence on a case. An NGO sees only its own; exporters and the public see none."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dualuse.diligence import services
from dualuse.diligence.models import Evidence, EvidenceConsideration
from tests.diligence.conftest import PDF
from tests.transparency.factories import decided_application

pytestmark = pytest.mark.django_db
FORM = {
    "subject": "end_user",
    "country": "MM",
    "party_name": "Golden Eagle Trading LLC",
    "entry_code": "",
    "title": "Golden Eagle resells interception kits",
    "summary": "Company records show interception kits resold to the police since 2024.",
    "sources": "https://example.org/report\nAnnual report 2024, p. 12",
    "observed_on": "2025-05-01",
    "confidentiality": "authorities",
}


def get(client: Any, user: Any, url: str) -> Any:
    if user is not None:
        client.force_login(user)
    return client.get(url)


def case(exporter: Any) -> Any:
    return decided_application(
        exporter.organisation,
        exporter,
        status="under_assessment",
        lines=[("5A001.f", "MM", "5000.00")],
        end_user_name="Golden Eagle Trading",
    )


@pytest.mark.parametrize(
    "url", ["/evidence/", "/evidence/new/", "/evidence/1/", "/evidence/cases/1/", "/evidence/1/documents/1/"]
)
def test_anonymous_is_sent_to_log_in(client: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# The list


def test_ngo_lists_only_its_own_submissions(
    client: Any, ngo: Any, other_ngo: Any, make_evidence: Any
) -> None:
    mine = make_evidence(ngo, title="Our report on Golden Eagle")
    theirs = make_evidence(other_ngo, title="Their report on Golden Eagle")
    page = get(client, ngo, "/evidence/").content.decode()
    assert "Our report on Golden Eagle" in page and f"/evidence/{mine.pk}/" in page
    assert "Their report" not in page and f"/evidence/{theirs.pk}/" not in page
    assert 'href="/evidence/new/"' in page


def test_moderators_list_everything_and_filter_by_status(
    client: Any, ngo: Any, other_ngo: Any, officer: Any, make_evidence: Any
) -> None:
    first = make_evidence(ngo, title="First report")
    make_evidence(other_ngo, title="Second report")
    services.moderate_evidence(first, accept=True, note="", acting_user=officer)
    page = get(client, officer, "/evidence/").content.decode()
    assert "First report" in page and "Second report" in page and 'href="/evidence/new/"' not in page
    accepted = client.get("/evidence/", {"status": "accepted"}).content.decode()
    assert "First report" in accepted and "Second report" not in accepted
    assert "Second report" in client.get("/evidence/", {"status": "bogus"}).content.decode()


@pytest.mark.parametrize("who", ["exporter", "other_exporter", "state_representative"])
def test_others_list_no_evidence(client: Any, request: Any, ngo: Any, make_evidence: Any, who: str) -> None:
    make_evidence(ngo, title="Confidential report")
    response = get(client, request.getfixturevalue(who), "/evidence/")
    assert response.status_code == 200 and "Confidential report" not in response.content.decode()


# Submission


def test_ngo_submits_evidence_with_a_document(client: Any, ngo: Any) -> None:
    assert get(client, ngo, "/evidence/new/").status_code == 200
    upload = SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf")
    response = client.post("/evidence/new/", {**FORM, "documents": [upload]})
    evidence = Evidence.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/evidence/{evidence.pk}/"
    assert evidence.organisation_id == ngo.organisation_id and evidence.status == "submitted"
    assert evidence.source_list == ["https://example.org/report", "Annual report 2024, p. 12"]
    document = evidence.documents.get()
    assert (document.original_name, document.content_type, document.size) == (
        "report.pdf",
        "application/pdf",
        len(PDF),
    )


def test_a_refused_submission_is_400_and_keeps_the_answers(client: Any, ngo: Any) -> None:
    client.force_login(ngo)
    response = client.post(
        "/evidence/new/", {**FORM, "summary": "too short", "observed_on": "2999-01-01", "country": "XX"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "summary:" in page and "observed_on:" in page and "country:" in page
    assert 'value="Golden Eagle resells interception kits"' in page and "too short" in page
    assert not Evidence.objects.exists()


def test_a_document_of_the_wrong_type_is_refused(client: Any, ngo: Any) -> None:
    client.force_login(ngo)
    upload = SimpleUploadedFile(
        "tool.exe", b"MZ\x90\x00\x03\x00\x00\x00\xff\xfe", content_type="application/pdf"
    )
    response = client.post("/evidence/new/", {**FORM, "documents": [upload]})
    assert response.status_code == 400 and "only PDF, PNG, JPEG or plain text" in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("who", ["exporter", "officer", "commission"])
def test_only_ngos_open_the_submission_page(client: Any, request: Any, who: str) -> None:
    assert get(client, request.getfixturevalue(who), "/evidence/new/").status_code == 404
    assert client.post("/evidence/new/", FORM).status_code == 404
    assert not Evidence.objects.exists()


# Detail and moderation


def test_submitter_sees_its_evidence_and_status_without_moderation(
    client: Any, ngo: Any, make_evidence: Any
) -> None:
    evidence = make_evidence(ngo)
    response = get(client, ngo, f"/evidence/{evidence.pk}/")
    page = response.content.decode()
    assert response.status_code == 200 and "Awaiting moderation" in page and "report.pdf" in page
    assert 'name="decision"' not in page


@pytest.mark.parametrize("who", ["other_ngo", "exporter", "other_exporter", "state_representative"])
def test_others_get_404_on_evidence(
    client: Any, request: Any, ngo: Any, make_evidence: Any, who: str
) -> None:
    evidence = make_evidence(ngo)
    user = request.getfixturevalue(who)
    assert get(client, user, f"/evidence/{evidence.pk}/").status_code == 404
    assert client.post(f"/evidence/{evidence.pk}/", {"decision": "accept"}).status_code == 404
    assert Evidence.objects.get().status == "submitted"


@pytest.mark.parametrize("who", ["officer", "commission"])
def test_moderator_accepts_and_the_submitter_sees_it(
    client: Any, request: Any, ngo: Any, make_evidence: Any, who: str
) -> None:
    evidence = make_evidence(ngo)
    page = get(client, request.getfixturevalue(who), f"/evidence/{evidence.pk}/").content.decode()
    assert 'name="decision" value="accept"' in page
    response = client.post(f"/evidence/{evidence.pk}/", {"decision": "accept", "note": "Sources checked."})
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.status == "accepted" and evidence.moderation_note == "Sources checked."
    again = client.post(f"/evidence/{evidence.pk}/", {"decision": "reject", "note": "second thoughts"})
    assert again.status_code == 409 and "already moderated" in again.content.decode()
    seen = get(client, ngo, f"/evidence/{evidence.pk}/").content.decode()
    assert "Accepted" in seen and "Sources checked." in seen


def test_rejection_needs_a_reason(client: Any, ngo: Any, officer: Any, make_evidence: Any) -> None:
    evidence = make_evidence(ngo)
    client.force_login(officer)
    response = client.post(f"/evidence/{evidence.pk}/", {"decision": "reject", "note": ""})
    assert response.status_code == 400 and "say why" in response.content.decode()
    assert client.post(f"/evidence/{evidence.pk}/", {"note": "no decision"}).status_code == 400
    evidence.refresh_from_db()
    assert evidence.status == "submitted"
    client.post(f"/evidence/{evidence.pk}/", {"decision": "reject", "note": "No sources we could check."})
    evidence.refresh_from_db()
    assert evidence.status == "rejected"


def test_the_submitter_cannot_moderate(client: Any, ngo: Any, make_evidence: Any) -> None:
    evidence = make_evidence(ngo)
    client.force_login(ngo)
    assert client.post(f"/evidence/{evidence.pk}/", {"decision": "accept"}).status_code == 403
    evidence.refresh_from_db()
    assert evidence.status == "submitted"


def test_unverified_officer_session_sees_no_evidence(
    client: Any, settings: Any, ngo: Any, officer: Any, make_evidence: Any
) -> None:
    evidence = make_evidence(ngo)
    settings.REQUIRE_OTP_FOR_AUTHORITIES = True
    assert get(client, officer, f"/evidence/{evidence.pk}/").status_code == 404
    assert client.get("/evidence/").status_code == 404


# The evidence on a case


def test_officer_sees_relevant_evidence_and_records_consideration(
    client: Any, ngo: Any, officer: Any, exporter: Any, make_evidence: Any
) -> None:
    relevant = make_evidence(ngo, title="Golden Eagle and the police")
    unrelated = make_evidence(ngo, subject="destination", country="NO", party_name="", title="Norway report")
    pending = make_evidence(ngo, title="Not yet moderated")
    for item in (relevant, unrelated):
        services.moderate_evidence(item, accept=True, note="", acting_user=officer)
    application = case(exporter)
    url = f"/evidence/cases/{application.pk}/"
    page = get(client, officer, url).content.decode()
    assert "Golden Eagle and the police" in page and "Norway report" not in page
    assert "Not yet moderated" not in page
    response = client.post(
        url, {"evidence": relevant.pk, "how": "relied_on", "note": "Decisive for criterion 2."}
    )
    assert response.status_code == 302 and response["Location"] == url
    consideration = EvidenceConsideration.objects.get()
    assert (consideration.evidence_id, consideration.how) == (relevant.pk, "relied_on")
    assert "Relied on in the assessment" in client.get(url).content.decode()
    not_accepted = client.post(url, {"evidence": pending.pk, "how": "weighed", "note": "Read it carefully."})
    assert not_accepted.status_code == 409
    assert client.post(url, {"evidence": relevant.pk, "how": "maybe", "note": "hmm hmm"}).status_code == 400
    assert client.post(url, {"evidence": "abc", "how": "weighed", "note": "x" * 10}).status_code == 404
    assert EvidenceConsideration.objects.get().how == "relied_on"


@pytest.mark.parametrize("who", ["officer_other_state", "exporter", "other_exporter", "ngo", "commission"])
def test_others_get_404_on_a_case(
    client: Any, request: Any, ngo: Any, officer: Any, exporter: Any, make_evidence: Any, who: str
) -> None:
    evidence = make_evidence(ngo)
    services.moderate_evidence(evidence, accept=True, note="", acting_user=officer)
    application = case(exporter)
    url = f"/evidence/cases/{application.pk}/"
    assert get(client, request.getfixturevalue(who), url).status_code == 404
    assert client.post(url, {"evidence": evidence.pk, "how": "weighed", "note": "x" * 10}).status_code == 404
    assert not EvidenceConsideration.objects.exists()
