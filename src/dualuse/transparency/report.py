"""The annual report in the shape of Art 26(2), built from the dataset's private columns with the
small-cell rule applied to every table (cells of fewer than k exporters are "confidential", with
secondary suppression so a table's total cannot give one away; totals always count every decision).

Sections (Art 26(2)): authorisations, number and value, by item type and by destination, at EU and
Member State level; refusals; catch-all notifications (Arts 4, 5); changes to the EU-wide list (Art 5);
enforcement and penalties (Art 25); and for cyber-surveillance items the number of applications by
item, issuing Member State, destination and decision.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldError
from django.db.models import Count, QuerySet, Sum

from dualuse.transparency.disclosure import suppress_cells
from dualuse.transparency.models import GRANTED_DECISIONS, DecisionRecord, Penalty, PublicDecision


@dataclass
class Cell:
    label: str
    applications: int
    value: Decimal
    exporters: int
    confidential: bool = False


@dataclass
class Table:
    title: str
    key: str  # the column it breaks down by
    cells: list[Cell]
    total_applications: int
    total_value: Decimal


@dataclass
class CyberRow:
    entry: str
    member_state: str
    destination: str
    decision: str
    applications: int
    confidential: bool


@dataclass
class PenaltyRow:
    member_state: str
    penalties: int
    fines_eur: Decimal


@dataclass
class AnnualReport:
    year: int
    min_exporters: int
    authorisations: Table  # by Member State
    authorisations_by_item_type: Table
    authorisations_by_destination: Table
    refusals: Table  # by Member State
    refusals_by_item_type: Table
    refusals_by_destination: Table
    states: dict[str, dict[str, Table]] = field(default_factory=dict)  # MS level: item type, destination
    cyber: list[CyberRow] = field(default_factory=list)
    penalties: list[PenaltyRow] = field(default_factory=list)
    catch_all_notifications: dict[str, int] | None = None  # per state; None: not available
    eu_list: dict[str, int] | None = None  # {"listed": n, "withdrawn": n}


def _totals(qs: QuerySet[DecisionRecord]) -> tuple[int, Decimal]:
    row = qs.aggregate(n=Count("public_id", distinct=True), v=Sum("value_eur"))
    return int(row["n"] or 0), Decimal(row["v"] or 0)


def _cells(qs: QuerySet[DecisionRecord], key: str, k: int) -> list[Cell]:
    rows = (
        qs.values(key)
        .annotate(
            n=Count("public_id", distinct=True), v=Sum("value_eur"), e=Count("exporter_id", distinct=True)
        )
        .order_by(key)
    )
    cells = [Cell(str(r[key]) or "—", int(r["n"]), Decimal(r["v"] or 0), int(r["e"])) for r in rows]
    return _suppressed(cells, k)


def _suppressed(cells: list[Cell], k: int) -> list[Cell]:
    hidden = suppress_cells({c.label: c.exporters for c in cells}, k)
    for c in cells:
        c.confidential = c.label in hidden
    return sorted(cells, key=lambda c: (-c.applications, c.label))


def _table(title: str, qs: QuerySet[DecisionRecord], key: str, k: int) -> Table:
    n, v = _totals(qs)
    return Table(title, key, _cells(qs, key, k), n, v)


def _state_tables(qs: QuerySet[DecisionRecord], k: int) -> dict[str, dict[str, Table]]:
    """Member State level: one grouped query per breakdown, split by state in Python."""
    out: dict[str, dict[str, Table]] = {}
    totals = {
        r["member_state"]: (int(r["n"]), Decimal(r["v"] or 0))
        for r in qs.values("member_state").annotate(n=Count("public_id", distinct=True), v=Sum("value_eur"))
    }
    for key, title in (("item_type", "by item type"), ("destination", "by destination")):
        grouped: dict[str, list[Cell]] = defaultdict(list)
        rows = qs.values("member_state", key).annotate(
            n=Count("public_id", distinct=True), v=Sum("value_eur"), e=Count("exporter_id", distinct=True)
        )
        for r in rows:
            grouped[r["member_state"]].append(
                Cell(str(r[key]) or "—", int(r["n"]), Decimal(r["v"] or 0), int(r["e"]))
            )
        for state, cells in grouped.items():
            n, v = totals[state]
            out.setdefault(state, {})[key] = Table(
                f"Authorisations {title}", key, _suppressed(cells, k), n, v
            )
    return dict(sorted(out.items()))


def _cyber(year_qs: QuerySet[DecisionRecord], k: int) -> list[CyberRow]:
    rows = (
        year_qs.filter(cyber_surveillance=True)
        .values("entry_code", "member_state", "destination", "decision")
        .annotate(n=Count("public_id", distinct=True), e=Count("exporter_id", distinct=True))
        .order_by("entry_code", "member_state", "destination", "decision")
    )
    cells = [
        CyberRow(
            r["entry_code"] or "non-listed",
            r["member_state"],
            r["destination"],
            r["decision"],
            int(r["n"]),
            int(r["e"]) < k,
        )
        for r in rows
    ]
    return cells


def _penalties(year: int) -> list[PenaltyRow]:
    rows = (
        Penalty.objects.public()
        .filter(decided_on__year=year)
        .values("member_state")
        .annotate(n=Count("pk"), fines=Sum("amount_eur"))
        .order_by("member_state")
    )
    return [PenaltyRow(r["member_state"], int(r["n"]), Decimal(r["fines"] or 0)) for r in rows]


def _optional_counts(year: int) -> tuple[dict[str, int] | None, dict[str, int] | None]:
    """From the cooperation app when it is installed (catch-all notifications, the EU-wide list)."""
    try:
        notifications: Any = apps.get_model("cooperation", "CatchAllNotification")
        entries: Any = apps.get_model("cooperation", "EUListEntry")
    except LookupError:
        return None, None
    try:
        per_state = {
            r["member_state"]: int(r["n"])
            for r in notifications.objects.filter(created_at__year=year)
            .values("member_state")
            .annotate(n=Count("pk"))
        }
        eu_list = {
            "listed": entries.objects.filter(listed_on__year=year).count(),
            "withdrawn": entries.objects.filter(listed_on__year=year, status="withdrawn").count(),
        }
    except FieldError:
        return None, None
    return dict(sorted(per_state.items())), eu_list


def annual_report(year: int, *, min_exporters: int | None = None) -> AnnualReport:
    k = settings.TRANSPARENCY_MIN_EXPORTERS if min_exporters is None else min_exporters
    year_qs = DecisionRecord.objects.filter(year=year)
    granted = year_qs.filter(decision__in=[d.value for d in GRANTED_DECISIONS])
    denied = year_qs.filter(decision=PublicDecision.DENIED)
    catch_all, eu_list = _optional_counts(year)
    return AnnualReport(
        year=year,
        min_exporters=k,
        authorisations=_table("Authorisations by Member State", granted, "member_state", k),
        authorisations_by_item_type=_table("Authorisations by item type (EU)", granted, "item_type", k),
        authorisations_by_destination=_table("Authorisations by destination (EU)", granted, "destination", k),
        refusals=_table("Refusals by Member State", denied, "member_state", k),
        refusals_by_item_type=_table("Refusals by item type (EU)", denied, "item_type", k),
        refusals_by_destination=_table("Refusals by destination (EU)", denied, "destination", k),
        states=_state_tables(granted, k),
        cyber=_cyber(year_qs, k),
        penalties=_penalties(year),
        catch_all_notifications=catch_all,
        eu_list=eu_list,
    )


def report_years() -> list[int]:
    return sorted(
        set(DecisionRecord.objects.order_by().values_list("year", flat=True).distinct()), reverse=True
    )
