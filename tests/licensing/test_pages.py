"""The pages as users see them: the draft form, problems, the workbench (with a fixed query count), the case."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from dualuse.licensing import services
from dualuse.licensing.models import Application
from tests.licensing import factories

pytestmark = pytest.mark.django_db


def test_exporter_drafts_through_the_form_and_sees_every_problem(
    client: Any, exporter: Any, officer: Any
) -> None:
    client.force_login(exporter)
    assert client.get("/applications/new/").status_code == 200
    response = client.post(
        "/applications/new/",
        {
            "type": "individual",
            "activity": "export",
            "title": "Sensors",
            "end_use": "short",
            "line_count": "2",
            "party_count": "2",
            "line-0-description": "Pressure sensors",
            "line-0-entry_code": "9Z999",
            "line-0-quantity": "abc",
            "line-0-unit": "pieces",
            "line-0-value_eur": "12,50",
            "line-0-destination": "IN",
            "party-0-role": "consignee",
            "party-0-kind": "commercial",
            "party-0-name": "Importer",
            "party-0-country": "IN",
        },
    )
    assert response.status_code == 302
    application = Application.objects.get(title="Sensors")
    assert application.authority == officer.organisation
    page = client.get(response["Location"]).content.decode()
    for where in ["end_use", "lines[0].entry_code", "lines[0].quantity", "parties", "documents"]:
        assert f"<code>{where}</code>" in page
    assert application.lines.get().value_eur == 12.5
    refused = client.post(f"/applications/{application.pk}/submit/", follow=True)
    assert "not complete" in refused.content.decode()
    application.refresh_from_db()
    assert application.status == "draft"


def test_document_upload_and_download_by_owner_and_officer(client: Any, exporter: Any, officer: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dualuse.licensing import filetypes

    application = factories.draft(exporter)
    client.force_login(exporter)
    upload = SimpleUploadedFile("statement.pdf", filetypes.sample("pdf"))
    client.post(f"/applications/{application.pk}/documents/", {"file": upload, "kind": "end_use_statement"})
    document = application.documents.get()
    assert document.content_type == "application/pdf"
    services.submit_application(application, acting_user=exporter)
    for user in (exporter, officer):
        client.force_login(user)
        response = client.get(f"/applications/{application.pk}/documents/{document.pk}/")
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == filetypes.sample("pdf")
        assert "attachment" in response["Content-Disposition"]


def test_workbench_queues_and_search(client: Any, exporter: Any, officer: Any, senior_officer: Any) -> None:
    a = factories.submitted(exporter, end_user="Alpha Instruments")
    b = factories.under_assessment(exporter, officer, end_user="Beta Systems", destination="BR")
    services.ask_question(b, text="?", acting_user=officer)
    c = factories.proposed(exporter, officer, end_user="Gamma Ltd")
    client.force_login(officer)
    page = client.get("/cases/").content.decode()
    assert (
        "New (1)" in page and "Awaiting information (1)" in page and "Awaiting countersignature (1)" in page
    )
    assert "Assigned to me (2)" in page
    found = client.get("/cases/", {"q": "beta"}).context["page"].object_list
    assert [x.pk for x in found] == [b.pk]
    by_ref = client.get("/cases/", {"q": a.reference}).context["page"].object_list
    assert [x.pk for x in by_ref] == [a.pk]
    by_dest = client.get("/cases/", {"destination": "BR"}).context["page"].object_list
    assert [x.pk for x in by_dest] == [b.pk]
    queue = client.get("/cases/", {"queue": "countersign"}).context["page"].object_list
    assert [x.pk for x in queue] == [c.pk]
    Application.objects.filter(pk=a.pk).update(target_date=timezone.localdate().replace(year=2020))
    overdue = client.get("/cases/", {"queue": "overdue"}).context["page"].object_list
    assert [x.pk for x in overdue] == [a.pk]


def test_workbench_and_case_query_counts_do_not_grow(
    client: Any, exporter: Any, officer: Any, senior_officer: Any, django_assert_max_num_queries: Any
) -> None:
    for _ in range(3):
        factories.submitted(exporter)
    first = factories.proposed(exporter, officer)
    client.force_login(officer)
    client.get("/cases/")  # warm the session and caches
    with django_assert_max_num_queries(12) as small:
        assert client.get("/cases/").status_code == 200
    with django_assert_max_num_queries(40) as case_small:
        assert client.get(f"/cases/{first.pk}/").status_code == 200
    for _ in range(12):
        factories.submitted(exporter)
    more = factories.proposed(exporter, officer)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/cases/").status_code == 200
    with django_assert_max_num_queries(len(case_small.captured_queries)):
        assert client.get(f"/cases/{more.pk}/").status_code == 200
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/cases/", {"q": "bharat", "destination": "IN", "page": "1"}).status_code == 200


def test_case_page_shows_everything(client: Any, exporter: Any, officer: Any, senior_officer: Any) -> None:
    factories.licensed(exporter, officer, senior_officer, code="5A001.f", destination="NO")
    application = factories.under_assessment(exporter, officer, code="5A001.f", destination="NO")
    client.force_login(officer)
    page = client.get(f"/cases/{application.pk}/").content.decode()
    assert "5A001.f" in page and "cyber-surveillance" in page
    assert "EU Charter" in page  # the human-rights consideration appears for cyber-surveillance lines
    assert "Precedents" in page  # the earlier licensed case with the same entry and destination
    assert "Bharat Process Ltd" in page
    assert "case.assessment_started" in page  # history


def test_assessment_form_saves_rows_and_reports_missing_reasoning(
    client: Any, exporter: Any, officer: Any
) -> None:
    application = factories.under_assessment(exporter, officer)
    client.force_login(officer)
    response = client.post(
        f"/cases/{application.pk}/assessment/",
        {
            "finding-cp_1": "no_concern",
            "reasoning-cp_1": "No embargo on IN.",
            "finding-cp_2": "concern",
            "reasoning-cp_2": "",
        },
        follow=True,
    )
    text = response.content.decode()
    assert "1 consideration(s) saved" in text and "give the reasoning" in text
    assert list(application.assessments.values_list("consideration", flat=True)) == ["cp_1"]


def test_exporter_answers_question_and_reports_use_on_pages(
    client: Any, exporter: Any, officer: Any, senior_officer: Any
) -> None:
    application = factories.under_assessment(exporter, officer)
    question = services.ask_question(application, text="Who is the operator?", acting_user=officer)
    client.force_login(exporter)
    assert "Who is the operator?" in client.get(f"/applications/{application.pk}/").content.decode()
    client.post(f"/applications/{application.pk}/questions/{question.pk}/answer/", {"answer": "The plant."})
    application.refresh_from_db()
    assert application.status == "under_assessment"
    licence = factories.licensed(exporter, officer, senior_officer, quantity="5")
    line = licence.lines.get()
    response = client.post(
        f"/licences/{licence.pk}/uses/",
        {
            "line_id": line.pk,
            "quantity": "2",
            "value_eur": "10",
            "shipped_on": str(timezone.localdate()),
            "customs_reference": "MRN-1",
        },
        follow=True,
    )
    assert "Shipment recorded" in response.content.decode()
    line.refresh_from_db()
    assert line.remaining_quantity == 3
    refused = client.post(
        f"/licences/{licence.pk}/uses/",
        {
            "line_id": line.pk,
            "quantity": "9",
            "value_eur": "1",
            "shipped_on": str(timezone.localdate()),
            "customs_reference": "MRN-2",
        },
        follow=True,
    )
    assert "only 3 pieces" in refused.content.decode()
