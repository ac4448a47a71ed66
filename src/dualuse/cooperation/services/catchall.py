"""The human-rights catch-all (Art 5): notification, the authority's decision, the other states' review.

What follows the review is chosen per deployment by `DUALUSE_CATCH_ALL_RULE` (`settings.CATCH_ALL_RULE`)
and fixed on each proposal when it opens, so a changed setting never rewrites a running vote:
- `art5_6` (the law): published when **all** Member States agree (Art 5(6)); the notifying state,
  which imposed the requirement, is recorded as agreeing;
- `objection_qmv` (the EP's 2018 first-reading model, not the law): listed unless a qualified majority
  of the **other** Member States objects ("no" is an objection) within the deadline.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dualuse.accounts.models import Organisation, OrgKind
from dualuse.cooperation import access
from dualuse.cooperation.ballot import BallotError, answer
from dualuse.cooperation.errors import CooperationInvalid, WrongState
from dualuse.cooperation.models import (
    CatchAllNotification,
    CatchAllRule,
    EUListProposal,
    NotificationStatus,
    Origin,
    ProposalStatus,
    Vote,
    VoteChoice,
)
from dualuse.cooperation.population import EU_MEMBER_STATES, packaged_table
from dualuse.cooperation.services.common import clean_parties, country, require_text, today
from dualuse.cooperation.services.eulist import publish_entry
from dualuse.core import audit
from dualuse.core.calendar import add_working_days
from dualuse.core.models import Verb

REVIEW_DAYS = 30  # Art 5(5): the other states review within 30 working days
MAX_EXTENSION = 30  # Art 5(5): an extension of no more than 30 working days
BALLOT_RULE = {CatchAllRule.ART5_6: "art5_6", CatchAllRule.OBJECTION_QMV: "eu_list_objection"}


def _clean_notification(data: dict[str, Any]) -> dict[str, Any]:
    codes = data.get("related_entry_codes") or []
    if isinstance(codes, str):
        codes = [c.strip() for c in codes.replace(";", ",").split(",") if c.strip()]
    parameters = data.get("parameters") or {}
    if not isinstance(parameters, dict):
        raise CooperationInvalid("parameters: expected an object of name: value", field="parameters")
    return {
        "item_name": require_text(data.get("item_name"), "item_name", maximum=200),
        "item_description": require_text(data.get("item_description"), "item_description"),
        "concern": require_text(data.get("concern"), "concern"),
        "destination": country(data.get("destination"), "destination"),
        "entities": clean_parties(data.get("entities") or [], field="entities", required=False),
        "parameters": {str(k): v for k, v in parameters.items()},
        "related_entry_codes": [str(c)[:40] for c in codes],
    }


def _authority_of(state: str) -> Any:
    authority = Organisation.objects.filter(kind=OrgKind.AUTHORITY, member_state=state).first()
    if authority is None:
        raise CooperationInvalid(f"no competent authority of {state} is registered", field="authority")
    return authority


def notify_catch_all(*, acting_user: Any, data: dict[str, Any]) -> CatchAllNotification:
    """Art 5(2): an exporter aware, from its due diligence, of a human-rights use notifies its authority."""
    access.access_exporter(acting_user)
    clean = _clean_notification(data)
    exporter = acting_user.organisation
    with transaction.atomic():
        notification = CatchAllNotification.objects.create(
            origin=Origin.EXPORTER,
            exporter=exporter,
            authority=_authority_of(exporter.member_state),
            member_state=exporter.member_state,
            created_by=acting_user,
            **clean,
        )
        audit.record(acting_user, Verb.CATCH_ALL_CHANGED, notification, data={"action": "notified"})
    return notification


def inform_exporter(
    *,
    acting_user: Any,
    exporter: Any,
    data: dict[str, Any],
    share_entities: bool = True,
    on: date | None = None,
) -> CatchAllNotification:
    """Art 5(1): the authority tells an exporter that an authorisation is required, and informs the others."""
    access.access_officer(acting_user)
    if exporter.kind != OrgKind.EXPORTER or exporter.member_state != acting_user.organisation.member_state:
        raise CooperationInvalid("the exporter must be established in your Member State", field="exporter")
    clean = _clean_notification(data)
    with transaction.atomic():
        notification = CatchAllNotification.objects.create(
            origin=Origin.AUTHORITY,
            exporter=exporter,
            authority=acting_user.organisation,
            member_state=acting_user.organisation.member_state,
            created_by=acting_user,
            **clean,
        )
        audit.record(acting_user, Verb.CATCH_ALL_CHANGED, notification, data={"action": "informed"})
        _decide(
            notification,
            acting_user,
            True,
            str(data.get("decision_reason") or clean["concern"]),
            share_entities,
            on,
        )
    return notification


def decide_catch_all(
    notification: CatchAllNotification,
    *,
    acting_user: Any,
    required: bool,
    reason: str,
    share_entities: bool = True,
    on: date | None = None,
) -> CatchAllNotification:
    """Art 5(2): the authority decides whether an authorisation is required; if so, Art 5(4) shares it."""
    access.access_officer(acting_user)
    if notification.authority_id != acting_user.organisation_id:
        raise access.NotAllowed("only the authority notified may decide")
    reason = require_text(reason, "reason")
    with transaction.atomic():
        notification = CatchAllNotification.objects.select_for_update().get(pk=notification.pk)
        if notification.status != NotificationStatus.NOTIFIED:
            raise WrongState(f"{notification.reference} has already been decided")
        _decide(notification, acting_user, required, reason, share_entities, on)
    return notification


def _decide(
    notification: CatchAllNotification, user: Any, required: bool, reason: str, share: bool, on: date | None
) -> None:
    day = on or today()
    notification.status = NotificationStatus.REQUIRED if required else NotificationStatus.NOT_REQUIRED
    notification.decision_reason, notification.share_entities = reason, share
    notification.decided_by, notification.decided_at = user, timezone.now()
    if required:
        # Art 5(4): the other Member States and the Commission are told of the items and, unless
        # inappropriate, the entities; Art 5(5): they review it.
        notification.shared_at = timezone.now()
    notification.save()
    audit.record(user, Verb.CATCH_ALL_CHANGED, notification, data={"action": "decided", "required": required})
    if required:
        open_proposal(notification, user, day)


def open_proposal(notification: CatchAllNotification, user: Any, day: date) -> EUListProposal:
    rule = CatchAllRule(settings.CATCH_ALL_RULE)
    state = notification.member_state
    proposal = EUListProposal.objects.create(
        notification=notification, rule=rule, notifying_state=state, opened_on=day
    )
    voters = sorted(EU_MEMBER_STATES - {state})
    Vote.objects.bulk_create(
        [
            Vote(proposal=proposal, member_state=s, deadline=add_working_days(day, REVIEW_DAYS, s))
            for s in voters
        ]
    )
    if rule == CatchAllRule.ART5_6:
        # Art 5(6) needs all Member States; the notifying one imposed the requirement, so it agrees.
        Vote.objects.create(
            proposal=proposal,
            member_state=state,
            deadline=day,
            choice=VoteChoice.YES,
            cast_by=user,
            cast_at=timezone.now(),
            comment="Imposed the requirement (Art 5(4)).",
        )
    audit.record(user, Verb.EU_LIST_CHANGED, proposal, data={"action": "opened", "rule": rule.value})
    return proposal


def cast_vote(
    proposal: EUListProposal, *, acting_user: Any, choice: str, comment: str = "", on: date | None = None
) -> Vote:
    """A state's representative answers; the outcome is computed as soon as every state has voted."""
    state = access.state_of(acting_user)
    access.access_vote(acting_user, state)
    if choice not in VoteChoice.values:
        raise CooperationInvalid(f"choice: expected one of {', '.join(VoteChoice.values)}", field="choice")
    day = on or today()
    with transaction.atomic():
        proposal = EUListProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposalStatus.VOTING:
            raise WrongState(f"{proposal.reference} is closed")
        vote = Vote.objects.filter(proposal=proposal, member_state=state).first()
        if vote is None:
            raise WrongState(f"{state} does not vote on {proposal.reference} (the notifying state does not)")
        if vote.choice:
            raise WrongState(f"{state} has already voted")
        if day > vote.deadline:
            raise WrongState(f"the deadline for {state} was {vote.deadline:%d.%m.%Y}")
        vote.choice, vote.comment = choice, str(comment)[:2000]
        vote.cast_by, vote.cast_at = acting_user, timezone.now()
        vote.save()
        audit.record(acting_user, Verb.VOTE_CAST, vote, data={"proposal": proposal.pk, "choice": choice})
        if not proposal.votes.filter(choice="").exists():
            _close(proposal, acting_user, day)
    return vote


