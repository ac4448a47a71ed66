"""Our versioned data (written from the Regulation) against the team's shared reference files; isolation."""

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dualuse.determination.rules.context import load_context
from dualuse.determination.rules.datasets import load_annex_iv, load_embargoes, load_member_states, load_ugea

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
SHARED_UGEA = {
    u["code"]: u
    for u in json.loads((SHARED / "union-general-authorisations.json").read_text(encoding="utf-8"))
}
SHARED_IV = json.loads((SHARED / "annex-iv.json").read_text(encoding="utf-8"))
ANNEX_I = {
    json.loads(line)["code"] for line in (SHARED / "annex-i.jsonl").read_text(encoding="utf-8").splitlines()
}
UGEA = load_ugea()


def summary_codes(text: str) -> set[str]:
    return set(re.findall(r"\b\d[A-E]\d{3}(?:\.[a-z0-9]+)*", text))


def test_ugea_codes_and_sections_match_shared() -> None:
    """Annex II Sections A-H = EU001-EU008."""
    assert {u.code: u.section for u in UGEA.authorisations} == {
        c: u["annex_section"] for c, u in SHARED_UGEA.items()
    }


@pytest.mark.parametrize("code", ["EU001", "EU002", "EU003", "EU004", "EU005", "EU006", "EU007"])
def test_ugea_destinations_match_shared(code: str) -> None:
    """Annex II Part 2 of each section, after 2022/699."""
    assert load_context().lookups.destinations[code] == frozenset(SHARED_UGEA[code]["destinations"])


def test_eu008_exclusions_match_shared() -> None:
    """Annex II Section H Part 2(b): the 41 named countries (43 ISO codes with HK and MO); defined by exclusion."""
    eu008 = UGEA.get("EU008")
    assert SHARED_UGEA["EU008"]["destinations"] is None
    assert eu008.destinations.listed is None
    assert eu008.destinations.except_listed == frozenset(SHARED_UGEA["EU008"]["destinations_excluded"])


def test_eu002_items_match_shared() -> None:
    """Annex II Section B Part 1: the 28 entries."""
    ours = {e.code for e in UGEA.get("EU002").items.only}
    assert len(ours) == 28
    assert ours == summary_codes(SHARED_UGEA["EU002"]["items_summary"])


@pytest.mark.parametrize("code", ["EU003", "EU004"])
def test_eu003_eu004_excluded_items_match_shared(code: str) -> None:
    """Annex II Sections C and D Part 1: the named excluded entries."""
    assert set(UGEA.get(code).items.exclude) == summary_codes(SHARED_UGEA[code]["items_summary"])


def test_eu005_items_match_shared() -> None:
    """Annex II Section E Part 1."""
    assert {e.code for e in UGEA.get("EU005").items.only} == summary_codes(
        SHARED_UGEA["EU005"]["items_summary"]
    )


def test_eu006_items_match_shared_ranges() -> None:
    """Annex II Section F Part 1: 1C350 entries 1-3, 5-22, 24-28, 30-65; 1C450.a.4-7; 1C450.b.1-6 and 8."""
    numbers = [*range(1, 4), *range(5, 23), *range(24, 29), *range(30, 66)]
    expected = (
        {f"1C350.{n}" for n in numbers}
        | {f"1C450.a.{n}" for n in range(4, 8)}
        | {f"1C450.b.{n}" for n in (1, 2, 3, 4, 5, 6, 8)}
    )
    assert "1-3, 5-22, 24-28, 30-65" in SHARED_UGEA["EU006"]["items_summary"]
    assert {e.code for e in UGEA.get("EU006").items.only} == expected


def test_eu007_related_exclusions_match_shared() -> None:
    """Annex II Section G Part 1: software and technology related to 4A005, 4D004, 4E001.c, 5A001.f, 5A001.j."""
    assert set(UGEA.get("EU007").items.related_to) == summary_codes(SHARED_UGEA["EU007"]["items_summary"])


def test_eu008_items_match_shared() -> None:
    """Annex II Section H Part 1."""
    named = summary_codes(SHARED_UGEA["EU008"]["items_summary"]) - {
        "5A002.a"
    }  # "5A002.a" is only in prose there
    assert {e.code for e in UGEA.get("EU008").items.only} == named


def test_every_code_in_our_ugea_data_exists_in_annex_i() -> None:
    """Each code we hold is an Annex I code of the 15.11.2025 list."""
    codes = {c for c, _ in UGEA.section_i}
    for u in UGEA.authorisations:
        codes |= {e.code for e in u.items.only} | set(u.items.exclude) | set(u.items.related_to)
    assert codes <= ANNEX_I


