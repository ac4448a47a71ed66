"""Council qualified majority (Art 16(4) TEU, Art 238(3)(a) TFEU), the EP 2018 objection model and
Art 5(6) unanimity, over the packaged 2026 population table and small synthetic councils."""

import json
from fractions import Fraction
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dualuse.cooperation.population import (
    EU_MEMBER_STATES,
    PopulationError,
    load_file,
    packaged_table,
    packaged_years,
    parse_figures,
)
from dualuse.cooperation.qmv import (
    Rules,
    Vote,
    blocking_minimum,
    council_vote,
    eu_list_objection,
    qualified_majority,
    unanimity,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
POP = dict(packaged_table(2026).figures)
ALL = sorted(POP)
BY_SIZE = sorted(POP, key=POP.__getitem__, reverse=True)


def votes_with(no: set[str] = frozenset(), abstain: set[str] = frozenset()) -> dict[str, Vote]:
    out = {c: Vote.YES for c in ALL}
    out.update({c: Vote.NO for c in no})
    out.update({c: Vote.ABSTAIN for c in abstain})
    return out


# --- the population table -------------------------------------------------------------------


def test_packaged_table_is_2026_with_all_27_and_a_source() -> None:
    table = packaged_table()
    assert table.year == 2026
    assert set(table.figures) == EU_MEMBER_STATES
    assert "Eurostat" in table.source
    assert 449_000_000 < table.total < 452_000_000
    assert packaged_years() == (2026,)
    assert packaged_table(2031).year == 2026  # a later year uses the latest figures
    with pytest.raises(LookupError):
        packaged_table(2025)


def test_packaged_table_agrees_with_the_shared_reference_shares() -> None:
    path = SHARED / "eu-member-states.json"
    if not path.exists():
        pytest.skip("shared reference data not present")
    reference = {row["iso2"]: row for row in json.loads(path.read_text())}
    assert set(reference) == set(POP)
    total = sum(POP.values())
    for code, row in reference.items():
        # 2026 figures (Eurostat 1.1.2025) against the Council's 2025 shares: close, not equal.
        assert abs(100 * POP[code] / total - row["council_share_pct_2025"]) < 0.35, code


def test_a_loaded_list_replaces_the_figures(tmp_path: Path) -> None:
    rows = [{"iso2": "EL" if c == "GR" else c, "population": 1_000_000 + i} for i, c in enumerate(ALL)]
    path = tmp_path / "pop.json"
    path.write_text(json.dumps(rows))
    table = load_file(path)
    assert table.figures["GR"] == 1_000_000 + ALL.index("GR")
    assert table.year is None
    assert str(path) in table.source


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        ([{"iso2": c, "population": 5} for c in ALL if c != "MT"], "missing Member States: MT"),
        ([{"iso2": c, "population": 5} for c in [*ALL, "DE"]], "population[27].iso2: DE appears twice"),
        ([{"iso2": c, "population": 0 if c == "LU" else 5} for c in ALL], ".population: expected a positive"),
        ([{"iso2": c, "population": 5} for c in [*ALL, "CH"]], "not EU Member States: CH"),
        ({"DE": 5}, "expected a list"),
    ],
)
def test_bad_population_tables_are_refused_naming_the_entry(rows: object, fragment: str) -> None:
    with pytest.raises(PopulationError, match=None) as info:
        parse_figures(rows)
    assert fragment in str(info.value)


# --- Art 16(4) TEU: every member takes part ---------------------------------------------------


def test_unanimous_yes_is_adopted() -> None:
    result = council_vote(votes_with(), POP)
    assert result.adopted
    assert result.all_participate
    assert not result.blocking_minority
    assert result.member_share == 1
    assert result.population_share == 1


def test_exactly_15_large_states_are_enough() -> None:
    yes = BY_SIZE[:15]
    result = qualified_majority(yes, POP)
    assert result.adopted
    assert result.member_test
    assert result.population_test
    assert any("15 of 27" in r for r in result.reasons)


def test_14_states_are_not_enough_whatever_their_population() -> None:
    result = qualified_majority(BY_SIZE[:14], POP)
    assert result.population_share > Fraction(65, 100)
    assert not result.adopted
    assert not result.member_test
    assert result.blocking_minority


def test_15_small_states_fail_on_population() -> None:
    result = qualified_majority(BY_SIZE[-15:], POP)
    assert result.member_test
    assert not result.population_test
    assert not result.adopted
    assert result.blocking_minority


