"""Consultations between Member States and what blocks a grant until they are done.

- Art 16: before granting, consult the state that issued a valid refusal of an essentially identical
  transaction; it answers within 10 working days (at most 30 by agreement); silence means it does not
  consider the transaction essentially identical. Granting anyway needs a recorded reason that every
  state sees.
- Art 14(1): when the items are in another Member State, that state is consulted; its objection
  within 10 working days (at most 30 in exceptional cases) is binding; silence is no objection.
Deadlines count working days on the consulted state's calendar (fact sheet §10).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from dualuse.cooperation import access
from dualuse.cooperation.errors import CooperationInvalid, NotAllowed, WrongState
from dualuse.cooperation.models import (
    Consultation,
    ConsultationAnswer,
    ConsultationKind,
    ConsultationStatus,
    DenialNotice,
    GrantDespiteDenial,
)
from dualuse.cooperation.services.common import member_state, require_text, today
from dualuse.cooperation.services.denials import matches_for_application
from dualuse.core import audit
from dualuse.core.calendar import add_working_days
from dualuse.core.models import Verb

ANSWER_DAYS = 10  # Art 14(1) and Art 16: 10 working days
MAX_DAYS = 30  # extended, at most 30 working days in all
ANSWERS = {
    ConsultationKind.IDENTICAL: (ConsultationAnswer.IDENTICAL, ConsultationAnswer.NOT_IDENTICAL),
    ConsultationKind.ITEMS_LOCATION: (ConsultationAnswer.OBJECTION, ConsultationAnswer.NO_OBJECTION),
}


def deadline_for(requested_on: date, consulted_state: str, extension_days: int = 0) -> date:
    return add_working_days(requested_on, ANSWER_DAYS + extension_days, consulted_state)


def is_overdue(consultation: Consultation, on: date | None = None) -> bool:
    return consultation.status == ConsultationStatus.OPEN and (on or today()) > consultation.deadline


def _access_case(user: Any, application: Any) -> None:
    access.access_officer(user)
    if application.authority_id != user.organisation_id:
        raise NotAllowed("only an officer of the authority the case is filed with may consult on it")


def request_consultation(
    application: Any,
    notice: DenialNotice,
    *,
    acting_user: Any,
    question: str = "",
    on: date | None = None,
) -> Consultation:
    """Art 16: consult the state that issued `notice` about `application`, with the match explained."""
    _access_case(acting_user, application)
    match = next((m for m in matches_for_application(application) if m.notice.pk == notice.pk), None)
    if match is None:
        raise CooperationInvalid(
            f"{notice.reference} is not a valid refusal essentially identical to {application.reference}",
            field="denial_notice",
        )
    day = on or today()
    with transaction.atomic():
        open_one = Consultation.objects.filter(
            application=application, denial_notice=notice, status=ConsultationStatus.OPEN
        ).first()
        if open_one is not None:
            raise WrongState(f"{open_one.reference} is already waiting for an answer")
        consultation = Consultation.objects.create(
            kind=ConsultationKind.IDENTICAL,
            application=application,
            denial_notice=notice,
            subject=f"{application.reference}: {application.title or 'licence application'}"[:300],
            requesting_state=acting_user.organisation.member_state,
            consulted_state=notice.member_state,
            match_explanation=list(match.explanation),
            question=question,
            requested_on=day,
            deadline=deadline_for(day, notice.member_state),
            requested_by=acting_user,
        )
        audit.record(acting_user, Verb.CONSULTATION_CHANGED, consultation, data={"action": "requested"})
    return consultation


def request_location_consultation(
    application: Any, *, acting_user: Any, question: str = "", on: date | None = None
) -> Consultation:
    """Art 14(1): the items are in another Member State, which is consulted before the grant."""
    _access_case(acting_user, application)
    located = application.items_located_in
    own = acting_user.organisation.member_state
    if not located or located == own:
        raise CooperationInvalid(
            "the items are not located in another Member State", field="items_located_in"
        )
    located = member_state(located, "items_located_in")
    day = on or today()
    with transaction.atomic():
        if Consultation.objects.filter(
            application=application, kind=ConsultationKind.ITEMS_LOCATION, status=ConsultationStatus.OPEN
        ).exists():
            raise WrongState("an Art 14(1) consultation on this case is already open")
        consultation = Consultation.objects.create(
            kind=ConsultationKind.ITEMS_LOCATION,
            application=application,
            subject=f"{application.reference}: items located in {located}"[:300],
            requesting_state=own,
            consulted_state=located,
            question=question,
            requested_on=day,
            deadline=deadline_for(day, located),
            requested_by=acting_user,
        )
        audit.record(acting_user, Verb.CONSULTATION_CHANGED, consultation, data={"action": "requested"})
    return consultation


def answer_consultation(
    consultation: Consultation, *, acting_user: Any, answer: str, text: str = ""
) -> Consultation:
    """The consulted state answers; an Art 14(1) objection is binding on the requesting state."""
    access.access_officer_of_state(acting_user, consultation.consulted_state)
    allowed = ANSWERS[ConsultationKind(consultation.kind)]
    if answer not in allowed:
        raise CooperationInvalid(f"answer: expected one of {', '.join(allowed)}", field="answer")
    if answer == ConsultationAnswer.OBJECTION and not str(text).strip():
        raise CooperationInvalid("an objection needs its reasons", field="text")
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if consultation.status == ConsultationStatus.ANSWERED:
            raise WrongState(f"{consultation.reference} has already been answered")
        # An answer after the deadline is still recorded, but silence has already counted (see blockers).
        consultation.status = ConsultationStatus.ANSWERED
        consultation.answer, consultation.answer_text = answer, str(text).strip()
        consultation.answered_at, consultation.answered_by = timezone.now(), acting_user
        consultation.save()
        audit.record(
            acting_user,
            Verb.CONSULTATION_CHANGED,
            consultation,
            data={"action": "answered", "answer": answer},
        )
    return consultation


def extend_consultation(
    consultation: Consultation, *, acting_user: Any, days: int, reason: str
) -> Consultation:
    """The consulted state asks for more time: at most 30 working days in all (Art 14(1), Art 16)."""
    access.access_officer_of_state(acting_user, consultation.consulted_state)
    reason = require_text(reason, "reason")
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if consultation.status != ConsultationStatus.OPEN:
            raise WrongState(f"{consultation.reference} is no longer open")
        total = consultation.extension_days + days
        if days < 1 or ANSWER_DAYS + total > MAX_DAYS:
            raise CooperationInvalid(
                f"days: 1 to {MAX_DAYS - ANSWER_DAYS - consultation.extension_days} (at most {MAX_DAYS} working days in all)",
                field="days",
            )
        consultation.extension_days = total
        consultation.deadline = deadline_for(consultation.requested_on, consultation.consulted_state, total)
        consultation.save(update_fields=["extension_days", "deadline"])
        audit.record(
            acting_user,
            Verb.CONSULTATION_CHANGED,
            consultation,
            data={"action": "extended", "days": days, "reason": reason},
        )
    return consultation


def lapse_overdue(on: date | None = None) -> list[Consultation]:
    """Open consultations past their deadline become `lapsed`: silence counts (not identical / no objection)."""
    day = on or today()
    lapsed = []
    with transaction.atomic():
        for consultation in Consultation.objects.select_for_update().filter(
            status=ConsultationStatus.OPEN, deadline__lt=day
        ):
            consultation.status = ConsultationStatus.LAPSED
            consultation.save(update_fields=["status"])
            audit.record(None, Verb.CONSULTATION_CHANGED, consultation, data={"action": "lapsed"})
            lapsed.append(consultation)
    return lapsed


# --- what blocks a grant ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Blocker:
    code: str
    basis: str
    message: str
    denial_notice_id: int | None = None
    consultation_id: int | None = None
    explanation: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "basis": self.basis,
            "message": self.message,
            "denial_notice": self.denial_notice_id,
            "consultation": self.consultation_id,
            "explanation": list(self.explanation),
        }


def _settled(consultation: Consultation, day: date) -> bool:
    """Answered, or silent past the deadline (silence counts as an answer)."""
    return consultation.status != ConsultationStatus.OPEN or day > consultation.deadline


def granting_blockers(application: Any, *, on: date | None = None) -> list[Blocker]:
    """Everything that stops `application` from being granted now (empty: nothing does).

    The licensing app calls this before a grant is proposed or countersigned.
    """
    day = on or today()
    blockers: list[Blocker] = []
    consultations = list(Consultation.objects.filter(application=application).order_by("-pk"))
    overrides = set(
        GrantDespiteDenial.objects.filter(application=application).values_list("denial_notice_id", flat=True)
    )
    for match in matches_for_application(application):
        notice = match.notice
        mine = [c for c in consultations if c.denial_notice_id == notice.pk]
        latest = mine[0] if mine else None
        common: dict[str, Any] = {"denial_notice_id": notice.pk, "explanation": match.explanation}
        if latest is None:
            blockers.append(
                Blocker(
                    "consult_denying_state",
                    "Art 16",
                    f"{notice.reference} ({notice.member_state}) refused an essentially identical transaction: consult {notice.member_state} first",
                    **common,
                )
            )
        elif not _settled(latest, day):
            blockers.append(
                Blocker(
                    "consultation_pending",
                    "Art 16",
                    f"{latest.reference}: {notice.member_state} may answer until {latest.deadline:%d.%m.%Y}",
                    consultation_id=latest.pk,
                    **common,
                )
            )
        elif latest.answer == ConsultationAnswer.IDENTICAL and notice.pk not in overrides:
            blockers.append(
                Blocker(
                    "reason_required",
                    "Art 16",
                    f"{notice.member_state} considers the transaction essentially identical: record your reasons for granting (all states are informed)",
                    consultation_id=latest.pk,
                    **common,
                )
            )
    located = application.items_located_in
    if located and located != application.authority.member_state:
        art14 = next((c for c in consultations if c.kind == ConsultationKind.ITEMS_LOCATION), None)
        if art14 is None:
            blockers.append(
                Blocker(
                    "consult_location_state",
                    "Art 14(1)",
                    f"the items are in {located}: consult {located} first",
                )
            )
        elif art14.answer == ConsultationAnswer.OBJECTION:
            blockers.append(
                Blocker(
                    "binding_objection",
                    "Art 14(1)",
                    f"{located} objected ({art14.reference}); the objection is binding",
                    consultation_id=art14.pk,
                )
            )
        elif not _settled(art14, day):
            blockers.append(
                Blocker(
                    "consultation_pending",
                    "Art 14(1)",
                    f"{art14.reference}: {located} may object until {art14.deadline:%d.%m.%Y}",
                    consultation_id=art14.pk,
                )
            )
    return blockers


def grant_despite_denial(
    application: Any, notice: DenialNotice, *, acting_user: Any, reason: str
) -> GrantDespiteDenial:
    """Art 16: having consulted, the authority grants anyway; its reasons go to every Member State."""
    _access_case(acting_user, application)
    reason = require_text(reason, "reason", minimum=20)
    consulted = (
        Consultation.objects.filter(
            application=application, denial_notice=notice, kind=ConsultationKind.IDENTICAL
        )
        .order_by("-pk")
        .first()
    )
    if consulted is None or not _settled(consulted, today()):
        raise WrongState(
            f"consult {notice.member_state} on {notice.reference} first, and wait for the answer or the deadline"
        )
    if not any(m.notice.pk == notice.pk for m in matches_for_application(application)):
        raise CooperationInvalid(f"{notice.reference} does not match this case", field="denial_notice")
    with transaction.atomic():
        record, created = GrantDespiteDenial.objects.get_or_create(
            application=application,
            denial_notice=notice,
            defaults={
                "member_state": acting_user.organisation.member_state,
                "reason": reason,
                "recorded_by": acting_user,
            },
        )
        if not created:
            raise WrongState("the reasons for this grant are already recorded")
        audit.record(
            acting_user,
            Verb.DENIAL_NOTIFIED,
            notice,
            data={"action": "granted_despite", "application": application.pk},
        )
    return record
