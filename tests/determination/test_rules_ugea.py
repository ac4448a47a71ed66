"""Union general export authorisations EU001-EU008 (Annex II Sections A-H) and Section I."""

from datetime import date
from typing import Any

import pytest

from dualuse.determination.rules.context import load_context
from dualuse.determination.rules.engine import determine
from dualuse.determination.rules.request import parse_request

CTX = load_context()


def run(code: str | None, dest: str, ctx: Any = CTX, **extra: Any) -> dict[str, Any]:
    request: dict[str, Any] = {
        "exporter_member_state": "DE",
        "activity": extra.pop("activity", "export"),
        "destination": dest,
        "lines": [{"control_code": code, "quantity": 1, "value_eur": 5000}],
        **extra,
    }
    return determine(parse_request(request), ctx).to_json()


def usable(out: dict[str, Any]) -> list[str]:
    return [u["code"] for u in out["usable_general_authorisations"]]


def conditions(out: dict[str, Any], code: str) -> str:
    return " | ".join(
        next(u for u in out["usable_general_authorisations"] if u["code"] == code)["conditions"]
    )


# --- EU001, Annex II Section A -------------------------------------------------------------------


@pytest.mark.parametrize("dest", ["AU", "CA", "IS", "JP", "NZ", "NO", "CH", "LI", "GB", "US"])
def test_eu001_section_a_covers_its_ten_destinations(dest: str) -> None:
    """Annex II Section A Part 2: EU001 destinations."""
    assert "EU001" in usable(run("6A003.b.4", dest))


@pytest.mark.parametrize("dest", ["BR", "CN", "IL", "KR", "SG"])
def test_eu001_section_a_other_destinations_excluded(dest: str) -> None:
    """Annex II Section A Part 2: no other destination."""
    out = run("6A003.b.4", dest)
    assert "EU001" not in usable(out)
    assert "Section A Part 2" in out["unusable_general_authorisations"]["EU001"]


@pytest.mark.parametrize(
    "code",
    [
        "0C001",
        "0B001.a",
        "1C351.a.1",
        "1C353",
        "1C354",
        "1A102",
        "1C450.a.1",
        "7E104",
        "9A009.a",
        "9A117",
        "9A004.a",
        "1C239",
        "5A004.a",
        "6A001.a.2.b",
    ],
)
def test_eu001_section_i_items_are_excluded(code: str) -> None:
    """Annex II Section A Part 1 with Section I: Section I items (including all Annex IV items) are never covered."""
    out = run(code, "US")
    assert "EU001" not in usable(out)
    assert "Section I" in out["unusable_general_authorisations"]["EU001"]


def test_eu001_section_i_narrowed_annex_iv_entry_shows_the_wording() -> None:
    """Annex II Section I via Annex IV 7A117: the Annex IV narrowing is quoted."""
    out = run("7A117", "US")
    assert "300 km" in out["unusable_general_authorisations"]["EU001"]


def test_eu001_less_specific_code_leaves_section_i_as_a_condition() -> None:
    """Section I: for 1C450 (parent of the excluded 1C450.a.1-2) EU001 is usable if the item is not one of them."""
    out = run("1C450", "JP")
    assert "EU001" in usable(out)
    assert "1C450.a.1" in conditions(out, "EU001")


def test_eu001_condition_registration_and_first_use_notice_remain() -> None:
    """Annex II Section A Part 3 para 3: notify first use within 30 days after; prior registration if required."""
    cond = conditions(run("5A002.a.2", "US"), "EU001")
    assert "within 30 days after" in cond
    assert "10 working days" in cond
    assert "customs declaration" in cond


def test_eu001_free_zone_bar() -> None:
    """Annex II Section A Part 3 para 1(c): not for a customs-free zone or free warehouse."""
    out = run("5A002.a.2", "US", free_zone=True)
    assert usable(out) == []
    assert "free zone" in out["unusable_general_authorisations"]["EU001"]


@pytest.mark.parametrize(
    "flag",
    [
        "informed_wmd",
        "aware_wmd",
        "informed_military_embargo",
        "informed_illegal_military_parts",
        "aware_illegal_military_parts",
    ],
)
def test_eu001_art_4_1_type_bar(flag: str) -> None:
    """Annex II Section A Part 3 para 1(a)-(b): informed of, or aware of, an Art 4(1)-type use."""
    assert "EU001" not in usable(run("5A002.a.2", "US", end_use={flag: True}))


