"""Art 6 (brokering), Art 7 (transit) and Art 8 (technical assistance) for Annex I items."""

from typing import Any

import pytest

from dualuse.determination.rules.context import load_context
from dualuse.determination.rules.engine import determine
from dualuse.determination.rules.request import parse_request

CTX = load_context()


def run(activity: str, code: str | None = "3A001.a.3", dest: str = "PK", **end_use: bool) -> dict[str, Any]:
    request: dict[str, Any] = {
        "exporter_member_state": "IT",
        "activity": activity,
        "destination": dest,
        "lines": [{"control_code": code}],
        "end_use": end_use,
    }
    return determine(parse_request(request), CTX).to_json()


def test_art_6_1_brokering_informed_needs_authorisation() -> None:
    """Art 6(1): brokering Annex I items once informed of an Art 4(1) use."""
    out = run("brokering", informed_wmd=True)
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 6(1)"]
    assert "Art 4(1)(a)" in out["requirements"][0]["reasons"][0]


def test_art_6_1_brokering_without_information_needs_nothing() -> None:
    """Art 6(1): brokering a listed item needs no authorisation until the authority informs the broker."""
    out = run("brokering")
    assert out["licence_required"] is False
    assert any("Art 6(1)" in r for r in out["reasons"])


def test_art_6_2_brokering_aware_means_notify() -> None:
    """Art 6(2): a broker aware of an Art 4(1) use notifies; the authority decides."""
    out = run("brokering", aware_wmd=True)
    assert out["licence_required"] == "notify"
    assert out["legal_bases"] == ["Art 6(2)"]


def test_art_6_3_non_listed_brokering_is_a_national_option() -> None:
    """Art 6(3): only a Member State may extend brokering controls to non-listed items."""
    out = run("brokering", code=None, informed_wmd=True)
    assert out["licence_required"] is False
    assert any("Art 6(3)" in r for r in out["reasons"])


def test_art_6_1_military_embargo_information_counts() -> None:
    """Art 6(1) refers to every Art 4(1) use, including (b)."""
    out = run("brokering", dest="SD", informed_military_embargo=True)
    assert out["legal_bases"] == ["Art 6(1)"]


def test_art_7_1_transit_is_a_prohibition_power_not_a_licence() -> None:
    """Art 7(1): the Member State of transit may prohibit; the exporter gets no licence requirement."""
    out = run("transit", informed_wmd=True, dest="IR")
    assert out["licence_required"] is False
    assert out["legal_bases"] == ["Art 7(1)"]
    assert out["requirements"][0]["effect"] == "member_state_may_prohibit"
    assert "not a licence" in out["requirements"][0]["article_text"]


def test_art_7_1_transit_awareness_also_engages_the_power() -> None:
    """Art 7(1): 'are or may be intended' - awareness is enough for the Member State to act."""
    out = run("transit", aware_illegal_military_parts=True)
    assert out["legal_bases"] == ["Art 7(1)"]


def test_art_7_transit_without_concern() -> None:
    """Art 7: no concern, no requirement."""
    out = run("transit")
    assert out["licence_required"] is False
    assert out["requirements"] == []


def test_art_7_transit_of_non_listed_items() -> None:
    """Art 7(1) concerns Annex I items."""
    out = run("transit", code=None, informed_wmd=True)
    assert out["requirements"] == []


def test_art_8_1_technical_assistance_informed_needs_authorisation() -> None:
    """Art 8(1): technical assistance for Annex I items once informed of an Art 4(1) use."""
    out = run("technical_assistance", informed_wmd=True)
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 8(1)"]
    assert any("Art 8(3)(b)-(f)" in r for r in out["reasons"])


def test_art_8_2_technical_assistance_aware_means_notify() -> None:
    """Art 8(2): a provider aware of an Art 4(1) use notifies; the authority decides."""
    out = run("technical_assistance", aware_wmd=True)
    assert out["licence_required"] == "notify"
    assert out["legal_bases"] == ["Art 8(2)"]


@pytest.mark.parametrize("dest", ["US", "JP", "NO", "GB", "CH", "LI"])
def test_art_8_3_a_assistance_into_eu001_country_is_exempt(dest: str) -> None:
    """Art 8(3)(a): assistance within or into an EU001 country (Annex II Section A Part 2) is exempt."""
    out = run("technical_assistance", dest=dest, informed_wmd=True)
    assert out["licence_required"] is False
    assert any("Art 8(3)(a)" in r for r in out["reasons"])


def test_art_8_1_without_information_needs_nothing() -> None:
    """Art 8(1): no information, no requirement."""
    assert run("technical_assistance")["licence_required"] is False


def test_art_8_1_non_listed_items_are_outside() -> None:
    """Art 8(1) covers assistance related to Annex I items."""
    assert run("technical_assistance", code=None, informed_wmd=True)["requirements"] == []


def test_art_6_and_8_human_rights_information_is_not_an_art_4_1_use() -> None:
    """Arts 6(1) and 8(1) refer to Art 4(1) only; an Art 5 concern does not trigger them."""
    assert run("brokering", informed_cyber_surveillance=True)["licence_required"] is False
    assert run("technical_assistance", informed_cyber_surveillance=True)["licence_required"] is False
