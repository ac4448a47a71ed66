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
    statuses = [status for status, _ in results]
    missed = tuple(line for status, lines in results if status == "unmet" for line in lines)
    if _ALL_OF.search(text):
        if "unmet" in statuses:
            return "unmet", missed[:3]
        return ("met" if "met" in statuses or check.status == "met" else "unknown"), ()
    if "met" in statuses:
        return "met", ()
    if all(status == "unmet" for status in statuses):
        return "unmet", missed[:3]
    return check.status, ()