@pytest.mark.parametrize(
    ("code", "phrase"),
    [
        ("EU001", "30 days after"),
        ("EU004", "30 days after"),
        ("EU006", "30 days after"),
        ("EU007", "30 days before"),
        ("EU008", "10 days before"),
    ],
)
def test_first_use_notice_timing_matches_shared(code: str, phrase: str) -> None:
    """Annex II Part 3: first-use notice within 30 days after (EU001-006), >= 30 days before (EU007), >= 10 days before (EU008)."""
    ours = " ".join(c.text for c in UGEA.get(code).conditions if c.kind == "notification")
    shared = " ".join(SHARED_UGEA[code]["conditions"])
    assert phrase in ours
    assert phrase in shared


def test_free_zone_and_human_rights_bars_match_shared() -> None:
    """Annex II Part 3: free-zone bar in all but EU007; human-rights bars only in EU005, EU007, EU008."""
    for code, shared in SHARED_UGEA.items():
        text = " ".join(shared["conditions"])
        bars = UGEA.get(code).bars
        assert bars.free_zone == ("free zone" in text or "customs-free zone" in text), code
        assert (bars.human_rights is not None) == ("human rights" in text), code


def test_russia_removed_from_eu003_to_eu005_only_from_2022_05_05() -> None:
    """Delegated Regulation (EU) 2022/699 removed RU from EU003, EU004 and EU005."""
    before, after = load_context(date(2022, 5, 4)).lookups.destinations, load_context().lookups.destinations
    for code in ("EU003", "EU004", "EU005"):
        assert "RU" in before[code]
        assert "RU" not in after[code]
    assert load_ugea(date(2022, 5, 5)).version == "annex-ii@2022-05-05"


def test_annex_iv_codes_match_shared() -> None:
    """Annex IV Parts I and II: the same rows (Category 0 as a rule with qualifications)."""
    ours = load_annex_iv()
    for part in ("I", "II"):
        shared = {
            e["code"]
            for e in SHARED_IV[f"part_{part.lower()}"]
            if not e.get("blanket") and "included" not in e
        }
        assert {e.code for e in ours.entries if e.part == part} == shared
    shared_cat0 = {
        e["code"]: e["included"] for e in SHARED_IV["part_ii"] if "included" in e and not e.get("blanket")
    }
    assert {c: "partly" for c, _ in ours.category_0_partly} | dict.fromkeys(
        ours.category_0_excluded, "no"
    ) == shared_cat0
    assert len(ours.mtcr_exemptions) == len(SHARED_IV["mtcr_exemptions"]["items"])


def test_annex_iv_codes_exist_in_annex_i() -> None:
    """Art 20: Annex IV is a subset of Annex I; every code and sub-item we narrow to exists."""
    for entry in load_annex_iv().entries:
        assert entry.code in ANNEX_I
        assert set(entry.limited_to) <= ANNEX_I


def test_embargo_destinations_match_shared() -> None:
    """Fact sheet section 9: the same destinations; China flagged, outside Art 2(19)."""
    shared = json.loads((SHARED / "eu-arms-embargoes.json").read_text(encoding="utf-8"))
    ours = load_embargoes()
    assert {e.code for e in ours.destinations} == {e["iso2"] for e in shared}
    assert {e.code for e in ours.destinations if not e.art_2_19} == {"CN"}


def test_member_states_match_shared() -> None:
    """The 27 Member States."""
    shared = json.loads((SHARED / "eu-member-states.json").read_text(encoding="utf-8"))
    assert load_member_states().codes == {m["iso2"] for m in shared}


def test_data_versions_are_reported() -> None:
    """A stored determination says which data it used."""
    assert dict(load_context().versions) == {
        "union_general_authorisations": "annex-ii@2022-05-05",
        "annex_iv": "annex-iv@2021-09-09",
        "arms_embargoes": "embargoes@2026-02",
    }


def test_engine_imports_no_django() -> None:
    """The engine is pure: importing every rules module loads no Django."""
    modules = [
        p.stem
        for p in (Path(__file__).resolve().parents[2] / "src" / "dualuse" / "determination" / "rules").glob(
            "*.py"
        )
    ]
    code = "import sys\n" + "".join(
        f"import dualuse.determination.rules.{m}\n" for m in modules if m != "__init__"
    )
    code += "assert 'django' not in sys.modules, sorted(m for m in sys.modules if m.startswith('django'))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