def request_extension(proposal: EUListProposal, *, acting_user: Any, days: int, reason: str) -> Vote:
    """Art 5(5): in exceptional cases a state asks for no more than 30 more working days."""
    state = access.state_of(acting_user)
    if not (access.is_officer(acting_user) or access.is_representative(acting_user)):
        raise access.NotAllowed("only an authority may ask for more time")
    reason = require_text(reason, "reason")
    with transaction.atomic():
        vote = Vote.objects.select_for_update().filter(proposal=proposal, member_state=state).first()
        if vote is None or proposal.status != ProposalStatus.VOTING or vote.choice:
            raise WrongState(f"{state} has no open review on {proposal.reference}")
        if days < 1 or vote.extension_days + days > MAX_EXTENSION:
            raise CooperationInvalid(
                f"days: 1 to {MAX_EXTENSION - vote.extension_days} (at most {MAX_EXTENSION} more working days)",
                field="days",
            )
        vote.extension_days += days
        vote.extension_reason = reason
        vote.deadline = add_working_days(proposal.opened_on, REVIEW_DAYS + vote.extension_days, state)
        vote.save(update_fields=["extension_days", "extension_reason", "deadline"])
        audit.record(
            acting_user,
            Verb.EU_LIST_CHANGED,
            proposal,
            data={"action": "extended", "state": state, "days": days},
        )
    return vote