@pytest.mark.parametrize("flag", ["informed_cyber_surveillance", "aware_cyber_surveillance"])
def test_eu001_has_no_human_rights_bar(flag: str) -> None:
    """Annex II Section A Part 3 names no human-rights bar (fact sheet pitfall 2)."""
    assert "EU001" in usable(run("5A001.j", "US", end_use={flag: True}))


def test_eu001_government_end_user_is_not_a_bar() -> None:
    """Annex II Section A: no governmental end-user bar (only EU007 and EU008 have one)."""
    assert "EU001" in usable(run("5A002.a.2", "CA", end_user_type="government"))


# --- EU002, Annex II Section B -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "dest"),
    [("1A001.a", "AR"), ("1C003.b", "ZA"), ("3A001.a.3", "KR"), ("3C006", "TR"), ("2B008", "AR")],
)
def test_eu002_section_b_listed_items_to_listed_destinations(code: str, dest: str) -> None:
    """Annex II Section B Parts 1-2: the named items to AR, ZA, KR, TR."""
    assert "EU002" in usable(run(code, dest))


@pytest.mark.parametrize(
    ("code", "dest"), [("1C003.a", "AR"), ("3A001.a.1", "KR"), ("1A001.a", "BR"), ("1A001.a", "US")]
)
def test_eu002_section_b_other_items_or_destinations(code: str, dest: str) -> None:
    """Annex II Section B: other items (1C003.a, 3A001.a.1) or destinations are not covered."""
    assert "EU002" not in usable(run(code, dest))


def test_eu002_section_b_parent_code_asks_for_the_sub_item() -> None:
    """Annex II Section B Part 1: 3A001.a (parent) is covered only if the item is one of the named sub-items."""
    out = run("3A001.a", "TR")
    assert "3A001.a.3" in conditions(out, "EU002")


def test_eu002_military_embargo_bar() -> None:
    """Annex II Section B Part 3 para 1(a)(ii): military end use in an arms-embargo country."""
    assert "EU002" not in usable(run("3C001", "TR", end_use={"informed_military_embargo": True}))


# --- EU003, Annex II Section C -------------------------------------------------------------------


def test_eu003_section_c_after_repair_positive() -> None:
    """Annex II Section C: return after repair to a listed destination, 5 years, original end user."""
    out = run("6A003.b.4", "BR", after_repair=True)
    assert "EU003" in usable(out)
    assert "5 years" in conditions(out, "EU003")
    assert "original end user" in conditions(out, "EU003")


def test_eu003_section_c_needs_after_repair() -> None:
    """Annex II Section C Part 1: only exports after repair or replacement."""
    out = run("6A003.b.4", "BR")
    assert "after repair" in out["unusable_general_authorisations"]["EU003"]


@pytest.mark.parametrize(
    "code", ["5D002.a.1", "3E001", "1C350.1", "5A002.c", "6A002.a.1.c", "9A011", "1C351.d.4"]
)
def test_eu003_section_c_excluded_items(code: str) -> None:
    """Annex II Section C Part 1 para 2: Section I, all D and E items, and the listed entries."""
    assert "EU003" not in usable(run(code, "IN", after_repair=True))


def test_eu003_russia_removed_by_2022_699() -> None:
    """Delegated Regulation (EU) 2022/699: Russia no longer an EU003 destination."""
    out = run("6A003.b.4", "RU", after_repair=True)
    assert "EU003" not in usable(out)


def test_eu003_russia_covered_before_2022_699_applied() -> None:
    """Versioned data: before 5 May 2022 the 2021 Annex II listed Russia in EU003."""
    old = load_context(date(2022, 1, 1))
    out = run("6A003.b.4", "RU", ctx=old, after_repair=True)
    assert "EU003" in usable(out)
    assert out["data_versions"]["union_general_authorisations"] == "annex-ii@2021-09-09"


@pytest.mark.parametrize("dest", ["PF", "NC", "AE", "HK", "MO"])
def test_eu003_section_c_overseas_territories_and_china_regions(dest: str) -> None:
    """Annex II Section C Part 2: French overseas territories, China including Hong Kong and Macao, UAE."""
    assert "EU003" in usable(run("6A003.b.4", dest, after_repair=True))


