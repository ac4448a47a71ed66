"""Decided applications for the transparency tests, made through the licensing models."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from dualuse.accounts.models import Organisation
from dualuse.licensing.models import Application, ApplicationLine, Party

TZ = ZoneInfo("Europe/Brussels")


def exporter_org(name: str, state: str = "DE") -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        name=name,
        defaults={"kind": "exporter", "member_state": state, "eori": f"{state}{abs(hash(name)) % 10**12}"},
    )
    return org


def authority_org(state: str) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        name=f"Authority {state}", defaults={"kind": "authority", "member_state": state}
    )
    return org


def decided_application(
    exporter: Organisation,
    user: Any,
    *,
    state: str = "DE",
    status: str = "granted",
    lines: list[tuple[str, str, str]] | None = None,
    year: int = 2025,
    end_user_kind: str = "government",
    end_user_name: str = "Secret Police Bureau",
) -> Application:
    """lines: (entry_code, destination, value_eur)."""
    application = Application.objects.create(
        exporter=exporter,
        authority=authority_org(state),
        created_by=user,
        status=status,
        title=f"Contract for {exporter.name}",
        end_use="Monitoring centre",
        decided_at=datetime(year, 6, 15, 12, tzinfo=TZ),
    )
    for position, (code, destination, value) in enumerate(lines or [("5A001.j", "CN", "1000.00")], start=1):
        ApplicationLine.objects.create(
            application=application,
            position=position,
            description=f"{exporter.name} interception kit",
            entry_code=code,
            quantity=Decimal(1),
            value_eur=Decimal(value),
            destination=destination,
            cyber_surveillance=code.startswith(("5A001.f", "5A001.j", "4A005")),
        )
    Party.objects.create(
        application=application,
        role="end_user",
        kind=end_user_kind,
        name=end_user_name,
        country=(lines or [("", "CN", "")])[0][1],
    )
    return application