def test_three_large_states_cannot_block() -> None:
    big3 = {"DE", "FR", "IT"}
    result = council_vote(votes_with(no=big3), POP)
    assert not result.population_test  # they hold more than 35 %
    assert result.adopted
    assert result.deemed_adopted
    assert not result.blocking_minority
    assert any("deemed attained" in r for r in result.reasons)


def test_three_large_states_and_malta_block() -> None:
    result = council_vote(votes_with(no={"DE", "FR", "IT", "MT"}), POP)
    assert not result.adopted
    assert result.blocking_minority
    assert not result.deemed_adopted
    assert any("blocking minority formed" in r for r in result.reasons)


def test_abstentions_count_as_not_in_favour() -> None:
    abstaining = set(BY_SIZE[-13:])  # 14 yes, 13 abstain: 55 % of 27 is 14.85
    assert not council_vote(votes_with(abstain=abstaining), POP).adopted
    assert not council_vote({c: Vote.YES for c in BY_SIZE[:14]}, POP).adopted  # missing = absent
    assert council_vote(votes_with(abstain=set(BY_SIZE[-12:])), POP).adopted


def synthetic(yes_pop: int, no_pop: int, n_yes: int = 20, n_no: int = 7) -> dict[str, int]:
    """A 27-member council where each yes state holds yes_pop and each other state no_pop."""
    return {c: (yes_pop if i < n_yes else no_pop) for i, c in enumerate(ALL[: n_yes + n_no])}


def test_population_exactly_65_percent_is_enough_and_one_person_less_is_not() -> None:
    pop = synthetic(325, 500)  # 20 * 325 = 6500 of 10000
    yes = ALL[:20]
    assert qualified_majority(yes, pop).adopted
    pop[ALL[0]] -= 1
    pop[ALL[-1]] += 1  # 6499 of 10000
    result = qualified_majority(yes, pop)
    assert not result.population_test
    assert not result.adopted
    assert any("64.99 %" in r for r in result.reasons)


def test_reinforced_majority_needs_72_percent_and_has_no_blocking_clause() -> None:
    rules = Rules.reinforced()
    assert not qualified_majority(BY_SIZE[:19], POP, rules=rules).adopted  # 19/27 = 70.4 %
    assert qualified_majority(BY_SIZE[:20], POP, rules=rules).adopted  # 74.1 %
    yes = [c for c in ALL if c not in {"DE", "FR", "IT"}]  # 24 members, under 65 %
    assert not qualified_majority(yes, POP, rules=rules).adopted


# --- Art 238(3)(a) TFEU: only some members take part ------------------------------------------


def test_blocking_minimum_of_a_subset() -> None:
    pop = {"AT": 40, "BE": 30, "BG": 20, "CY": 10, "CZ": 1000}
    part = ["AT", "BE", "BG", "CY"]
    assert blocking_minimum(part, pop, Rules()) == 2  # AT alone holds 40 % > 35 %, plus one
    result = qualified_majority(["BE", "BG", "CY"], pop, part)  # 75 % of members, 60 % of population
    assert not result.all_participate
    assert result.adopted
    assert result.deemed_adopted
    assert result.blocking_members_required == 2
    blocked = qualified_majority(["BG", "CY", "BE"], {**pop, "BE": 25, "BG": 15}, part)
    assert blocked.adopted  # AT 40/90 > 35 %: still one member, fewer than 2
    assert not qualified_majority(["AT", "BG"], pop, part).adopted  # 2 of 4 = 50 % < 55 %


def test_subset_does_not_require_15_members() -> None:
    euro_outs = {"BG", "CZ", "DK", "HU", "PL", "RO", "SE"}
    part = [c for c in ALL if c not in euro_outs]  # 20 members
    yes = sorted(part, key=POP.__getitem__, reverse=True)[:11]  # 11 of 20 = 55 %
    result = qualified_majority(yes, POP, part)
    assert result.member_test
    assert result.adopted
    assert not qualified_majority(yes[:10], POP, part).adopted


def test_a_subset_with_all_members_is_full_participation() -> None:
    assert qualified_majority(BY_SIZE[:15], POP, ALL).all_participate


def test_non_participants_cannot_vote_in_favour() -> None:
    with pytest.raises(ValueError, match="in_favour"):
        qualified_majority(["DE"], POP, ["FR", "IT"])


# --- properties --------------------------------------------------------------------------------

vote_maps = st.fixed_dictionaries({c: st.sampled_from(list(Vote)) for c in ALL})


