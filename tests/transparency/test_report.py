"""The annual report's figures against a seeded dataset, computed independently here."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from dualuse.transparency import services, synthetic
from dualuse.transparency.models import DecisionRecord
from dualuse.transparency.report import annual_report

pytestmark = pytest.mark.django_db
GRANTED = {"granted", "granted_with_conditions"}


@pytest.fixture
def seeded() -> list[dict[str, Any]]:
    rows = list(synthetic.generate(400, seed=11, years=(2024, 2025), exporters=25))
    DecisionRecord.objects.bulk_create(DecisionRecord(**r) for r in rows)
    return rows


def test_totals_match_an_independent_count(seeded: list[dict[str, Any]]) -> None:
    report = annual_report(2025, min_exporters=3)
    year = [r for r in seeded if r["year"] == 2025]
    granted = [r for r in year if r["decision"] in GRANTED]
    denied = [r for r in year if r["decision"] == "denied"]
    assert report.authorisations.total_applications == len({r["public_id"] for r in granted})
    assert report.authorisations.total_value == sum((r["value_eur"] for r in granted), Decimal(0))
    assert report.refusals.total_applications == len({r["public_id"] for r in denied})
    assert report.authorisations_by_destination.total_applications == report.authorisations.total_applications


def test_state_cells_and_confidentiality(seeded: list[dict[str, Any]]) -> None:
    report = annual_report(2025, min_exporters=3)
    apps: dict[str, set[str]] = defaultdict(set)
    values: dict[str, Decimal] = defaultdict(Decimal)
    exporters: dict[str, set[int]] = defaultdict(set)
    for r in seeded:
        if r["year"] == 2025 and r["decision"] in GRANTED:
            apps[r["member_state"]].add(r["public_id"])
            values[r["member_state"]] += r["value_eur"]
            exporters[r["member_state"]].add(r["exporter_id"])
    cells = {c.label: c for c in report.authorisations.cells}
    assert set(cells) == set(apps)
    for state, cell in cells.items():
        assert cell.applications == len(apps[state])
        assert cell.value == values[state]
        assert cell.exporters == len(exporters[state])
        if len(exporters[state]) < 3:
            assert cell.confidential
    # Secondary suppression: never exactly one confidential cell in a table.
    for table in (
        report.authorisations,
        report.authorisations_by_item_type,
        report.authorisations_by_destination,
    ):
        assert sum(c.confidential for c in table.cells) != 1


def test_cyber_surveillance_breakdown(seeded: list[dict[str, Any]]) -> None:
    report = annual_report(2025, min_exporters=1)
    expected: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for r in seeded:
        if r["year"] == 2025 and r["cyber_surveillance"]:
            expected[(r["entry_code"], r["member_state"], r["destination"], r["decision"])].add(
                r["public_id"]
            )
    got = {(c.entry, c.member_state, c.destination, c.decision): c.applications for c in report.cyber}
    assert got == {k: len(v) for k, v in expected.items()}
    assert not any(c.confidential for c in report.cyber)


def test_penalties_in_the_report(commission: Any) -> None:
    draft = services.PenaltyDraft(
        "DE", date(2025, 3, 1), "unlicensed_export", "fine", Decimal("1000.50"), final=True
    )
    services.record_penalty(draft, acting_user=commission)
    services.record_penalty(
        services.PenaltyDraft("DE", date(2025, 4, 1), "records", "warning"), acting_user=commission
    )
    report = annual_report(2025)
    assert [(p.member_state, p.penalties, p.fines_eur) for p in report.penalties] == [
        ("DE", 1, Decimal("1000.50"))
    ]


def test_report_api_and_bad_year(anonymous_api: Any, seeded: list[dict[str, Any]]) -> None:
    data = anonymous_api.get("/api/v1/transparency/reports/2025").json()
    assert data["year"] == 2025 and data["authorisations"]["total_applications"] > 0
    assert anonymous_api.get("/api/v1/transparency/reports/1900").status_code == 400
