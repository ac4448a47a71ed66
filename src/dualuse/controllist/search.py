"""Search over the list in force: by code, or by words ranked by the classification engine."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.db.models import Q

try:  # TRANSITIONAL: the engine lands in a parallel change; this guard goes with it
    from dualuse.controllist.classify import Classification, ClassifierIndex, EntryRecord
except ImportError:  # pragma: no cover
    ClassifierIndex = Classification = EntryRecord = None  # type: ignore[assignment,misc]
from dualuse.controllist.models import ControlEntry, ControlListVersion, Definition

CODE_PREFIX_RE = re.compile(r"^\s*[0-9][A-Ea-e]([0-9]{0,3}(\.[A-Za-z0-9.]*)?)?\s*$")

_lock = threading.Lock()
_indexes: dict[int, ClassifierIndex] = {}


def classifier_for(version: ControlListVersion) -> ClassifierIndex:
    """One index per version per process, built on first use (about a second for the full list)."""
    with _lock:
        index = _indexes.get(version.pk)
        if index is None:
            rows = ControlEntry.objects.filter(version=version).order_by("position")
            records = [
                EntryRecord(
                    code=e.code,
                    parent=e.parent_code or None,
                    entry=e.entry,
                    level=e.level,
                    category=e.category,
                    group=e.group,
                    text=e.text,
                    notes=tuple(e.notes) + tuple(e.technical_notes),
                    not_used=e.not_used,
                    cyber_surveillance=e.cyber_surveillance,
                    part=e.part,
                    defined_terms=tuple(e.defined_terms),
                )
                for e in rows.iterator(chunk_size=2000)
            ]
            definitions = {d.term: d.text for d in Definition.objects.filter(version=version)}
            index = ClassifierIndex.build(records, definitions)
            _indexes.clear()  # keep only the versions in use; the old one is garbage once replaced
            _indexes[version.pk] = index
    return index


def classify(version: ControlListVersion, text: str, top: int = 10) -> Classification:
    return classifier_for(version).classify(text, top=top)


@dataclass(slots=True)
class SearchResult:
    entry: ControlEntry
    score: float | None
    why: list[str]


def search_entries(
    version: ControlListVersion, query: str, *, category: int | None = None, limit: int = 25
) -> list[SearchResult]:
    base = ControlEntry.objects.filter(version=version, not_used=False)
    if category is not None:
        base = base.filter(category=category)
    query = query.strip()
    if not query:
        return [SearchResult(e, None, []) for e in base.filter(level=0)[:limit]]
    if CODE_PREFIX_RE.match(query):
        code = query.upper()[:2] + query[2:].lower()
        return [SearchResult(e, None, ["code"]) for e in base.filter(code__startswith=code)[:limit]]
    ranked = classify(version, query, top=limit).results
    by_code = {e.code: e for e in base.filter(code__in=[r.code for r in ranked])}
    results = [
        SearchResult(by_code[r.code], r.score, list(r.why))
        for r in ranked
        if r.code in by_code and r.score > 0
    ]
    if len(results) < limit:
        words = [w for w in re.split(r"\W+", query) if len(w) > 2]
        if words:
            seen = {r.entry.code for r in results}
            extra = base.filter(reduce(and_, (Q(text__icontains=w) for w in words))).exclude(code__in=seen)
            results += [SearchResult(e, None, ["words in text"]) for e in extra[: limit - len(results)]]
    return results
