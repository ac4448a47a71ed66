"""Materials lists: "where all surfaces that come in direct contact with the chemical(s) ... are made
from any of the following materials:" (2B350), "wholly made of or lined with" (2A226.c), the UF6-resistant
materials of 0B001. A sheet that names what the product is made of, when that is none of the listed
materials, states a product the entry does not hold ("316L stainless steel" against nickel alloys,
fluoropolymers, glass, tantalum, titanium, zirconium, niobium). A material Annex I never names
("Hastelloy") may be one of them under a trade name, so it decides nothing.
"""

from __future__ import annotations

import re

from dualuse.controllist.classify import depth
from dualuse.controllist.classify.items import SearchIndex
from dualuse.controllist.classify.parameters import ParameterCheck
from dualuse.controllist.classify.quantities import Quantity
from dualuse.controllist.classify.text import terms

_GENERIC = frozenset(
    terms(
        "specially designed equipment system systems following control controls note item items any all type such"
    )
)

_MATERIAL_LEAD_IN = re.compile(
    r"\b(?:made (?:from|of)|made of or (?:protected|lined) by|the following materials)\b"
)


_MATERIAL_WORDS: dict[int, frozenset[str]] = {}


def material_words(index: SearchIndex) -> frozenset[str]:
    """Words Annex I uses to name materials: those of the alternatives of its materials lists."""
    key = id(index)
    if key not in _MATERIAL_WORDS:
        words: set[str] = set()
        for row, item in enumerate(index.items):
            if _MATERIAL_LEAD_IN.search(item.record.text) and depth.is_lead_in(item.record.text):
                for kid in index.children.get(row, []):
                    words |= index.items[kid].own_terms - item.path_terms
        _MATERIAL_WORDS[key] = frozenset(t for t in words - _GENERIC if index.idf.get(t, 0.0) >= 3.0)
    return _MATERIAL_WORDS[key]


def unstated_alternatives(
    index: SearchIndex,
    row: int,
    checks: dict[int, ParameterCheck],
    quantities: list[Quantity],
    query_terms: set[str],
) -> str | None:
    """A lead-in ("made from any of the following materials:") whose alternatives the description
    neither meets nor names: the sheet says what the product is made of or does, and it is none of them
    ("316L stainless steel" against 2B350.a's nickel alloys, fluoropolymers, glass, tantalum ...)."""
    item = index.items[row]
    kids = index.children.get(row, [])
    if not kids or not depth.is_lead_in(item.record.text) or not _MATERIAL_LEAD_IN.search(item.record.text):
        return None
    if any(
        depth.deep_status(index, kid, checks, quantities)[0] == "met" and depth.met_below(index, kid, checks)
        for kid in kids
    ):
        return None
    named: set[str] = set()
    for kid in kids:
        words: set[str] = set(index.items[kid].own_terms)
        for r in index.rows_under(index.items[kid].record.code):
            words |= index.items[r].own_terms
        distinctive = {t for t in words - item.path_terms - _GENERIC if index.idf.get(t, 0.0) >= 3.0}
        if distinctive & query_terms or not distinctive:
            return None
        named |= distinctive
    stated = (query_terms & material_words(index)) - named - item.path_terms
    if not stated:
        return None  # the sheet names no material Annex I knows ("Hastelloy"): it may be one of them
    names = "; ".join(index.items[k].record.text.strip(" ;,.")[:50] for k in kids[:4])
    more = ", ..." if len(kids) > 4 else ""
    return (
        f"no alternative of {item.record.code} is met: the product is of {', '.join(sorted(stated))}, "
        f"none of ({names}{more})"
    )