# --- EU004, Annex II Section D -------------------------------------------------------------------


def test_eu004_section_d_exhibition_positive() -> None:
    """Annex II Section D: temporary export for an exhibition or fair; 120-day re-import."""
    out = run("6A003.b.4", "SG", exhibition=True, temporary=True)
    assert "EU004" in usable(out)
    assert "120 days" in conditions(out, "EU004")


def test_eu004_section_d_needs_exhibition() -> None:
    """Annex II Section D Part 1: only exhibition or fair exports."""
    assert "EU004" not in usable(run("6A003.b.4", "SG"))


@pytest.mark.parametrize("code", ["6A001.a.1.a", "3E001", "1C010.a", "5A003.a", "1C002.b.4"])
def test_eu004_section_d_excluded_items(code: str) -> None:
    """Annex II Section D Part 1: E items, 6A001 whole, 1C010, 5A003.a, 1C002.b.4 are excluded."""
    assert "EU004" not in usable(run(code, "MX", exhibition=True))


def test_eu004_section_d_software_only_for_the_demonstration() -> None:
    """Annex II Section D Part 1(b): software only if needed for the demonstrated equipment."""
    out = run("5D002.a.1", "MX", exhibition=True)
    assert "demonstrated" in conditions(out, "EU004")


def test_eu004_not_usable_when_not_temporary() -> None:
    """Annex II Section D Part 1 and Part 3 para 2: EU004 covers temporary exports; a waiver of re-import is
    granted only on request by the individual-authorisation procedure, so a non-temporary export cannot rely
    on EU004 as it stands (corrected by the review: it used to be usable with the waiver as a condition)."""
    out = run("6A003.b.4", "SG", exhibition=True, temporary=False)
    assert "EU004" not in usable(out)
    assert "waiver" in out["unusable_general_authorisations"]["EU004"]
    assert "EU004" in usable(run("6A003.b.4", "SG", exhibition=True)), (
        "temporary left out: unknown, not false"
    )


def test_eu004_russia_removed() -> None:
    """Delegated Regulation (EU) 2022/699: Russia no longer an EU004 destination."""
    assert "EU004" not in usable(run("6A003.b.4", "RU", exhibition=True))


# --- EU005, Annex II Section E -------------------------------------------------------------------


@pytest.mark.parametrize("code", ["5A001.b.2", "5A001.c", "5A001.d", "5B001.a", "5D001.a", "5E001.a"])
def test_eu005_section_e_telecom_items_to_listed_destinations(code: str) -> None:
    """Annex II Section E Part 1: 5A001.b.2, .c, .d and related 5B001, 5D001, 5E001.a items."""
    assert "EU005" in usable(run(code, "IN"))


@pytest.mark.parametrize("code", ["5A001.f", "5A001.j", "5D001.e", "5A001.b.5", "5E001.b.1"])
def test_eu005_section_e_other_telecom_items_excluded(code: str) -> None:
    """Annex II Section E Part 1: interception (5A001.f), IP surveillance (5A001.j) and LEA software are outside."""
    assert "EU005" not in usable(run(code, "IN"))


def test_eu005_interception_human_rights_bar() -> None:
    """Annex II Section E Part 3 para 1(a)(iv)-(b): human-rights violations by interception or monitoring."""
    out = run("5A001.c", "ZA", end_use={"aware_cyber_surveillance": True})
    assert "EU005" not in usable(out)
    assert "interception" in out["unusable_general_authorisations"]["EU005"]


def test_eu005_re_export_limit() -> None:
    """Annex II Section E Part 3 para 1(c): aware of re-export outside EU005/EU001 destinations and the Member States."""
    assert "EU005" not in usable(run("5A001.c", "TR", re_export_destinations=["IR"]))
    assert "EU005" in usable(run("5A001.c", "TR", re_export_destinations=["US", "FR", "IN"]))


def test_eu005_re_export_condition_remains_when_unknown() -> None:
    """Annex II Section E Part 3 para 1(c): the re-export condition stays when nothing is known."""
    assert "re-exported" in conditions(run("5A001.c", "TR"), "EU005")


def test_eu005_russia_removed() -> None:
    """Delegated Regulation (EU) 2022/699: Russia no longer an EU005 destination."""
    assert "EU005" not in usable(run("5A001.c", "RU"))


