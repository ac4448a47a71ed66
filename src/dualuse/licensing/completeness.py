"""Is an application complete enough to lodge? Pure: every problem at once, each with its field path.

The services build an `ApplicationDraft` from the stored rows and pass the look-ups (is this an entry of
the active control list, is this a country) as functions, so this module knows no database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from dualuse.core.errors import Problem

TYPES = frozenset({"individual", "global", "large_project"})
ACTIVITIES = frozenset({"export", "brokering", "technical_assistance", "transit"})
PARTY_ROLES = frozenset({"end_user", "consignee", "intermediate_consignee", "ultimate_end_user"})
PARTY_KINDS = frozenset({"government", "commercial", "individual", "other"})
MIN_END_USE_CHARS = 10


@dataclass(frozen=True, slots=True)
class LineDraft:
    description: str
    entry_code: str
    not_listed: bool
    quantity: Decimal | None
    unit: str
    value_eur: Decimal | None
    destination: str


@dataclass(frozen=True, slots=True)
class PartyDraft:
    role: str
    kind: str
    name: str
    country: str
    address: str = ""


@dataclass(frozen=True, slots=True)
class ApplicationDraft:
    type: str
    activity: str
    end_use: str
    lines: Sequence[LineDraft] = ()
    parties: Sequence[PartyDraft] = ()
    document_kinds: Sequence[str] = ()
    project_description: str = ""
    items_located_in: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _line_problems(
    i: int, line: LineDraft, is_entry: Callable[[str], bool], is_country: Callable[[str], bool]
) -> list[Problem]:
    where = f"lines[{i}]"
    out: list[Problem] = []
    if not line.description.strip():
        out.append(Problem(f"{where}.description", "describe the item"))
    code = line.entry_code.strip()
    if code and line.not_listed:
        out.append(
            Problem(f"{where}.entry_code", "give an Annex I entry or mark the item as not listed, not both")
        )
    elif not code and not line.not_listed:
        out.append(
            Problem(
                f"{where}.entry_code", "give the Annex I entry (e.g. 5A001.f) or mark the item as not listed"
            )
        )
    elif code and not is_entry(code):
        out.append(Problem(f"{where}.entry_code", f"{code!r} is not an entry of the control list in force"))
    if line.quantity is None or line.quantity <= 0:
        out.append(Problem(f"{where}.quantity", "give a quantity greater than zero"))
    if not line.unit.strip():
        out.append(Problem(f"{where}.unit", "give the unit (pieces, kg, licences, ...)"))
    if line.value_eur is None or line.value_eur < 0:
        out.append(Problem(f"{where}.value_eur", "give the value in EUR (zero or more)"))
    if not line.destination.strip():
        out.append(Problem(f"{where}.destination", "give the country of destination"))
    elif not is_country(line.destination):
        out.append(Problem(f"{where}.destination", f"{line.destination!r} is not an ISO 3166 country code"))
    return out


def _party_problems(i: int, party: PartyDraft, is_country: Callable[[str], bool]) -> list[Problem]:
    where = f"parties[{i}]"
    out: list[Problem] = []
    if party.role not in PARTY_ROLES:
        out.append(Problem(f"{where}.role", f"choose one of {', '.join(sorted(PARTY_ROLES))}"))
    if party.kind not in PARTY_KINDS:
        out.append(Problem(f"{where}.kind", f"choose one of {', '.join(sorted(PARTY_KINDS))}"))
    if not party.name.strip():
        out.append(Problem(f"{where}.name", "give the party's name"))
    if not party.country.strip():
        out.append(Problem(f"{where}.country", "give the party's country"))
    elif not is_country(party.country):
        out.append(Problem(f"{where}.country", f"{party.country!r} is not an ISO 3166 country code"))
    return out


def problems(
    draft: ApplicationDraft, *, is_entry: Callable[[str], bool], is_country: Callable[[str], bool]
) -> list[Problem]:
    """Everything that stops the application from being lodged, in form order."""
    out: list[Problem] = []
    if draft.type not in TYPES:
        out.append(Problem("type", "choose individual, global or large project"))
    if draft.activity not in ACTIVITIES:
        out.append(Problem("activity", "choose export, brokering, technical assistance or transit"))
    if len(draft.end_use.strip()) < MIN_END_USE_CHARS:
        # Art 12(2) and Annex III: the application states the end use.
        out.append(
            Problem("end_use", f"describe the intended end use (at least {MIN_END_USE_CHARS} characters)")
        )
    if draft.type == "large_project" and not draft.project_description.strip():
        out.append(
            Problem("project_description", "describe the project (a large-project authorisation covers one)")
        )
    if draft.items_located_in and not is_country(draft.items_located_in):
        out.append(Problem("items_located_in", f"{draft.items_located_in!r} is not an ISO 3166 country code"))
    if not draft.lines:
        out.append(Problem("lines", "add at least one item"))
    for i, line in enumerate(draft.lines):
        out.extend(_line_problems(i, line, is_entry, is_country))
    if not any(p.role == "end_user" for p in draft.parties):
        out.append(Problem("parties", "name the end user"))
    for i, party in enumerate(draft.parties):
        out.extend(_party_problems(i, party, is_country))
    if draft.type in {"individual", "large_project"} and "end_use_statement" not in draft.document_kinds:
        out.append(Problem("documents", "upload the end user's end-use statement"))
    return out
