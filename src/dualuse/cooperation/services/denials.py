"""Denial notices (Art 16(1)-(2), Arts 4(6) and 5(8)): notify, review, and match a case against them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from dualuse.cooperation import access
from dualuse.cooperation.errors import CooperationInvalid, WrongState
from dualuse.cooperation.identical import DenialMatch, Line, Party, Settings, Transaction, find_identical
from dualuse.cooperation.models import DenialBasis, DenialNotice, DenialReview, DenialStatus, ReviewAction
from dualuse.cooperation.services.common import (
    add_years,
    clean_items,
    clean_parties,
    country,
    member_state,
    require_text,
    today,
)
from dualuse.cooperation.services.names import party_similarity
from dualuse.core import audit
from dualuse.core.models import Verb
from dualuse.licensing.models import Decision, Denial

REVIEW_YEARS = 3  # Art 16(2): a refusal is reviewed within 3 years of its notification


def notify_denial(
    *,
    acting_user: Any,
    items: Any,
    parties: Any,
    reasons: str,
    criteria: Any = (),
    basis: str = DenialBasis.LICENCE_REFUSAL,
    destination: str = "",
    activity: str = "export",
    denied_on: date | None = None,
    application: Any = None,
    licensing_denial: Any = None,
    notified_on: date | None = None,
) -> DenialNotice:
    """Art 16(1): the authority notifies a refusal to the other Member States and the Commission.

    Also the entry point for catch-all refusals (Art 4(6), Art 5(8)). Licensing calls it (or
    `notify_licensing_denial`) in the transaction that records its denial.
    """
    access.access_officer(acting_user)
    if basis not in DenialBasis.values:
        raise CooperationInvalid(f"basis: expected one of {', '.join(DenialBasis.values)}", field="basis")
    clean = {
        "items": clean_items(items, require_code=basis == DenialBasis.LICENCE_REFUSAL),
        "parties": clean_parties(parties),
        "reasons": require_text(reasons, "reasons"),
        "criteria": [str(c) for c in (criteria or [])],
        "destination": country(destination, "destination", required=False),
    }
    state = member_state(acting_user.organisation.member_state, "member_state")
    notified = notified_on or today()
    with transaction.atomic():
        notice = DenialNotice.objects.create(
            member_state=state,
            authority=acting_user.organisation,
            basis=basis,
            application=application,
            licensing_denial=licensing_denial,
            activity=activity,
            denied_on=denied_on or notified,
            notified_on=notified,
            review_due=add_years(notified, REVIEW_YEARS),
            created_by=acting_user,
            **clean,
        )
        audit.record(acting_user, Verb.DENIAL_NOTIFIED, notice, data={"basis": basis, "state": state})
    return notice


def notify_licensing_denial(denial: Any, *, acting_user: Any) -> DenialNotice:
    """The licensing app's `Denial` row, notified as a shared notice (idempotent per denial)."""
    existing = DenialNotice.objects.filter(licensing_denial=denial).first()
    if existing is not None:
        return existing
    parties = [
        {"role": p.get("role") or "end_user", "name": p.get("name", ""), "country": p.get("country", "")}
        for p in denial.parties
    ]
    items = [
        {"entry_code": line.get("entry_code", ""), "description": line.get("description", "")}
        for line in denial.lines
    ]
    return notify_denial(
        acting_user=acting_user,
        items=items,
        parties=parties,
        reasons=denial.reasons,
        criteria=denial.criteria,
        destination=denial.destination,
        denied_on=denial.denied_on,
        application=denial.application,
        licensing_denial=denial,
        basis=DenialBasis.LICENCE_REFUSAL
        if all(i["entry_code"] for i in items)
        else DenialBasis.CATCH_ALL_ART4,
    )


def sync_licensing_denials() -> list[DenialNotice]:
    """Notify every licensing `Denial` that has no notice yet, as the senior officer who countersigned it.

    Licensing records its denials without calling us (no signals); housekeeping (`remind`) pulls them
    here, and licensing may also call `notify_licensing_denial` right after recording one.
    """
    created = []
    for denial in Denial.objects.filter(notice__isnull=True).select_related("application"):
        decision = (
            Decision.objects.filter(application=denial.application_id, outcome="deny", status="countersigned")
            .order_by("-pk")
            .first()
        )
        signer = decision.reviewed_by if decision else None
        if signer is not None:
            created.append(notify_licensing_denial(denial, acting_user=signer))
    return created


