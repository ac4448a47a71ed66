"""Birth-date compatibility between a query date and a listed party's (partial, circa, range) dates.

Lists give a birth date at whatever precision is known: a year, a year and month, a day, "circa
1983" or "between 1960 and 1964". Two dates agree when they could be the same day, and conflict
when they cannot; the finer the agreement, the stronger the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from dualuse.screening.records import BirthDate

CIRCA_YEARS = 2  # "circa 1983" is read as 1981..1985
_QUERY_DATE = re.compile(r"^\s*~?(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


class DateFit(StrEnum):
    DAY = "same_day"  # both give the day and it is the same
    MONTH = "same_month"  # the finest common precision is the month, and it agrees
    YEAR = "same_year"  # the years agree; month or day unknown on one side
    RANGE = "within_range"  # the query year falls in a range or circa window
    OTHER_DAY = "other_day"  # same year, another month or day
    NEAR_YEAR = "near_year"  # one year apart: a common data-entry error
    CONFLICT = "conflict"  # years apart
    UNKNOWN = "unknown"  # one side has no date


@dataclass(frozen=True, slots=True)
class QueryDate:
    year: int
    month: int | None = None
    day: int | None = None

    def text(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


def parse_query_date(value: str | None) -> QueryDate | None:
    """`"1968"`, `"1968-03"` or `"1968-03-14"`; anything else is ignored (returns None)."""
    if not value:
        return None
    match = _QUERY_DATE.match(value)
    if match is None:
        return None
    year = int(match.group(1))
    month, day = (int(g) if g else None for g in match.groups()[1:])
    if month is not None and not 1 <= month <= 12:
        return QueryDate(year)
    if day is not None and not 1 <= day <= 31:
        return QueryDate(year, month)
    return QueryDate(year, month, day)


def compare_date(query: QueryDate, listed: BirthDate) -> DateFit:
    low, high = listed.year, listed.year_to or listed.year
    if listed.circa:
        low, high = low - CIRCA_YEARS, high + CIRCA_YEARS
    if not low <= query.year <= high:
        return DateFit.NEAR_YEAR if low - 1 <= query.year <= high + 1 else DateFit.CONFLICT
    if high != low:
        return DateFit.RANGE
    if query.month is None or listed.month is None:
        return DateFit.YEAR
    if query.month != listed.month:
        return DateFit.OTHER_DAY
    if query.day is None or listed.day is None:
        return DateFit.MONTH
    return DateFit.DAY if query.day == listed.day else DateFit.OTHER_DAY


_RANK: dict[DateFit, float] = {
    DateFit.DAY: 5,
    DateFit.MONTH: 4,
    DateFit.YEAR: 3,
    DateFit.RANGE: 2,
    DateFit.OTHER_DAY: 1.5,
    DateFit.NEAR_YEAR: 1.2,
    DateFit.CONFLICT: 1,
    DateFit.UNKNOWN: 0,
}


def best_fit(query: QueryDate | None, listed: tuple[BirthDate, ...]) -> tuple[DateFit, BirthDate | None]:
    """The best agreement of the query date with any of the listed dates."""
    if query is None or not listed:
        return DateFit.UNKNOWN, None
    best, best_date = DateFit.UNKNOWN, None
    for date in listed:
        fit = compare_date(query, date)
        if _RANK[fit] > _RANK[best]:
            best, best_date = fit, date
    return best, best_date


# How each fit moves the score. A conflicting year is strong counter-evidence: it is what tells
# near-twins apart (same name, born 13 years apart). Month/day conflicts within the right year
# weigh less, since lists carry typos and day/month swaps.
DATE_EFFECT = {
    DateFit.DAY: 0.08,
    DateFit.MONTH: 0.05,
    DateFit.YEAR: 0.03,
    DateFit.RANGE: 0.01,
    DateFit.OTHER_DAY: -0.12,
    DateFit.NEAR_YEAR: -0.12,
    DateFit.CONFLICT: -0.3,
    DateFit.UNKNOWN: 0.0,
}
# One year apart when the listed date is a year alone: such years are often estimates.
NEAR_YEAR_LOOSE = -0.04
