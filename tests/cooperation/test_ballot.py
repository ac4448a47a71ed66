"""The ballot contract behind the `votes` CLI: one JSON answer per ballot, an error naming the field
for bad input, never a traceback."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dualuse.cooperation.ballot import BallotError, answer, answer_batch, main
from dualuse.cooperation.population import packaged_table

POP = dict(packaged_table().figures)
ALL = sorted(POP)
BY_SIZE = sorted(POP, key=POP.__getitem__, reverse=True)
KEYS = {"outcome", "member_share_pct", "population_share_pct", "blocking_minority", "reasons"}


def all_vote(value: str, **overrides: str) -> dict[str, str]:
    return {**{c: value for c in ALL}, **overrides}


def test_council_qmv_answer_has_the_contract_keys() -> None:
    out = answer({"rule": "council_qmv", "votes": all_vote("yes", DE="no", FR="no", IT="no")}, None)
    assert set(out) >= KEYS
    assert out["outcome"] == "adopted"
    assert out["blocking_minority"] is False
    assert out["member_share_pct"] == pytest.approx(100 * 24 / 27, abs=1e-4)
    share = 100 * (sum(POP.values()) - POP["DE"] - POP["FR"] - POP["IT"]) / sum(POP.values())
    assert out["population_share_pct"] == pytest.approx(share, abs=1e-4)
    assert out["population_share_pct"] < 65
    assert any("Art 16(4) TEU" in r and "deemed attained" in r for r in out["reasons"])
    json.dumps(out)  # JSON-serialisable as it stands


def test_council_qmv_blocked_by_four() -> None:
    out = answer({"rule": "council_qmv", "votes": all_vote("yes", DE="no", FR="no", IT="abstain", MT="no")})
    assert out["outcome"] == "not_adopted"
    assert out["blocking_minority"] is True


def test_missing_states_count_as_absent() -> None:
    out = answer({"rule": "council_qmv", "votes": {c: "yes" for c in BY_SIZE[:14]}})
    assert out["outcome"] == "not_adopted"
    assert out["member_share_pct"] == pytest.approx(100 * 14 / 27, abs=1e-4)
    out = answer({"rule": "council_qmv", "votes": {c: "yes" for c in BY_SIZE[:15]}})
    assert out["outcome"] == "adopted"


def test_codes_and_votes_are_read_leniently_el_is_greece() -> None:
    votes = {c.lower(): "YES" for c in ALL if c != "GR"} | {"EL": " yes "}
    out = answer({"rule": "art5_6", "votes": votes})
    assert out["outcome"] == "published"


def test_partial_participation_uses_art_238_3_a() -> None:
    part = [c for c in ALL if c not in {"DK", "IE"}]
    votes = {c: "yes" for c in sorted(part, key=POP.__getitem__, reverse=True)[:14]}  # 14 of 25 = 56 %
    out = answer({"rule": "council_qmv", "votes": votes | {"DK": "absent"}, "participating": part})
    assert out["outcome"] == "adopted"
    assert out["member_share_pct"] == pytest.approx(56.0)
    assert any("Art 238(3)(a) TFEU" in r for r in out["reasons"])


@pytest.mark.parametrize(
    ("objectors", "outcome"),
    [
        ([], "listed"),
        (["DE", "FR", "IT"], "listed"),  # three members are no qualified majority
        ([c for c in BY_SIZE if c != "SE"][:15], "not_listed"),  # 15 of 26, well over 65 %
        ([c for c in BY_SIZE if c != "SE"][:14], "listed"),  # 14 of 26 is 53.8 %
    ],
)
def test_eu_list_objection(objectors: list[str], outcome: str) -> None:
    votes = all_vote("yes") | {c: "no" for c in objectors}
    out = answer({"rule": "eu_list_objection", "votes": votes, "notifying_state": "SE"})
    assert out["outcome"] == outcome
    assert out["blocking_minority"] is (outcome == "listed")
    assert out["member_share_pct"] == pytest.approx(100 * len(objectors) / 26, abs=1e-4)
    assert any("2018" in r and "not Regulation 2021/821" in r for r in out["reasons"])


def test_eu_list_objection_with_a_subset_and_the_notifier_outside_it() -> None:
    part = [c for c in ALL if c not in {"DK", "SE"}]
    votes = {c: "no" for c in part[:14]} | {"SE": "yes"}
    ballot = {"rule": "eu_list_objection", "votes": votes, "participating": part, "notifying_state": "SE"}
    out = answer(ballot)
    assert out["member_share_pct"] == pytest.approx(56.0)  # 14 of the 25 others
    assert len(out["participating"]) == 25
    with pytest.raises(BallotError, match="votes.DK"):
        answer(ballot | {"votes": votes | {"DK": "no"}})


def test_eu_list_objection_abstentions_are_not_objections() -> None:
    votes = all_vote("abstain")
    out = answer({"rule": "eu_list_objection", "votes": votes, "notifying_state": "DE"})
    assert out["outcome"] == "listed"
    assert out["member_share_pct"] == 0


@pytest.mark.parametrize("dissent", ["no", "abstain", "absent"])
def test_art5_6_needs_all_states(dissent: str) -> None:
    assert answer({"rule": "art5_6", "votes": all_vote("yes")})["outcome"] == "published"
    out = answer({"rule": "art5_6", "votes": all_vote("yes", LU=dissent)})
    assert out["outcome"] == "not_published"
    assert out["blocking_minority"] is True
    assert any("LU" in r and "Art 5(6)" in r for r in out["reasons"])


@pytest.mark.parametrize(
    ("ballot", "field"),
    [
        ({"rule": "majority", "votes": {}}, "rule"),
        ({"votes": {}}, "rule"),
        ({"rule": "council_qmv"}, "votes"),
        ({"rule": "council_qmv", "votes": ["DE"]}, "votes"),
        ({"rule": "council_qmv", "votes": {"XX": "yes"}}, "votes.XX"),
        ({"rule": "council_qmv", "votes": {"USA": "yes"}}, "votes.USA"),
        ({"rule": "council_qmv", "votes": {"DE": "maybe"}}, "votes.DE"),
        ({"rule": "council_qmv", "votes": {"DE": 1}}, "votes.DE"),
        ({"rule": "council_qmv", "votes": {"GR": "yes", "EL": "no"}}, "votes.EL"),
        ({"rule": "council_qmv", "votes": {}, "participating": []}, "participating"),
        ({"rule": "council_qmv", "votes": {}, "participating": ["DE", "CH"]}, "participating[1]"),
        ({"rule": "council_qmv", "votes": {}, "participating": ["DE", "DE"]}, "participating[1]"),
        ({"rule": "council_qmv", "votes": {}, "participating": "DE"}, "participating"),
        ({"rule": "council_qmv", "votes": {"FR": "yes"}, "participating": ["DE"]}, "votes.FR"),
        ({"rule": "eu_list_objection", "votes": {}}, "notifying_state"),
        ({"rule": "eu_list_objection", "votes": {}, "notifying_state": "US"}, "notifying_state"),
        ({"rule": "art5_6", "votes": {}, "participating": ["DE"]}, "participating"),
    ],
)
def test_bad_ballots_name_the_field(ballot: dict[str, Any], field: str) -> None:
    with pytest.raises(BallotError) as info:
        answer(ballot)
    assert field in {f for f, _ in info.value.problems}
    assert f"{field}: " in str(info.value)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(BallotError) as info:
        answer({"rule": "x", "votes": {"ZZ": "yes", "DE": "perhaps"}})
    assert {f for f, _ in info.value.problems} == {"rule", "votes.ZZ", "votes.DE"}


def test_a_supplied_population_table_replaces_the_packaged_one() -> None:
    pop = {"AT": 40, "BE": 30, "BG": 20, "CY": 10}
    out = answer({"rule": "council_qmv", "votes": {"BE": "yes", "BG": "yes", "CY": "yes"}}, pop)
    # All four take part, so Art 16(4) applies: 3 members are fewer than 15.
    assert out["outcome"] == "not_adopted"
    assert out["population_share_pct"] == pytest.approx(60.0)
    with pytest.raises(BallotError, match="votes.DE"):
        answer({"rule": "council_qmv", "votes": {"DE": "yes"}}, pop)
    with pytest.raises(BallotError, match="population.AT"):
        answer({"rule": "council_qmv", "votes": {}}, {"AT": -1})


def test_batch_answers_each_line_and_keeps_the_id() -> None:
    lines = [
        json.dumps({"id": "a", "ballot": {"rule": "art5_6", "votes": all_vote("yes")}}),
        "",
        "{not json",
        json.dumps({"id": 7, "ballot": {"rule": "council_qmv", "votes": {"ZZ": "yes"}}}),
        json.dumps({"id": "no-ballot"}),
        json.dumps([1, 2]),
        json.dumps({"id": "b", "ballot": "council_qmv"}),
    ]
    out = [json.loads(line) for line in answer_batch(lines, None)]
    assert len(out) == 6  # the blank line is skipped
    assert out[0]["id"] == "a"
    assert out[0]["outcome"] == "published"
    assert out[1] == {"id": None, "error": out[1]["error"]}
    assert "line 3" in out[1]["error"]
    assert out[2]["id"] == 7
    assert out[2]["error"].startswith("votes.ZZ:")
    assert out[3] == {"id": "no-ballot", "error": "ballot: required"}
    assert out[4]["id"] is None
    assert "line 6" in out[4]["error"]
    assert out[5]["id"] == "b"
    assert out[5]["error"].startswith("ballot:")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)
ballots = st.fixed_dictionaries(
    {},
    optional={
        "rule": st.sampled_from(["council_qmv", "eu_list_objection", "art5_6", "other"]) | json_values,
        "votes": st.dictionaries(
            st.sampled_from([*ALL, "EL", "XX", "de"]),
            st.sampled_from(["yes", "no", "abstain", "absent", "?"]) | json_values,
        )
        | json_values,
        "participating": st.none() | st.lists(st.sampled_from([*ALL, "XX"]), max_size=27) | json_values,
        "notifying_state": st.sampled_from([*ALL, "XX"]) | json_values,
    },
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(ballots.map(lambda b: {"id": 1, "ballot": b}), json_values), max_size=4))
def test_batch_never_raises_and_answers_every_line(records: list[Any]) -> None:
    lines = [json.dumps(r) for r in records]
    out = [json.loads(line) for line in answer_batch(lines, None)]
    assert len(out) == len(lines)
    for line in out:
        assert "id" in line
        assert ("error" in line) != ("outcome" in line)
        if "error" in line:
            assert "internal error" not in line["error"]
        else:
            assert line["outcome"] in {
                "adopted",
                "not_adopted",
                "listed",
                "not_listed",
                "published",
                "not_published",
            }
            assert 0 <= line["member_share_pct"] <= 100
            assert 0 <= line["population_share_pct"] <= 100


def test_main_reads_stdin_with_a_population_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "pop.json"
    path.write_text(json.dumps([{"iso2": c, "population": 1000} for c in ALL]))
    ballot = {"id": 1, "ballot": {"rule": "council_qmv", "votes": {c: "yes" for c in ALL[:18]}}}
    monkeypatch.setattr(sys, "stdin", iter([json.dumps(ballot) + "\n"]))
    assert main(["--population", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["outcome"] == "adopted"
    assert result["population_share_pct"] == pytest.approx(100 * 18 / 27)
    path.write_text("[]")
    assert main(["--population", str(path)]) == 2


def test_engines_do_not_import_django() -> None:
    code = (
        "import sys\n"
        "import dualuse.cooperation.qmv, dualuse.cooperation.population, dualuse.cooperation.ballot\n"
        "import dualuse.cooperation.identical, dualuse.core.calendar\n"
        "assert 'django' not in sys.modules, sorted(m for m in sys.modules if m.startswith('django'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


def test_module_runs_as_a_command() -> None:
    ballot = {"id": "x", "ballot": {"rule": "art5_6", "votes": {"DE": "yes"}}}
    done = subprocess.run(
        [sys.executable, "-m", "dualuse.cooperation.ballot"],
        input=json.dumps(ballot) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["id"] == "x"
    assert result["outcome"] == "not_published"
