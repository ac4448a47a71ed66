"""Union general export authorisations (Annex II): registration, acknowledgement, first use, reports."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from dualuse.core import audit
from dualuse.core.calendar import add_working_days
from dualuse.core.errors import InvalidInput, NotFound
from dualuse.core.models import Verb
from dualuse.diligence.services.programme import has_compliance_programme
from dualuse.licensing import access, ugea_rules
from dualuse.licensing.errors import NotAllowed, RegistrationExists, TransitionRefused
from dualuse.licensing.models import (
    GeneralAuthorisationRegistration,
    NoticeKind,
    RegistrationStatus,
    UgeaNotice,
)
from dualuse.licensing.services.applications import competent_authority


def register_ugea(
    code: str, *, acting_user: Any, today: date | None = None
) -> GeneralAuthorisationRegistration:
    """The exporter registers to use EU00x; the authority acknowledges within 10 working days of its state."""
    if not access.is_exporter(acting_user):
        raise NotAllowed("only exporter users register for a general authorisation")
    code = code.strip().upper()
    if code not in ugea_rules.CODES:
        raise InvalidInput(
            f"{code!r} is not a Union general export authorisation (EU001-EU008)", field="code"
        )
    exporter = acting_user.organisation
    if code == "EU007" and not has_compliance_programme(exporter):
        # Annex II Section G: EU007 is open only to exporters with an internal compliance programme.
        raise InvalidInput(
            "EU007 needs your internal compliance programme on record (Annex II Section G)", field="code"
        )
    authority = competent_authority(exporter)
    day = today or timezone.localdate()
    with transaction.atomic():
        live = GeneralAuthorisationRegistration.objects.select_for_update().filter(
            exporter=exporter, code=code
        )
        if live.exclude(status=RegistrationStatus.WITHDRAWN).exists():
            raise RegistrationExists(f"you are already registered for {code}", field="code")
        registration = GeneralAuthorisationRegistration.objects.create(
            exporter=exporter,
            authority=authority,
            code=code,
            registered_by=acting_user,
            acknowledge_by=add_working_days(day, ugea_rules.ACKNOWLEDGE_WORKING_DAYS, authority.member_state),
        )
        audit.record(
            acting_user,
            Verb.UGEA_REGISTERED,
            registration,
            data={"code": code, "acknowledge_by": registration.acknowledge_by.isoformat()},
        )
    return registration


def _lock(registration: GeneralAuthorisationRegistration, user: Any) -> GeneralAuthorisationRegistration:
    found = (
        GeneralAuthorisationRegistration.objects.for_user(user)
        .select_for_update()
        .filter(pk=registration.pk)
        .first()
    )
    if found is None:
        raise NotFound("no such registration")
    return found


def acknowledge_registration(
    registration: GeneralAuthorisationRegistration, *, acting_user: Any
) -> GeneralAuthorisationRegistration:
    access.access_case_action(acting_user, registration.authority_id)
    with transaction.atomic():
        registration = _lock(registration, acting_user)
        if registration.status != RegistrationStatus.PENDING:
            raise TransitionRefused(f"the registration is {registration.get_status_display().lower()}")
        registration.status, registration.acknowledged_by = RegistrationStatus.ACKNOWLEDGED, acting_user
        registration.acknowledged_at = timezone.now()
        registration.reference = (
            f"{registration.authority.member_state}-{registration.code}-{registration.pk:06d}"
        )
        registration.save(update_fields=["status", "acknowledged_by", "acknowledged_at", "reference"])
        late = timezone.localdate() > registration.acknowledge_by
        audit.record(
            acting_user,
            Verb.UGEA_ACKNOWLEDGED,
            registration,
            data={"reference": registration.reference, "late": late},
        )
    return registration


def withdraw_registration(
    registration: GeneralAuthorisationRegistration, *, acting_user: Any
) -> GeneralAuthorisationRegistration:
    access.access_exporter_action(acting_user, registration.exporter_id)
    with transaction.atomic():
        registration = _lock(registration, acting_user)
        if registration.status == RegistrationStatus.WITHDRAWN:
            raise TransitionRefused("the registration is already withdrawn")
        registration.status = RegistrationStatus.WITHDRAWN
        registration.save(update_fields=["status"])
        audit.record(acting_user, Verb.UGEA_WITHDRAWN, registration)
    return registration


def submit_notice(
    registration: GeneralAuthorisationRegistration,
    *,
    kind: str,
    acting_user: Any,
    first_export_on: date | None = None,
    period_start: date | None = None,
    period_end: date | None = None,
    details: str = "",
    today: date | None = None,
) -> UgeaNotice:
    """A first-use notification or a periodic use report, with its Annex II timing noted."""
    access.access_exporter_action(acting_user, registration.exporter_id)
    day = today or timezone.localdate()
    timing = ""
    if kind == NoticeKind.FIRST_USE:
        if first_export_on is None:
            raise InvalidInput("give the date of the first export", field="first_export_on")
        timing = ugea_rules.first_use_timing(registration.code, first_export_on, day)
    elif kind == NoticeKind.USE_REPORT:
        if period_start is None or period_end is None:
            raise InvalidInput("give the reporting period", field="period_start")
        if problem := ugea_rules.report_period_problem(registration.code, period_start, period_end):
            raise InvalidInput(problem, field="period_end")
    else:
        raise InvalidInput("the kind is first_use or use_report", field="kind")
    with transaction.atomic():
        registration = _lock(registration, acting_user)
        if registration.status == RegistrationStatus.WITHDRAWN:
            raise TransitionRefused("the registration is withdrawn")
        if kind == NoticeKind.FIRST_USE and registration.notices.filter(kind=NoticeKind.FIRST_USE).exists():
            raise RegistrationExists("the first use has already been notified", field="kind")
        notice = UgeaNotice.objects.create(
            registration=registration,
            kind=kind,
            first_export_on=first_export_on,
            period_start=period_start,
            period_end=period_end,
            details=details.strip(),
            timing_note=timing[:300],
            submitted_by=acting_user,
        )
        audit.record(
            acting_user,
            Verb.UGEA_NOTICE_SUBMITTED,
            notice,
            data={"registration": registration.pk, "kind": kind, "timing": timing},
        )
    return notice
