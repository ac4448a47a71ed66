"""Lead-in items: "... having any of the following:" is met only through one of its alternatives.

A product can meet an item's own words and numbers ("ADCs having any of the following:", "Secondary
cells ...", "a resolution of 12 bit or more and having any of the following:") and still miss every
alternative beneath it. Annex I controls the product only if it meets the whole chain down to a leaf
(or, under "all of the following", every condition), so the verdict reads the sub-items too.
"""

from __future__ import annotations

import re

from dualuse.controllist.classify.items import SearchIndex
from dualuse.controllist.classify.parameters import ParameterCheck, check_parameters
from dualuse.controllist.classify.quantities import Quantity

_ALL_OF = re.compile(r"\b(?:all|both) (?:of )?the following\b")
_LEAD_IN = re.compile(r"(?:following|as follows|any of|either of|:)\s*[:;,]?\s*$")


def is_lead_in(text: str) -> bool:
    """The item's text ends by introducing sub-items ("... as follows:", "having any of the following:")."""
    return bool(_LEAD_IN.search(text.rstrip()))


def deep_status(
    index: SearchIndex,
    row: int,
    checks: dict[int, ParameterCheck],
    quantities: list[Quantity],
    _depth: int = 0,
) -> tuple[str, tuple[str, ...]]:
    """("met" | "unmet" | "unknown", the limits missed) for an item read down through its alternatives."""
    check = checks.get(row)
    if check is None:
        check = check_parameters(index.items[row], quantities)
        checks[row] = check
    code = index.items[row].record.code
    if check.unmet:
        return "unmet", tuple(f"{code}: {line}" for line in check.unmet[:2])
    text = index.items[row].record.text.rstrip()
    kids = index.children.get(row, [])
    if not kids or not _LEAD_IN.search(text) or _depth > 6:
        return check.status, ()
    results = [deep_status(index, k, checks, quantities, _depth + 1) for k in kids]
    statuses = [
        # an alternative "met" only through the lead-in's own limits says nothing of its own condition
        "unknown" if status == "met" and not met_below(index, k, checks) else status
        for k, (status, _) in zip(kids, results, strict=True)
    ]
    missed = tuple(line for status, lines in results if status == "unmet" for line in lines)
    if _ALL_OF.search(text):
        if "unmet" in statuses:
            return "unmet", missed[:3]
        return ("met" if "met" in statuses or check.status == "met" else "unknown"), ()
    if "met" in statuses:
        return "met", ()
    if all(status == "unmet" for status in statuses):
        return "unmet", missed[:3]
    if missed and all(
        status == "unmet" or _own_limits(index, k) for k, status in zip(kids, statuses, strict=True)
    ):
        # the sheet states the value one numeric alternative asks for and misses it, and states nothing
        # for the other numeric alternatives: read as not met ("bias stability 2 mg"; scale factor unstated)
        return "unmet", (
            *missed[:2],
            f"{code}: the product's values for its other alternatives are not stated",
        )
    return check.status, ()


def _own_limits(index: SearchIndex, row: int) -> bool:
    """The item (or one of its sub-items) sets a numeric limit of its own."""
    item = index.items[row]
    parent = index.code_row.get(item.record.parent or "")
    inherited = len(index.items[parent].thresholds) if parent is not None else 0
    if len(item.thresholds) > inherited:
        return True
    return any(_own_limits(index, k) for k in index.children.get(row, []))


def own_limits_assessed(index: SearchIndex, row: int, check: ParameterCheck) -> bool:
    """Whether a limit the item sets itself (not one it inherits) was compared with a stated value."""
    item = index.items[row]
    parent = index.code_row.get(item.record.parent or "")
    inherited = len(index.items[parent].thresholds) if parent is not None else 0
    own = item.thresholds[: len(item.thresholds) - inherited]
    lines = check.met + check.unmet
    return any(line.startswith(limit.describe() + ":") for limit in own for line in lines)


def met_below(index: SearchIndex, row: int, checks: dict[int, ParameterCheck]) -> bool:
    """The item, or a sub-item, meets a limit of its own (a stated value, not only inherited ones)."""
    check = checks.get(row)
    if check is not None and check.met and own_limits_assessed(index, row, check):
        return True
    return any(met_below(index, k, checks) for k in index.children.get(row, []))