def close_proposal(
    proposal: EUListProposal, *, acting_user: Any = None, on: date | None = None
) -> EUListProposal:
    """Compute the outcome once every deadline has passed (or everyone has voted)."""
    day = on or today()
    with transaction.atomic():
        proposal = EUListProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != ProposalStatus.VOTING:
            raise WrongState(f"{proposal.reference} is already decided")
        pending = proposal.votes.filter(choice="", deadline__gte=day)
        if pending.exists():
            states = ", ".join(pending.values_list("member_state", flat=True))
            raise WrongState(f"{states} may still vote on {proposal.reference}")
        _close(proposal, acting_user, day)
    return proposal


def close_due_proposals(on: date | None = None) -> list[EUListProposal]:
    day = on or today()
    closed = []
    for proposal in EUListProposal.objects.filter(status=ProposalStatus.VOTING):
        if not proposal.votes.filter(choice="", deadline__gte=day).exists():
            closed.append(close_proposal(proposal, on=day))
    return closed


def ballot_for(proposal: EUListProposal) -> dict[str, Any]:
    votes = {v.member_state: v.choice or "absent" for v in proposal.votes.all()}
    ballot: dict[str, Any] = {
        "rule": BALLOT_RULE[CatchAllRule(proposal.rule)],
        "votes": votes,
        "participating": None,
    }
    if proposal.rule == CatchAllRule.OBJECTION_QMV:
        ballot["notifying_state"] = proposal.notifying_state
    return ballot


def _close(proposal: EUListProposal, user: Any, day: date) -> None:
    ballot = ballot_for(proposal)
    table = packaged_table(day.year)  # the Council's figures for the year of the vote
    try:
        result = answer(ballot, table.figures)
    except BallotError as exc:  # our own ballot: a bug, never the user's input
        raise CooperationInvalid(f"the ballot could not be counted: {exc}") from exc
    proposal.status, proposal.outcome, proposal.decided_at = (
        ProposalStatus.DECIDED,
        result["outcome"],
        timezone.now(),
    )
    proposal.result = {
        "ballot": ballot,
        "population": {"year": table.year, "source": table.source, "total": table.total},
        "answer": result,
        "closed_on": day.isoformat(),
    }
    proposal.save()
    audit.record(
        user, Verb.EU_LIST_CHANGED, proposal, data={"action": "decided", "outcome": result["outcome"]}
    )
    if result["outcome"] in ("published", "listed"):
        publish_entry(proposal, user, day)
