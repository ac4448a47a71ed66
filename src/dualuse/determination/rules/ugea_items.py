"""Does a Union general export authorisation cover an item? (Annex II Part 1 of each section, and Section I.)"""

from dataclasses import dataclass

from dualuse.determination.rules.annex_iv import match_section_i, section_i_below
from dualuse.determination.rules.codes import first_covering, group, is_under, narrower
from dualuse.determination.rules.context import DeterminationContext
from dualuse.determination.rules.datasets import ScopeEntry, Ugea

GROUP_NAMES = {
    "A": "systems and equipment",
    "B": "test and production equipment",
    "C": "materials",
    "D": "software",
    "E": "technology",
}


@dataclass(frozen=True, slots=True)
class ItemCover:
    covered: bool
    problem: str = ""  # why not, citing the section
    conditions: tuple[str, ...] = ()  # what the item must also be (or not be) to be covered


def _covering(code: str, entries: tuple[ScopeEntry, ...]) -> ScopeEntry | None:
    hit = first_covering(code, frozenset(e.code for e in entries))
    return next((e for e in entries if e.code == hit), None)


def item_cover(u: Ugea, code: str | None, ctx: DeterminationContext) -> ItemCover:
    if code is None:
        return ItemCover(
            False,
            f"not an Annex I item; {u.code} covers Annex I items only (Art 2(15), {u.reference} Part 1)",
        )
    key = (u.code, code)
    if key not in ctx.memo:
        ctx.memo[key] = _item_cover(u, code, ctx)
    found = ctx.memo[key]
    assert isinstance(found, ItemCover)  # noqa: S101 - the memo holds what _item_cover returns
    return found


def _item_cover(u: Ugea, code: str, ctx: DeterminationContext) -> ItemCover:
    scope, ref, g = u.items, f"{u.reference} Part 1", group(code)
    conditions: list[str] = []
    if scope.only_groups and g not in scope.only_groups:
        return ItemCover(
            False, f"{code} is {GROUP_NAMES[g]}; {u.code} covers only software and technology ({ref})"
        )
    if g in scope.exclude_groups:
        return ItemCover(False, f"{u.code} excludes all {GROUP_NAMES[g]} (group {g}) items ({ref})")
    conditions += [f"{text} ({ref})" for grp, text in scope.conditional_groups if grp == g]
    if scope.only:
        entry = _covering(code, scope.only)
        if entry is not None:
            if any(is_under(code, x) for x in entry.excepted):
                return ItemCover(False, f"{code} is not among the items {u.code} covers ({ref})")
            if entry.condition:
                conditions.append(f"{entry.condition} ({ref})")
        else:
            below = narrower(code, (e.code for e in scope.only))
            if not below:
                return ItemCover(False, f"{code} is not among the items {u.code} covers ({ref})")
            conditions.append(f"Only if the item is specified in {', '.join(below)} ({ref})")
    excluded = first_covering(code, scope.exclude)
    if excluded is not None:
        return ItemCover(False, f"{u.code} excludes {excluded} ({ref})")
    below_excluded = narrower(code, scope.exclude)
    if below_excluded:
        conditions.append(f"Only if the item is not specified in {', '.join(below_excluded)} ({ref})")
    if scope.exclude_section_i:
        in_section_i = match_section_i(code, ctx)
        if in_section_i is not None:
            extra = f" (Annex IV wording: {'; '.join(in_section_i.scopes)})" if in_section_i.scopes else ""
            return ItemCover(False, f"{code} is excluded by {in_section_i.reference}{extra}")
        below_i = section_i_below(code, ctx)
        if below_i:
            conditions.append(
                f"Only if the item is not specified in {', '.join(below_i)} (Annex II Section I)"
            )
    if scope.related_to:
        direct = first_covering(code, scope.related_direct)
        if direct is not None:
            return ItemCover(
                False,
                f"{u.code} excludes software and technology related to {', '.join(scope.related_to)} ({ref})",
            )
        by_reading = _covering(code, scope.related_by_reading)
        if by_reading is not None:
            return ItemCover(False, f"{by_reading.condition} ({ref})")
        possibly = _covering(code, scope.related_possibly)
        if possibly is not None and possibly.condition:
            conditions.append(f"{possibly.condition} ({ref})")
        elif narrower(
            code,
            scope.related_direct | {e.code for e in (*scope.related_possibly, *scope.related_by_reading)},
        ):
            conditions.append(f"Not software or technology related to {', '.join(scope.related_to)} ({ref})")
    return ItemCover(True, conditions=tuple(conditions))
