"""Housekeeping (`dualuse cooperation remind`): deadlines, overdue flags, reviews due, votes to close."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction

from dualuse.cooperation.models import (
    Consultation,
    ConsultationStatus,
    DenialNotice,
    DenialStatus,
    EntryStatus,
    EUListEntry,
    ProposalStatus,
    Vote,
)
from dualuse.cooperation.services.catchall import close_due_proposals
from dualuse.cooperation.services.common import today
from dualuse.cooperation.services.consultations import lapse_overdue
from dualuse.cooperation.services.denials import sync_licensing_denials
from dualuse.core import audit
from dualuse.core.calendar import working_days_between
from dualuse.core.models import Verb

DUE_SOON_WORKING_DAYS = 3  # remind the consulted / voting state this many working days before
REVIEW_NOTICE_DAYS = 90  # remind the issuing state of a refusal review this many days before


@dataclass(frozen=True, slots=True)
class Reminder:
    kind: str  # consultation_due | consultation_lapsed | vote_due | denial_review_due | entry_review_due | proposal_decided
    to_state: str  # the Member State to remind ("EU" for the Commission)
    reference: str
    due: str  # ISO date
    message: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def remind(on: date | None = None) -> list[Reminder]:
    """Close what is due, then list every reminder for `on`; each is sent at most once a day."""
    day = on or today()
    out: list[Reminder] = []
    for n in sync_licensing_denials():
        out.append(
            Reminder(
                "denial_notified",
                n.member_state,
                n.reference,
                n.review_due.isoformat(),
                "refusal notified to the other Member States and the Commission (Art 16(1))",
            )
        )
    for c in lapse_overdue(day):
        out.append(
            Reminder(
                "consultation_lapsed",
                c.requesting_state,
                c.reference,
                c.deadline.isoformat(),
                f"{c.consulted_state} did not answer by {c.deadline:%d.%m.%Y}: silence counts "
                f"({'no objection' if c.kind == 'art14_1' else 'not essentially identical'})",
            )
        )
    for p in close_due_proposals(day):
        out.append(
            Reminder(
                "proposal_decided",
                p.notifying_state,
                p.reference,
                day.isoformat(),
                f"the review deadline passed; outcome: {p.outcome}",
            )
        )
    with transaction.atomic():
        for c in (
            Consultation.objects.select_for_update()
            .filter(status=ConsultationStatus.OPEN)
            .exclude(last_reminder_on=day)
        ):
            left = working_days_between(day, c.deadline, c.consulted_state)
            if left <= DUE_SOON_WORKING_DAYS:
                out.append(
                    Reminder(
                        "consultation_due",
                        c.consulted_state,
                        c.reference,
                        c.deadline.isoformat(),
                        f"answer {c.requesting_state} by {c.deadline:%d.%m.%Y} ({left} working days left)",
                    )
                )
                c.last_reminder_on = day
                c.save(update_fields=["last_reminder_on"])
        votes = (
            Vote.objects.select_for_update()
            .select_related("proposal")
            .filter(proposal__status=ProposalStatus.VOTING, choice="")
            .exclude(last_reminder_on=day)
        )
        for v in votes:
            left = working_days_between(day, v.deadline, v.member_state)
            if left <= DUE_SOON_WORKING_DAYS:
                out.append(
                    Reminder(
                        "vote_due",
                        v.member_state,
                        v.proposal.reference,
                        v.deadline.isoformat(),
                        f"review and vote by {v.deadline:%d.%m.%Y} ({left} working days left, Art 5(5))",
                    )
                )
                v.last_reminder_on = day
                v.save(update_fields=["last_reminder_on"])
        soon = day + timedelta(days=REVIEW_NOTICE_DAYS)
        for n in (
            DenialNotice.objects.select_for_update()
            .filter(status=DenialStatus.VALID, review_due__lte=soon)
            .exclude(last_reminder_on=day)
        ):
            overdue = " (overdue)" if n.review_due < day else ""
            out.append(
                Reminder(
                    "denial_review_due",
                    n.member_state,
                    n.reference,
                    n.review_due.isoformat(),
                    f"review the refusal by {n.review_due:%d.%m.%Y}{overdue}: revoke, amend or renew (Art 16(2))",
                )
            )
            n.last_reminder_on = day
            n.save(update_fields=["last_reminder_on"])
        for e in EUListEntry.objects.filter(status=EntryStatus.PUBLISHED, review_due__lte=soon):
            out.append(
                Reminder(
                    "entry_review_due",
                    "EU",
                    e.reference,
                    e.review_due.isoformat(),
                    f"annual review of the EU-wide list entry by {e.review_due:%d.%m.%Y} (Art 5(7))",
                )
            )
        if out:
            audit.record(
                None,
                Verb.CONSULTATION_CHANGED,
                object_type="cooperation.reminders",
                object_id=day.isoformat(),
                data={"reminders": len(out), "kinds": sorted({r.kind for r in out})},
            )
    return out
