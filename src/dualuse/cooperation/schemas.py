"""API schemas, one output schema per audience (STYLE §2): exporters never get the authority's fields."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema


class ItemIn(Schema):
    entry_code: str = ""
    description: str = ""
    parameters: dict[str, float | int | str] = {}


class PartyIn(Schema):
    role: str = "end_user"
    name: str
    country: str = ""
    identifiers: dict[str, str] = {}
    aliases: list[str] = []


class DenialNoticeIn(Schema):
    basis: str = "art16"
    items: list[ItemIn] = Field(min_length=1)
    parties: list[PartyIn] = Field(min_length=1)
    reasons: str
    criteria: list[str] = []
    destination: str = ""
    activity: str = "export"
    denied_on: date | None = None


class ReviewIn(Schema):
    action: str
    note: str
    items: list[ItemIn] | None = None
    parties: list[PartyIn] | None = None
    reasons: str | None = None


class DenialReviewOut(Schema):
    action: str
    note: str
    changes: dict[str, Any]
    reviewed_at: datetime


class DenialNoticeOut(Schema):
    """Audience: authorities and the Commission only."""

    id: int
    reference: str
    member_state: str
    basis: str
    activity: str
    destination: str
    items: list[dict[str, Any]]
    parties: list[dict[str, Any]]
    criteria: list[str]
    reasons: str
    denied_on: date
    notified_on: date
    review_due: date
    status: str
    application_id: int | None


class DenialNoticeDetailOut(DenialNoticeOut):
    reviews: list[DenialReviewOut]
    overrides: list[dict[str, Any]]


class MatchIn(Schema):
    items: list[ItemIn] = Field(min_length=1)
    parties: list[PartyIn] = Field(min_length=1)
    exclude_state: str = ""


class MatchOut(Schema):
    denial_notice: int
    reference: str
    member_state: str
    score: float
    explanation: list[str]


class BlockerOut(Schema):
    code: str
    basis: str
    message: str
    denial_notice: int | None
    consultation: int | None
    explanation: list[str]


class ConsultationIn(Schema):
    application: int
    denial_notice: int
    question: str = ""


class LocationConsultationIn(Schema):
    application: int
    question: str = ""


class AnswerIn(Schema):
    answer: str
    text: str = ""


class ExtendIn(Schema):
    days: int
    reason: str


class ConsultationOut(Schema):
    id: int
    reference: str
    kind: str
    subject: str
    application_id: int | None
    denial_notice_id: int | None
    requesting_state: str
    consulted_state: str
    match_explanation: list[str]
    question: str
    requested_on: date
    deadline: date
    extension_days: int
    status: str
    overdue: bool
    answer: str
    answer_text: str
    answered_at: datetime | None


class GrantDespiteIn(Schema):
    denial_notice: int
    reason: str


class GrantDespiteOut(Schema):
    id: int
    application_id: int
    denial_notice_id: int
    member_state: str
    reason: str
    recorded_at: datetime


class CatchAllIn(Schema):
    item_name: str
    item_description: str
    concern: str
    destination: str
    parameters: dict[str, float | int | str] = {}
    related_entry_codes: list[str] = []
    entities: list[PartyIn] = []


class InformIn(CatchAllIn):
    exporter: int
    decision_reason: str = ""
    share_entities: bool = True


class DecideIn(Schema):
    required: bool
    reason: str
    share_entities: bool = True


class CatchAllOutExporter(Schema):
    """Audience: the exporter concerned. No other state's review, no votes."""

    id: int
    reference: str
    origin: str
    member_state: str
    item_name: str
    item_description: str
    parameters: dict[str, Any]
    related_entry_codes: list[str]
    destination: str
    entities: list[dict[str, Any]]
    concern: str
    status: str
    decision_reason: str
    decided_at: datetime | None
    created_at: datetime


class CatchAllOutAuthority(CatchAllOutExporter):
    """Audience: authorities and the Commission (grows from the exporter's, never the reverse)."""

    exporter_id: int
    share_entities: bool
    shared_at: datetime | None
    proposal_id: int | None


class VoteIn(Schema):
    choice: str
    comment: str = ""


class ExtensionIn(Schema):
    days: int
    reason: str


class VoteOut(Schema):
    member_state: str
    deadline: date
    extension_days: int
    choice: str
    comment: str
    cast_at: datetime | None


class ProposalOut(Schema):
    id: int
    reference: str
    rule: str
    rule_label: str
    notifying_state: str
    opened_on: date
    status: str
    outcome: str
    result: dict[str, Any]
    decided_at: datetime | None
    notification: CatchAllOutAuthority
    votes: list[VoteOut]
    entry: str | None


class EntryReviewIn(Schema):
    action: str
    note: str


class EUListEntryOut(Schema):
    """Audience: everyone (the published list)."""

    reference: str
    item_name: str
    item_description: str
    parameters: dict[str, Any]
    related_entry_codes: list[str]
    destinations: list[str]
    entities: list[dict[str, Any]]
    rule: str
    rule_label: str
    rule_note: str
    legal_basis: str
    listed_on: date
    review_due: date
    status: str


class ReminderOut(Schema):
    kind: str
    to_state: str
    reference: str
    due: str
    message: str
