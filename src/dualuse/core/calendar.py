"""Working days per country, for deadlines counted in working days.

Regulation 2021/821 counts several deadlines in working days (Art 14(1) and Art 16 consultations:
10, at most 30; Art 5(5) review: 30, plus at most 30), and a working day is one in the calendar of
the Member State concerned (fact sheet §10). A working day here is a weekday (Monday to Friday) that
is not a national public holiday of that country, as the `holidays` library lists them without a
subdivision: regional holidays (a German Land, a Spanish community) do not stop the count.

Counting convention: the start day itself is never counted, so `add_working_days(d, 10, c)` is the
10th working day after `d`, and `working_days_between(a, b, c)` counts the working days in `(a, b]`
(in `[b, a)`, negated, when `b` is earlier).
The two are inverse: `working_days_between(a, add_working_days(a, n, c), c) == n`.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

# The EU's code for Greece is EL; ISO 3166 (and the holidays library) use GR.
_ALIASES = {"EL": "GR", "UK": "GB"}
_WEEKEND = frozenset({5, 6})  # Saturday, Sunday: the weekend in every Member State
_ONE_DAY = timedelta(days=1)
_SUPPORTED = frozenset(holidays.list_supported_countries())


def _country(country: str) -> str:
    code = country.strip().upper()
    code = _ALIASES.get(code, code)
    if code not in _SUPPORTED:
        raise ValueError(f"{country!r}: no holiday calendar for this country")
    return code


@lru_cache(maxsize=1024)
def _holidays(country: str, year: int) -> frozenset[date]:
    """The national public holidays of one country in one year (cached; frozen, so thread-safe)."""
    return frozenset(holidays.country_holidays(country, years=year).keys())


def holidays_in(country: str, year: int) -> frozenset[date]:
    """National public holidays of `country` (ISO alpha-2, EL accepted) in `year`."""
    return _holidays(_country(country), year)


def is_working_day(d: date, country: str) -> bool:
    """A weekday that is not a national public holiday of `country`."""
    return d.weekday() not in _WEEKEND and d not in _holidays(_country(country), d.year)


def add_working_days(start: date, n: int, country: str) -> date:
    """The `n`-th working day after `start` (before it, for negative `n`); `start` for n == 0.

    Art 14(1): a consultation received on `start` ends on `add_working_days(start, 10, state)`.
    """
    code = _country(country)
    step = _ONE_DAY if n >= 0 else -_ONE_DAY
    remaining = abs(n)
    day = start
    while remaining:
        day += step
        if day.weekday() not in _WEEKEND and day not in _holidays(code, day.year):
            remaining -= 1
    return day


def working_days_between(a: date, b: date, country: str) -> int:
    """Working days in `(a, b]`; when `b` is before `a`, minus the working days in `[b, a)`.

    Either way `working_days_between(a, add_working_days(a, n, c), c) == n`.
    """
    code = _country(country)
    if b < a:
        return -_count(b - _ONE_DAY, a - _ONE_DAY, code)
    return _count(a, b, code)


def _count(a: date, b: date, code: str) -> int:
    """Working days in `(a, b]` for a validated country code."""
    count = 0
    day = a + _ONE_DAY
    while day <= b:
        if day.weekday() not in _WEEKEND and day not in _holidays(code, day.year):
            count += 1
        day += _ONE_DAY
    return count
