"""What a determination returns: requirements, reasons and general authorisations, each with its basis."""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal


class Effect(StrEnum):
    AUTHORISATION = "authorisation_required"
    NOTIFY = "notify_authority"  # the authority then decides (Arts 4(2), 5(2), 6(2), 8(2))
    MAY_PROHIBIT = "member_state_may_prohibit"  # a power of the Member State, not a licence (Art 7)


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # stable, e.g. "annex_i_listed"
    basis: tuple[str, ...]  # ("Art 3(1)", "Annex I 5A002.a")
    text: str

    def render(self) -> str:
        return f"{self.text} ({'; '.join(self.basis)})" if self.basis else self.text


@dataclass(frozen=True, slots=True)
class Requirement:
    basis: str  # normalised article-level basis: "Art 3(1)", "Art 4(1)(a)", "Art 11(1)"
    effect: Effect
    line: int | None  # index into the request's lines; None for the whole request
    control_code: str | None
    reasons: tuple[Reason, ...]
    article_text: str
    entry_text: str | None = None  # the Annex I / Annex IV wording that applies, where known
    scope_conditions: tuple[str, ...] = ()  # what the item must also meet for the entry to apply
    general_authorisations: tuple[str, ...] = ()  # UGEAs that could cover this line

    def to_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "control_code": self.control_code,
            "basis": self.basis,
            "effect": self.effect.value,
            "reasons": [r.render() for r in self.reasons],
            "article_text": self.article_text,
            "entry_text": self.entry_text,
            "scope_conditions": list(self.scope_conditions),
            "general_authorisations": list(self.general_authorisations),
        }


@dataclass(frozen=True, slots=True)
class GeneralAuthorisationUse:
    code: str  # "EU001"
    reference: str  # "Annex II Section A"
    conditions: tuple[str, ...]  # conditions that remain for the exporter to meet, each citing its basis


Outcome = bool | Literal["notify"]


@dataclass(frozen=True, slots=True)
class DeterminationResult:
    licence_required: Outcome
    legal_bases: tuple[str, ...]
    requirements: tuple[Requirement, ...]
    usable_general_authorisations: tuple[GeneralAuthorisationUse, ...]
    unusable_general_authorisations: tuple[tuple[str, str], ...]
    reasons: tuple[Reason, ...]
    data_versions: tuple[tuple[str, str], ...] = field(default=())

    def to_json(self) -> dict[str, object]:
        return {
            "licence_required": self.licence_required,
            "legal_bases": list(self.legal_bases),
            "requirements": [r.to_json() for r in self.requirements],
            "usable_general_authorisations": [
                {"code": u.code, "reference": u.reference, "conditions": list(u.conditions)}
                for u in self.usable_general_authorisations
            ],
            "unusable_general_authorisations": dict(self.unusable_general_authorisations),
            "reasons": [r.render() for r in self.reasons],
            "data_versions": dict(self.data_versions),
        }
