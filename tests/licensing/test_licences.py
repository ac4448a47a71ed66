"""Licences: validity, use that never overdraws, exhaustion and expiry, Art 16(1) changes, PDF."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from dualuse.licensing import services
from dualuse.licensing.errors import LicenceExceeded, LicenceNotActive, NotAllowed
from dualuse.licensing.inputs import AmendmentInput, UseInput
from dualuse.licensing.models import Licence, LicenceUse
from tests.licensing import factories

pytestmark = pytest.mark.django_db


def _use(licence: Licence, quantity: str, value: str = "10.00", shipped_on: date | None = None) -> UseInput:
    line = licence.lines.get()
    return UseInput(
        line.pk, Decimal(quantity), Decimal(value), shipped_on or timezone.localdate(), "26DE0001"
    )


def test_validity_follows_the_configured_maximum(
    exporter: Any, officer: Any, senior_officer: Any, settings: Any
) -> None:
    licence = factories.licensed(exporter, officer, senior_officer, today=date(2026, 3, 1))
    assert (licence.valid_from, licence.valid_until) == (date(2026, 3, 1), date(2028, 2, 29))
    settings.LICENCE_MAX_MONTHS = 6
    shorter = factories.licensed(exporter, officer, senior_officer, today=date(2026, 3, 1))
    assert shorter.valid_until == date(2026, 8, 31)
    assert shorter.number.split("-")[:2] == ["DE", "2026"]
    assert int(shorter.number.rsplit("-", 1)[1]) == int(licence.number.rsplit("-", 1)[1]) + 1


def test_use_depletes_and_exhausts(api: Any, exporter: Any, officer: Any, senior_officer: Any) -> None:
    licence = factories.licensed(exporter, officer, senior_officer, quantity="10", value="1000.00")
    line = licence.lines.get()
    url = f"/api/v1/licensing/licences/{licence.pk}/uses"
    body = {
        "line_id": line.pk,
        "quantity": "4",
        "value_eur": "400.00",
        "shipped_on": str(timezone.localdate()),
        "customs_reference": "26DE000000000001A1",
    }
    ex = api(exporter)
    assert ex.post(url, body).status_code == 201
    too_much = ex.post(url, {**body, "quantity": "7", "value_eur": "1.00"})
    assert too_much.status_code == 409
    assert too_much.json()["code"] == "licence_exceeded"
    assert "only 6 pieces" in too_much.json()["message"]
    too_dear = ex.post(url, {**body, "quantity": "1", "value_eur": "700.00"})
    assert too_dear.status_code == 409
    assert ex.post(url, {**body, "quantity": "6", "value_eur": "600.00"}).status_code == 201
    licence.refresh_from_db()
    assert licence.status == "exhausted"
    line.refresh_from_db()
    assert line.remaining_quantity == 0
    after = ex.post(url, {**body, "quantity": "1", "value_eur": "0"})
    assert after.status_code == 409
    assert after.json()["code"] == "licence_not_active"
    assert api(officer).post(url, body).status_code == 403  # only the holder reports uses


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("quantity", "0"),
        ("quantity", "-1"),
        ("customs_reference", " "),
        ("shipped_on", "2099-01-01"),
        ("line_id", 0),
    ],
)
def test_bad_uses_are_400_or_404(
    api: Any, exporter: Any, officer: Any, senior_officer: Any, field: str, value: Any
) -> None:
    licence = factories.licensed(exporter, officer, senior_officer)
    body = {
        "line_id": licence.lines.get().pk,
        "quantity": "1",
        "value_eur": "1.00",
        "shipped_on": str(timezone.localdate()),
        "customs_reference": "MRN1",
        field: value,
    }
    response = api(exporter).post(f"/api/v1/licensing/licences/{licence.pk}/uses", body)
    assert response.status_code in {400, 404}
    assert not LicenceUse.objects.exists()


def test_expired_licence_changes_status_on_use_and_by_housekeeping(
    exporter: Any, officer: Any, senior_officer: Any
) -> None:
    old = factories.licensed(exporter, officer, senior_officer, today=date(2020, 1, 6))
    with pytest.raises(LicenceNotActive):
        services.record_use(old, _use(old, "1", shipped_on=date(2021, 1, 4)), acting_user=exporter)
    old.refresh_from_db()
    assert old.status == "expired"  # committed although the use was refused
    other = factories.licensed(exporter, officer, senior_officer, today=date(2021, 6, 1))
    call_command("licences", "housekeeping", "--date", "2024-01-01", "--json", stdout=(out := _Out()))
    assert other.number in out.text
    other.refresh_from_db()
    assert other.status == "expired"


def test_suspend_reinstate_revoke_amend_need_a_senior(
    exporter: Any, officer: Any, senior_officer: Any
) -> None:
    licence = factories.licensed(exporter, officer, senior_officer, quantity="10")
    with pytest.raises(NotAllowed):
        services.suspend_licence(licence, reasons="x", acting_user=officer)
    services.suspend_licence(licence, reasons="end user under investigation", acting_user=senior_officer)
    with pytest.raises(LicenceNotActive):
        services.record_use(licence, _use(licence, "1"), acting_user=exporter)
    services.reinstate_licence(licence, reasons="cleared", acting_user=senior_officer)
    services.record_use(licence, _use(licence, "3"), acting_user=exporter)
    line = licence.lines.get()
    amended = services.amend_licence(
        licence,
        AmendmentInput(
            "quantity reduced",
            valid_until=licence.valid_from + timedelta(days=100),
            quantities={line.pk: Decimal("5")},
        ),
        acting_user=senior_officer,
    )
    line.refresh_from_db()
    assert (line.authorised_quantity, line.remaining_quantity) == (5, 2)
    assert amended.valid_until == licence.valid_from + timedelta(days=100)
    with pytest.raises(Exception, match="already been shipped"):
        services.amend_licence(
            licence, AmendmentInput("x", quantities={line.pk: Decimal("2")}), acting_user=senior_officer
        )
    services.revoke_licence(licence, reasons="Art 16(1)", acting_user=senior_officer)
    licence.refresh_from_db()
    assert licence.status == "revoked"
    assert [c.action for c in licence.changes.all()] == ["suspend", "reinstate", "amend", "revoke"]
    with pytest.raises(LicenceNotActive):
        services.reinstate_licence(licence, reasons="x", acting_user=senior_officer)


def test_pdf_is_served_and_carries_number_and_verification_code(
    client: Any, exporter: Any, officer: Any, senior_officer: Any
) -> None:
    from django.template.loader import render_to_string

    from dualuse.licensing import pdf

    licence = factories.licensed(exporter, officer, senior_officer)
    client.force_login(exporter)
    response = client.get(f"/licences/{licence.pk}/document.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and response.content.rstrip().endswith(b"%%EOF")
    # The glyphs in the PDF are font-encoded: check the document WeasyPrint lays out instead.
    html = render_to_string(
        "licensing/licence_pdf.html", pdf.licence_context(licence, verify_url="http://x/licences/verify/")
    )
    for expected in [
        licence.number,
        licence.verification_code,
        "Annex III",
        "2B230",
        "Bharat Process Ltd",
        "http://x/licences/verify/",
    ]:
        assert expected in html


class _Out:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_uses_never_overdraw(
    transactional_db: Any, exporter: Any, officer: Any, senior_officer: Any
) -> None:
    """16 threads each ship 1 of 10 pieces at once: exactly 10 succeed, nothing goes below zero."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (SQLite serialises writers)")
    from tests.conftest import import_shared_control_list

    import_shared_control_list()
    licence = factories.licensed(exporter, officer, senior_officer, quantity="10", value="1000.00")
    line_id = licence.lines.get().pk
    barrier = threading.Barrier(16)
    outcomes: list[str] = []
    lock = threading.Lock()

    def ship() -> None:
        try:
            barrier.wait()
            services.record_use(
                licence,
                UseInput(line_id, Decimal("1"), Decimal("100.00"), timezone.localdate(), "MRN"),
                acting_user=exporter,
            )
            result = "ok"
        except LicenceExceeded:
            result = "exceeded"
        except LicenceNotActive:
            result = "not_active"
        finally:
            connection.close()  # each thread has its own connection: close it, or the test DB cannot be dropped
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=ship) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    line = licence.lines.get()
    assert outcomes.count("ok") == 10
    assert len(outcomes) == 16
    assert line.remaining_quantity == 0 and line.remaining_value == 0
    assert LicenceUse.objects.filter(licence=licence).count() == 10
    licence.refresh_from_db()
    assert licence.status == "exhausted"