# --- EU006, Annex II Section F -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "dest"), [("1C350.1", "AR"), ("1C350.65", "UA"), ("1C450.a.4", "KR"), ("1C450.b.8", "TR")]
)
def test_eu006_section_f_named_chemicals(code: str, dest: str) -> None:
    """Annex II Section F: named 1C350 and 1C450 chemicals to AR, KR, TR, UA."""
    assert "EU006" in usable(run(code, dest))


@pytest.mark.parametrize(
    ("code", "dest"),
    [("1C350.4", "AR"), ("1C350.66", "AR"), ("1C450.a.1", "KR"), ("1C450.b.7", "TR"), ("1C350.1", "IN")],
)
def test_eu006_section_f_other_chemicals_or_destinations(code: str, dest: str) -> None:
    """Annex II Section F: 1C350.4, later additions (1C350.66+), 1C450.a.1-3 and other destinations are outside."""
    assert "EU006" not in usable(run(code, dest))


def test_eu006_re_export_limit() -> None:
    """Annex II Section F Part 3 para 1(c): aware of re-export outside the allowed destinations."""
    assert "EU006" not in usable(run("1C350.1", "AR", re_export_destinations=["SY"]))


# --- EU007, Annex II Section G -------------------------------------------------------------------


def test_eu007_section_g_intra_group_software_positive() -> None:
    """Annex II Section G: intra-group software or technology to a listed destination; ICP, register, 30 days before."""
    out = run("3E001", "IN", intra_group=True, end_user_type="commercial")
    assert "EU007" in usable(out)
    cond = conditions(out, "EU007")
    assert "internal compliance programme" in cond
    assert "before the first use" in cond
    assert "at least 30 days before" in cond


def test_eu007_section_g_needs_intra_group() -> None:
    """Annex II Section G Part 3 para 1: only to a subsidiary or sister company."""
    assert "EU007" not in usable(run("3E001", "IN"))


def test_eu007_section_g_only_software_and_technology() -> None:
    """Annex II Section G Part 1: software and technology only."""
    assert "EU007" not in usable(run("3A001.a.3", "IN", intra_group=True))


@pytest.mark.parametrize("code", ["4D004", "4E001.c", "1E001"])
def test_eu007_excludes_intrusion_software_and_section_i(code: str) -> None:
    """Annex II Section G Part 1: software and technology related to 4A005, 4D004, 4E001.c ... and Section I (1E001 via Annex IV)."""
    assert "EU007" not in usable(run(code, "IL", intra_group=True))


def test_eu007_possibly_related_software_keeps_a_condition() -> None:
    """Annex II Section G Part 1: 5D001.a may relate to 5A001.f/j; usable only if it does not."""
    out = run("5D001.a", "MY", intra_group=True)
    assert "5A001.f" in conditions(out, "EU007")


def test_eu007_government_end_user_bar() -> None:
    """Annex II Section G Part 3 para 2(d): governmental security end users are excluded."""
    assert "EU007" not in usable(run("3E001", "IN", intra_group=True, end_user_type="government"))


def test_eu007_human_rights_bar() -> None:
    """Annex II Section G Part 3 para 2(a)(iv): human-rights violations in general."""
    assert "EU007" not in usable(
        run("3E001", "IN", intra_group=True, end_use={"informed_cyber_surveillance": True})
    )


def test_eu007_has_no_free_zone_bar() -> None:
    """Annex II Section G: no free-zone condition (fact sheet pitfall 2)."""
    assert "EU007" in usable(run("3E001", "IN", intra_group=True, free_zone=True))


def test_eu007_re_export_limit_allows_eu001_and_member_states_only() -> None:
    """Annex II Section G Part 3 para 2(c): re-export only to EU001 countries and the Member States."""
    assert "EU007" in usable(run("3E001", "IN", intra_group=True, re_export_destinations=["US", "DE"]))
    assert "EU007" not in usable(run("3E001", "IN", intra_group=True, re_export_destinations=["BR"]))


# --- EU008, Annex II Section H -------------------------------------------------------------------


@pytest.mark.parametrize("dest", ["BR", "IN", "ZA", "MX", "KR", "SG", "TR"])
def test_eu008_section_h_defined_by_exclusion_positive(dest: str) -> None:
    """Annex II Section H Part 2: every destination not excluded."""
    out = run("5A002.a.2", dest)
    assert "EU008" in usable(out)
    assert "at least 10 days before" in conditions(out, "EU008")
    assert "TETRA" in conditions(out, "EU008")