@settings(max_examples=300, deadline=None)
@given(vote_maps)
def test_outcome_follows_the_treaty_thresholds(votes: dict[str, Vote]) -> None:
    result = council_vote(votes, POP)
    yes = [c for c, v in votes.items() if v is Vote.YES]
    yes_pop = sum(POP[c] for c in yes)
    expected = len(yes) >= 15 and (100 * yes_pop >= 65 * sum(POP.values()) or 27 - len(yes) < 4)
    assert result.adopted == expected
    assert result.blocking_minority == (not expected)
    if result.adopted:
        assert result.member_share >= Fraction(55, 100)


@settings(max_examples=200, deadline=None)
@given(vote_maps, st.sampled_from(ALL))
def test_one_more_yes_never_hurts_and_no_abstain_absent_are_alike(votes: dict[str, Vote], code: str) -> None:
    before = council_vote(votes, POP).adopted
    assert council_vote({**votes, code: Vote.YES}, POP).adopted >= before
    for other in (Vote.NO, Vote.ABSTAIN, Vote.ABSENT):
        if votes[code] is not Vote.YES:
            assert council_vote({**votes, code: other}, POP).adopted == before


@st.composite
def councils(draw: st.DrawFn) -> dict[str, int]:
    codes = draw(st.lists(st.sampled_from(ALL), min_size=1, max_size=8, unique=True))
    return {c: draw(st.integers(min_value=1, max_value=10_000)) for c in codes}


@settings(max_examples=300, deadline=None)
@given(councils())
def test_blocking_minimum_is_the_fewest_members_over_35_percent_plus_one(pop: dict[str, int]) -> None:
    total = sum(pop.values())
    fewest = min(
        k
        for k in range(1, len(pop) + 1)
        for combo in combinations(pop, k)
        if 100 * sum(pop[c] for c in combo) > 35 * total
    )
    assert blocking_minimum(pop, pop, Rules()) == fewest + 1


@settings(max_examples=300, deadline=None)
@given(councils(), st.data())
def test_subset_outcome_follows_art_238_3_a(pop: dict[str, int], data: st.DataObject) -> None:
    members = {**pop, "ZZ": 1}  # one more member who does not take part: always a subset
    part = list(pop)
    yes = data.draw(st.lists(st.sampled_from(part), unique=True))
    result = qualified_majority(yes, members, part)
    total = sum(pop.values())
    member_ok = 100 * len(yes) >= 55 * len(part)
    pop_ok = 100 * sum(pop[c] for c in yes) >= 65 * total
    blocking = len(part) - len(yes) >= blocking_minimum(part, pop, Rules())
    assert result.adopted == (member_ok and (pop_ok or not blocking))
    assert not result.all_participate


# --- EP 2018 objection model and Art 5(6) ---------------------------------------------------------


def test_objection_by_a_qualified_majority_of_the_others_keeps_the_item_off_the_list() -> None:
    others = [c for c in ALL if c != "NL"]
    votes = {c: Vote.NO for c in others}
    result = eu_list_objection(votes, POP, "NL")
    assert result.adopted  # the objection succeeds
    assert "NL" not in result.participating
    assert len(result.participating) == 26


def test_the_notifying_state_does_not_count_among_the_objectors() -> None:
    largest = [c for c in BY_SIZE if c not in {"AT", "MT"}][:14]
    votes = {c: Vote.NO for c in largest}  # 14 of 26 = 53.8 %: short of 55 %
    assert not eu_list_objection(votes, POP, "AT").adopted
    assert not eu_list_objection({**votes, "AT": Vote.NO}, POP, "AT").adopted  # AT's own vote ignored
    assert eu_list_objection({**votes, "AT": Vote.NO}, POP, "MT").adopted  # 15 of 26


def test_yes_abstain_and_absent_are_not_objections() -> None:
    votes = {c: v for c, v in zip(ALL, [Vote.YES, Vote.ABSTAIN, Vote.ABSENT] * 9, strict=True)}
    result = eu_list_objection(votes, POP, "DE")
    assert not result.adopted
    assert result.in_favour == ()


def test_art_5_6_needs_every_state_to_agree() -> None:
    assert unanimity(votes_with(), POP).agreed
    for dissent in (Vote.NO, Vote.ABSTAIN, Vote.ABSENT):
        result = unanimity({**votes_with(), "MT": dissent}, POP)
        assert not result.agreed
        assert result.withheld == ("MT",)
    missing = {c: Vote.YES for c in ALL if c != "LU"}
    assert unanimity(missing, POP).withheld == ("LU",)
