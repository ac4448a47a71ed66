"""Countries (pycountry), their names in the user's language (babel) and EU membership."""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel import Locale

# The 27 Member States (Art 2 TEU), by ISO 3166-1 alpha-2. Greece is "GR" in ISO, "EL" in EU usage.
EU_MEMBER_STATES: frozenset[str] = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
_ALIASES = {"EL": "GR", "UK": "GB"}


def normalise_code(code: str) -> str:
    raw = (code or "").strip().upper()
    return _ALIASES.get(raw, raw)


@lru_cache(maxsize=512)
def is_country(code: str) -> bool:
    return pycountry.countries.get(alpha_2=normalise_code(code)) is not None


def is_member_state(code: str) -> bool:
    return normalise_code(code) in EU_MEMBER_STATES


@lru_cache(maxsize=2048)
def country_name(code: str, language: str = "en") -> str:
    code = normalise_code(code)
    try:
        name = Locale.parse(language).territories.get(code)
    except (ValueError, TypeError):
        name = None
    if name:
        return str(name)
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


def country_choices(language: str = "en", *, eu_only: bool = False) -> list[tuple[str, str]]:
    codes = sorted(EU_MEMBER_STATES) if eu_only else [c.alpha_2 for c in pycountry.countries]
    return sorted(((c, country_name(c, language)) for c in codes), key=lambda pair: pair[1])
