"""The public dataset: filters, aggregates for the charts, and streaming CSV / JSON downloads.

Everything here starts from `DecisionRecord.objects.public()` and reads `PUBLIC_FIELDS` only, so a
private column cannot reach a page or a download. Downloads stream from a database iterator in
chunks: memory stays flat however many rows there are.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet, Sum

from dualuse.core.countries import is_country, normalise_code
from dualuse.transparency.errors import InvalidFilter
from dualuse.transparency.models import PUBLIC_FIELDS, DecisionRecord, PublicDecision

CHUNK = 2000
# Download columns: header -> model field (the public ones only).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("application", "public_id"),
    ("member_state", "member_state"),
    ("decision_month", "decision_month"),
    ("year", "year"),
    ("decision", "decision"),
    ("entry", "pub_entry"),
    ("item_type", "item_type_public"),
    ("destination", "pub_destination"),
    ("end_user_type", "end_user_type"),
    ("value_eur", "pub_value_eur"),
    ("cyber_surveillance", "cyber_surveillance"),
    ("disclosure_level", "level"),
)
assert {f for _, f in COLUMNS} <= set(PUBLIC_FIELDS)  # noqa: S101 - a guard at import time


@dataclass(frozen=True, slots=True)
class Filters:
    state: str = ""
    destination: str = ""
    entry: str = ""
    decision: str = ""
    year: int | None = None
    cyber: bool = False

    def as_query(self) -> dict[str, str]:
        out = {
            "state": self.state,
            "destination": self.destination,
            "entry": self.entry,
            "decision": self.decision,
            "year": str(self.year or ""),
            "cyber": "1" if self.cyber else "",
        }
        return {k: v for k, v in out.items() if v}


def parse_filters(params: Mapping[str, Any]) -> Filters:
    """Validate query parameters; a bad one is a 400 with the field, never a silent empty page."""
    state = normalise_code(str(params.get("state") or ""))
    destination = normalise_code(str(params.get("destination") or ""))
    entry = str(params.get("entry") or "").strip().upper()[:40]
    decision = str(params.get("decision") or "").strip()
    year_raw = str(params.get("year") or "").strip()
    cyber_raw = str(params.get("cyber") or "").strip().lower()
    if state and not is_country(state):
        raise InvalidFilter(f"state {state!r} is not a country code", field="state")
    if destination and not is_country(destination):
        raise InvalidFilter(f"destination {destination!r} is not a country code", field="destination")
    if entry and not all(ch.isalnum() or ch in ".-" for ch in entry):
        raise InvalidFilter("entry must be an Annex I code such as 5A001 or 5A", field="entry")
    if decision and decision not in {d.value for d in PublicDecision}:
        raise InvalidFilter("decision must be granted, granted_with_conditions or denied", field="decision")
    year = None
    if year_raw:
        if not year_raw.isdigit() or not 2000 <= int(year_raw) <= 2100:
            raise InvalidFilter("year must be a year such as 2025", field="year")
        year = int(year_raw)
    if cyber_raw not in {"", "1", "true", "on", "yes", "0", "false", "off", "no"}:
        raise InvalidFilter("cyber must be true or false", field="cyber")
    return Filters(state, destination, entry, decision, year, cyber_raw in {"1", "true", "on", "yes"})


def filtered(filters: Filters) -> QuerySet[DecisionRecord]:
    qs = DecisionRecord.objects.public()
    if filters.state:
        qs = qs.filter(member_state=filters.state)
    if filters.destination:
        qs = qs.filter(pub_destination=filters.destination)
    if filters.entry:
        # "5A001" finds 5A001 and 5A001.j; a generalised row ("5A") is found by "5A" only.
        qs = qs.filter(pub_entry__istartswith=filters.entry)
    if filters.decision:
        qs = qs.filter(decision=filters.decision)
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.cyber:
        qs = qs.filter(cyber_surveillance=True)
    return qs


def summary(qs: QuerySet[DecisionRecord]) -> dict[str, Any]:
    row = qs.aggregate(
        applications=Count("public_id", distinct=True), lines=Count("pk"), value=Sum("pub_value_eur")
    )
    return {
        "applications": row["applications"] or 0,
        "lines": row["lines"] or 0,
        "value": row["value"] or Decimal(0),
    }


def breakdown(qs: QuerySet[DecisionRecord], field: str, *, limit: int = 15) -> list[tuple[str, int]]:
    """Applications per value of a public column, most first (withheld values are left out)."""
    assert field in PUBLIC_FIELDS  # noqa: S101 - only public columns are grouped
    rows = (
        qs.exclude(**{field: ""})
        .values(field)
        .annotate(n=Count("public_id", distinct=True))
        .order_by("-n", field)[:limit]
    )
    return [(str(r[field]), int(r["n"])) for r in rows]


def over_time(qs: QuerySet[DecisionRecord]) -> list[tuple[str, int]]:
    rows = qs.values("year").annotate(n=Count("public_id", distinct=True)).order_by("year")
    return [(str(r["year"]), int(r["n"])) for r in rows]


def _rows(qs: QuerySet[DecisionRecord]) -> Iterator[tuple[Any, ...]]:
    fields = [f for _, f in COLUMNS]
    yield from (
        qs.order_by("year", "member_state", "public_id", "line_position")
        .values_list(*fields)
        .iterator(chunk_size=CHUNK)
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def csv_stream(qs: QuerySet[DecisionRecord]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([name for name, _ in COLUMNS])
    for row in _rows(qs):
        yield writer.writerow([_plain(v) for v in row])


def json_stream(qs: QuerySet[DecisionRecord]) -> Iterator[str]:
    """One JSON array, written as it is read."""
    names = [name for name, _ in COLUMNS]
    yield "["
    first = True
    for row in _rows(qs):
        item = {n: (f"{v:.2f}" if isinstance(v, Decimal) else v) for n, v in zip(names, row, strict=True)}
        yield ("\n" if first else ",\n") + json.dumps(item, separators=(",", ":"))
        first = False
    yield "\n]\n"
