"""Council voting rules: qualified majority, the EP 2018 objection model, and Art 5(6) unanimity.

Pure functions over a population table (`population.py`); no I/O. Arithmetic is exact (integers and
`Fraction`), so a share "just below 65 %" is never rounded into a majority.

- `qualified_majority`: Art 16(4) TEU when every member takes part, Art 238(3)(a) TFEU when only some
  do; Art 238(2)/(3)(b) (72 %) through `Rules.reinforced()`.
- `eu_list_objection`: the European Parliament's 2018 first-reading model (fact sheet §2, pitfall 1):
  an item goes on the EU-wide list unless a qualified majority of the *other* Member States objects.
  This is a proposal, not the law; the mechanism is unverified [U], so the rule is configurable.
- `unanimity`: Art 5(6) of Regulation 2021/821, the law: published only when all Member States agree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction


class Vote(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"
    ABSENT = "absent"


@dataclass(frozen=True, slots=True)
class Rules:
    """Thresholds of a qualified majority. The defaults are Art 16(4) TEU / Art 238(3)(a) TFEU."""

    member_share: Fraction = Fraction(55, 100)
    population_share: Fraction = Fraction(65, 100)
    min_members_all: int = 15  # Art 16(4) TEU: "comprising at least fifteen of them"
    blocking_members_all: int = 4  # Art 16(4) TEU, second subparagraph
    blocking_population_share: Fraction = Fraction(35, 100)  # Art 238(3)(a) TFEU
    # The "deemed attained" clause exists only for acts on a Commission (or HR) proposal.
    blocking_clause: bool = True
    basis_all: str = "Art 16(4) TEU"
    basis_partial: str = "Art 238(3)(a) TFEU"

    @classmethod
    def reinforced(cls) -> Rules:
        """Art 238(2) and (3)(b) TFEU: 72 % of members, 65 % of population, no blocking-minority clause."""
        return cls(
            member_share=Fraction(72, 100),
            min_members_all=0,
            blocking_clause=False,
            basis_all="Art 238(2) TFEU",
            basis_partial="Art 238(3)(b) TFEU",
        )


@dataclass(frozen=True, slots=True)
class QmvResult:
    adopted: bool
    all_participate: bool
    participating: tuple[str, ...]
    in_favour: tuple[str, ...]
    population_in_favour: int
    population_participating: int
    member_test: bool
    population_test: bool
    blocking_members_required: int
    # Whether the members not in favour form a blocking minority: exactly when the act fails.
    blocking_minority: bool
    deemed_adopted: bool  # population test failed but no blocking minority could form
    reasons: tuple[str, ...]

    @property
    def member_share(self) -> Fraction:
        return Fraction(len(self.in_favour), len(self.participating))

    @property
    def population_share(self) -> Fraction:
        return Fraction(self.population_in_favour, self.population_participating)


def pct(share: Fraction) -> str:
    return f"{float(share * 100):.2f} %"


def _threshold_pct(share: Fraction) -> str:
    return f"{float(share * 100):g} %"


def blocking_minimum(participating: Collection[str], population: Mapping[str, int], rules: Rules) -> int:
    """Art 238(3)(a) TFEU: the fewest participating members holding more than 35 % of their
    population, plus one. Ties in size do not matter: only the count of the largest is used."""
    sizes = sorted((population[c] for c in participating), reverse=True)
    limit = rules.blocking_population_share * sum(sizes)
    held = 0
    for count, size in enumerate(sizes, start=1):
        held += size
        if held > limit:
            return count + 1
    return len(sizes) + 1  # unreachable for a share below 100 %


def qualified_majority(
    in_favour: Iterable[str],
    population: Mapping[str, int],
    participating: Collection[str] | None = None,
    rules: Rules | None = None,
    favour: str = "in favour",
) -> QmvResult:
    """Whether the members `in_favour` form a qualified majority of the `participating` members.

    Everyone participating who is not in favour (against, abstaining, not voting) counts against:
    an abstention is not a vote in favour. Codes must be keys of `population` (checked by the caller).
    """
    rules = rules or Rules()
    members = frozenset(population)
    taking_part = members if participating is None else frozenset(participating)
    if not taking_part or not taking_part <= members:
        raise ValueError("participating: must be a non-empty subset of the members")
    yes = frozenset(in_favour)
    if not yes <= taking_part:
        raise ValueError("in_favour: only participating members can vote in favour")
    all_take_part = taking_part == members
    basis = rules.basis_all if all_take_part else rules.basis_partial
    n, yes_n = len(taking_part), len(yes)
    pop_p = sum(population[c] for c in taking_part)
    pop_yes = sum(population[c] for c in yes)
    min_members = rules.min_members_all if all_take_part else 0
    members_needed = rules.member_share * n
    member_test = yes_n >= members_needed and yes_n >= min_members
    pop_needed = rules.population_share * pop_p
    population_test = pop_yes >= pop_needed
    if all_take_part:
        blocking_needed = rules.blocking_members_all
    else:
        blocking_needed = blocking_minimum(taking_part, population, rules)
    not_in_favour = n - yes_n
    deemed = False
    if member_test and population_test:
        adopted = True
    elif member_test and rules.blocking_clause and not_in_favour < blocking_needed:
        adopted = deemed = True
    else:
        adopted = False

    scope = "all members take part" if all_take_part else f"{n} of {len(members)} members take part"
    floor = f", and at least {min_members}" if min_members else ""
    reasons = [
        f"{basis}: {scope}.",
        f"{basis}: {yes_n} of {n} members {favour} ({pct(Fraction(yes_n, n))}); required "
        f"{_threshold_pct(rules.member_share)} = {float(members_needed):.2f}{floor}: "
        f"{'met' if member_test else 'not met'}.",
        f"{basis}: population {favour} {pop_yes:,} of {pop_p:,} ({pct(Fraction(pop_yes, pop_p))}); "
        f"required {_threshold_pct(rules.population_share)} = {float(pop_needed):,.0f}: "
        f"{'met' if population_test else 'not met'}.",
    ]
    if member_test and not population_test and rules.blocking_clause:
        counted = (
            ""
            if all_take_part
            else " (the fewest members holding more than 35 % of the participating population, plus one)"
        )
        verdict = (
            "no blocking minority, qualified majority deemed attained"
            if deemed
            else "blocking minority formed"
        )
        reasons.append(
            f"{basis}: {not_in_favour} members not {favour} (against, abstaining or absent); a blocking minority needs at least "
            f"{blocking_needed}{counted}: {verdict}."
        )
    elif not member_test:
        reasons.append(f"{basis}: {not_in_favour} members not {favour} are enough to block by number.")
    reasons.append(f"{basis}: qualified majority {'reached' if adopted else 'not reached'}.")
    return QmvResult(
        adopted=adopted,
        all_participate=all_take_part,
        participating=tuple(sorted(taking_part)),
        in_favour=tuple(sorted(yes)),
        population_in_favour=pop_yes,
        population_participating=pop_p,
        member_test=member_test,
        population_test=population_test,
        blocking_members_required=blocking_needed,
        blocking_minority=not adopted,
        deemed_adopted=deemed,
        reasons=tuple(reasons),
    )


def council_vote(
    votes: Mapping[str, Vote],
    population: Mapping[str, int],
    participating: Collection[str] | None = None,
    rules: Rules | None = None,
) -> QmvResult:
    """A Council vote: members missing from `votes` are absent, which is not a vote in favour."""
    return qualified_majority(
        (c for c, v in votes.items() if v is Vote.YES), population, participating, rules
    )


def eu_list_objection(
    votes: Mapping[str, Vote],
    population: Mapping[str, int],
    notifying_state: str,
    participating: Collection[str] | None = None,
    rules: Rules | None = None,
) -> QmvResult:
    """EP 2018 model [U]: the item is listed unless a qualified majority of the other Member States
    objects. A "no" vote is an objection; yes, abstain and absent are not. The notifying state does
    not take part, so the other states vote under the partial-participation rule of Art 238(3)(a)
    TFEU (55 % of them, 65 % of their population, its blocking minority). `adopted` in the result
    means "the objection succeeded"."""
    taking_part = frozenset(population) if participating is None else frozenset(participating)
    others = taking_part - {notifying_state}
    objectors = (c for c, v in votes.items() if v is Vote.NO and c in others)
    return qualified_majority(objectors, population, others, rules, favour="objecting")


@dataclass(frozen=True, slots=True)
class UnanimityResult:
    agreed: bool
    members: tuple[str, ...]
    in_favour: tuple[str, ...]
    withheld: tuple[str, ...]  # members whose agreement is missing (no, abstain or absent)
    reasons: tuple[str, ...]


def unanimity(votes: Mapping[str, Vote], members: Collection[str]) -> UnanimityResult:
    """Art 5(6) Reg 2021/821: the Commission publishes only if *all* Member States notify that the
    requirement should apply to essentially identical transactions. Publication needs a positive
    notification from each state, so an abstention or a missing state is not agreement (unlike
    Art 238(4) TFEU, under which abstentions do not prevent unanimity in the Council: Art 5(6) is
    not a Council vote)."""
    every = tuple(sorted(members))
    yes = tuple(c for c in every if votes.get(c) is Vote.YES)
    withheld = tuple(c for c in every if votes.get(c) is not Vote.YES)
    agreed = not withheld
    basis = "Art 5(6) Regulation (EU) 2021/821"
    reasons = [f"{basis}: {len(yes)} of {len(every)} Member States agree; all are required."]
    if withheld:
        reasons.append(f"{basis}: agreement missing from {', '.join(withheld)} (no, abstain or absent).")
    reasons.append(f"{basis}: {'published' if agreed else 'not published'} in the OJ C series.")
    return UnanimityResult(agreed, every, yes, withheld, tuple(reasons))
