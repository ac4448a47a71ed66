"""The only place that changes transparency state: publishing decisions and recording penalties.

`publish_decision(application)` is what the licensing app calls once a decision is final (after the
countersignature). The dataset never copies the exporter's name, EORI, the application reference, the
parties' names or any free text: only the columns of `DecisionRecord`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from dualuse.core import audit
from dualuse.core.countries import is_member_state, normalise_code
from dualuse.core.errors import Problem
from dualuse.core.models import Verb
from dualuse.transparency import access
from dualuse.transparency.disclosure import PrivateRow, disclose, item_type
from dualuse.transparency.errors import InvalidPenalty, NotDecided
from dualuse.transparency.models import (
    DecisionRecord,
    EndUserType,
    Infringement,
    Penalty,
    PublicationCounter,
    PublicDecision,
    Sanction,
)

END_USER_ROLES = ("end_user", "ultimate_end_user")


def _end_user_type(application: Any) -> str:
    kinds = [p.kind for p in application.parties.all() if p.role in END_USER_ROLES]
    kind = kinds[0] if kinds else ""
    return kind if kind in {k.value for k in EndUserType} else EndUserType.OTHER


def _next_public_id(year: int, member_state: str) -> str:
    counter, _ = PublicationCounter.objects.select_for_update().get_or_create(
        year=year, member_state=member_state
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{year}-{member_state}-{counter.last:06d}"


def publish_decision(application: Any, *, acting_user: Any = None) -> list[DecisionRecord]:
    """Add a decided application to the public dataset, one row per line (idempotent: a second call
    returns the rows already published). Then re-apply the small-cell rule for its state and year."""
    if application.status not in {d.value for d in PublicDecision}:
        raise NotDecided(f"{application.reference} is not decided (status {application.status})")
    existing = list(DecisionRecord.objects.filter(application_id=application.pk))
    if existing:
        return existing
    decided = timezone.localdate(application.decided_at) if application.decided_at else timezone.localdate()
    state = normalise_code(application.authority.member_state)
    with transaction.atomic():
        public_id = _next_public_id(decided.year, state)
        end_user = _end_user_type(application)
        rows = [
            DecisionRecord(
                public_id=public_id,
                member_state=state,
                decided_on=decided,
                decision_month=f"{decided:%Y-%m}",
                year=decided.year,
                decision=application.status,
                item_type=item_type(line.entry_code),
                cyber_surveillance=bool(line.cyber_surveillance),
                end_user_type=end_user,
                exporter_id=application.exporter_id,
                application_id=application.pk,
                line_position=index,
                entry_code=line.entry_code.strip(),
                destination=normalise_code(line.destination),
                value_eur=line.value_eur,
            )
            for index, line in enumerate(application.lines.all(), start=1)
        ]
        DecisionRecord.objects.bulk_create(rows)
        refresh_disclosure(state, decided.year)
        audit.record(
            acting_user,
            Verb.DECISION_PUBLISHED,
            application,
            data={"public_id": public_id, "lines": len(rows)},
        )
    return list(DecisionRecord.objects.filter(application_id=application.pk))


def publish_decided(*, acting_user: Any = None) -> int:
    """Backfill: publish every decided application not yet in the dataset (the licensing app's
    `Application.objects.decided()`); returns how many were published."""
    Application = apps.get_model("licensing", "Application")
    done = set(DecisionRecord.objects.exclude(application_id=None).values_list("application_id", flat=True))
    count = 0
    queryset = Application.objects.decided().select_related("authority").prefetch_related("lines", "parties")
    for application in queryset.order_by("decided_at", "pk").iterator(chunk_size=200):
        if application.pk not in done:
            publish_decision(application, acting_user=acting_user)
            count += 1
    return count


def refresh_disclosure(member_state: str, year: int, *, min_exporters: int | None = None) -> int:
    """Re-apply the small-cell rule to one state and year (the cells never span two); writes only the
    rows whose published values change, and returns how many did."""
    k = settings.TRANSPARENCY_MIN_EXPORTERS if min_exporters is None else min_exporters
    scope = DecisionRecord.objects.filter(member_state=member_state, year=year)
    current = {
        r.pk: r
        for r in scope.only(
            "pk",
            "exporter_id",
            "application_id",
            "public_id",
            "entry_code",
            "item_type",
            "destination",
            "value_eur",
            "level",
            "visible",
            "pub_entry",
            "item_type_public",
            "pub_destination",
            "pub_value_eur",
        )
    }
    groups: dict[str, int] = {}
    private = [
        PrivateRow(
            key=r.pk,
            group=groups.setdefault(r.public_id, len(groups)),
            exporter=r.exporter_id,
            member_state=member_state,
            year=year,
            entry_code=r.entry_code,
            item_type=r.item_type,
            destination=r.destination,
        )
        for r in current.values()
    ]
    changed = []
    for key, shown in disclose(private, k).items():
        row = current[key]
        new = (
            int(shown.level),
            shown.visible,
            shown.entry,
            row.item_type if shown.visible and shown.entry else "",
            shown.destination,
            row.value_eur if shown.value_shown else None,
        )
        old = (
            row.level,
            row.visible,
            row.pub_entry,
            row.item_type_public,
            row.pub_destination,
            row.pub_value_eur,
        )
        if new != old:
            (
                row.level,
                row.visible,
                row.pub_entry,
                row.item_type_public,
                row.pub_destination,
                row.pub_value_eur,
            ) = new
            changed.append(row)
    DecisionRecord.objects.bulk_update(
        changed,
        ["level", "visible", "pub_entry", "item_type_public", "pub_destination", "pub_value_eur"],
        batch_size=2000,
    )
    return len(changed)


@dataclass(frozen=True, slots=True)
class PenaltyDraft:
    member_state: str
    decided_on: date | None
    infringement: str
    sanction: str
    amount_eur: str | Decimal | None = None
    custodial_months: int | None = None
    summary: str = ""
    final: bool = False


def _penalty_problems(draft: PenaltyDraft) -> tuple[Decimal | None, list[Problem]]:
    problems: list[Problem] = []
    if not is_member_state(draft.member_state):
        problems.append(Problem("member_state", f"{draft.member_state!r} is not an EU Member State"))
    if draft.decided_on is None:
        problems.append(Problem("decided_on", "is required"))
    elif draft.decided_on > timezone.localdate():
        problems.append(Problem("decided_on", "cannot be in the future"))
    if draft.infringement not in {c.value for c in Infringement}:
        problems.append(Problem("infringement", "is not a known type of infringement"))
    if draft.sanction not in {c.value for c in Sanction}:
        problems.append(Problem("sanction", "is not a known sanction"))
    amount: Decimal | None = None
    if draft.amount_eur not in (None, ""):
        try:
            amount = Decimal(str(draft.amount_eur)).quantize(Decimal("0.01"))
        except InvalidOperation:
            problems.append(Problem("amount_eur", "must be an amount in euro, e.g. 25000.00"))
        else:
            if amount < 0 or amount >= Decimal("1e12"):
                problems.append(Problem("amount_eur", "must be between 0 and 999,999,999,999.99"))
    if draft.sanction == Sanction.FINE and amount is None:
        problems.append(Problem("amount_eur", "a fine needs its amount"))
    if draft.custodial_months is not None and not 0 <= draft.custodial_months <= 600:
        problems.append(Problem("custodial_months", "must be between 0 and 600 months"))
    if len(draft.summary) > 2000:
        problems.append(Problem("summary", "is longer than 2000 characters"))
    return amount, problems


def penalty_problems(draft: PenaltyDraft) -> list[Problem]:
    """Every problem with a draft at once (the page shows each next to its field)."""
    return _penalty_problems(replace(draft, member_state=normalise_code(draft.member_state)))[1]


def record_penalty(draft: PenaltyDraft, *, acting_user: Any) -> Penalty:
    """Art 25: a Member State's authority (or the Commission) records a penalty for its register."""
    draft = replace(draft, member_state=normalise_code(draft.member_state), summary=draft.summary.strip())
    access.access_penalty_record(acting_user, draft.member_state)
    amount, problems = _penalty_problems(draft)
    if problems:
        raise InvalidPenalty("; ".join(str(p) for p in problems), field=problems[0].where, problems=problems)
    with transaction.atomic():
        penalty = Penalty.objects.create(
            member_state=draft.member_state,
            decided_on=cast(date, draft.decided_on),  # _penalty_problems refused a missing date
            infringement=draft.infringement,
            sanction=draft.sanction,
            amount_eur=amount,
            custodial_months=draft.custodial_months,
            summary=draft.summary,
            final=draft.final,
            recorded_by=acting_user,
        )
        audit.record(
            acting_user,
            Verb.PENALTY_RECORDED,
            penalty,
            data={"member_state": penalty.member_state, "final": penalty.final},
        )
    return penalty
