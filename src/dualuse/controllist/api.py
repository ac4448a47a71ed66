from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from dualuse.controllist import search, services
from dualuse.controllist.formats import ancestor_codes
from dualuse.controllist.models import ControlEntry, ControlListVersion
from dualuse.controllist.schemas import EntryOut, EntrySummaryOut, VersionOut
from dualuse.core.errors import InvalidInput

router = Router()


class EntryFilter(Schema):
    search: str = ""
    category: int | None = None
    limit: int = 25


def _summary(result: search.SearchResult) -> dict[str, object]:
    e = result.entry
    return {
        "code": e.code,
        "entry": e.entry,
        "level": e.level,
        "category": e.category,
        "group": e.group,
        "text": e.text,
        "cyber_surveillance": e.cyber_surveillance,
        "not_used": e.not_used,
        "score": result.score,
        "why": result.why,
    }


@router.get("/entries", response=list[EntrySummaryOut], summary="Search the list in force")
def list_entries(request: HttpRequest, filters: Query[EntryFilter]) -> list[dict[str, object]]:
    if filters.category is not None and not 0 <= filters.category <= 9:
        raise InvalidInput("category must be a digit from 0 to 9", field="category")
    if not 1 <= filters.limit <= 200:
        raise InvalidInput("limit must be between 1 and 200", field="limit")
    version = services.active_version()
    return [
        _summary(r)
        for r in search.search_entries(
            version, filters.search, category=filters.category, limit=filters.limit
        )
    ]


def entry_detail(entry: ControlEntry) -> dict[str, object]:
    children = list(
        ControlEntry.objects.filter(version=entry.version, parent_code=entry.code).values_list(
            "code", flat=True
        )
    )
    return {
        "code": entry.code,
        "parent": entry.parent_code or None,
        "entry": entry.entry,
        "level": entry.level,
        "category": entry.category,
        "group": entry.group,
        "part": entry.part,
        "text": entry.text,
        "notes": entry.notes,
        "technical_notes": entry.technical_notes,
        "defined_terms": entry.defined_terms,
        "regimes": entry.regimes,
        "not_used": entry.not_used,
        "cyber_surveillance": entry.cyber_surveillance,
        "children": children,
        "ancestors": ancestor_codes(entry.code),
        "version": entry.version,
    }


@router.get("/entries/{code}", response=EntryOut, summary="One entry of the list in force")
def get_entry(request: HttpRequest, code: str) -> dict[str, object]:
    return entry_detail(services.get_entry(code))


@router.get("/versions", response=list[VersionOut], summary="Versions of Annex I")
def list_versions(request: HttpRequest) -> list[ControlListVersion]:
    return list(ControlListVersion.objects.for_user(request.user))
