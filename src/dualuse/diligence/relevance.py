"""Which civil-society evidence concerns a case, and why: a pure module (no Django).

Evidence is about a destination (a country), an end user (a name, perhaps a country) or an item type
(an Annex I entry code or a prefix of one). A case is its destinations, its parties and its entry
codes. Party names are compared with the screening app's normaliser and name scorer, in both
directions, so "Golden Eagle Trading LLC" meets "Golden Eagle Trading".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from dualuse.screening.matching.normalize import NormName, normalize_name
from dualuse.screening.matching.score import ListedName, score_name

NAME_THRESHOLD = 0.8


class Subject(StrEnum):
    DESTINATION = "destination"
    END_USER = "end_user"
    ITEM_TYPE = "item_type"


@dataclass(frozen=True, slots=True)
class CaseFacts:
    destinations: frozenset[str]
    parties: tuple[tuple[str, str], ...]  # (name, country)
    entry_codes: frozenset[str]


@dataclass(frozen=True, slots=True)
class EvidenceFacts:
    subject: str
    country: str = ""
    party_name: str = ""
    entry_code: str = ""


def _listed(name: NormName) -> ListedName:
    return ListedName(name.text, name.original, name.family, name.transliterated, False, name.org)


def name_similarity(a: str, b: str) -> float:
    """The screening matcher's name score, the better of both directions (0 when either is empty)."""
    na, nb = normalize_name(a), normalize_name(b)
    if na is None or nb is None:
        return 0.0
    return max(score_name(na, _listed(nb)).value, score_name(nb, _listed(na)).value)


def entry_matches(evidence_code: str, case_code: str) -> bool:
    """ "5A001" covers "5A001.j" and "5A001.j.1"; "5A" covers every 5A entry; case-insensitive."""
    e, c = evidence_code.strip().lower(), case_code.strip().lower()
    if not e or not c:
        return False
    return c == e or c.startswith(e + ".") or (len(e) <= 2 and c.startswith(e))


def reasons(evidence: EvidenceFacts, case: CaseFacts, *, threshold: float = NAME_THRESHOLD) -> list[str]:
    """Why this evidence concerns this case; empty when it does not. Any subject matches on every
    field it carries: an end-user item with a country also speaks about that destination."""
    out: list[str] = []
    country = evidence.country.strip().upper()
    if country and country in case.destinations:
        out.append(f"destination {country}")
    if evidence.party_name.strip():
        for name, party_country in case.parties:
            score = name_similarity(evidence.party_name, name)
            if score >= threshold:
                where = f", {party_country}" if party_country else ""
                out.append(f"party {name!r}{where} matches {evidence.party_name!r} ({score:.2f})")
    if evidence.entry_code.strip():
        for code in sorted(case.entry_codes):
            if entry_matches(evidence.entry_code, code):
                out.append(f"entry {code} (evidence on {evidence.entry_code})")
    return out


def relevant(
    items: Iterable[tuple[int, EvidenceFacts]], case: CaseFacts, *, threshold: float = NAME_THRESHOLD
) -> list[tuple[int, list[str]]]:
    """The ids of the relevant items with their reasons, in the given order."""
    found = []
    for key, facts in items:
        why = reasons(facts, case, threshold=threshold)
        if why:
            found.append((key, why))
    return found
