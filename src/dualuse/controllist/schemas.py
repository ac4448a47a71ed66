from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema


class VersionOut(Schema):
    id: int
    legal_act: str
    applies_from: date
    source: str
    status: str
    entry_count: int
    imported_at: datetime
    activated_at: datetime | None


class EntrySummaryOut(Schema):
    code: str
    entry: str
    level: int
    category: int
    group: str
    text: str
    cyber_surveillance: bool
    not_used: bool
    score: float | None = None
    why: list[str] = []


class EntryOut(Schema):
    code: str
    parent: str | None
    entry: str
    level: int
    category: int
    group: str
    part: int | None
    text: str
    notes: list[str]
    technical_notes: list[str]
    defined_terms: list[str]
    regimes: list[str]
    not_used: bool
    cyber_surveillance: bool
    children: list[str]
    ancestors: list[str]
    version: VersionOut


class ClassifyIn(Schema):
    text: str = Field(
        min_length=3, max_length=5000, description="The product description, as on a product sheet"
    )
    top: int = Field(10, ge=1, le=50)


class RankedOut(Schema):
    code: str
    score: float
    why: list[str]
    text: str = ""
    cyber_surveillance: bool = False


class ClassifyOut(Schema):
    verdict: str
    released_by: list[str]
    results: list[RankedOut]
    version: VersionOut
