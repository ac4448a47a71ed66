"""Art 2(22) "essentially identical transaction": same items (entry and parameters) AND the same end
user or consignee, each match explained."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dualuse.cooperation.identical import (
    Line,
    Party,
    Settings,
    Transaction,
    code_path,
    code_relation,
    compare,
    default_name_similarity,
    find_identical,
    quantity,
    transaction_from_dict,
)

ACME = Party("Acme Surveillance Systems LLC", "AE", {"lei": "5493001KJTIIGC8Y1R12"})
MONITOR = Line("5A001.j.1", {"bandwidth": "10 Gbit/s", "deployment": "carrier"})


def case(*lines: Line, parties: tuple[Party, ...] = (ACME,)) -> Transaction:
    return Transaction(lines or (MONITOR,), parties)


def denial(ident: str, *lines: Line, parties: tuple[Party, ...] = (ACME,)) -> Transaction:
    return Transaction(lines or (MONITOR,), parties, ident)


# --- entry codes ---------------------------------------------------------------------------


def test_code_paths_are_normalised() -> None:
    assert code_path(" 5a001.J.1. ") == ("5A001", "j", "1")
    assert code_path("5A001") == ("5A001",)
    with pytest.raises(ValueError, match="not an Annex I entry"):
        code_path("ML7")


@pytest.mark.parametrize(
    ("case_code", "denial_code", "relation"),
    [
        ("5A001.j", "5A001.j", "same_entry"),
        ("5A001.j.1", "5A001.j", "case_under_denial"),
        ("5A001", "5A001.j.1", "denial_under_case"),
        ("5A001.j.1", "5A001.j.2", None),  # siblings are different items
        ("5A001.j", "5A002.j", None),
        ("5A001.j.10", "5A001.j.1", None),  # a path, not a string prefix
    ],
)
def test_code_relation(case_code: str, denial_code: str, relation: str | None) -> None:
    assert code_relation(case_code, denial_code) == relation


def test_quantities_understand_si_prefixes() -> None:
    assert quantity("3.5 GHz") == (3.5e9, "Hz")
    assert quantity("10 Gbit/s") == (1e10, "bit/s")
    assert quantity("12,5 mm") == (0.0125, "m")
    assert quantity("3 dB") == (3.0, "dB")  # a unit, not deci-bytes
    assert quantity(42) == (42.0, "")
    assert quantity("carrier grade") is None


# --- the transaction test ------------------------------------------------------------------


def test_same_items_and_same_end_user_match_with_an_explanation() -> None:
    [match] = find_identical(case(), [denial("DE-2024-17")])
    assert match.denial_id == "DE-2024-17"
    assert match.score == 1.0
    text = "\n".join(match.explanation)
    assert "Art 2(22)" in text
    assert "5A001.j.1 same entry 5A001.j.1" in text
    assert "bandwidth: 10 Gbit/s vs 10 Gbit/s, within 10%" in text
    assert "same identifier lei" in text


def test_both_conditions_are_needed() -> None:
    other_party = Party("Northwind Trading", "AE")
    other_item = Line("5A002.a", {})
    assert find_identical(case(), [denial("x", parties=(other_party,))]) == []
    assert find_identical(case(), [denial("y", other_item)]) == []
    items, parties = compare(case(), denial("x", parties=(other_party,)))
    assert len(items) == 1  # the officer can still see the partial match
    assert parties == ()


def test_a_sub_item_of_the_denied_entry_matches() -> None:
    broad = Line("5A001.j", {"bandwidth": "10.5 Gbit/s"})
    [match] = find_identical(case(), [denial("FR-1", broad)])
    assert match.items[0].relation == "case_under_denial"
    assert any("falls under 5A001.j" in r for r in match.items[0].reasons)


def test_parameters_outside_tolerance_do_not_match() -> None:
    faster = Line("5A001.j.1", {"bandwidth": "40 Gbit/s"})
    assert find_identical(case(), [denial("x", faster)]) == []
    loose = Settings(tolerances={"bandwidth": 3.0})
    assert len(find_identical(case(), [denial("x", faster)], settings=loose)) == 1


def test_parameter_boundary_is_relative_tolerance() -> None:
    base = case(Line("6A003.b", {"resolution": 100}))
    assert find_identical(base, [denial("in", Line("6A003.b", {"resolution": 109}))])
    assert not find_identical(base, [denial("out", Line("6A003.b", {"resolution": 89}))])


def test_different_units_or_text_do_not_match() -> None:
    assert not find_identical(case(), [denial("x", Line("5A001.j.1", {"bandwidth": "10 GHz"}))])
    assert not find_identical(case(), [denial("x", Line("5A001.j.1", {"deployment": "enterprise"}))])
    assert find_identical(case(), [denial("x", Line("5A001.j.1", {"deployment": " Carrier "}))])


def test_missing_parameters_fall_back_to_the_entry_and_say_so() -> None:
    [match] = find_identical(case(), [denial("x", Line("5A001.j.1"))])
    assert any("entry code alone" in r for r in match.items[0].reasons)


def test_party_matched_by_name_and_country_with_its_score() -> None:
    spelled = Party("ACME Surveillance Systems L.L.C.", "AE")
    [match] = find_identical(case(), [denial("x", parties=(spelled,))])
    assert 0.85 <= match.score < 1.0
    assert any("name similarity" in r and "both in AE" in r for r in match.parties[0].reasons)


def test_party_in_another_country_or_with_another_id_is_not_the_same() -> None:
    elsewhere = Party("Acme Surveillance Systems LLC", "SG")
    other_lei = Party("Acme Surveillance Systems LLC", "AE", {"LEI": "529900T8BM49AURSDO55"})
    assert find_identical(case(), [denial("x", parties=(elsewhere,))]) == []
    assert find_identical(case(), [denial("y", parties=(other_lei,))]) == []


def test_shared_identifier_overrides_a_different_name() -> None:
    renamed = Party("Falcon Data Analytics FZE", "AE", {"lei": "5493-001K-JTIIGC8Y1R12"})
    [match] = find_identical(case(), [denial("x", parties=(renamed,))])
    assert match.score == 1.0


def test_only_end_users_and_consignees_count() -> None:
    forwarder = Party("Acme Surveillance Systems LLC", "AE", role="intermediate_consignee")
    assert find_identical(case(parties=(forwarder,)), [denial("x")]) == []
    consignee = Party("Acme Surveillance Systems LLC", "AE", role="consignee")
    assert len(find_identical(case(parties=(consignee,)), [denial("x")])) == 1


def test_aliases_are_compared() -> None:
    aliased = Party("Zeta Holdings", "AE", aliases=("Acme Surveillance Systems LLC",))
    assert len(find_identical(case(), [denial("x", parties=(aliased,))])) == 1


def test_a_plugged_in_similarity_is_used() -> None:
    def strict(a: str, b: str) -> float:
        return 1.0 if a == b else 0.0

    spelled = Party("ACME Surveillance Systems L.L.C.", "AE")
    assert find_identical(case(), [denial("x", parties=(spelled,))], similarity=strict) == []


def test_results_are_ranked_by_party_score() -> None:
    close = Party("Acme Surveillance System LLC", "AE")
    found = find_identical(case(), [denial("b-close", parties=(close,)), denial("a-exact")])
    assert [m.denial_id for m in found] == ["a-exact", "b-close"]


def test_transactions_from_plain_data() -> None:
    raw = {
        "id": "AT-9",
        "lines": [{"entry_code": "5A001.j", "parameters": {"bandwidth": "10 Gbit/s"}}],
        "parties": [
            {"name": "Acme Surveillance Systems LLC", "country": "AE", "identifiers": {"vat": "AE100"}}
        ],
    }
    built = transaction_from_dict(raw)
    assert built.id == "AT-9"
    assert built.parties[0].role == "end_user"
    assert len(find_identical(case(), [built])) == 1
    with pytest.raises(ValueError, match=r"lines\[0\].entry_code"):
        transaction_from_dict({"lines": [{}], "parties": []})
    with pytest.raises(ValueError, match="not an Annex I entry"):
        transaction_from_dict({"lines": [{"entry_code": "nonsense"}], "parties": []})


names = st.text(alphabet=st.characters(categories=("L", "N", "Zs")), min_size=1, max_size=30)


@given(names, names)
def test_default_similarity_is_bounded_symmetric_and_reflexive(a: str, b: str) -> None:
    score = default_name_similarity(a, b)
    assert 0.0 <= score <= 1.0
    assert score == pytest.approx(default_name_similarity(b, a))
    if default_name_similarity(a, a) > 0:  # names that normalise to nothing score 0
        assert default_name_similarity(a, a) == 1.0
