"""Ballots in, outcomes out: the pure part of the `votes` CLI (JSON lines) and of the vote API.

A ballot is `{"rule": "council_qmv" | "eu_list_objection" | "art5_6", "votes": {"DE": "yes" | "no" |
"abstain" | "absent", ...}, "participating": null | ["DE", ...], "notifying_state": "DE"}`. Member
States missing from `votes` are absent. The answer has `outcome`, `member_share_pct`,
`population_share_pct`, `blocking_minority` and `reasons` (figures and legal basis).

What the shares and `blocking_minority` measure depends on the rule:
- `council_qmv`: the members voting yes among the participating members; a blocking minority is
  formed exactly when the act is not adopted.
- `eu_list_objection` (EP 2018 model, not the law): the objecting members ("no") among the other
  Member States; a blocking minority (against the objection) is formed exactly when the item is listed.
- `art5_6` (the law): the members agreeing among all Member States; any state withholding agreement
  is a veto, reported as `blocking_minority: true`.

Run as `python -m dualuse.cooperation.ballot [--population FILE] < ballots.jsonl`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from dualuse.cooperation.population import PopulationError, load_file, normalise_code, packaged_table
from dualuse.cooperation.qmv import Vote, council_vote, eu_list_objection, unanimity

RULES = ("council_qmv", "eu_list_objection", "art5_6")
OUTCOMES = {
    "council_qmv": ("adopted", "not_adopted"),
    "eu_list_objection": ("listed", "not_listed"),
    "art5_6": ("published", "not_published"),
}
_VOTES = ", ".join(v.value for v in Vote)


class BallotError(ValueError):
    """Invalid input; `problems` holds `(field, message)` pairs, every one found, not only the first."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.problems))


def _share_pct(share: Fraction) -> float:
    return round(float(share * 100), 6)


def _codes(raw: object, field: str, members: frozenset[str], problems: list[tuple[str, str]]) -> list[str]:
    if not isinstance(raw, list):
        problems.append((field, "expected a list of Member State codes"))
        return []
    codes: list[str] = []
    for i, item in enumerate(raw):
        try:
            code = normalise_code(item)
        except ValueError as exc:
            problems.append((f"{field}[{i}]", str(exc)))
            continue
        if code not in members:
            problems.append((f"{field}[{i}]", f"unknown Member State code {item!r}"))
        elif code in codes:
            problems.append((f"{field}[{i}]", f"{code} appears twice"))
        else:
            codes.append(code)
    return codes


def _votes(raw: object, members: frozenset[str], problems: list[tuple[str, str]]) -> dict[str, Vote]:
    if not isinstance(raw, Mapping):
        problems.append(("votes", "expected an object mapping Member State codes to votes"))
        return {}
    votes: dict[str, Vote] = {}
    for key, value in raw.items():
        field = f"votes.{key}"
        try:
            code = normalise_code(key)
        except ValueError as exc:
            problems.append((field, str(exc)))
            continue
        if code not in members:
            problems.append((field, f"unknown Member State code {key!r}"))
            continue
        if code in votes:
            problems.append((field, f"{code} appears twice (EL is GR)"))
            continue
        try:
            votes[code] = Vote(value.strip().lower() if isinstance(value, str) else value)
        except ValueError:
            problems.append((field, f"expected one of {_VOTES}, got {value!r}"))
    return votes


def _population(population: Mapping[str, int] | None) -> tuple[dict[str, int], str]:
    if population is None:
        table = packaged_table()
        note = f"Population: packaged {table.year} table, total {table.total:,} (source: population-{table.year}.json)."
        return dict(table.figures), note
    problems: list[tuple[str, str]] = []
    figures: dict[str, int] = {}
    for key, value in population.items():
        try:
            code = normalise_code(key)
        except ValueError as exc:
            problems.append((f"population.{key}", str(exc)))
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            problems.append((f"population.{key}", f"expected a positive integer, got {value!r}"))
        else:
            figures[code] = value
    if not figures and not problems:
        problems.append(("population", "empty table"))
    if problems:
        raise BallotError(problems)
    return figures, f"Population: supplied table of {len(figures)} members, total {sum(figures.values()):,}."


