"""Annex I entry codes: normalising, validating and comparing them."""

import re
from collections.abc import Iterable

# Category digit, product group A-E, three digits, then dot-separated sub-items ("5A001.j.1.a", "1C350.24").
CODE_RE = re.compile(r"^[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*$")


def normalise(raw: str) -> str:
    """'5a001.J.1.' -> '5A001.j.1': the Annex writes sub-items with trailing dots and lower-case letters."""
    code = raw.strip().rstrip(".")
    if len(code) >= 2:
        code = code[0] + code[1].upper() + code[2:5] + code[5:].lower()
    return code


def is_well_formed(code: str) -> bool:
    return CODE_RE.match(code) is not None


def group(code: str) -> str:
    """Product group: A systems, B test and production equipment, C materials, D software, E technology."""
    return code[1]


def ancestors(code: str) -> tuple[str, ...]:
    """The code and every code above it, most specific first: 5A001.j.1 -> (5A001.j.1, 5A001.j, 5A001)."""
    parts = code.split(".")
    return tuple(".".join(parts[:n]) for n in range(len(parts), 0, -1))


def is_under(code: str, other: str) -> bool:
    """True when `code` equals `other` or is one of its sub-items."""
    return code == other or code.startswith(other + ".")


def first_covering(code: str, prefixes: frozenset[str]) -> str | None:
    """The most specific entry in `prefixes` that `code` equals or sits under."""
    for candidate in ancestors(code):
        if candidate in prefixes:
            return candidate
    return None


def narrower(code: str, prefixes: Iterable[str]) -> tuple[str, ...]:
    """Entries in `prefixes` that sit strictly under `code` (the line is classified less precisely)."""
    return tuple(sorted(p for p in prefixes if p != code and p.startswith(code + ".")))