def review_denial(
    notice: DenialNotice,
    *,
    acting_user: Any,
    action: str,
    note: str,
    items: Any = None,
    parties: Any = None,
    reasons: str | None = None,
    on: date | None = None,
) -> DenialNotice:
    """Art 16(2): the issuing state revokes, amends or renews its refusal; a renewal restarts the 3 years."""
    access.access_officer_of_state(acting_user, notice.member_state)
    if action not in ReviewAction.values:
        raise CooperationInvalid(f"action: expected one of {', '.join(ReviewAction.values)}", field="action")
    note = require_text(note, "note")
    day = on or today()
    with transaction.atomic():
        notice = DenialNotice.objects.select_for_update().get(pk=notice.pk)
        if notice.status != DenialStatus.VALID:
            raise WrongState(f"{notice.reference} is revoked; a revoked refusal cannot be reviewed")
        changes: dict[str, Any] = {}
        if action == ReviewAction.REVOKE:
            notice.status, notice.revoked_at = DenialStatus.REVOKED, timezone.now()
        elif action == ReviewAction.AMEND:
            if items is not None:
                changes["items"] = [notice.items, clean_items(items)]
            if parties is not None:
                changes["parties"] = [notice.parties, clean_parties(parties)]
            if reasons is not None:
                changes["reasons"] = [notice.reasons, require_text(reasons, "reasons")]
            if not changes:
                raise CooperationInvalid(
                    "amend: change the items, the parties or the reasons", field="action"
                )
            for name, (_, new) in changes.items():
                setattr(notice, name, new)
        notice.last_reviewed_on = day
        # Art 16(2) asks for a review within 3 years of notification; after each review the clock restarts.
        notice.review_due = add_years(day, REVIEW_YEARS)
        notice.save()
        DenialReview.objects.create(
            notice=notice, action=action, note=note, changes=changes, reviewed_by=acting_user
        )
        audit.record(
            acting_user, Verb.DENIAL_NOTIFIED, notice, data={"review": action, "fields": sorted(changes)}
        )
    return notice


# --- matching (Art 2(22), Art 16) -------------------------------------------------------------


def notice_transaction(notice: DenialNotice) -> Transaction:
    return Transaction(
        lines=tuple(
            Line(i["entry_code"], i.get("parameters") or {}) for i in notice.items if i.get("entry_code")
        ),
        parties=tuple(_party(p) for p in notice.parties),
        id=str(notice.pk),
    )


def _party(p: dict[str, Any]) -> Party:
    return Party(
        name=p.get("name", ""),
        country=p.get("country") or None,
        identifiers=p.get("identifiers") or {},
        role=p.get("role") or None,
        aliases=tuple(p.get("aliases") or ()),
    )


def transaction_from_plain(items: Any, parties: Any) -> Transaction:
    """A case given as plain data (the API's match endpoint)."""
    clean_i, clean_p = clean_items(items), clean_parties(parties)
    return Transaction(
        lines=tuple(Line(i["entry_code"], i["parameters"]) for i in clean_i),
        parties=tuple(_party(p) for p in clean_p),
    )


def application_transaction(application: Any) -> Transaction:
    """A licensing application as the matching engine sees it (listed lines; every party)."""
    lines = tuple(
        Line(line.entry_code, {})
        for line in application.lines.all()
        if line.entry_code and not line.not_listed
    )
    parties = tuple(
        Party(name=p.name, country=p.country or None, role=p.role) for p in application.parties.all()
    )
    return Transaction(lines=lines, parties=parties, id=getattr(application, "reference", ""))


@dataclass(frozen=True, slots=True)
class NoticeMatch:
    notice: DenialNotice
    match: DenialMatch

    @property
    def explanation(self) -> tuple[str, ...]:
        return self.match.explanation

    def to_json(self) -> dict[str, Any]:
        return {
            "denial_notice": self.notice.pk,
            "reference": self.notice.reference,
            "member_state": self.notice.member_state,
            "score": round(self.match.score, 3),
            "explanation": list(self.match.explanation),
        }


def find_matches(
    case: Transaction, *, exclude_state: str = "", settings: Settings | None = None
) -> list[NoticeMatch]:
    """Every valid denial essentially identical to `case`, with the reasons it matched.

    `exclude_state` leaves out the deciding state's own refusals: Art 16 asks it to consult the *other*
    state that issued a refusal.
    """
    notices = DenialNotice.objects.valid()
    if exclude_state:
        notices = notices.exclude(member_state=exclude_state)
    by_id = {str(n.pk): n for n in notices}
    found = find_identical(
        case, (notice_transaction(n) for n in by_id.values()), party_similarity(), settings
    )
    return [NoticeMatch(by_id[m.denial_id], m) for m in found]


def matches_for_application(application: Any) -> list[NoticeMatch]:
    return find_matches(
        application_transaction(application), exclude_state=application.authority.member_state
    )
