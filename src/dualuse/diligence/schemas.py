"""Schemas of the diligence API, one per audience: the exporter's records, the NGO's submissions,
the authority's view of evidence (grows from the NGO's)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema


class RecordIn(Schema):
    reference: str
    transaction_date: date
    content: dict[str, Any]
    application_id: int | None = None


class VersionIn(Schema):
    content: dict[str, Any]


class AttachIn(Schema):
    application_id: int


class RecordOut(Schema):
    id: int
    number: str
    reference: str
    application_id: int | None
    version: int
    coverage: str
    entry_code: str
    destination: str
    conclusion: str
    notification_status: str
    notification_reference: str
    transaction_date: date
    retain_until: date
    content: dict[str, Any] = Field(default_factory=dict)


class ProgrammeIn(Schema):
    elements: dict[str, Any]


class ProgrammeOut(Schema):
    elements: dict[str, Any]
    complete: bool
    version: int
    assessed_at: datetime


class EvidenceIn(Schema):
    subject: str
    title: str
    summary: str
    observed_on: date
    country: str = ""
    party_name: str = ""
    entry_code: str = ""
    sources: list[str] = Field(default_factory=list)
    confidentiality: str = "authorities"


class EvidenceOutSubmitter(Schema):
    id: int
    number: str
    subject: str
    country: str
    party_name: str
    entry_code: str
    title: str
    summary: str
    sources: list[str]
    observed_on: date
    confidentiality: str
    status: str
    moderation_note: str
    submitted_at: datetime


class EvidenceOutAuthority(EvidenceOutSubmitter):
    organisation: str
    moderated_at: datetime | None


class ModerateIn(Schema):
    accept: bool
    note: str = ""


class ConsiderationIn(Schema):
    how: str
    note: str


class ConsiderationOut(Schema):
    evidence_id: int
    application_id: int
    how: str
    note: str
    considered_by: str = Field(alias="considered_by.username")
    considered_at: datetime


class CaseEvidenceOut(Schema):
    evidence: EvidenceOutAuthority
    reasons: list[str]
    consideration: ConsiderationOut | None
