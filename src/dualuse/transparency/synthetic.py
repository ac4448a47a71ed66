"""Synthetic published decisions for the demo and the benchmark: a pure generator (no Django).

Rows are plain dicts with every DecisionRecord column, the small-cell rule already applied per
Member State and year, so they can be bulk-inserted (bulk_create or COPY) without a second pass.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from dualuse.transparency.disclosure import DEFAULT_MIN_EXPORTERS, Level, PrivateRow, disclose, item_type

STATES = ("DE", "FR", "IT", "NL", "SE", "ES", "BE", "AT", "FI", "DK", "PL", "CZ", "IE")
DESTINATIONS = (
    "US",
    "CN",
    "JP",
    "KR",
    "IN",
    "BR",
    "AE",
    "SA",
    "TR",
    "SG",
    "MX",
    "ZA",
    "IL",
    "EG",
    "VN",
    "TH",
    "ID",
    "MY",
    "KZ",
    "RS",
    "CA",
    "AU",
    "CH",
    "GB",
    "NO",
    "RU",
    "BY",
    "MM",
)
ENTRIES = (
    "5A002.a",
    "5A001.f",
    "5A001.j",
    "5D002.c.1",
    "5E002.a",
    "4A005",
    "4D004",
    "3A001.a.1",
    "6A003.b.4",
    "1C010.b",
    "2B001.a",
    "9A012.a",
    "7A003.a",
    "6A005.a",
    "3A002.g",
    "0B001.b",
    "1A002.a",
    "2B350.g",
    "4A003.b",
    "5A004.a",
)
CYBER = frozenset({"5A001.f", "5A001.j", "4A005", "4D004"})
END_USERS = ("commercial", "commercial", "commercial", "government", "individual", "other")
DECISIONS = ("granted",) * 17 + ("granted_with_conditions",) * 2 + ("denied",)


def _zipf(rng: random.Random, items: tuple[str, ...]) -> str:
    """Skewed like real trade: the first items are much more frequent than the last."""
    return rng.choices(items, weights=[1 / (i + 1) for i in range(len(items))])[0]


def generate(
    applications: int,
    *,
    seed: int = 2021,
    years: tuple[int, ...] = (2023, 2024, 2025),
    exporters: int = 400,
    min_exporters: int = DEFAULT_MIN_EXPORTERS,
    exporter_offset: int = 1_000_000,
) -> Iterator[dict[str, Any]]:
    """`applications` applications of one to three lines, grouped by state and year."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    per_scope: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for n in range(applications):
        state, year = _zipf(rng, STATES), rng.choice(years)
        per_scope.setdefault((state, year), []).append({"n": n, "rng": rng.random()})
    for (state, year), apps in sorted(per_scope.items()):
        rows: list[dict[str, Any]] = []
        for number, _ in enumerate(apps, start=1):
            exporter = exporter_offset + rng.randrange(exporters)
            decided = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            decision = rng.choice(DECISIONS)
            end_user = rng.choice(END_USERS)
            destination = _zipf(rng, DESTINATIONS)
            public_id = f"{year}-{state}-{number:06d}"
            for line in range(1, rng.choice((1, 1, 1, 2, 3)) + 1):
                entry = _zipf(rng, ENTRIES)
                rows.append(
                    {
                        "public_id": public_id,
                        "member_state": state,
                        "decided_on": decided,
                        "decision_month": f"{decided:%Y-%m}",
                        "year": year,
                        "decision": decision,
                        "item_type": item_type(entry),
                        "cyber_surveillance": entry in CYBER,
                        "end_user_type": end_user,
                        "exporter_id": exporter,
                        "application_id": None,
                        "line_position": line,
                        "entry_code": entry,
                        "destination": destination,
                        "value_eur": Decimal(rng.randrange(1_000, 5_000_000)).quantize(Decimal("0.01")),
                    }
                )
        groups: dict[str, int] = {}
        private = [
            PrivateRow(
                i,
                groups.setdefault(r["public_id"], len(groups)),
                r["exporter_id"],
                state,
                year,
                r["entry_code"],
                r["item_type"],
                r["destination"],
            )
            for i, r in enumerate(rows)
        ]
        shown = disclose(private, min_exporters)
        for i, r in enumerate(rows):
            d = shown[i]
            r.update(
                {
                    "level": int(d.level),
                    "visible": d.level < Level.WITHHELD,
                    "pub_entry": d.entry,
                    "item_type_public": r["item_type"] if d.entry else "",
                    "pub_destination": d.destination,
                    "pub_value_eur": r["value_eur"] if d.value_shown else None,
                }
            )
            yield r
