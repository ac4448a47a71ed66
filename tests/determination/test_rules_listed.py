"""Art 3(1) (Annex I export, re-export as export) and Art 11(1) (Annex IV transfers inside the EU)."""

import json
from pathlib import Path
from typing import Any

import pytest

from dualuse.determination.rules.context import load_context
from dualuse.determination.rules.engine import determine
from dualuse.determination.rules.request import parse_request

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
ANNEX_I = [json.loads(line) for line in (SHARED / "annex-i.jsonl").read_text(encoding="utf-8").splitlines()]
KNOWN = frozenset(r["code"] for r in ANNEX_I if not r["not_used"])
CYBER = frozenset(r["code"] for r in ANNEX_I if r["cyber_surveillance"])
CTX = load_context()


def run(code: str | None, dest: str = "US", activity: str = "export", **extra: Any) -> dict[str, Any]:
    request: dict[str, Any] = {
        "exporter_member_state": "DE",
        "activity": activity,
        "destination": dest,
        "lines": [{"control_code": code, "description": "item", "quantity": 1, "value_eur": 1000}],
        **extra,
    }
    facts = parse_request(
        request, known_codes=KNOWN.__contains__, cyber_surveillance_codes=CYBER.__contains__
    )
    return determine(facts, CTX).to_json()


@pytest.mark.parametrize("code", ["5A002.a", "1C350.24", "9A004.b", "3A001.a.3", "0C001", "4A005"])
def test_art_3_1_listed_item_export_needs_authorisation(code: str) -> None:
    """Art 3(1): any Annex I item needs an export authorisation, whatever the destination."""
    out = run(code, dest="BR")
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 3(1)"]
    assert out["requirements"][0]["basis"] == "Art 3(1)"
    assert out["requirements"][0]["control_code"] == code


def test_art_3_1_non_listed_item_without_catch_all_needs_nothing() -> None:
    """Art 3(1) with Art 4/5: a non-listed item with no information or awareness needs no authorisation."""
    out = run(None, dest="CN")
    assert out["licence_required"] is False
    assert out["legal_bases"] == []
    assert out["requirements"] == []
    assert any("Art 9" in r for r in out["reasons"])


def test_art_2_2_b_re_export_is_treated_as_export() -> None:
    """Art 2(2)(b) with Art 3(1): a re-export of an Annex I item needs an authorisation like an export."""
    out = run("5A002.a.2", dest="JP", activity="re_export")
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 3(1)"]
    assert any("re-export is an export" in r for r in out["requirements"][0]["reasons"])
    assert [u["code"] for u in out["usable_general_authorisations"]] == ["EU001"]


def test_art_3_1_requirement_per_line() -> None:
    """Art 3(1): one requirement per listed line; the non-listed line adds none."""
    request = {
        "exporter_member_state": "FR",
        "activity": "export",
        "destination": "US",
        "lines": [{"control_code": "5A002.a.2"}, {"control_code": None}, {"control_code": "6A003.b"}],
    }
    out = determine(parse_request(request, known_codes=KNOWN.__contains__), CTX).to_json()
    assert [r["line"] for r in out["requirements"]] == [0, 2]


def test_art_2_20_listed_cyber_surveillance_item_is_flagged() -> None:
    """Art 2(20) and Art 26(2): a listed cyber-surveillance entry is marked in the reasons."""
    out = run("5A001.j", dest="BR")
    assert out["licence_required"] is True
    assert any("cyber-surveillance" in r for r in out["requirements"][0]["reasons"])


def test_art_3_1_entry_text_comes_from_the_control_list() -> None:
    """Art 3(1): the requirement carries the Annex I wording when the app supplies it."""
    texts = {r["code"]: r["text"] for r in ANNEX_I}
    ctx = load_context(entry_text=texts.get)
    facts = parse_request(
        {
            "exporter_member_state": "DE",
            "activity": "export",
            "destination": "US",
            "lines": [{"control_code": "4A005"}],
        }
    )
    out = determine(facts, ctx).to_json()
    assert "intrusion software" in str(out["requirements"][0]["entry_text"])


