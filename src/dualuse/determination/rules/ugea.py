"""Union general export authorisations EU001-EU008 (Annex II Sections A-H): which ones the facts allow.

Each check returns the problem (why the UGEA cannot be used, citing Annex II) or nothing. A UGEA is usable
when it covers every line that needs an authorisation and no bar applies; what the facts cannot tell stays
in its conditions, with the registration and notification duties of its section.
"""

from dataclasses import dataclass

from dualuse.determination.rules.context import DeterminationContext
from dualuse.determination.rules.datasets import Ugea
from dualuse.determination.rules.facts import Activity, EndUserType, Facts, Line
from dualuse.determination.rules.result import GeneralAuthorisationUse
from dualuse.determination.rules.ugea_items import item_cover

REQUIRED_FACT = {
    "after_repair": "covers only items going back after repair or replacement (after_repair)",
    "exhibition": "covers only temporary exports for an exhibition or fair (exhibition)",
    "intra_group": "covers only exports to the exporter's subsidiary or sister company (intra_group)",
}


@dataclass(frozen=True, slots=True)
class UgeaOutcome:
    usable: tuple[GeneralAuthorisationUse, ...]
    unusable: tuple[tuple[str, str], ...]
    per_line: dict[int, tuple[str, ...]]  # line index -> UGEAs whose item scope covers it


def destination_problem(u: Ugea, facts: Facts, ctx: DeterminationContext) -> str | None:
    dest = facts.destination
    listed = ctx.lookups.destinations[u.code]
    if u.destinations.listed is not None:
        return None if dest in listed else f"destination {dest} is not covered ({u.reference} Part 2)"
    # Annex II Section H Part 2 (EU008): defined by exclusion.
    if dest in ctx.lookups.destinations["EU001"]:
        return f"destination {dest} is an EU001 destination, excluded from {u.code} ({u.reference} Part 2(a))"
    if dest in u.destinations.except_listed:
        return f"destination {dest} is excluded ({u.reference} Part 2(b))"
    if dest in listed:
        return f"destination {dest} is under an arms embargo, excluded ({u.reference} Part 2(c))"
    return None


def bar_problems(u: Ugea, facts: Facts) -> list[str]:
    """Part 3 of each section: the uses and end users that bar the UGEA."""
    e, ref, problems = facts.end_use, u.bars_reference, []
    if e.informed_wmd or e.aware_wmd:
        problems.append(
            f"you have been informed of, or are aware of, a WMD or missile use ({ref}, Art 4(1)(a)-type)"
        )
    if e.informed_illegal_military_parts or e.aware_illegal_military_parts:
        problems.append(
            f"you have been informed of, or are aware of, use as parts of illegally exported military items ({ref}, Art 4(1)(c)-type)"
        )
    military = e.informed_military_embargo or e.aware_military_embargo
    if military and u.bars.embargo_military_end_use:
        problems.append(
            f"you have been informed of, or are aware of, a military end use in an arms-embargoed country ({ref}, Art 4(1)(b)-type)"
        )
    if military and u.bars.governmental_security:
        problems.append(f"military or other governmental security end uses are excluded ({ref})")
    if e.human_rights_concern and u.bars.human_rights == "interception":
        problems.append(
            f"you have been informed of, or are aware of, use in violation of human rights, democratic principles or freedom of expression by interception or monitoring technologies ({ref})"
        )
    if e.human_rights_concern and u.bars.human_rights == "general":
        problems.append(
            f"you have been informed of, or are aware of, use in violation of human rights, democratic principles or freedom of expression ({ref})"
        )
    if u.bars.governmental_security and facts.end_user_type is EndUserType.GOVERNMENT:
        problems.append(
            f"the end user is governmental; military, police, intelligence and other governmental security end users are excluded ({ref})"
        )
    if u.bars.free_zone and facts.free_zone:
        problems.append(
            f"exports to a customs-free zone or free warehouse in a covered destination are excluded ({ref})"
        )
    return problems


def _re_export_allowed(u: Ugea, country: str, ctx: DeterminationContext) -> bool:
    assert u.re_export_limit is not None  # noqa: S101 - callers check
    if u.destinations.listed is None:  # EU008: only its excluded destinations (points (b) and (c)) are barred
        return country in ctx.lookups.destinations["EU001"] or country not in ctx.lookups.destinations[u.code]
    for allowed in u.re_export_limit.allowed:
        if allowed == "member_states" and country in ctx.lookups.member_states:
            return True
        if allowed == "self" and country in ctx.lookups.destinations[u.code]:
            return True
        if allowed in ctx.lookups.destinations and country in ctx.lookups.destinations[allowed]:
            return True
    return False


