"""Plain inputs to the services (no ninja, no forms): the API's `to_input()` and the pages build these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dualuse.licensing.completeness import LineDraft, PartyDraft


@dataclass(frozen=True, slots=True)
class ApplicationInput:
    type: str = "individual"
    activity: str = "export"
    title: str = ""
    end_use: str = ""
    project_description: str = ""
    items_located_in: str = ""
    due_diligence_record_id: int | None = None
    lines: list[LineDraft] = field(default_factory=list)
    parties: list[PartyDraft] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class AssessmentInput:
    consideration: str
    finding: str
    reasoning: str
    evidence: str = ""
    legal_references: str = ""
    civil_society_evidence: list[int] = field(default_factory=list)
    line_id: int | None = None


@dataclass(frozen=True, slots=True)
class ProposalInput:
    outcome: str  # grant | grant_with_conditions | deny
    reasons: str
    conditions: str = ""
    criteria: list[str] = field(default_factory=list)
    validity_months: int | None = None


@dataclass(frozen=True, slots=True)
class UseInput:
    line_id: int
    quantity: Decimal
    value_eur: Decimal
    shipped_on: date
    customs_reference: str


@dataclass(frozen=True, slots=True)
class AmendmentInput:
    reasons: str
    valid_until: date | None = None
    conditions: str | None = None
    # line id -> new authorised quantity (only lowering is an amendment here; raising needs a new application)
    quantities: dict[int, Decimal] = field(default_factory=dict)
