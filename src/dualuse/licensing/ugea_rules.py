"""Annex II registration and notification timing for EU001-EU008 (pure; fact sheet §4 and §10)."""

from __future__ import annotations

from datetime import date, timedelta

CODES = tuple(f"EU00{n}" for n in range(1, 9))
ACKNOWLEDGE_WORKING_DAYS = 10  # a prior registration is acknowledged within 10 working days
# EU007: ICP required, register before first use, report at least once a year (Annex II Section G).
ANNUAL_REPORT_CODES = frozenset({"EU007"})
NOTICE_BEFORE_DAYS = {"EU007": 30, "EU008": 10}  # notify at least this many days BEFORE the first export
NOTICE_AFTER_DAYS = 30  # EU001-EU006: notify within 30 days AFTER the first export


def first_use_timing(code: str, first_export_on: date, notified_on: date) -> str:
    """ "" when the notice is on time, else what the section asks (shown to the authority, not blocking)."""
    if code in NOTICE_BEFORE_DAYS:
        days = NOTICE_BEFORE_DAYS[code]
        latest = first_export_on - timedelta(days=days)
        if notified_on > latest:
            return f"late: {code} asks for notice at least {days} days before the first export (by {latest})"
        return ""
    latest = first_export_on + timedelta(days=NOTICE_AFTER_DAYS)
    if notified_on > latest:
        return f"late: {code} asks for notice within {NOTICE_AFTER_DAYS} days after the first export (by {latest})"
    return ""


def report_period_problem(code: str, start: date, end: date) -> str:
    if end < start:
        return "the period ends before it starts"
    if code in ANNUAL_REPORT_CODES and (end - start).days > 366:
        return f"{code} is reported at least once a year: a period longer than a year is too long"
    return ""
