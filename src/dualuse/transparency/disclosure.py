"""The small-cell rule of the public dataset: a pure module (no Django). See docs/transparency.md.

Every combination of published columns that identify a cell (Member State, year, entry or item type,
destination) must be shared by rows of at least `k` different exporters. A row whose combination is
rarer is generalised step by step, and withheld from the row-level data when even the coarsest step
is too rare:

    level 0  entry code, destination, value
    level 1  item type (category and product group, "5A"), destination, value
    level 2  item type, destination withheld, value withheld
    level 3  entry and destination withheld, value withheld
    level 4  row withheld (still counted in the annual report's suppressed tables)

Each level is checked over the rows that end up published at that level only, so a row published as
"5A" never sits in a cell of one exporter because its neighbours were published in full. All lines of
one application share the coarsest level of any of them, so the application's public id cannot link a
detailed line to a generalised one. The loop runs until nothing changes (levels only go up).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

DEFAULT_MIN_EXPORTERS = 3


class Level(IntEnum):
    FULL = 0
    ITEM_TYPE = 1
    NO_DESTINATION = 2
    STATE_YEAR = 3
    WITHHELD = 4


@dataclass(frozen=True, slots=True)
class PrivateRow:
    key: int  # the row's id
    group: int  # the application: its lines share one level
    exporter: int
    member_state: str
    year: int
    entry_code: str
    item_type: str
    destination: str


@dataclass(frozen=True, slots=True)
class Disclosed:
    level: Level
    entry: str  # "" when withheld
    destination: str  # "" when withheld
    value_shown: bool

    @property
    def visible(self) -> bool:
        return self.level < Level.WITHHELD


def item_type(entry_code: str) -> str:
    """ "5A001.j" -> "5A"; a non-listed item (no code) is "non-listed"."""
    code = entry_code.strip().upper()
    if len(code) >= 2 and code[0].isdigit() and code[1] in "ABCDE":
        return code[:2]
    return "non-listed"


def combination(row: PrivateRow, level: Level) -> tuple[str, ...]:
    """The published columns that identify the row's cell at a level."""
    base = (row.member_state, str(row.year))
    if level == Level.FULL:
        return (*base, row.entry_code, row.destination)
    if level == Level.ITEM_TYPE:
        return (*base, row.item_type, row.destination)
    if level == Level.NO_DESTINATION:
        return (*base, row.item_type, "")
    return (*base, "", "")


def levels(rows: Iterable[PrivateRow], min_exporters: int = DEFAULT_MIN_EXPORTERS) -> dict[int, Level]:
    """The level of every row, such that each published combination has >= min_exporters exporters."""
    if min_exporters < 1:
        raise ValueError("min_exporters must be at least 1")
    all_rows = list(rows)
    level = {r.key: Level.FULL for r in all_rows}
    groups: dict[int, list[PrivateRow]] = defaultdict(list)
    for r in all_rows:
        groups[r.group].append(r)
    changed = True
    while changed:
        changed = False
        for current in (Level.FULL, Level.ITEM_TYPE, Level.NO_DESTINATION, Level.STATE_YEAR):
            exporters: dict[tuple[str, ...], set[int]] = defaultdict(set)
            at_level = [r for r in all_rows if level[r.key] == current]
            for r in at_level:
                exporters[combination(r, current)].add(r.exporter)
            for r in at_level:
                if len(exporters[combination(r, current)]) < min_exporters:
                    level[r.key] = Level(current + 1)
                    changed = True
        for members in groups.values():
            top = max(level[r.key] for r in members)
            for r in members:
                if level[r.key] != top:
                    level[r.key] = top
                    changed = True
    return level


def disclose(rows: Iterable[PrivateRow], min_exporters: int = DEFAULT_MIN_EXPORTERS) -> dict[int, Disclosed]:
    """What each row publishes."""
    all_rows = list(rows)
    result: dict[int, Disclosed] = {}
    for key, lvl in levels(all_rows, min_exporters).items():
        result[key] = Disclosed(lvl, "", "", False)
    for r in all_rows:
        lvl = result[r.key].level
        if lvl == Level.FULL:
            result[r.key] = Disclosed(lvl, r.entry_code, r.destination, True)
        elif lvl == Level.ITEM_TYPE:
            result[r.key] = Disclosed(lvl, r.item_type, r.destination, True)
        elif lvl == Level.NO_DESTINATION:
            result[r.key] = Disclosed(lvl, r.item_type, "", False)
    return result


def suppress_cells(cells: dict[str, int], min_exporters: int = DEFAULT_MIN_EXPORTERS) -> set[str]:
    """Aggregate tables (the annual report): the cells to show as confidential, given each cell's
    number of distinct exporters. Primary: fewer than `min_exporters`. Secondary: when exactly one
    cell of a table is suppressed, the next smallest is too, so the total cannot give it away."""
    primary = {label for label, n in cells.items() if 0 < n < min_exporters}
    if len(primary) == 1:
        others = sorted((n, label) for label, n in cells.items() if label not in primary and n > 0)
        if others:
            primary.add(others[0][1])
    return primary
