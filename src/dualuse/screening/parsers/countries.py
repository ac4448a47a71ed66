"""Country names and codes as they appear in the lists -> ISO 3166-1 alpha-2, upper case."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from rigour.territories import lookup_territory

_PAREN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<qual>[^()]+)\)$")
_NOT_A_COUNTRY = {"", "00", "xx", "zz", "unknown", "n/a", "none", "stateless"}


@lru_cache(maxsize=2048)
def country_code(value: str | None) -> str | None:
    """Map "RU", "rus", "Russian Federation", "Iran (Islamic Republic of)", "Turkey" -> "RU", "IR", "TR".

    pycountry knows the ISO names and codes; rigour's territory names cover the UN and OFAC
    spellings ("Iran (Islamic Republic of)", "Burma") and codes in use but outside ISO ("XK").
    """
    text = " ".join((value or "").split())
    if text.lower() in _NOT_A_COUNTRY:
        return None
    candidates = [text]
    if match := _PAREN.match(text):  # "Iran (Islamic Republic of)" -> "Iran, Islamic Republic of"
        candidates += [f"{match['name']}, {match['qual']}", match["name"]]
    for candidate in candidates:
        try:
            return str(pycountry.countries.lookup(candidate).alpha_2).upper()
        except LookupError:
            continue
    territory = lookup_territory(text)
    if territory is not None and len(territory.code) == 2:
        return territory.code.upper()
    return None
