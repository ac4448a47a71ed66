"""Screening a party against the lists in force, and reviewers' dispositions on the hits.

A screening is stored with the list versions it ran against (for audit). A false positive recorded
for a party and a listed entity is remembered for the same party (normalised name, country and birth
date) in the same organisation, until the entity changes in a new list version; a remembered hit is
still shown, marked as such, never hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from normality import normalize

from dualuse.core import audit
from dualuse.core.countries import is_country, normalise_code
from dualuse.core.errors import Problem
from dualuse.core.models import Verb
from dualuse.screening.access import access_screening
from dualuse.screening.errors import InvalidDisposition, InvalidParty
from dualuse.screening.matching import Hit, Query
from dualuse.screening.models import Decision, Disposition, ListedEntity, Screening
from dualuse.screening.services.index import ActiveIndex, current_index

MAX_NAME = 300
MAX_REASON = 2000
DEFAULT_LIMIT = 20
_SCHEMAS = {
    "person": "person",
    "individual": "person",
    "organization": "organization",
    "organisation": "organization",
    "company": "organization",
    "entity": "organization",
    "legalentity": "organization",
    "vessel": "vessel",
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class PartyQuery:
    """A party to screen, validated: a name, and what else is known about it."""

    name: str
    schema: str | None = None  # person, organization or vessel
    country: str | None = None  # ISO 3166-1 alpha-2
    birth_date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    identifiers: tuple[str, ...] = field(default_factory=tuple)

    def to_query(self) -> Query:
        return Query(self.name, self.schema, self.country, self.birth_date, self.identifiers)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.schema,
            "country": self.country,
            "birth_date": self.birth_date,
            "identifiers": list(self.identifiers),
        }

    @property
    def key(self) -> str:
        """The party as remembered dispositions know it: name tokens in any order, country, birth date."""
        tokens = sorted((normalize(self.name) or self.name.casefold()).split())
        return f"{' '.join(tokens)}|{self.country or ''}|{self.birth_date or ''}"[:600]


def _text(value: Any, where: str, problems: list[Problem]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(Problem(where, "must be a string"))
        return None
    return value.strip() or None


def party_query(
    name: Any, schema: Any = None, country: Any = None, birth_date: Any = None, identifiers: Any = ()
) -> PartyQuery:
    """Validate raw input (API, CLI, CSV) into a query; every problem is reported at once."""
    problems: list[Problem] = []
    clean_name = _text(name, "name", problems)
    if clean_name is None and not problems:
        problems.append(Problem("name", "is required"))
    elif clean_name is not None:
        clean_name = " ".join(clean_name.split())
        if len(clean_name) > MAX_NAME:
            problems.append(Problem("name", f"is longer than {MAX_NAME} characters"))
        elif not any(ch.isalnum() for ch in clean_name):
            problems.append(Problem("name", "has no letters or digits"))
    clean_schema = _text(schema, "type", problems)
    if clean_schema is not None:
        clean_schema = _SCHEMAS.get(clean_schema.lower().replace("_", "").replace(" ", ""))
        if clean_schema is None:
            problems.append(Problem("type", "must be person, organization or vessel"))
    clean_country = _text(country, "country", problems)
    if clean_country is not None:
        clean_country = normalise_code(clean_country)
        if len(clean_country) != 2 or not is_country(clean_country):
            problems.append(Problem("country", f"{country!r} is not an ISO 3166-1 alpha-2 country code"))
    clean_date = _text(birth_date, "birth_date", problems)
    if clean_date is not None and not _valid_date(clean_date):
        problems.append(Problem("birth_date", f"{birth_date!r} is not a date as YYYY, YYYY-MM or YYYY-MM-DD"))
    if isinstance(identifiers, str):
        identifiers = [identifiers]
    if not isinstance(identifiers, list | tuple) or not all(isinstance(i, str) for i in identifiers):
        problems.append(Problem("identifiers", "must be a list of strings"))
        identifiers = ()
    if problems:
        raise InvalidParty("; ".join(str(p) for p in problems), field=problems[0].where, problems=problems)
    assert clean_name is not None  # noqa: S101 - a missing name is a problem above
    return PartyQuery(
        clean_name,
        clean_schema,
        clean_country,
        clean_date,
        tuple(i.strip() for i in identifiers if i.strip()),
    )


def _valid_date(text: str) -> bool:
    match = _DATE.match(text)
    if match is None:
        return False
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return 1800 <= int(year) <= date.today().year  # noqa: DTZ011 - a year bound, no time zone involved


def threshold_or_default(threshold: float | None) -> float:
    value = settings.SCREENING_THRESHOLD if threshold is None else threshold
    if not 0.0 <= value <= 1.0:
        raise InvalidParty("threshold must be between 0 and 1", field="threshold")
    return value


def match_party(
    query: PartyQuery,
    *,
    threshold: float | None = None,
    limit: int = DEFAULT_LIMIT,
    index: ActiveIndex | None = None,
) -> list[Hit]:
    """Hits above the threshold, best first; nothing is stored (batch, bulk and yente-style use)."""
    active = index or current_index()
    return active.index.match(query.to_query(), threshold_or_default(threshold), limit)


def _remembered(
    organisation_id: int | None, key: str, entities: dict[str, ListedEntity]
) -> dict[str, dict[str, Any]]:
    """Per ref, the latest disposition of this party in this organisation, and whether it still holds."""
    out: dict[str, dict[str, Any]] = {}
    if organisation_id is None or not entities:
        return out
    rows = (
        Disposition.objects.filter(
            organisation_id=organisation_id, party_key=key, entity_ref__in=list(entities)
        )
        .select_related("decided_by")
        .order_by("-decided_at", "-pk")
    )
    for d in rows:
        if d.entity_ref in out:
            continue
        out[d.entity_ref] = {
            "disposition": d.pk,
            "decision": d.decision,
            "reason": d.reason,
            "by": d.decided_by.get_username() if d.decided_by else None,
            "at": d.decided_at.isoformat(),
            "entity_changed": d.entity_fingerprint != entities[d.entity_ref].fingerprint,
        }
    return out


def screen_party(
    query: PartyQuery,
    *,
    acting_user: Any,
    threshold: float | None = None,
    limit: int = DEFAULT_LIMIT,
    require_access: bool = True,
) -> Screening:
    """Screen one party and store the run with the list versions it used (`require_access=False`:
    the operator's command line, which runs as the system)."""
    if require_access:
        access_screening(acting_user)
    value = threshold_or_default(threshold)
    active = current_index()
    hits = active.index.match(query.to_query(), value, limit)
    entities = {
        e.ref: e
        for e in ListedEntity.objects.filter(version_id__in=active.version_ids, ref__in=[h.ref for h in hits])
    }
    organisation_id = getattr(acting_user, "organisation_id", None)
    memory = _remembered(organisation_id, query.key, entities)
    rows = []
    for hit in hits:
        entity = entities.get(hit.ref)
        previous = memory.get(hit.ref)
        still_holds = bool(
            previous and previous["decision"] == Decision.FALSE_POSITIVE and not previous["entity_changed"]
        )
        rows.append(
            {
                "entity": hit.ref,
                "entity_id": entity.pk if entity else None,
                "caption": entity.caption if entity else hit.ref,
                "schema": entity.schema if entity else "",
                "score": round(hit.score, 4),
                "explanation": hit.explanation,
                # A remembered false positive stays in the list, marked: the reviewer sees why it is quiet.
                "remembered": previous if still_holds else None,
                "previous_disposition": previous if previous and not still_holds else None,
            }
        )
    user = acting_user if getattr(acting_user, "is_authenticated", False) else None
    with transaction.atomic():
        screening = Screening.objects.create(
            organisation_id=organisation_id,
            user=user,
            name=query.name[:500],
            schema=query.schema or "",
            country=query.country or "",
            birth_date=query.birth_date or "",
            identifiers=list(query.identifiers),
            party_key=query.key,
            threshold=value,
            hits=rows,
            hit_count=len(rows),
        )
        screening.list_versions.set(active.version_ids)
        audit.record(
            user,
            Verb.SCREENING_RUN,
            screening,
            data={
                "hits": len(rows),
                "remembered": sum(1 for r in rows if r["remembered"]),
                "list_versions": active.version_ids,
            },
        )
    return screening


def record_disposition(
    screening: Screening, *, entity_ref: str, decision: str, reason: str, acting_user: Any
) -> Disposition:
    """A reviewer decides on one hit of a screening of their organisation (the caller scoped it)."""
    access_screening(acting_user)
    problems: list[Problem] = []
    hit = next((h for h in screening.hits if h["entity"] == entity_ref), None)
    if hit is None:
        problems.append(Problem("entity", f"{entity_ref!r} is not a hit of screening #{screening.pk}"))
    if decision not in Decision.values:
        problems.append(Problem("decision", "must be true_match or false_positive"))
    reason = (reason or "").strip()
    if not reason:
        problems.append(Problem("reason", "is required: say why"))
    elif len(reason) > MAX_REASON:
        problems.append(Problem("reason", f"is longer than {MAX_REASON} characters"))
    if problems:
        raise InvalidDisposition(
            "; ".join(str(p) for p in problems), field=problems[0].where, problems=problems
        )
    assert hit is not None  # noqa: S101 - checked above
    entity = ListedEntity.objects.filter(pk=hit["entity_id"]).first()
    if entity is None:
        raise InvalidDisposition(f"{entity_ref} is no longer stored", field="entity")
    with transaction.atomic():
        disposition = Disposition.objects.create(
            organisation_id=screening.organisation_id,
            screening=screening,
            entity=entity,
            entity_ref=entity.ref,
            entity_fingerprint=entity.fingerprint,
            party_key=screening.party_key,
            decision=decision,
            reason=reason,
            decided_by=acting_user,
        )
        audit.record(
            acting_user,
            Verb.DISPOSITION_RECORDED,
            disposition,
            data={
                "screening": screening.pk,
                "entity": entity.ref,
                "decision": decision,
            },
        )
    return disposition
