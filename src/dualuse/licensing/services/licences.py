"""Licences: issuing (Annex III), use that depletes them (race-safe), and Art 16(1) changes.

A use is ONE conditional UPDATE of the line (`remaining >= q`), so concurrent uses cannot overdraw it
(docs/adr/0003-licence-use-is-one-conditional-update.md).
"""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from dualuse.core import audit
from dualuse.core.errors import InvalidInput, NotFound
from dualuse.core.models import Verb
from dualuse.licensing import access, records
from dualuse.licensing.errors import LicenceExceeded, LicenceNotActive
from dualuse.licensing.inputs import AmendmentInput, UseInput
from dualuse.licensing.models import (
    Application,
    ApplicationType,
    Decision,
    Licence,
    LicenceAction,
    LicenceChange,
    LicenceLine,
    LicenceNumberCounter,
    LicenceStatus,
    LicenceUse,
)

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def new_verification_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def next_licence_number(member_state: str, year: int) -> str:
    """`DE-2026-000123`: one counter row per state and year, locked while the number is drawn."""
    LicenceNumberCounter.objects.get_or_create(member_state=member_state, year=year)
    counter = LicenceNumberCounter.objects.select_for_update().get(member_state=member_state, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{member_state}-{year}-{counter.last:06d}"


def issue_licence(
    application: Application, decision: Decision, *, months: int, valid_from: date, acting_user: Any
) -> Licence:
    """Called by countersign_decision inside its transaction."""
    state = application.authority.member_state or "EU"
    lines = list(application.lines.all())
    parties = list(application.parties.all())
    licence = Licence.objects.create(
        number=next_licence_number(state, valid_from.year),
        application=application,
        holder=application.exporter,
        authority=application.authority,
        member_state=state,
        type=application.type,
        activity=application.activity,
        valid_from=valid_from,
        valid_until=records.validity_end(valid_from, months),
        conditions=decision.conditions,
        destinations=sorted({line.destination for line in lines if line.destination}),
        end_users=[{"role": p.role, "name": p.name, "country": p.country} for p in parties],
        end_use=application.end_use,
        verification_code=new_verification_code(),
        issued_by=acting_user,
    )
    LicenceLine.objects.bulk_create(
        LicenceLine(
            licence=licence,
            application_line=line,
            position=line.position,
            entry_code=line.entry_code,
            description=line.description,
            unit=line.unit,
            destination=line.destination,
            authorised_quantity=line.quantity,
            authorised_value=line.value_eur,
            remaining_quantity=line.quantity,
            remaining_value=line.value_eur,
        )
        for line in lines
    )
    audit.record(
        acting_user,
        Verb.LICENCE_ISSUED,
        licence,
        data={
            "number": licence.number,
            "application": application.pk,
            "valid_until": licence.valid_until.isoformat(),
        },
    )
    return licence


def _set_status(
    licence: Licence, status: LicenceStatus, verb: Verb, user: Any, reason: str, *, only_from: set[str]
) -> bool:
    """A conditional status change (so a concurrent change cannot be overwritten); True if it happened."""
    changed = Licence.objects.filter(pk=licence.pk, status__in=only_from).update(
        status=status, status_reason=reason[:1000], status_changed_at=timezone.now()
    )
    if changed:
        audit.record(
            user, verb, licence, data={"from": licence.status, "to": status.value, "reason": reason[:500]}
        )
        licence.status = status
    return bool(changed)


def _expire_if_due(licence: Licence, today: date) -> None:
    if licence.status == LicenceStatus.ACTIVE and today > licence.valid_until:
        with transaction.atomic():
            _set_status(
                licence,
                LicenceStatus.EXPIRED,
                Verb.LICENCE_EXPIRED,
                None,
                f"validity ended on {licence.valid_until.isoformat()}",
                only_from={LicenceStatus.ACTIVE},
            )


def _check_use(licence: Licence, data: UseInput, today: date) -> None:
    if data.quantity <= 0:
        raise InvalidInput("the quantity shipped must be greater than zero", field="quantity")
    if data.value_eur < 0:
        raise InvalidInput("the value cannot be negative", field="value_eur")
    if not data.customs_reference.strip():
        raise InvalidInput("give the customs declaration reference (MRN)", field="customs_reference")
    if data.shipped_on > today:
        raise InvalidInput("report a shipment once it has taken place", field="shipped_on")
    if not licence.valid_from <= data.shipped_on <= licence.valid_until:
        raise InvalidInput(
            f"the licence is valid from {licence.valid_from} to {licence.valid_until}", field="shipped_on"
        )


def record_use(
    licence: Licence, data: UseInput, *, acting_user: Any, today: date | None = None
) -> LicenceUse:
    """The exporter reports a shipment; it can never exceed what remains on the line."""
    access.access_exporter_action(acting_user, licence.holder_id)
    day = today or timezone.localdate()
    _expire_if_due(licence, day)  # committed on its own: an expired licence stays expired
    licence = Licence.objects.for_user(acting_user).filter(pk=licence.pk).first() or _missing()
    if licence.status != LicenceStatus.ACTIVE:
        raise LicenceNotActive(f"licence {licence.number} is {licence.get_status_display().lower()}")
    _check_use(licence, data, day)
    line = LicenceLine.objects.filter(pk=data.line_id, licence=licence).first()
    if line is None:
        raise NotFound("no such line on this licence")
    with transaction.atomic():
        # The one conditional update: the database refuses to go below zero, whatever runs concurrently.
        depleted = LicenceLine.objects.filter(
            pk=line.pk, remaining_quantity__gte=data.quantity, remaining_value__gte=data.value_eur
        ).update(
            remaining_quantity=F("remaining_quantity") - data.quantity,
            remaining_value=F("remaining_value") - data.value_eur,
        )
        if not depleted:
            line.refresh_from_db()
            raise LicenceExceeded(
                f"only {line.remaining_quantity.normalize():f} {line.unit} worth EUR {line.remaining_value} remain on "
                f"line {line.position}",
                field="quantity",
            )
        use = LicenceUse.objects.create(
            licence=licence,
            line=line,
            quantity=data.quantity,
            value_eur=data.value_eur,
            shipped_on=data.shipped_on,
            customs_reference=data.customs_reference.strip()[:60],
            reported_by=acting_user,
        )
        audit.record(
            acting_user,
            Verb.LICENCE_USED,
            use,
            data={
                "licence": licence.number,
                "line": line.pk,
                "quantity": str(data.quantity),
                "value_eur": str(data.value_eur),
            },
        )
        if not LicenceLine.objects.filter(licence=licence, remaining_quantity__gt=0).exists():
            _set_status(
                licence,
                LicenceStatus.EXHAUSTED,
                Verb.LICENCE_EXHAUSTED,
                acting_user,
                "every line is used up",
                only_from={LicenceStatus.ACTIVE},
            )
    return use


def _missing() -> Licence:
    raise NotFound("no such licence")


def _lock(licence: Licence, user: Any) -> Licence:
    found = Licence.objects.for_user(user).select_for_update().filter(pk=licence.pk).first()
    return found or _missing()


def _change(
    licence: Licence, action: LicenceAction, reasons: str, user: Any, changes: dict[str, Any]
) -> None:
    LicenceChange.objects.create(
        licence=licence, action=action, reasons=reasons, changes=changes, made_by=user
    )


def _status_change(
    licence: Licence,
    *,
    reasons: str,
    acting_user: Any,
    action: LicenceAction,
    target: LicenceStatus,
    verb: Verb,
    only_from: set[str],
    exporter: bool = False,
) -> Licence:
    if exporter:
        access.access_exporter_action(acting_user, licence.holder_id)
    else:
        access.access_licence_change(acting_user, licence.authority_id)
    if not reasons.strip():
        raise InvalidInput("give the reasons", field="reasons")
    with transaction.atomic():
        licence = _lock(licence, acting_user)
        if not _set_status(licence, target, verb, acting_user, reasons.strip(), only_from=only_from):
            raise LicenceNotActive(
                f"a {licence.get_status_display().lower()} licence cannot be {target.label.lower()}"
            )
        _change(licence, action, reasons.strip(), acting_user, {"status": target.value})
    return licence


def suspend_licence(licence: Licence, *, reasons: str, acting_user: Any) -> Licence:
    """Art 16(1): suspension (it ends in a final assessment: reinstate or revoke)."""
    return _status_change(
        licence,
        reasons=reasons,
        acting_user=acting_user,
        action=LicenceAction.SUSPEND,
        target=LicenceStatus.SUSPENDED,
        verb=Verb.LICENCE_SUSPENDED,
        only_from={LicenceStatus.ACTIVE},
    )


def reinstate_licence(licence: Licence, *, reasons: str, acting_user: Any) -> Licence:
    return _status_change(
        licence,
        reasons=reasons,
        acting_user=acting_user,
        action=LicenceAction.REINSTATE,
        target=LicenceStatus.ACTIVE,
        verb=Verb.LICENCE_REINSTATED,
        only_from={LicenceStatus.SUSPENDED},
    )


def revoke_licence(licence: Licence, *, reasons: str, acting_user: Any) -> Licence:
    """Art 16(1): revocation, notified like a refusal (the cooperation app reads LicenceChange)."""
    return _status_change(
        licence,
        reasons=reasons,
        acting_user=acting_user,
        action=LicenceAction.REVOKE,
        target=LicenceStatus.REVOKED,
        verb=Verb.LICENCE_REVOKED,
        only_from={LicenceStatus.ACTIVE, LicenceStatus.SUSPENDED},
    )


def surrender_licence(licence: Licence, *, reasons: str, acting_user: Any) -> Licence:
    """The holder gives the licence back."""
    return _status_change(
        licence,
        reasons=reasons,
        acting_user=acting_user,
        action=LicenceAction.SURRENDER,
        target=LicenceStatus.SURRENDERED,
        verb=Verb.LICENCE_SURRENDERED,
        only_from={LicenceStatus.ACTIVE, LicenceStatus.SUSPENDED},
        exporter=True,
    )


def amend_licence(licence: Licence, data: AmendmentInput, *, acting_user: Any) -> Licence:
    """Art 16(1) modification: validity, conditions, lower authorised quantities (never below what was used)."""
    access.access_licence_change(acting_user, licence.authority_id)
    if not data.reasons.strip():
        raise InvalidInput("give the reasons", field="reasons")
    with transaction.atomic():
        licence = _lock(licence, acting_user)
        if licence.status not in {LicenceStatus.ACTIVE, LicenceStatus.SUSPENDED}:
            raise LicenceNotActive(f"a {licence.get_status_display().lower()} licence cannot be amended")
        changes: dict[str, Any] = {}
        if data.valid_until is not None:
            months = (
                settings.LARGE_PROJECT_MAX_MONTHS
                if licence.type == ApplicationType.LARGE_PROJECT
                else settings.LICENCE_MAX_MONTHS
            )
            latest = records.validity_end(licence.valid_from, int(months))
            if not licence.valid_from <= data.valid_until <= latest:
                raise InvalidInput(
                    f"the validity can end between {licence.valid_from} and {latest}", field="valid_until"
                )
            changes["valid_until"] = [licence.valid_until.isoformat(), data.valid_until.isoformat()]
            licence.valid_until = data.valid_until
        if data.conditions is not None:
            changes["conditions"] = [licence.conditions, data.conditions.strip()]
            licence.conditions = data.conditions.strip()
        licence.save(update_fields=["valid_until", "conditions"])
        for line_id, quantity in data.quantities.items():
            changes[f"line {line_id}"] = _lower_quantity(licence, line_id, quantity)
        _change(licence, LicenceAction.AMEND, data.reasons.strip(), acting_user, changes)
        audit.record(acting_user, Verb.LICENCE_AMENDED, licence, data={"changes": changes})
    return licence


def _lower_quantity(licence: Licence, line_id: int, quantity: Decimal) -> list[str]:
    line = LicenceLine.objects.filter(pk=line_id, licence=licence).first()
    if line is None:
        raise NotFound("no such line on this licence")
    cut = line.authorised_quantity - quantity
    if quantity < 0 or cut < 0:
        raise InvalidInput(
            "an amendment lowers an authorised quantity; a larger one needs a new application",
            field=f"quantities.{line_id}",
        )
    # Conditional, like a use: a concurrent shipment cannot make the remaining quantity negative.
    done = LicenceLine.objects.filter(pk=line.pk, remaining_quantity__gte=cut).update(
        authorised_quantity=quantity, remaining_quantity=F("remaining_quantity") - cut
    )
    if not done:
        raise InvalidInput(
            "more than that has already been shipped on this line", field=f"quantities.{line_id}"
        )
    return [str(line.authorised_quantity), str(quantity)]


def expire_licences(today: date | None = None) -> list[str]:
    """Housekeeping: active licences past their validity become expired (numbers returned)."""
    day = today or timezone.localdate()
    numbers = []
    for licence in Licence.objects.filter(status=LicenceStatus.ACTIVE, valid_until__lt=day).order_by("pk"):
        with transaction.atomic():
            if _set_status(
                licence,
                LicenceStatus.EXPIRED,
                Verb.LICENCE_EXPIRED,
                None,
                f"validity ended on {licence.valid_until.isoformat()}",
                only_from={LicenceStatus.ACTIVE},
            ):
                numbers.append(licence.number)
    return numbers


def exhaust_licences() -> list[str]:
    """Housekeeping: active licences with nothing left on any line become exhausted."""
    numbers = []
    candidates = Licence.objects.filter(status=LicenceStatus.ACTIVE).exclude(lines__remaining_quantity__gt=0)
    for licence in candidates.filter(lines__isnull=False).distinct().order_by("pk"):
        with transaction.atomic():
            if _set_status(
                licence,
                LicenceStatus.EXHAUSTED,
                Verb.LICENCE_EXHAUSTED,
                None,
                "every line is used up",
                only_from={LicenceStatus.ACTIVE},
            ):
                numbers.append(licence.number)
    return numbers


def verify_licence(number: str, code: str, *, today: date | None = None) -> dict[str, Any] | None:
    """The public check: only number, status, validity and issuing state, and only with the right code."""
    licence = Licence.objects.filter(number=number.strip().upper()).first()
    if licence is None or not secrets.compare_digest(
        licence.verification_code.encode(), code.strip().upper().encode()
    ):
        return None
    day = today or timezone.localdate()
    status = licence.status
    if status == LicenceStatus.ACTIVE and day > licence.valid_until:
        status = LicenceStatus.EXPIRED
    return {
        "number": licence.number,
        "status": status,
        "valid_from": licence.valid_from,
        "valid_until": licence.valid_until,
        "issuing_state": licence.member_state,
        "valid": status == LicenceStatus.ACTIVE and licence.valid_from <= day <= licence.valid_until,
    }
