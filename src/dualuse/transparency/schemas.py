"""Output schemas of the public API: one audience (the public), public columns only."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Field, Schema


class DecisionOut(Schema):
    application: str = Field(alias="public_id")
    member_state: str
    decision_month: str
    year: int
    decision: str
    entry: str = Field(alias="pub_entry")
    item_type: str = Field(alias="item_type_public")
    destination: str = Field(alias="pub_destination")
    end_user_type: str
    value_eur: Decimal | None = Field(alias="pub_value_eur")
    cyber_surveillance: bool
    disclosure_level: int = Field(alias="level")


class DecisionPageOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[DecisionOut]


class CountOut(Schema):
    key: str
    applications: int


class SummaryOut(Schema):
    applications: int
    lines: int
    value_eur: Decimal
    by_destination: list[CountOut]
    by_entry: list[CountOut]
    by_decision: list[CountOut]
    by_member_state: list[CountOut]
    by_year: list[CountOut]


class PenaltyOut(Schema):
    id: int
    member_state: str
    decided_on: date
    infringement: str
    sanction: str
    amount_eur: Decimal | None
    custodial_months: int | None
    summary: str
    final: bool


class PenaltyIn(Schema):
    member_state: str
    decided_on: date
    infringement: str
    sanction: str
    amount_eur: Decimal | None = None
    custodial_months: int | None = Field(default=None, ge=0, le=600)
    summary: str = ""
    final: bool = False


class ArticleSummaryOut(Schema):
    slug: str
    title: str
    version: int
    updated: str
    citations: list[str]
    summary: str
    url: str


class ArticleOut(ArticleSummaryOut):
    markdown: str
    html: str
