"""Four eyes: an officer proposes, a senior officer who did not propose countersigns or returns.

Countersigning a grant issues the licence; countersigning a refusal records the `Denial` that the other
Member States are notified of (Art 16(1)), all in the same transaction.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dualuse.cooperation.errors import GrantingBlocked
from dualuse.cooperation.services import granting_blockers, notify_licensing_denial
from dualuse.core import audit
from dualuse.core.errors import InvalidInput, Problem
from dualuse.core.models import Verb
from dualuse.diligence.services.evidence import missing_considerations
from dualuse.licensing import access, considerations
from dualuse.licensing.errors import AssessmentIncomplete, TransitionRefused
from dualuse.licensing.inputs import ProposalInput
from dualuse.licensing.models import Application, ApplicationType, Decision, DecisionStatus, Denial, Outcome
from dualuse.licensing.services.common import lock_application, move
from dualuse.licensing.services.licences import issue_licence
from dualuse.licensing.workflow import Actor, Status
from dualuse.transparency.services import publish_decision

OUTCOME_STATUS = {
    Outcome.GRANT: Status.GRANTED,
    Outcome.GRANT_WITH_CONDITIONS: Status.GRANTED_WITH_CONDITIONS,
    Outcome.DENY: Status.DENIED,
}


def max_validity_months(application_type: str) -> int:
    """Individual and global licences: ≤ 2 years; large projects ≤ 4 (settings; fact sheet §3)."""
    if application_type == ApplicationType.LARGE_PROJECT:
        return int(settings.LARGE_PROJECT_MAX_MONTHS)
    return int(settings.LICENCE_MAX_MONTHS)


def _check_proposal(application: Application, data: ProposalInput) -> None:
    if data.outcome not in OUTCOME_STATUS:
        raise InvalidInput("the outcome is grant, grant_with_conditions or deny", field="outcome")
    if not data.reasons.strip():
        raise InvalidInput("give the reasons for the decision", field="reasons")
    if data.outcome == Outcome.GRANT_WITH_CONDITIONS and not data.conditions.strip():
        raise InvalidInput("state the conditions", field="conditions")
    if data.outcome == Outcome.DENY:
        if not data.criteria:
            raise InvalidInput("name the criteria the refusal rests on", field="criteria")
        unknown = [c for c in data.criteria if c not in considerations.REFUSAL_CRITERIA]
        if unknown:
            raise InvalidInput(f"not a refusal criterion: {', '.join(unknown)}", field="criteria")
    if data.validity_months is not None:
        limit = max_validity_months(application.type)
        if not 1 <= data.validity_months <= limit:
            raise InvalidInput(
                f"validity is 1 to {limit} months for a {application.get_type_display().lower()} licence",
                field="validity_months",
            )


def _refuse_if_blocked(application: Application, outcome: str) -> None:
    """Art 16(5)-(6) / Art 14(1): no grant while an essentially identical denial is unconsulted, a
    consultation is pending or another state's binding objection stands (cooperation app)."""
    if outcome == Outcome.DENY:
        return
    if blockers := granting_blockers(application):
        raise GrantingBlocked(
            "the case cannot be granted yet: " + "; ".join(b.message for b in blockers),
            problems=[Problem(b.code, b.message) for b in blockers],
        )


def _refuse_if_evidence_unconsidered(application: Application) -> None:
    """Civil-society evidence that concerns the case must each be recorded as considered (diligence app)."""
    if unconsidered := missing_considerations(application):
        raise AssessmentIncomplete(
            "record how you considered each item of civil-society evidence: "
            + ", ".join(str(e) for e in unconsidered),
            field="evidence",
        )


def propose_decision(application: Application, data: ProposalInput, *, acting_user: Any) -> Decision:
    """Every required consideration has a finding; the proposal then waits for a countersignature."""
    access.access_case_action(acting_user, application.authority_id)
    _check_proposal(application, data)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        recorded = set(
            application.assessments.filter(line__isnull=True).values_list("consideration", flat=True)
        )
        cyber = application.lines.filter(cyber_surveillance=True).exists()
        if missing := considerations.missing(recorded, cyber):
            raise AssessmentIncomplete(
                "assess every consideration before proposing: " + ", ".join(c.basis for c in missing),
                field="assessments",
            )
        _refuse_if_evidence_unconsidered(application)
        _refuse_if_blocked(application, data.outcome)
        decision = Decision.objects.create(
            application=application,
            outcome=data.outcome,
            conditions=data.conditions.strip(),
            criteria=list(data.criteria),
            reasons=data.reasons.strip(),
            validity_months=data.validity_months,
            proposed_by=acting_user,
        )
        move(
            application,
            Status.DECISION_PROPOSED,
            Actor.OFFICER,
            acting_user,
            Verb.DECISION_PROPOSED,
            data={"decision": decision.pk, "outcome": data.outcome, "criteria": list(data.criteria)},
        )
    return decision