@pytest.mark.parametrize("dest", ["US", "JP", "CN", "HK", "RU", "IL", "AE", "SA", "EG", "AM"])
def test_eu008_section_h_excluded_destinations(dest: str) -> None:
    """Annex II Section H Part 2(a)-(b): EU001 destinations and the 41 named countries."""
    assert "EU008" not in usable(run("5A002.a.2", dest))


def test_eu008_section_h_embargoed_destination_not_named_is_excluded() -> None:
    """Annex II Section H Part 2(c): Haiti is under an arms embargo, though not named in (b)."""
    out = run("5A002.a.3", "HT")
    assert "Part 2(c)" in out["unusable_general_authorisations"]["EU008"]


@pytest.mark.parametrize("code", ["5A002.a.1", "5A002.c", "5A003.a", "5D002.a.2", "5E002.a"])
def test_eu008_section_h_other_items_excluded(code: str) -> None:
    """Annex II Section H Part 1: only 5A002.a.2-3, activation tokens and the related 5D002/5E002.b items."""
    assert "EU008" not in usable(run(code, "BR"))


def test_eu008_government_end_user_bar() -> None:
    """Annex II Section H Part 3 para 1(e): governmental security end users."""
    assert "EU008" not in usable(run("5A002.a.2", "BR", end_user_type="government"))


def test_eu008_free_zone_bar() -> None:
    """Annex II Section H Part 3 para 1(d): no customs-free zone."""
    assert "EU008" not in usable(run("5A002.a.2", "BR", free_zone=True))


def test_eu008_re_export_limit() -> None:
    """Annex II Section H Part 3 para 1(c): aware of re-export to an excluded destination (b) or (c)."""
    assert "EU008" not in usable(run("5A002.a.2", "BR", re_export_destinations=["CN"]))
    assert "EU008" in usable(run("5A002.a.2", "BR", re_export_destinations=["US", "IN"]))


def test_eu008_human_rights_bar() -> None:
    """Annex II Section H Part 3 para 1(a)(iv): human-rights violations."""
    assert "EU008" not in usable(run("5A002.a.2", "BR", end_use={"aware_cyber_surveillance": True}))


# --- Common behaviour ------------------------------------------------------------------------------


def test_ugea_must_cover_every_line() -> None:
    """Art 12(1)(d): a UGEA is usable only if every line needing an authorisation is covered."""
    request = {
        "exporter_member_state": "DE",
        "activity": "export",
        "destination": "BR",
        "lines": [{"control_code": "5A002.a.2"}, {"control_code": "3A001.a.1"}],
    }
    out = determine(parse_request(request), CTX).to_json()
    assert "EU008" not in usable(out)
    assert out["requirements"][0]["general_authorisations"] == ["EU008"]
    assert out["requirements"][1]["general_authorisations"] == []


def test_ugea_re_export_activity_is_an_export() -> None:
    """Art 2(2)(b) with Annex II: a re-export can use a UGEA like an export."""
    assert "EU001" in usable(run("6A003.b.4", "NO", activity="re_export"))


def test_ugea_not_evaluated_when_nothing_needs_authorisation() -> None:
    """Annex II: with no requirement there is nothing for a UGEA to authorise."""
    out = run(None, "US")
    assert out["usable_general_authorisations"] == []
    assert out["unusable_general_authorisations"] == {}


def test_usable_ugea_states_its_standing_use_bars() -> None:
    """Annex II Section B Part 3 para 1: the Art 4(1)-type and embargo bars and the free-zone bar hold until export."""
    cond = conditions(run("3C001", "KR"), "EU002")
    assert "arms embargo (Annex II Section B Part 3 para 1)" in cond
    assert "free warehouse" in cond


def test_eu007_standing_bars_have_no_free_zone_or_embargo_point() -> None:
    """Annex II Section G Part 3 para 2: EU007 replaces the embargo point and has no free-zone bar."""
    cond = conditions(run("3E001", "TH", intra_group=True), "EU007")
    assert "free warehouse" not in cond
    assert "arms embargo" not in cond
    assert "governmental security" in cond