def answer(ballot: Mapping[str, Any], population: Mapping[str, int] | None = None) -> dict[str, Any]:
    """Decide one ballot. Raises BallotError naming every invalid field."""
    figures, population_note = _population(population)
    members = frozenset(figures)
    problems: list[tuple[str, str]] = []
    if not isinstance(ballot, Mapping):
        raise BallotError([("ballot", "expected an object")])
    rule = ballot.get("rule")
    if rule not in RULES:
        problems.append(("rule", f"expected one of {', '.join(RULES)}, got {rule!r}"))
    if "votes" not in ballot:
        problems.append(("votes", "required (an object; missing Member States count as absent)"))
    votes = _votes(ballot.get("votes"), members, problems) if "votes" in ballot else {}
    raw_participating = ballot.get("participating")
    participating: list[str] | None = None
    if raw_participating is not None:
        participating = _codes(raw_participating, "participating", members, problems)
        if isinstance(raw_participating, list) and not raw_participating:
            problems.append(("participating", "empty: null means every Member State takes part"))
    raw_notifying = ballot.get("notifying_state")
    notifying: str | None = None
    if raw_notifying is not None:
        try:
            notifying = normalise_code(raw_notifying)
        except ValueError as exc:
            problems.append(("notifying_state", str(exc)))
        else:
            if notifying not in members:
                problems.append(("notifying_state", f"unknown Member State code {raw_notifying!r}"))
    if rule == "eu_list_objection" and raw_notifying is None:
        problems.append(("notifying_state", "required for eu_list_objection"))
    if participating is not None and set(participating) != members:
        if rule == "art5_6":
            # Art 5(6) asks for "all Member States"; there is no partial participation to model.
            problems.append(("participating", "art5_6 needs all Member States; leave it null"))
        for code, vote in votes.items():
            # The notifying state may record its own vote; eu_list_objection never counts it.
            exempt = rule == "eu_list_objection" and code == notifying
            if code not in participating and vote is not Vote.ABSENT and not exempt:
                problems.append((f"votes.{code}", f"{code} does not take part but voted {vote.value}"))
    if problems:
        raise BallotError(problems)
    return _decide(str(rule), votes, figures, participating, notifying, population_note)


def _decide(
    rule: str,
    votes: Mapping[str, Vote],
    figures: Mapping[str, int],
    participating: list[str] | None,
    notifying: str | None,
    population_note: str,
) -> dict[str, Any]:
    yes_outcome, no_outcome = OUTCOMES[rule]
    counted = participating if participating is not None and rule != "eu_list_objection" else list(figures)
    tally = {v: sum(1 for c in counted if votes.get(c, Vote.ABSENT) is v) for v in Vote}
    tally_note = (
        "Votes cast: " + ", ".join(f"{n} {v.value}" for v, n in tally.items()) + " (missing = absent)."
    )
    if rule == "art5_6":
        result = unanimity(votes, figures)
        in_favour_pop = sum(figures[c] for c in result.in_favour)
        return {
            "rule": rule,
            "outcome": yes_outcome if result.agreed else no_outcome,
            "member_share_pct": _share_pct(Fraction(len(result.in_favour), len(result.members))),
            "population_share_pct": _share_pct(Fraction(in_favour_pop, sum(figures.values()))),
            "blocking_minority": not result.agreed,
            "in_favour": list(result.in_favour),
            "participating": list(result.members),
            "reasons": [tally_note, *result.reasons, population_note],
        }
    preamble: list[str] = []
    if rule == "eu_list_objection":
        if notifying is None:  # answer() has already reported it; this keeps _decide total
            raise BallotError([("notifying_state", "required for eu_list_objection")])
        qmv = eu_list_objection(votes, figures, notifying, participating)
        preamble = [
            "EP first-reading position of 17 Jan 2018 (a proposal, not Regulation 2021/821): the item goes on "
            "the EU-wide list unless a qualified majority of the other Member States objects; 'no' is an objection.",
            f"Notifying state {notifying} does not take part; {len(qmv.participating)} other Member States vote.",
        ]
        listed = not qmv.adopted
        outcome = yes_outcome if listed else no_outcome
        preamble_end = [
            f"Objection {'failed' if listed else 'succeeded'}: {'listed' if listed else 'not listed'}."
        ]
    else:
        qmv = council_vote(votes, figures, participating)
        outcome = yes_outcome if qmv.adopted else no_outcome
        preamble_end = []
    return {
        "rule": rule,
        "outcome": outcome,
        "member_share_pct": _share_pct(qmv.member_share),
        "population_share_pct": _share_pct(qmv.population_share),
        "blocking_minority": qmv.blocking_minority,
        "in_favour": list(qmv.in_favour),
        "participating": list(qmv.participating),
        "reasons": [*preamble, tally_note, *qmv.reasons, *preamble_end, population_note],
    }


def answer_batch(lines: Iterable[str], population: Mapping[str, int] | None = None) -> Iterator[str]:
    """One JSON line out per non-blank JSON line in: `{"id": ..., **answer}` or `{"id": ..., "error": ...}`."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield json.dumps(_answer_line(number, line, population), ensure_ascii=False)


def _answer_line(number: int, line: str, population: Mapping[str, int] | None) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {number}: invalid JSON ({exc.msg} at column {exc.colno})"}
    if not isinstance(record, dict):
        return {"id": None, "error": f"line {number}: expected an object with id and ballot"}
    ident = record.get("id")
    if "ballot" not in record:
        return {"id": ident, "error": "ballot: required"}
    try:
        return {"id": ident, **answer(record["ballot"], population)}
    except BallotError as exc:
        return {"id": ident, "error": str(exc)}
    except Exception as exc:  # the batch contract: an error object per line, never a traceback
        return {"id": ident, "error": f"line {number}: internal error ({type(exc).__name__}: {exc})"}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dualuse.cooperation.ballot", description=__doc__)
    parser.add_argument("--population", type=Path, help='JSON [{"iso2": ..., "population": ...}]')
    args = parser.parse_args(argv)
    population: Mapping[str, int] | None = None
    if args.population is not None:
        try:
            population = load_file(args.population).figures
        except PopulationError as exc:
            sys.stderr.write(f"{exc}\n")
            return 2
    for out in answer_batch(sys.stdin, population):
        sys.stdout.write(out + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