def pending_decision(application: Application) -> Decision | None:
    return application.decisions.filter(status=DecisionStatus.PROPOSED).order_by("-pk").first()


def _pending_or_refuse(application: Application) -> Decision:
    decision = (
        Decision.objects.select_for_update()
        .filter(application=application, status=DecisionStatus.PROPOSED)
        .order_by("-pk")
        .first()
    )
    if decision is None or Status(application.status) != Status.DECISION_PROPOSED:
        raise TransitionRefused("no decision is awaiting countersignature on this case", field="status")
    return decision


def _record_denial(application: Application, decision: Decision, today: date) -> Denial:
    lines = [
        {
            "entry_code": line.entry_code,
            "description": line.description,
            "quantity": str(line.quantity),
            "unit": line.unit,
            "value_eur": str(line.value_eur),
            "destination": line.destination,
        }
        for line in application.lines.all()
    ]
    parties = [
        {"role": p.role, "name": p.name, "country": p.country, "kind": p.kind}
        for p in application.parties.all()
    ]
    destinations = sorted({line["destination"] for line in lines if line["destination"]})
    return Denial.objects.create(
        application=application,
        authority=application.authority,
        member_state=application.authority.member_state,
        denied_on=today,
        criteria=list(decision.criteria),
        reasons=decision.reasons,
        lines=lines,
        parties=parties,
        destination=destinations[0] if len(destinations) == 1 else "",
    )


def countersign_decision(
    application: Application, *, acting_user: Any, note: str = "", today: date | None = None
) -> Decision:
    """The senior officer (not the proposer) signs: the case is decided, a licence or a denial follows."""
    access.access_case_action(acting_user, application.authority_id)
    access.access_senior(acting_user)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        decision = _pending_or_refuse(application)
        access.access_countersign(acting_user, application.authority_id, decision.proposed_by_id)
        _refuse_if_blocked(application, decision.outcome)
        now = timezone.now()
        day = today or timezone.localdate()
        target = OUTCOME_STATUS[Outcome(decision.outcome)]
        move(
            application,
            target,
            Actor.SENIOR,
            acting_user,
            Verb.DECISION_COUNTERSIGNED,
            fields={"decided_at": now},
            data={"decision": decision.pk},
        )
        decision.status, decision.reviewed_by, decision.reviewed_at = (
            DecisionStatus.COUNTERSIGNED,
            acting_user,
            now,
        )
        decision.review_note = note.strip()
        decision.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
        if target == Status.DENIED:
            denial = _record_denial(application, decision, day)
            # Art 16(1): the refusal is notified to the other Member States (the cooperation app reads Denial).
            audit.record(
                acting_user,
                Verb.DENIAL_RECORDED,
                denial,
                data={"application": application.pk, "criteria": list(decision.criteria)},
            )
            notify_licensing_denial(denial, acting_user=acting_user)
        else:
            months = decision.validity_months or max_validity_months(application.type)
            issue_licence(application, decision, months=months, valid_from=day, acting_user=acting_user)
        # Art 26(2): the final decision joins the public dataset once it is committed.
        transaction.on_commit(partial(publish_decision, application, acting_user=acting_user))
    return decision


def return_decision(application: Application, *, note: str, acting_user: Any) -> Decision:
    """The senior officer sends the proposal back with a note: decision proposed → under assessment."""
    access.access_case_action(acting_user, application.authority_id)
    access.access_senior(acting_user)
    if not note.strip():
        raise InvalidInput("say why the proposal is returned", field="note")
    with transaction.atomic():
        application = lock_application(application, acting_user)
        decision = _pending_or_refuse(application)
        access.access_countersign(acting_user, application.authority_id, decision.proposed_by_id)
        move(
            application,
            Status.UNDER_ASSESSMENT,
            Actor.SENIOR,
            acting_user,
            Verb.DECISION_RETURNED,
            data={"decision": decision.pk, "note": note.strip()[:500]},
        )
        decision.status, decision.reviewed_by, decision.reviewed_at = (
            DecisionStatus.RETURNED,
            acting_user,
            timezone.now(),
        )
        decision.review_note = note.strip()
        decision.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
    return decision