@pytest.mark.parametrize(
    ("code", "part"),
    [
        ("1C001", ["I"]),
        ("6A001.a.2.b", ["I"]),
        ("5A004.a", ["I"]),
        ("7A117", ["I"]),
        ("9A004.a", ["I"]),
        ("1C351.d.4", ["II"]),
        ("1C012.b", ["II"]),
        ("0B001", ["II"]),
        ("0C002", ["II"]),
        ("3A231", ["II"]),
    ],
)
def test_art_11_1_annex_iv_item_transfer_needs_authorisation(code: str, part: list[str]) -> None:
    """Art 11(1): moving an Annex IV item (equal to or under an Annex IV code) to another Member State."""
    out = run(code, dest="FR", activity="intra_eu_transfer")
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 11(1)"]
    assert f"Annex IV Part {part[0]}" in out["requirements"][0]["entry_text"]


@pytest.mark.parametrize(
    "code", ["5A002.a", "1C351.d.1", "0C001", "1C012.a", "6A001.a.1.a", "8A002.o.3.a", "5D002.a.1"]
)
def test_art_11_1_non_annex_iv_item_transfer_needs_nothing(code: str) -> None:
    """Art 11(1): Annex I items outside Annex IV move freely inside the EU (0C001 is excluded from Category 0)."""
    out = run(code, dest="IT", activity="intra_eu_transfer")
    assert out["licence_required"] is False
    assert out["requirements"] == []
    assert any("Art 11(2)" in r for r in out["reasons"])  # the national option is mentioned


def test_art_11_1_annex_iv_narrowing_returned_as_scope_condition() -> None:
    """Art 11(1), Annex IV 9A004: only launch vehicles for >= 500 kg over >= 300 km; MTCR exemptions listed."""
    out = run("9A004.a", dest="FR", activity="intra_eu_transfer")
    scope = " ".join(out["requirements"][0]["scope_conditions"])
    assert "500 kg" in scope
    assert "European Space Agency" in scope


def test_art_11_1_category_0_partial_entries_carry_their_qualification() -> None:
    """Annex IV Part II: 0C003 only for use in a nuclear reactor."""
    out = run("0C003", dest="NL", activity="intra_eu_transfer")
    assert out["licence_required"] is True
    assert "nuclear reactor" in out["requirements"][0]["scope_conditions"][0]


def test_art_11_1_1e201_is_in_both_parts() -> None:
    """Annex IV: 1E201 sits in Part I (for 1C239) and Part II (for 1B226 ...), matched on code and scope."""
    out = run("1E201", dest="AT", activity="intra_eu_transfer")
    assert "Part I and II" in out["requirements"][0]["entry_text"]
    assert len(out["requirements"][0]["scope_conditions"]) == 2


def test_art_11_1_part_ii_rules_out_national_general_authorisation() -> None:
    """Annex IV Part II: no national general authorisation for intra-Union trade."""
    out = run("1C351.d.5", dest="BE", activity="intra_eu_transfer")
    assert any("No national general authorisation" in r for r in out["requirements"][0]["reasons"])


def test_art_11_1_lead_in_code_points_to_sub_items() -> None:
    """Annex IV '6A001, limited to the following': the entry alone is not in Annex IV; its sub-items are named."""
    out = run("6A001", dest="ES", activity="intra_eu_transfer")
    assert out["licence_required"] is False
    assert any("6A001.a.2.b" in r for r in out["reasons"])


def test_art_11_1_limited_row_matches_only_the_named_sub_item() -> None:
    """Annex IV 5D002.a: only 5D002.a.3.a (software for 5A004.a cryptanalysis)."""
    assert run("5D002.a.3.a", dest="FR", activity="intra_eu_transfer")["licence_required"] is True
    assert run("5D002.a.3.b", dest="FR", activity="intra_eu_transfer")["licence_required"] is False


def test_art_11_1_ugeas_do_not_apply_to_transfers() -> None:
    """Art 2(15), Art 12(1)(d): UGEAs are export authorisations, not transfer authorisations."""
    out = run("1C001", dest="FR", activity="intra_eu_transfer")
    assert out["usable_general_authorisations"] == []
    assert set(out["unusable_general_authorisations"]) == {f"EU00{i}" for i in range(1, 9)}
