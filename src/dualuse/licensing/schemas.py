"""API schemas: `*In` for input (with `to_input()` to plain dataclasses), one `*Out` per audience.

The authority's case schema grows from the exporter's, never the reverse, so no assessment, assignment
or screening detail reaches an exporter. The public licence check has its own minimal schema.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from dualuse.licensing.completeness import LineDraft, PartyDraft
from dualuse.licensing.inputs import (
    AmendmentInput,
    ApplicationInput,
    AssessmentInput,
    ProposalInput,
    UseInput,
)


class LineIn(Schema):
    description: str = Field("", max_length=500)
    entry_code: str = Field(
        "", max_length=40, description='an Annex I code, e.g. "5A001.f"; empty if not listed'
    )
    not_listed: bool = False
    quantity: Decimal | None = Field(None, max_digits=16, decimal_places=3)
    unit: str = Field("pieces", max_length=20)
    value_eur: Decimal | None = Field(None, max_digits=16, decimal_places=2)
    destination: str = Field("", max_length=2, description="ISO 3166 alpha-2")


class PartyIn(Schema):
    role: Literal["end_user", "consignee", "intermediate_consignee", "ultimate_end_user"]
    kind: Literal["government", "commercial", "individual", "other"] = "commercial"
    name: str = Field(max_length=300)
    address: str = Field("", max_length=500)
    country: str = Field(max_length=2)


class ApplicationIn(Schema):
    type: Literal["individual", "global", "large_project"] = "individual"
    activity: Literal["export", "brokering", "technical_assistance", "transit"] = "export"
    title: str = Field("", max_length=200)
    end_use: str = Field("", max_length=5000)
    project_description: str = Field("", max_length=5000)
    items_located_in: str = Field("", max_length=2)
    due_diligence_record_id: int | None = None
    lines: list[LineIn] = Field(default_factory=list, max_length=200)
    parties: list[PartyIn] = Field(default_factory=list, max_length=50)

    def to_input(self) -> ApplicationInput:
        return ApplicationInput(
            type=self.type,
            activity=self.activity,
            title=self.title,
            end_use=self.end_use,
            project_description=self.project_description,
            items_located_in=self.items_located_in,
            due_diligence_record_id=self.due_diligence_record_id,
            lines=[
                LineDraft(
                    x.description, x.entry_code, x.not_listed, x.quantity, x.unit, x.value_eur, x.destination
                )
                for x in self.lines
            ],
            parties=[PartyDraft(p.role, p.kind, p.name, p.country, p.address) for p in self.parties],
        )


class ProblemOut(Schema):
    field: str
    message: str


class LineOut(Schema):
    id: int
    position: int
    description: str
    entry_code: str
    not_listed: bool
    cyber_surveillance: bool
    quantity: Decimal
    unit: str
    value_eur: Decimal
    destination: str


class PartyOut(Schema):
    id: int
    role: str
    kind: str
    name: str
    address: str
    country: str


class DocumentOut(Schema):
    id: int
    kind: str
    original_name: str
    content_type: str
    size: int
    sha256: str
    uploaded_at: datetime


class QuestionOut(Schema):
    id: int
    text: str
    status: str
    asked_at: datetime
    answer: str
    answered_at: datetime | None


class DecisionOutExporter(Schema):
    outcome: str
    conditions: str
    criteria: list[str]
    reasons: str
    decided_at: datetime | None


class ApplicationOutExporter(Schema):
    id: int
    reference: str
    status: str
    type: str
    activity: str
    title: str
    end_use: str
    project_description: str
    items_located_in: str
    due_diligence_record_id: int | None
    created_at: datetime
    submitted_at: datetime | None
    decided_at: datetime | None
    lines: list[LineOut]
    parties: list[PartyOut]
    documents: list[DocumentOut]
    questions: list[QuestionOut]
    decision: DecisionOutExporter | None = None
    licence_id: int | None = None


class UserRef(Schema):
    id: int
    username: str


class ScreenedPartyOut(PartyOut):
    screening_status: str
    screening_hits: list[dict[str, object]]
    screening_note: str


class DeterminedLineOut(LineOut):
    entry_text: str = ""
    determination_status: str
    determination: dict[str, object]


class AssessmentOut(Schema):
    id: int
    consideration: str
    line_id: int | None
    finding: str
    evidence: str
    reasoning: str
    legal_references: str
    civil_society_evidence: list[int]
    assessed_by: UserRef
    assessed_at: datetime


class DecisionOutAuthority(Schema):
    id: int
    outcome: str
    conditions: str
    criteria: list[str]
    reasons: str
    validity_months: int | None
    status: str
    proposed_by: UserRef
    proposed_at: datetime
    reviewed_by: UserRef | None
    reviewed_at: datetime | None
    review_note: str


class CaseSummaryOut(Schema):
    id: int
    reference: str
    status: str
    type: str
    activity: str
    exporter: str
    submitted_at: datetime | None
    target_date: date | None
    assigned_officer: UserRef | None


class CasePageOut(Schema):
    items: list[CaseSummaryOut]
    count: int
    page: int
    pages: int
    queues: dict[str, int]


class ApplicationOutAuthority(ApplicationOutExporter):  # grows from the exporter's, never the reverse
    exporter: str
    assigned_officer: UserRef | None
    target_date: date | None
    screening_note: str
    determination_note: str
    lines: list[DeterminedLineOut]  # type: ignore[assignment]
    parties: list[ScreenedPartyOut]  # type: ignore[assignment]
    assessments: list[AssessmentOut]
    decisions: list[DecisionOutAuthority]


class PrecedentOut(Schema):
    application_id: int
    reference: str
    status: str
    entry_code: str
    destination: str
    description: str
    decided_at: datetime | None


class AssessmentIn(Schema):
    consideration: str = Field(max_length=20)
    finding: Literal["no_concern", "concern", "refusal_ground", "not_applicable"]
    reasoning: str = Field(max_length=20000)
    evidence: str = Field("", max_length=20000)
    legal_references: str = Field("", max_length=5000)
    civil_society_evidence: list[int] = Field(default_factory=list, max_length=100)
    line_id: int | None = None

    def to_input(self) -> AssessmentInput:
        return AssessmentInput(
            self.consideration,
            self.finding,
            self.reasoning,
            self.evidence,
            self.legal_references,
            list(self.civil_society_evidence),
            self.line_id,
        )


class ProposalIn(Schema):
    outcome: Literal["grant", "grant_with_conditions", "deny"]
    reasons: str = Field(max_length=20000)
    conditions: str = Field("", max_length=20000)
    criteria: list[str] = Field(default_factory=list, max_length=20)
    validity_months: int | None = None

    def to_input(self) -> ProposalInput:
        return ProposalInput(
            self.outcome, self.reasons, self.conditions, list(self.criteria), self.validity_months
        )


class TextIn(Schema):
    text: str = Field(max_length=20000)


class NoteIn(Schema):
    note: str = Field("", max_length=5000)


class AssignIn(Schema):
    officer_id: int | None = None


class LicenceLineOut(Schema):
    id: int
    position: int
    entry_code: str
    description: str
    unit: str
    destination: str
    authorised_quantity: Decimal
    authorised_value: Decimal
    remaining_quantity: Decimal
    remaining_value: Decimal


class LicenceOut(Schema):
    id: int
    number: str
    application_id: int
    holder: str
    member_state: str
    type: str
    activity: str
    valid_from: date
    valid_until: date
    status: str
    conditions: str
    destinations: list[str]
    end_users: list[dict[str, str]]
    verification_code: str
    lines: list[LicenceLineOut]


class LicencePublicOut(Schema):
    """The public check: nothing about the holder, the goods or the end user."""

    number: str
    status: str
    valid: bool
    valid_from: date
    valid_until: date
    issuing_state: str


class UseIn(Schema):
    line_id: int
    quantity: Decimal = Field(max_digits=16, decimal_places=3)
    value_eur: Decimal = Field(max_digits=16, decimal_places=2)
    shipped_on: date
    customs_reference: str = Field(max_length=60)

    def to_input(self) -> UseInput:
        return UseInput(self.line_id, self.quantity, self.value_eur, self.shipped_on, self.customs_reference)


class UseOut(Schema):
    id: int
    line_id: int
    quantity: Decimal
    value_eur: Decimal
    shipped_on: date
    customs_reference: str
    reported_at: datetime


class ReasonsIn(Schema):
    reasons: str = Field(max_length=20000)


class AmendmentIn(Schema):
    reasons: str = Field(max_length=20000)
    valid_until: date | None = None
    conditions: str | None = Field(None, max_length=20000)
    quantities: dict[int, Decimal] = Field(default_factory=dict)

    def to_input(self) -> AmendmentInput:
        return AmendmentInput(self.reasons, self.valid_until, self.conditions, dict(self.quantities))


class RegistrationIn(Schema):
    code: str = Field(max_length=5)


class RegistrationOut(Schema):
    id: int
    code: str
    status: str
    exporter: str
    registered_at: datetime
    acknowledge_by: date
    acknowledged_at: datetime | None
    reference: str


class NoticeIn(Schema):
    kind: Literal["first_use", "use_report"]
    first_export_on: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    details: str = Field("", max_length=20000)


class NoticeOut(Schema):
    id: int
    kind: str
    first_export_on: date | None
    period_start: date | None
    period_end: date | None
    details: str
    timing_note: str
    submitted_at: datetime


class DenialOut(Schema):
    id: int
    application_id: int
    member_state: str
    denied_on: date
    criteria: list[str]
    reasons: str
    lines: list[dict[str, str]]
    parties: list[dict[str, str]]
    destination: str
    revoked_at: datetime | None
