"""UGEA registration and notices, Art 27 retention, and the authorities' second factor."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from dualuse.core import audit
from dualuse.core.calendar import add_working_days
from dualuse.licensing import services
from dualuse.licensing.errors import RegistrationExists
from dualuse.licensing.models import Application, Licence
from dualuse.licensing.services import retention
from tests.licensing import factories

pytestmark = pytest.mark.django_db


def test_registration_is_acknowledged_within_ten_working_days_of_the_state(
    api: Any, exporter: Any, officer: Any
) -> None:
    # 2026-12-22 (Tue) in DE: 25 and 26 December are holidays, so the 10th working day is 2027-01-07.
    registration = services.register_ugea("EU001", acting_user=exporter, today=date(2026, 12, 22))
    assert registration.acknowledge_by == add_working_days(date(2026, 12, 22), 10, "DE") == date(2027, 1, 7)
    with pytest.raises(RegistrationExists):
        services.register_ugea("eu001", acting_user=exporter)
    bad = api(exporter).post("/api/v1/licensing/ugea-registrations", {"code": "EU009"})
    assert bad.status_code == 400
    acknowledged = api(officer).post(f"/api/v1/licensing/ugea-registrations/{registration.pk}/acknowledge")
    assert acknowledged.json()["status"] == "acknowledged"
    assert acknowledged.json()["reference"] == f"DE-EU001-{registration.pk:06d}"
    assert (
        api(officer).post(f"/api/v1/licensing/ugea-registrations/{registration.pk}/acknowledge").status_code
        == 409
    )


def test_first_use_timing_is_noted_per_section(exporter: Any, officer: Any) -> None:
    eu001 = services.register_ugea("EU001", acting_user=exporter)
    late = services.submit_notice(
        eu001,
        kind="first_use",
        first_export_on=date(2026, 1, 1),
        acting_user=exporter,
        today=date(2026, 3, 1),
    )
    assert "within 30 days after" in late.timing_note
    eu008 = services.register_ugea("EU008", acting_user=exporter)
    on_time = services.submit_notice(
        eu008,
        kind="first_use",
        first_export_on=date(2026, 3, 20),
        acting_user=exporter,
        today=date(2026, 3, 1),
    )
    assert on_time.timing_note == ""
    with pytest.raises(RegistrationExists):
        services.submit_notice(
            eu008, kind="first_use", first_export_on=date(2026, 3, 20), acting_user=exporter
        )
    report = services.submit_notice(
        eu008,
        kind="use_report",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        details="12 shipments",
        acting_user=exporter,
    )
    assert report.kind == "use_report"


def _age(application: Application, year: int) -> None:
    moment = timezone.make_aware(datetime(year, 6, 1, 12, 0))
    Application.objects.filter(pk=application.pk).update(
        updated_at=moment,
        decided_at=moment,
        submitted_at=moment,
        withdrawn_at=moment if application.withdrawn_at else None,
    )


def test_retention_removes_only_what_is_past_art_27(exporter: Any, officer: Any, senior_officer: Any) -> None:
    old_withdrawn = factories.submitted(exporter)
    services.withdraw_application(old_withdrawn, acting_user=exporter)
    old_withdrawn.refresh_from_db()
    _age(old_withdrawn, 2020)  # kept until 2025-12-31
    recent_withdrawn = factories.submitted(exporter)
    services.withdraw_application(recent_withdrawn, acting_user=exporter)
    recent_withdrawn.refresh_from_db()
    _age(recent_withdrawn, 2021)  # kept until 2026-12-31
    old_denied = factories.proposed(exporter, officer, outcome="deny")
    services.countersign_decision(old_denied, acting_user=senior_officer)
    _age(old_denied, 2015)  # a refusal still valid is kept (Art 16(2))
    expired = factories.licensed(exporter, officer, senior_officer, today=date(2017, 3, 1))
    Licence.objects.filter(pk=expired.pk).update(
        status="expired", issued_at=timezone.make_aware(datetime(2017, 3, 1))
    )
    _age(expired.application, 2017)  # its validity ended in February 2019: kept until 2024-12-31
    live = factories.licensed(exporter, officer, senior_officer, today=date(2016, 3, 1))
    _age(live.application, 2016)  # an active licence is never removed

    listed = retention.due_for_removal(date(2026, 1, 1))
    assert {i.pk for i in listed} == {old_withdrawn.pk, expired.application_id}
    assert all(i.keep_until < date(2026, 1, 1) for i in listed)
    assert retention.due_for_removal(date(2025, 12, 31)) == [
        i for i in listed if i.pk == expired.application_id
    ]

    call_command("retention", "--date", "2026-01-01", "--json", stdout=(out := _Out()))
    assert '"applied": false' in out.text
    assert Application.objects.filter(pk=old_withdrawn.pk).exists()  # a dry run removes nothing
    call_command("retention", "--apply", "--date", "2026-01-01", stdout=_Out())
    assert not Application.objects.filter(pk__in=[old_withdrawn.pk, expired.application_id]).exists()
    assert (
        Application.objects.filter(pk__in=[recent_withdrawn.pk, old_denied.pk, live.application_id]).count()
        == 3
    )
    count, problems = audit.verify()
    assert problems == []


def test_authority_pages_need_a_verified_second_factor(
    client: Any, settings: Any, officer: Any, exporter: Any
) -> None:
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.REQUIRE_OTP_FOR_AUTHORITIES = True
    client.force_login(officer)
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/otp/")
    api_session = client.get("/api/v1/licensing/cases")
    assert api_session.status_code == 403 and api_session.json()["code"] == "otp_required"
    setup = client.get("/accounts/otp/")
    assert setup.status_code == 200 and setup.context["setup"] is True
    device = TOTPDevice.objects.get(user=officer)
    wrong = client.post("/accounts/otp/", {"token": "000000", "next": "/cases/"})
    assert wrong.status_code == 200
    device.refresh_from_db()
    device.throttle_reset()  # django-otp slows down guessing after a failure
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    ok = client.post("/accounts/otp/", {"token": f"{totp.token():06d}", "next": "/cases/"})
    assert ok.status_code == 302 and ok["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200
    client.force_login(exporter)  # exporters are not asked for a second factor
    assert client.get("/applications/").status_code == 200


def test_otp_next_cannot_redirect_elsewhere(client: Any, officer: Any) -> None:
    client.force_login(officer)
    page = client.get("/accounts/otp/", {"next": "https://evil.example/"})
    assert page.context["next"] == "/"


class _Out:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


def test_housekeeping_command_text(exporter: Any, officer: Any, senior_officer: Any) -> None:
    factories.licensed(exporter, officer, senior_officer, today=timezone.localdate() - timedelta(days=900))
    call_command("licences", "housekeeping", stdout=(out := _Out()))
    assert "1 licence(s) expired" in out.text
