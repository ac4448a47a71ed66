"""Plain records of a restrictive-measures list, shared by the parsers, the matcher and the app.

No Django here: parsers produce these, the matcher indexes them, `screening.services` stores them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Schema(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    VESSEL = "vessel"
    OTHER = "other"


class NameQuality(StrEnum):
    STRONG = "strong"
    WEAK = "weak"


@dataclass(frozen=True, slots=True)
class NameVariant:
    full: str
    quality: NameQuality = NameQuality.STRONG
    script: str | None = None  # ISO 15924 name such as "Latin", "Cyrillic", "Arabic", "Han", "Hangul"
    lang: str | None = None
    first: str | None = None
    middle: str | None = None
    last: str | None = None


@dataclass(frozen=True, slots=True)
class BirthDate:
    """A full, partial or approximate birth date: year always, month and day when known.

    A range ("between 1960 and 1964") is `year=1960, year_to=1964`; circa sets `circa`.
    """

    year: int
    month: int | None = None
    day: int | None = None
    year_to: int | None = None
    circa: bool = False

    def text(self) -> str:
        if self.year_to and self.year_to != self.year:
            return f"{self.year}..{self.year_to}"
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return ("~" if self.circa else "") + "-".join(parts)


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: str  # "passport", "national_id", "inn", "ogrn", "imo", "registration", "tax", "other"
    value: str
    country: str | None = None  # ISO 3166-1 alpha-2, upper case
    valid: bool | None = None  # check digit verified (True), failed (False), not checkable (None)


@dataclass(frozen=True, slots=True)
class Address:
    text: str
    country: str | None = None


@dataclass(slots=True)
class Entity:
    """One listed party. `ref` is `<source>:<id>`, e.g. `eu-fsf:EU.1234.56`, `un-sc:KPi.033`."""

    ref: str
    schema: Schema
    names: list[NameVariant]
    birth_dates: list[BirthDate] = field(default_factory=list)
    countries: list[str] = field(
        default_factory=list
    )  # ISO alpha-2: citizenship, nationality, residence, jurisdiction
    identifiers: list[Identifier] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    programmes: list[str] = field(default_factory=list)
    listed_on: str | None = None  # ISO date
    remarks: str = ""
    gender: str | None = None

    @property
    def caption(self) -> str:
        strong = [n.full for n in self.names if n.quality is NameQuality.STRONG]
        return (strong or [n.full for n in self.names] or [self.ref])[0]


@dataclass(frozen=True, slots=True)
class ParseIssue:
    """Where a file is broken: `where` is "line 412" or "element sanctionEntity #3 (line 88)"."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
