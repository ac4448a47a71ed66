"""Periods the law sets, as pure functions (no Django): Art 27 record keeping and licence validity."""

from __future__ import annotations

import calendar
from datetime import date

# Art 27(1)-(3): registers and records are kept for at least five years from the end of the calendar year
# in which the export took place (or the brokering / technical-assistance service was provided).
RETENTION_YEARS = 5


def keep_until(event_year: int) -> date:
    """The last day a record of an event in `event_year` must still be kept."""
    return date(event_year + RETENTION_YEARS, 12, 31)


def past_retention(event_year: int, today: date) -> bool:
    """True only once the whole period has run: never early, whatever the day of the year."""
    return today > keep_until(event_year)


def add_months(start: date, months: int) -> date:
    """`start` plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def validity_end(valid_from: date, months: int) -> date:
    """The last day of validity of a licence valid for `months` from `valid_from` (inclusive)."""
    return date.fromordinal(add_months(valid_from, months).toordinal() - 1)
