"""Art 27: records are kept at least five years from the end of the calendar year of the export; after
that they may be removed. Only what is past the period is listed and removed; the audit log stays
(append-only) and records each removal.

What counts as the year of the record:
- an application with a licence: the latest of its decision, its last shipment, and the end of the licence
  (its expiry, or the day it was revoked, surrendered or exhausted), and never while the licence is live;
- a refused application: never while the refusal is valid (Art 16(2): a refusal not revoked stays valid
  and must be available for the "essentially identical" check); otherwise the year of the decision;
- a withdrawn application: the year it was withdrawn; a draft never lodged: its last change;
- a withdrawn UGEA registration: its last notice, or its registration year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from dualuse.core import audit
from dualuse.core.models import Verb
from dualuse.licensing import records
from dualuse.licensing.models import (
    Application,
    Document,
    GeneralAuthorisationRegistration,
    Licence,
    LicenceStatus,
    RegistrationStatus,
)
from dualuse.licensing.workflow import DECIDED, Status

LIVE_LICENCE = {LicenceStatus.ACTIVE, LicenceStatus.SUSPENDED}


@dataclass(frozen=True, slots=True)
class RetentionItem:
    kind: str  # "application" | "ugea_registration"
    pk: int
    label: str
    record_year: int
    keep_until: date

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.pk,
            "label": self.label,
            "record_year": self.record_year,
            "keep_until": self.keep_until.isoformat(),
        }


def _year(*moments: Any) -> int | None:
    years = [m.year for m in moments if m is not None]
    return max(years) if years else None


def _application_year(app: Application) -> int | None:
    """The year the record's period runs from, or None while it must be kept whatever the date.

    `updated_at` is in every maximum, so the pre-filter on it in `due_for_removal` is safe."""
    status = Status(app.status)
    if status == Status.DRAFT:
        return app.updated_at.year
    if status == Status.WITHDRAWN:
        return _year(app.withdrawn_at, app.updated_at)
    if status not in DECIDED:
        return None  # a case still open is never removed
    if status == Status.DENIED:
        denial = getattr(app, "denial", None)
        if denial is not None and denial.revoked_at is None:
            return None
        return _year(app.updated_at, app.decided_at, denial.revoked_at if denial else None)
    licence = getattr(app, "licence", None)
    if licence is None:
        return _year(app.updated_at, app.decided_at)
    if licence.status in LIVE_LICENCE:
        return None
    end = licence.valid_until if licence.status == LicenceStatus.EXPIRED else licence.status_changed_at
    return _year(app.updated_at, app.decided_at, getattr(app, "last_shipment", None), end, licence.issued_at)


def due_for_removal(today: date | None = None) -> list[RetentionItem]:
    """Everything whose Art 27 period has fully run on `today` (a dry run lists exactly these)."""
    day = today or timezone.localdate()
    cutoff_year = day.year - records.RETENTION_YEARS - 1  # the latest record year that can be past the period
    items: list[RetentionItem] = []
    candidates = (
        Application.objects.filter(
            Q(status__in=[Status.DRAFT, Status.WITHDRAWN, *DECIDED]), updated_at__year__lte=cutoff_year
        )
        .select_related("licence", "denial", "exporter")
        .annotate(last_shipment=Max("licence__uses__shipped_on"))
        .order_by("pk")
    )
    for app in candidates:
        year = _application_year(app)
        if year is not None and records.past_retention(year, day):
            items.append(
                RetentionItem(
                    "application",
                    app.pk,
                    f"{app.reference} ({app.exporter.name})",
                    year,
                    records.keep_until(year),
                )
            )
    registrations = (
        GeneralAuthorisationRegistration.objects.filter(status=RegistrationStatus.WITHDRAWN)
        .annotate(last_notice=Max("notices__submitted_at"))
        .order_by("pk")
    )
    for reg in registrations:
        year = _year(reg.registered_at, reg.acknowledged_at, reg.last_notice)
        if year is not None and records.past_retention(year, day):
            items.append(
                RetentionItem(
                    "ugea_registration",
                    reg.pk,
                    f"{reg.code} registration {reg.pk}",
                    year,
                    records.keep_until(year),
                )
            )
    return items


def remove_due(*, acting_user: Any = None, today: date | None = None) -> list[RetentionItem]:
    """Remove what `due_for_removal` lists, each in its own transaction with an audit event."""
    day = today or timezone.localdate()
    removed: list[RetentionItem] = []
    for item in due_for_removal(day):
        with transaction.atomic():
            if item.kind == "application":
                files = list(Document.objects.filter(application_id=item.pk).values_list("file", flat=True))
                Licence.objects.filter(application_id=item.pk).delete()
                Application.objects.filter(pk=item.pk).delete()
                transaction.on_commit(partial(_delete_files, files))
            else:
                GeneralAuthorisationRegistration.objects.filter(pk=item.pk).delete()
            audit.record(
                acting_user,
                Verb.RECORDS_PURGED,
                None,
                object_type=f"licensing.{item.kind}",
                object_id=str(item.pk),
                data={
                    "record_year": item.record_year,
                    "keep_until": item.keep_until.isoformat(),
                    "rule": "Art 27",
                },
            )
        removed.append(item)
    return removed


def _delete_files(names: list[str]) -> None:
    storage = Document._meta.get_field("file").storage  # type: ignore[attr-defined]
    for name in names:
        if name:
            storage.delete(name)
