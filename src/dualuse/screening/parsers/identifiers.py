"""Identifiers with check digits: Russian INN and OGRN/OGRNIP, IMO ship numbers.

A failed check digit does not reject a record (lists do carry typos); it sets
`Identifier.valid = False` so the matcher can give the identifier less weight.
"""

from __future__ import annotations

import re

from dualuse.screening.records import Identifier

_INN10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_IMO_PREFIX = re.compile(r"^\s*IMO\s*(?:no\.?|number)?\s*:?\s*", re.IGNORECASE)
_IMO_VALUE = re.compile(r"^\s*IMO\s*(?:no\.?|number)?\s*:?\s*\d{7}\s*$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\-]+")


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_valid(value: str) -> bool:
    """Russian taxpayer number: 10 digits (legal person) or 12 (individual), weighted mod 11."""
    if not value.isascii() or not value.isdigit():
        return False
    if len(value) == 10:
        return _weighted(value, _INN10) == int(value[9])
    if len(value) == 12:
        return _weighted(value, _INN11) == int(value[10]) and _weighted(value, _INN12) == int(value[11])
    return False


def ogrn_valid(value: str) -> bool:
    """Russian state registration number: OGRN 13 digits (mod 11), OGRNIP 15 digits (mod 13)."""
    if not value.isascii() or not value.isdigit():
        return False
    if len(value) == 13:
        return int(value[:12]) % 11 % 10 == int(value[12])
    if len(value) == 15:
        return int(value[:14]) % 13 % 10 == int(value[14])
    return False


def imo_valid(value: str) -> bool:
    """IMO ship number: 7 digits, the first six weighted 7..2, the sum's last digit is the seventh."""
    if len(value) != 7 or not value.isascii() or not value.isdigit():
        return False
    return sum(int(d) * w for d, w in zip(value[:6], range(7, 1, -1), strict=True)) % 10 == int(value[6])


_CHECKS = {"inn": inn_valid, "ogrn": ogrn_valid, "imo": imo_valid}


def clean(kind: str, value: str) -> str:
    value = value.strip()
    if kind == "imo":
        value = _IMO_PREFIX.sub("", value)
    if kind in _CHECKS:
        value = _SPACES.sub("", value)
    return value


def identifier(kind: str, value: str, country: str | None = None) -> Identifier | None:
    """A normalised, checked identifier, or None for an empty value.

    Russian tax and registration numbers are recognised by their length, so an EU `fiscalcode`
    or a CSL "Tax ID No." from Russia becomes an `inn`, a `regnumber` an `ogrn`.
    """
    kind = kind or "other"
    if _IMO_VALUE.match(value) and kind in {"other", "registration"}:
        kind = "imo"
    value = clean(kind, value)
    if not value:
        return None
    digits = _SPACES.sub("", value)
    if country == "RU" and digits.isdigit():
        if kind == "tax" and len(digits) in (10, 12):
            kind, value = "inn", digits
        elif kind == "registration" and len(digits) in (13, 15):
            kind, value = "ogrn", digits
    check = _CHECKS.get(kind)
    return Identifier(kind=kind, value=value, country=country, valid=check(value) if check else None)
