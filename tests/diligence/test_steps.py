"""The record's validation (pure): every problem at once."""

from __future__ import annotations

from dualuse.diligence.steps import (
    Conclusion,
    clean_programme,
    clean_record,
    programme_complete,
    suggested_conclusion,
)
from tests.diligence.helpers import content, programme


def test_a_complete_record_is_clean() -> None:
    cleaned, problems = clean_record(content())
    assert problems == [] and cleaned["conclusion"] == "notify"


def test_every_problem_is_reported() -> None:
    raw = content(coverage="maybe", conclusion="", destination="Myanmar")
    raw["red_flags"]["odd_routing"] = {"answer": "unknown", "note": ""}
    del raw["red_flags"]["covert_marketing"]
    _, problems = clean_record(raw)
    where = {p.where for p in problems}
    assert {
        "coverage",
        "conclusion",
        "destination",
        "red_flags.odd_routing",
        "red_flags.covert_marketing",
    } <= where


def test_mitigate_needs_a_mitigation_and_listed_needs_an_entry() -> None:
    _, problems = clean_record(content(conclusion="mitigate", coverage="listed"))
    assert {"mitigations", "entry_code"} <= {p.where for p in problems}


def test_suggestion_points_to_notify_for_covered_items_with_flags() -> None:
    cleaned, _ = clean_record(content())
    assert suggested_conclusion(cleaned) == Conclusion.NOTIFY
    cleaned["arms_embargo"] = True
    assert suggested_conclusion(cleaned) == Conclusion.STOP


def test_programme_completeness() -> None:
    elements, problems = clean_programme(programme())
    assert problems == [] and programme_complete(elements)
    partial = programme()
    partial["security"] = {"status": "partial", "evidence": "in progress"}
    assert not programme_complete(clean_programme(partial)[0])
    _, problems = clean_programme({**programme(), "training": {"status": "in_place", "evidence": ""}})
    assert [p.where for p in problems] == ["training.evidence"]