def re_export_problem(u: Ugea, facts: Facts, ctx: DeterminationContext) -> str | None:
    if u.re_export_limit is None:
        return None
    barred = sorted(c for c in facts.re_export_destinations if not _re_export_allowed(u, c, ctx))
    if barred:
        return f"you are aware of re-export to {', '.join(barred)}, outside the destinations allowed ({u.re_export_limit.reference})"
    return None


def standing_bars(u: Ugea, ctx: DeterminationContext) -> list[str]:
    """The use bars hold until the export: stated with each usable UGEA, as its section states them."""
    bar = ctx.ugea.common_text("art_4_1_bar")
    if u.bars.embargo_military_end_use:
        bar = f"{bar}, {ctx.ugea.common_text('embargo_bar')}"
    bars = [f"{bar} ({u.bars_reference})"]
    if u.bars.free_zone:
        bars.append(f"{ctx.ugea.common_text('free_zone_bar')} ({u.bars_reference})")
    return bars


def remaining_conditions(u: Ugea, facts: Facts) -> list[str]:
    """Conditions the facts do not settle, stated as the section states them."""
    ref, left = u.bars_reference, []
    if u.re_export_limit is not None and not facts.re_export_destinations:
        where = (
            "an excluded destination"
            if u.destinations.listed is None
            else "a destination other than those allowed"
        )
        left.append(
            f"You are not aware that the items will be re-exported to {where} ({u.re_export_limit.reference})"
        )
    if u.bars.governmental_security:
        left.append(
            f"The consignee and end user are not military, paramilitary, police, intelligence or other governmental security services, nor act for one, and the end use is not such a use ({ref})"
        )
    if u.bars.human_rights is not None:
        left.append(
            f"You have not been informed of, and are not aware of, a use violating human rights, democratic principles or freedom of expression ({ref})"
        )
    left += [c.render() for c in u.conditions]
    return left


def temporary_problem(u: Ugea, facts: Facts) -> str | None:
    """Annex II Section D: a temporary export, re-imported within 120 days. An export said not to be
    temporary is outside EU004 until the authority waives re-import, which it does only on request by the
    individual-authorisation procedure (Part 3): so that is an application, not a condition left to meet."""
    temporary = next((c for c in u.conditions if c.kind == "temporary"), None)
    if temporary is None or facts.temporary is not False:
        return None
    return f"{u.code} covers only temporary exports re-imported within 120 days; a waiver of re-import needs a request to your authority by the individual-authorisation procedure ({temporary.reference})"


def evaluate(facts: Facts, lines: tuple[Line, ...], ctx: DeterminationContext) -> UgeaOutcome:
    """Each UGEA for the lines that need an export authorisation."""
    if not lines:
        return UgeaOutcome((), (), {})
    if facts.activity not in (Activity.EXPORT, Activity.RE_EXPORT):
        why = f"Union general export authorisations cover exports only, not {facts.activity.value} (Art 2(15), Art 12(1)(d))"
        return UgeaOutcome((), tuple((u.code, why) for u in ctx.ugea.authorisations), {})
    usable: list[GeneralAuthorisationUse] = []
    unusable: list[tuple[str, str]] = []
    per_line: dict[int, list[str]] = {line.index: [] for line in lines}
    for u in ctx.ugea.authorisations:
        problems: list[str] = []
        conditions: list[str] = []
        if (problem := destination_problem(u, facts, ctx)) is not None:
            problems.append(problem)
        if u.requires is not None and not getattr(facts, u.requires):
            problems.append(f"{u.code} {REQUIRED_FACT[u.requires]} ({u.reference})")
        if (problem := temporary_problem(u, facts)) is not None:
            problems.append(problem)
        problems += bar_problems(u, facts)
        if (problem := re_export_problem(u, facts, ctx)) is not None:
            problems.append(problem)
        transaction_ok = not problems
        for line in lines:
            cover = item_cover(u, line.control_code, ctx)
            if not cover.covered:
                problems.append(f"line {line.index}: {cover.problem}")
                continue
            conditions += [f"Line {line.index}: {c}" for c in cover.conditions]
            if transaction_ok:
                per_line[line.index].append(u.code)
        if problems:
            unusable.append((u.code, "; ".join(problems)))
        else:
            usable.append(
                GeneralAuthorisationUse(
                    u.code,
                    u.reference,
                    tuple(conditions + standing_bars(u, ctx) + remaining_conditions(u, facts)),
                )
            )
    return UgeaOutcome(tuple(usable), tuple(unusable), {k: tuple(v) for k, v in per_line.items()})
