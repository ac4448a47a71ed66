"""Due-diligence records and compliance programmes through the API."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dualuse.cooperation.models import CatchAllNotification
from dualuse.diligence import notify, services
from dualuse.diligence.models import DueDiligenceRecord
from tests.diligence.helpers import content, programme
from tests.transparency.factories import decided_application

pytestmark = pytest.mark.django_db
URL = "/api/v1/diligence/records"


def create(api: Any, user: Any, **changes: Any) -> Any:
    body = {"reference": "PO-1", "transaction_date": "2025-03-01", "content": content(**changes)}
    return api(user).post(URL, body)


def test_exporter_records_notify_and_it_waits_for_the_notification(api: Any, exporter: Any) -> None:
    response = create(api, exporter)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["conclusion"] == "notify" and data["notification_status"] == "pending"
    assert data["retain_until"] == "2030-12-31"  # Art 27(3): five years from the end of 2025
    assert data["content"]["screening"]["parties"][0]["name"] == "Golden Eagle Trading"
    assert [r.number for r in services.pending_notifications()] == [data["number"]]


def test_notify_hands_over_to_a_registered_handler(
    exporter: Any, django_capture_on_commit_callbacks: Any
) -> None:
    seen = []
    notify.register(lambda record: seen.append(record.pk) or "CA-0001")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            record = services.create_record(
                content(), reference="PO-2", transaction_date=date(2025, 1, 1), acting_user=exporter
            )
    finally:
        notify.register(None)
    record.refresh_from_db()
    assert (
        seen == [record.pk]
        and record.notification_status == "sent"
        and record.notification_reference == "CA-0001"
    )


def test_incomplete_record_is_400_with_every_problem(api: Any, exporter: Any) -> None:
    response = create(api, exporter, conclusion="", capabilities="")
    assert response.status_code == 400
    fields = {p["field"] for p in response.json()["problems"]}
    assert {"conclusion", "capabilities"} <= fields
    assert DueDiligenceRecord.objects.count() == 0


def test_versions_are_kept(api: Any, exporter: Any) -> None:
    record_id = create(api, exporter).json()["id"]
    response = api(exporter).post(f"{URL}/{record_id}/versions", {"content": content(conclusion="stop")})
    assert response.status_code == 201 and response.json()["version"] == 2
    record = DueDiligenceRecord.objects.get(pk=record_id)
    assert [v.content["conclusion"] for v in record.versions.order_by("number")] == ["notify", "stop"]


@pytest.mark.parametrize(("who", "code"), [("other_exporter", 404), ("officer", 404), ("ngo", 404)])
def test_others_cannot_see_a_record(api: Any, request: Any, exporter: Any, who: str, code: int) -> None:
    record_id = create(api, exporter).json()["id"]
    assert api(request.getfixturevalue(who)).get(f"{URL}/{record_id}").status_code == code
    assert api(request.getfixturevalue(who)).get(URL).json() == []


def test_anonymous_is_401(anonymous_api: Any) -> None:
    assert anonymous_api.get(URL).status_code == 401


def test_ngo_cannot_create(api: Any, ngo: Any) -> None:
    assert create(api, ngo).status_code == 403


def test_attached_record_is_seen_by_the_case_officer(
    api: Any, exporter: Any, officer: Any, officer_other_state: Any
) -> None:
    application = decided_application(exporter.organisation, exporter, status="submitted")
    record_id = create(api, exporter).json()["id"]
    response = api(exporter).post(f"{URL}/{record_id}/attach", {"application_id": application.pk})
    assert response.status_code == 200 and response.json()["application_id"] == application.pk
    assert api(officer).get(f"{URL}/{record_id}").status_code == 200
    assert api(officer_other_state).get(f"{URL}/{record_id}").status_code == 404


def test_cannot_attach_to_another_exporters_application(api: Any, exporter: Any, other_exporter: Any) -> None:
    application = decided_application(other_exporter.organisation, other_exporter, status="draft")
    record_id = create(api, exporter).json()["id"]
    assert (
        api(exporter).post(f"{URL}/{record_id}/attach", {"application_id": application.pk}).status_code == 404
    )


def test_compliance_programme_for_licensing(api: Any, exporter: Any) -> None:
    org = exporter.organisation
    assert not services.has_compliance_programme(org)
    partial = programme()
    partial["training"] = {"status": "partial", "evidence": "half the staff"}
    assert api(exporter).put("/api/v1/diligence/programme", {"elements": partial}).json()["complete"] is False
    assert not services.has_compliance_programme(org)
    response = api(exporter).put("/api/v1/diligence/programme", {"elements": programme()})
    assert response.status_code == 200 and response.json()["version"] == 2
    assert services.has_compliance_programme(org)
    assert api(exporter).put("/api/v1/diligence/programme", {"elements": {}}).status_code == 400


def test_notify_creates_the_cooperation_catch_all_notification(
    exporter: Any, officer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Art 5(2): the exporter's "notify" reaches its own authority as a catch-all notification."""
    with django_capture_on_commit_callbacks(execute=True):
        record = services.create_record(
            content(), reference="PO-3", transaction_date=date(2025, 1, 1), acting_user=exporter
        )
    record.refresh_from_db()
    notification = CatchAllNotification.objects.get()
    assert record.notification_status == "sent" and record.notification_reference == f"CA-{notification.pk}"
    assert notification.exporter_id == exporter.organisation_id and notification.destination == "MM"
    assert notification.authority_id == officer.organisation_id
    assert "Golden Eagle Trading" in [e["name"] for e in notification.entities]


def test_a_failed_hand_over_leaves_the_record_pending(
    exporter: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # no authority of DE is registered here
        record = services.create_record(
            content(), reference="PO-4", transaction_date=date(2025, 1, 1), acting_user=exporter
        )
    record.refresh_from_db()
    assert record.notification_status == "pending"
