"""Art 4 (WMD and military catch-all) and Art 5 (cyber-surveillance catch-all) for non-listed items."""

from typing import Any

import pytest

from dualuse.determination.rules.context import load_context
from dualuse.determination.rules.engine import determine
from dualuse.determination.rules.request import parse_request

CTX = load_context()


def run(
    code: str | None = None, dest: str = "CN", activity: str = "export", **end_use: bool
) -> dict[str, Any]:
    request: dict[str, Any] = {
        "exporter_member_state": "NL",
        "activity": activity,
        "destination": dest,
        "lines": [{"control_code": code, "description": "machine", "quantity": 2, "value_eur": 20000}],
        "end_use": end_use,
    }
    return determine(parse_request(request), CTX).to_json()


def test_art_4_1_a_informed_wmd_needs_authorisation() -> None:
    """Art 4(1)(a): informed of a WMD or missile use -> authorisation for a non-listed item."""
    out = run(informed_wmd=True, dest="PK")
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 4(1)(a)"]
    assert out["requirements"][0]["effect"] == "authorisation_required"


def test_art_4_1_b_informed_military_end_use_in_embargoed_country() -> None:
    """Art 4(1)(b): informed of a military end use, destination under an arms embargo (RU)."""
    out = run(informed_military_embargo=True, dest="RU")
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 4(1)(b)"]
    assert any("arms embargo" in r and "2014/512/CFSP" in r for r in out["requirements"][0]["reasons"])


def test_art_4_1_b_purchasing_country_may_be_the_embargoed_one() -> None:
    """Art 4(1)(b) covers the purchasing country too: the authority's information stands, with a note."""
    out = run(informed_military_embargo=True, dest="TR")
    assert out["licence_required"] is True
    assert any("purchasing country" in r for r in out["requirements"][0]["reasons"])


def test_art_4_1_c_informed_illegal_military_parts() -> None:
    """Art 4(1)(c): informed of use as parts of military items exported illegally from a Member State."""
    out = run(informed_illegal_military_parts=True, dest="US")
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 4(1)(c)"]


def test_art_4_1_several_points_give_several_bases() -> None:
    """Art 4(1)(a) and (c) together: both bases, in article order."""
    out = run(informed_illegal_military_parts=True, informed_wmd=True)
    assert out["legal_bases"] == ["Art 4(1)(a)", "Art 4(1)(c)"]


def test_art_4_2_aware_wmd_means_notify() -> None:
    """Art 4(2): aware (not informed) -> notify the authority, which decides."""
    out = run(aware_wmd=True)
    assert out["licence_required"] == "notify"
    assert out["legal_bases"] == ["Art 4(2)"]
    assert out["requirements"][0]["effect"] == "notify_authority"


def test_art_4_2_aware_military_embargo_extension_flag_means_notify() -> None:
    """Art 4(2) applies to every Art 4(1) use: the aware_military_embargo extension flag."""
    out = run(aware_military_embargo=True, dest="BY")
    assert out["licence_required"] == "notify"


def test_art_4_2_informed_outweighs_aware_for_the_same_use() -> None:
    """Art 4(1)(a) with Art 4(2): once informed, the authorisation requirement stands; no separate notice."""
    out = run(informed_wmd=True, aware_wmd=True)
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 4(1)(a)"]


def test_art_4_2_awareness_of_another_use_still_notifies() -> None:
    """Art 4(1)(b) informed and Art 4(2) aware of a WMD use: both remain."""
    out = run(informed_military_embargo=True, aware_wmd=True, dest="IR")
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 4(1)(b)", "Art 4(2)"]


def test_art_4_does_not_apply_to_listed_items() -> None:
    """Art 4(1) concerns non-listed items: a listed item stays under Art 3(1) and every UGEA is barred."""
    out = run("5A002.a.2", informed_wmd=True, dest="US")
    assert out["legal_bases"] == ["Art 3(1)"]
    assert out["usable_general_authorisations"] == []
    assert "WMD" in out["unusable_general_authorisations"]["EU001"]


def test_art_4_1_re_export_is_covered() -> None:
    """Art 2(2)(b) with Art 4(1)(a): a re-export is an export, so the catch-all applies."""
    out = run(informed_wmd=True, activity="re_export", dest="SY")
    assert out["legal_bases"] == ["Art 4(1)(a)"]


def test_art_4_1_non_listed_line_cannot_use_a_ugea() -> None:
    """Art 2(15): UGEAs cover Annex I items only, and the Art 4(1) information bars them anyway."""
    out = run(informed_wmd=True, dest="US")
    assert out["usable_general_authorisations"] == []
    assert "not an Annex I item" in out["unusable_general_authorisations"]["EU001"]


def test_art_5_1_informed_cyber_surveillance_needs_authorisation() -> None:
    """Art 5(1): non-listed cyber-surveillance item, informed of internal repression or serious abuses."""
    out = run(informed_cyber_surveillance=True, dest="EG")
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 5(1)"]


def test_art_5_2_aware_from_due_diligence_means_notify() -> None:
    """Art 5(2): aware from due-diligence findings -> notify; the authority decides."""
    out = run(aware_cyber_surveillance=True, dest="EG")
    assert out["licence_required"] == "notify"
    assert out["legal_bases"] == ["Art 5(2)"]


def test_art_5_1_informed_outweighs_aware() -> None:
    """Art 5(1) with Art 5(2): once informed, no separate notice."""
    out = run(informed_cyber_surveillance=True, aware_cyber_surveillance=True)
    assert out["legal_bases"] == ["Art 5(1)"]


def test_art_5_does_not_apply_to_listed_items() -> None:
    """Art 5 concerns non-listed items; the listed item stays under Art 3(1), with a note."""
    out = run("5A001.j", informed_cyber_surveillance=True, dest="BR")
    assert out["legal_bases"] == ["Art 3(1)"]
    assert any("Art 5 concerns non-listed items" in r for r in out["reasons"])


def test_art_5_and_art_4_together() -> None:
    """Art 4(1)(a) and Art 5(2) on one non-listed line: authorisation required, both bases kept."""
    out = run(informed_wmd=True, aware_cyber_surveillance=True)
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 4(1)(a)", "Art 5(2)"]


@pytest.mark.parametrize("activity", ["brokering", "technical_assistance", "transit"])
def test_art_4_and_5_catch_alls_are_export_rules(activity: str) -> None:
    """Arts 4 and 5 apply to exports; a non-listed item in another activity gets no Art 4/5 requirement."""
    out = run(informed_wmd=True, informed_cyber_surveillance=True, activity=activity, dest="PK")
    assert not any(b.startswith(("Art 4", "Art 5")) for b in out["legal_bases"])


def test_art_2_19_china_is_flagged_not_treated_as_embargoed() -> None:
    """Art 2(19): the 1989 China declaration is no Council act; flagged only, not an embargo."""
    out = run(informed_military_embargo=True, dest="CN")
    assert any("probably outside Art 2(19)" in r for r in out["reasons"])
    assert any("not on our arms-embargo list" in r for r in out["requirements"][0]["reasons"])


def test_art_2_19_osce_embargo_counts() -> None:
    """Art 2(19): an OSCE decision counts (Armenia, 1992)."""
    out = run(informed_military_embargo=True, dest="AM")
    assert any("OSCE" in r for r in out["requirements"][0]["reasons"])
