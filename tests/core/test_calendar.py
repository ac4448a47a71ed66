"""Working days per Member State (national holidays and weekends) for deadlines in working days."""

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dualuse.core.calendar import add_working_days, holidays_in, is_working_day, working_days_between

MEMBER_STATES = ["AT", "BE", "DE", "EL", "ES", "FR", "IT", "NL", "PL", "SE"]


def test_ten_working_days_over_easter_in_germany() -> None:
    # Art 14(1): a consultation received on Monday 14 April 2025. Good Friday (18th) and Easter
    # Monday (21st) are national holidays, so the 10 working days end on Wednesday 30 April.
    assert add_working_days(date(2025, 4, 14), 10, "DE") == date(2025, 4, 30)
    assert add_working_days(date(2025, 4, 14), 10, "PL") == date(2025, 4, 29)  # no Good Friday in PL
    assert working_days_between(date(2025, 4, 14), date(2025, 4, 30), "DE") == 10


def test_christmas_in_france_and_germany() -> None:
    # France keeps only the 25th nationally (the 26th is local to Alsace-Moselle).
    assert not is_working_day(date(2025, 12, 25), "FR")
    assert is_working_day(date(2025, 12, 26), "FR")
    assert not is_working_day(date(2025, 12, 26), "DE")
    assert add_working_days(date(2025, 12, 19), 5, "FR") == date(2025, 12, 29)
    # 24 December is not a national holiday in Germany: 22, 23, 24, 29, 30.
    assert add_working_days(date(2025, 12, 19), 5, "DE") == date(2025, 12, 30)


def test_new_year_crosses_into_the_next_year() -> None:
    assert add_working_days(date(2025, 12, 31), 1, "FR") == date(2026, 1, 2)


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2025, 3, 15), "NL")  # Saturday
    assert not is_working_day(date(2025, 3, 16), "NL")  # Sunday
    assert is_working_day(date(2025, 3, 17), "NL")
    assert add_working_days(date(2025, 3, 14), 1, "NL") == date(2025, 3, 17)


def test_regional_holidays_do_not_stop_the_count() -> None:
    # Corpus Christi (19 June 2025) is a holiday in some German Länder only.
    assert is_working_day(date(2025, 6, 19), "DE")
    assert date(2025, 10, 3) in holidays_in("DE", 2025)  # German Unity Day is national


def test_greece_under_its_eu_code() -> None:
    assert not is_working_day(date(2025, 3, 25), "EL")  # Independence Day
    assert holidays_in("EL", 2025) == holidays_in("GR", 2025)
    assert not is_working_day(date(2025, 4, 21), "el")  # Orthodox Easter Monday


def test_zero_and_negative_counts() -> None:
    saturday = date(2025, 3, 15)
    assert add_working_days(saturday, 0, "BE") == saturday
    assert add_working_days(date(2025, 4, 22), -1, "DE") == date(2025, 4, 17)  # back over Easter
    assert working_days_between(date(2025, 4, 22), date(2025, 4, 17), "DE") == -1
    assert working_days_between(saturday, saturday, "BE") == 0
    assert working_days_between(saturday, date(2025, 3, 14), "BE") == -1  # back to Friday


def test_unknown_country_is_refused() -> None:
    with pytest.raises(ValueError, match="XX"):
        is_working_day(date(2025, 1, 2), "XX")
    with pytest.raises(ValueError, match="no holiday calendar"):
        add_working_days(date(2025, 1, 2), 3, "EU")


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=200, deadline=None)
@given(days, st.integers(min_value=-60, max_value=60), st.sampled_from(MEMBER_STATES))
def test_add_and_between_are_inverse(start: date, n: int, country: str) -> None:
    end = add_working_days(start, n, country)
    assert working_days_between(start, end, country) == n
    if n:
        assert is_working_day(end, country)
        assert (end > start) == (n > 0)


@settings(max_examples=100, deadline=None)
@given(days, st.integers(min_value=0, max_value=40), st.sampled_from(MEMBER_STATES))
def test_between_counts_working_days_one_by_one(start: date, span: int, country: str) -> None:
    end = start + timedelta(days=span)
    expected = sum(is_working_day(start + timedelta(days=i), country) for i in range(1, span + 1))
    assert working_days_between(start, end, country) == expected
    assert expected <= span


def test_calendar_does_not_import_django() -> None:
    code = "import sys, dualuse.core.calendar\nassert 'django' not in sys.modules\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
