"""The application status machine (DESIGN §3) as a pure transition table: no Django here.

`draft → submitted → under_assessment ⇄ awaiting_information / in_consultation → decision_proposed →
granted | granted_with_conditions | denied`, and `withdrawn` by the exporter before a decision.
Services ask `check(current, target, actor)` before they write; nothing else writes a status.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_ASSESSMENT = "under_assessment"
    AWAITING_INFORMATION = "awaiting_information"
    IN_CONSULTATION = "in_consultation"
    DECISION_PROPOSED = "decision_proposed"
    GRANTED = "granted"
    GRANTED_WITH_CONDITIONS = "granted_with_conditions"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"


class Actor(StrEnum):
    """Who makes a transition: the applicant, any licensing officer of the authority, a senior officer."""

    EXPORTER = "exporter"
    OFFICER = "officer"  # an officer or a senior officer of the authority the case is filed with
    SENIOR = "senior"  # a senior officer who did not propose the decision (four eyes)


LABELS: dict[Status, str] = {
    Status.DRAFT: "Draft",
    Status.SUBMITTED: "Submitted",
    Status.UNDER_ASSESSMENT: "Under assessment",
    Status.AWAITING_INFORMATION: "Awaiting information",
    Status.IN_CONSULTATION: "In consultation",
    Status.DECISION_PROPOSED: "Decision proposed",
    Status.GRANTED: "Granted",
    Status.GRANTED_WITH_CONDITIONS: "Granted with conditions",
    Status.DENIED: "Denied",
    Status.WITHDRAWN: "Withdrawn",
}

DECIDED: frozenset[Status] = frozenset({Status.GRANTED, Status.GRANTED_WITH_CONDITIONS, Status.DENIED})
FINAL: frozenset[Status] = DECIDED | {Status.WITHDRAWN}
# Before a decision the exporter may withdraw (DESIGN §3); a decided case stays decided.
_WITHDRAWABLE = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.UNDER_ASSESSMENT,
    Status.AWAITING_INFORMATION,
    Status.IN_CONSULTATION,
    Status.DECISION_PROPOSED,
)

TRANSITIONS: dict[tuple[Status, Status], Actor] = {
    (Status.DRAFT, Status.SUBMITTED): Actor.EXPORTER,
    (Status.SUBMITTED, Status.UNDER_ASSESSMENT): Actor.OFFICER,
    (Status.UNDER_ASSESSMENT, Status.AWAITING_INFORMATION): Actor.OFFICER,
    (Status.AWAITING_INFORMATION, Status.UNDER_ASSESSMENT): Actor.EXPORTER,  # the exporter answers
    (Status.UNDER_ASSESSMENT, Status.IN_CONSULTATION): Actor.OFFICER,
    (Status.IN_CONSULTATION, Status.UNDER_ASSESSMENT): Actor.OFFICER,
    (Status.UNDER_ASSESSMENT, Status.DECISION_PROPOSED): Actor.OFFICER,
    (Status.DECISION_PROPOSED, Status.UNDER_ASSESSMENT): Actor.SENIOR,  # returned by the countersigner
    (Status.DECISION_PROPOSED, Status.GRANTED): Actor.SENIOR,
    (Status.DECISION_PROPOSED, Status.GRANTED_WITH_CONDITIONS): Actor.SENIOR,
    (Status.DECISION_PROPOSED, Status.DENIED): Actor.SENIOR,
    **{(s, Status.WITHDRAWN): Actor.EXPORTER for s in _WITHDRAWABLE},
}


class TransitionNotAllowed(Exception):
    """`current → target` is not in the table, or `actor` is not the one who makes it."""

    def __init__(self, current: Status, target: Status, actor: Actor | None, reason: str) -> None:
        super().__init__(reason)
        self.current, self.target, self.actor, self.reason = current, target, actor, reason


def allowed(current: Status | str, target: Status | str) -> Actor | None:
    """The actor who may move an application from `current` to `target`, or None."""
    return TRANSITIONS.get((Status(current), Status(target)))


def check(current: Status | str, target: Status | str, actor: Actor | None = None) -> Actor:
    """Raise TransitionNotAllowed unless `current → target` exists (and `actor` makes it)."""
    cur, tgt = Status(current), Status(target)
    who = TRANSITIONS.get((cur, tgt))
    if who is None:
        raise TransitionNotAllowed(
            cur, tgt, actor, f"an application cannot go from {LABELS[cur]} to {LABELS[tgt]}"
        )
    if actor is not None and actor != who:
        raise TransitionNotAllowed(
            cur,
            tgt,
            actor,
            f"{LABELS[cur]} → {LABELS[tgt]} is made by the {who.value}, not the {actor.value}",
        )
    return who


def next_statuses(current: Status | str, actor: Actor | None = None) -> list[Status]:
    """Where an application can go next (for `actor`, when given), in table order."""
    cur = Status(current)
    return [t for (s, t), who in TRANSITIONS.items() if s == cur and (actor is None or who == actor)]
