"""Birth dates as the lists write them: full, year-only, month and year, circa, ranges."""

from __future__ import annotations

import calendar
import re

from dualuse.screening.records import BirthDate

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})
_MONTHS["sept"] = 9

_CIRCA = re.compile(r"^(?:circa|ca\.?|c\.|approx(?:imately|\.)?|about|~)\s*", re.IGNORECASE)
_RANGE = re.compile(r"^(?:between\s+)?(?P<a>\d{4})\s*(?:to|-|–|and|\.\.)\s*(?P<b>\d{4})$", re.IGNORECASE)
_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?(?:T.*)?$")
_DMY = re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})$")
_TEXT = re.compile(r"^(?:(?P<d>\d{1,2})\s+)?(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})$")


def birth_date(
    year: int | str | None,
    month: int | str | None = None,
    day: int | str | None = None,
    *,
    year_to: int | str | None = None,
    circa: bool = False,
) -> BirthDate | None:
    """A checked BirthDate from parts, or None if the parts do not make a date.

    Zero months and days ("1970-00-00" in some lists) mean "not known".
    """
    try:
        y = int(year) if year not in (None, "") else None
        m = int(month) if month not in (None, "") else None
        d = int(day) if day not in (None, "") else None
        y_to = int(year_to) if year_to not in (None, "") else None
    except (TypeError, ValueError):
        return None
    if y is None and y_to is not None:
        y, y_to = y_to, None
    if y is None or not 1000 <= y <= 2100:
        return None
    m = m or None
    d = (d or None) if m else None
    if m is not None and not 1 <= m <= 12:
        return None
    if m is not None and d is not None and not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    if y_to is not None and (y_to < y or y_to > 2100):
        return None
    if y_to == y:
        y_to = None
    if y_to is not None:
        m = d = None
    return BirthDate(year=y, month=m, day=d, year_to=y_to, circa=circa)


def parse_birth_date(text: str | None) -> BirthDate | None:
    """Read "14 Mar 1968", "1968-03-14", "1968", "circa 1983", "1960 to 1962", "14.03.1968" -> BirthDate."""
    raw = " ".join((text or "").split())
    if not raw:
        return None
    circa = False
    if match := _CIRCA.match(raw):
        circa, raw = True, raw[match.end() :]
    if match := _RANGE.match(raw):
        return birth_date(match["a"], year_to=match["b"], circa=circa)
    if match := _ISO.match(raw):
        return birth_date(match["y"], match["m"], match["d"], circa=circa)
    if match := _DMY.match(raw):
        return birth_date(match["y"], match["m"], match["d"], circa=circa)
    if match := _TEXT.match(raw):
        month = _MONTHS.get(match["mon"].lower())
        if month is None:
            return None
        return birth_date(match["y"], month, match["d"], circa=circa)
    return None
