"""API schemas of screening: `*In` for input, `*Out` for output. Screenings, dispositions and jobs are
only ever shown to their own organisation, so one output schema serves exporters and authorities."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ninja import Field, Schema


class ScreenIn(Schema):
    name: Any = Field(None, description="The party's name, in any script")
    type: Any = Field(None, description="person, organization or vessel")
    country: Any = Field(None, description="ISO 3166-1 alpha-2")
    birth_date: Any = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    identifiers: Any = Field(default_factory=list, description="passport, INN, OGRN, IMO … numbers")
    threshold: float | None = Field(None, ge=0.0, le=1.0)
    limit: int = Field(20, ge=1, le=100)


class RememberedOut(Schema):
    disposition: int
    decision: str
    reason: str
    by: str | None
    at: str
    entity_changed: bool


class HitOut(Schema):
    entity: str
    entity_id: int | None
    caption: str
    schema_: str = Field(alias="schema")
    score: float
    explanation: dict[str, Any]
    remembered: RememberedOut | None = Field(None, description="a false positive remembered for this party")
    previous_disposition: RememberedOut | None = Field(
        None, description="an earlier disposition no longer applied"
    )


class DispositionOut(Schema):
    id: int
    screening: int = Field(alias="screening_id")
    entity: str = Field(alias="entity_ref")
    decision: str
    reason: str
    decided_by: str | None = None
    decided_at: datetime

    @staticmethod
    def resolve_decided_by(obj: Any) -> str | None:
        return obj.decided_by.get_username() if obj.decided_by else None


class ScreeningOut(Schema):
    id: int
    name: str
    type: str | None
    country: str | None
    birth_date: str | None
    identifiers: list[str]
    threshold: float
    list_versions: list[int]
    hits: list[HitOut]
    hit_count: int
    created_at: datetime
    user: str | None
    dispositions: list[DispositionOut] = []


class DispositionIn(Schema):
    entity: str = Field(max_length=200, description="The hit's entity ref, e.g. eu-fsf:EU.1234.56")
    decision: str = Field(description="true_match or false_positive")
    reason: str = Field("", max_length=5000)


class SourceOut(Schema):
    source: str
    name: str
    format: str
    version: int | None
    file: str | None
    sha256: str | None
    entities: int
    by_schema: dict[str, int]
    imported_at: str | None
    versions: int


class VersionOut(Schema):
    id: int
    source: str
    file_name: str
    format: str
    sha256: str
    entity_count: int
    count_by_schema: dict[str, int]
    imported_at: datetime
    previous: int | None = Field(None, alias="previous_id")
    active: bool
    diff_summary: dict[str, Any]


class ImportOut(Schema):
    source: str
    version: int
    file: str
    sha256: str
    entities: int
    by_schema: dict[str, int]
    unchanged: bool
    imported_at: str
    previous: int | None
    diff: dict[str, Any] | None
    warnings: list[str]


class EntityOut(Schema):
    ref: str
    version: int = Field(alias="version_id")
    schema_: str = Field(alias="schema")
    caption: str
    names: list[dict[str, Any]]
    birth_dates: list[str] = Field(alias="birth_date_texts")
    countries: list[str]
    identifiers: list[dict[str, Any]]
    addresses: list[dict[str, Any]]
    programmes: list[str]
    listed_on: str
    remarks: str
    fingerprint: str


class BulkOut(Schema):
    id: int
    file_name: str
    status: str
    trigger: str
    rerun_of: int | None = Field(None, alias="rerun_of_id")
    total: int
    done: int
    percent: int
    hit_count: int
    new_hit_count: int
    row_errors: int
    error: str
    list_versions: list[int]
    created_at: datetime
    finished_at: datetime | None
    result_url: str | None


class MatchQueryIn(Schema):
    schema_: str = Field("Thing", alias="schema")
    properties: dict[str, Any] = Field(default_factory=dict)


class MatchIn(Schema):
    """The yente / OpenSanctions `match` request body."""

    queries: dict[str, MatchQueryIn] = Field(min_length=1, max_length=500)
