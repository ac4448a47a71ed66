"""The in-memory match index over the active list versions, one per process, rebuilt when they change.

Each call costs one small query (the active version ids and hashes); the index is rebuilt only when
that set differs from the one it was built from (DESIGN §1: each worker rebuilds from the database).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from dualuse.screening.matching import MatchIndex
from dualuse.screening.models import ListedEntity, ListSource

VersionKey = frozenset[tuple[int, str]]  # (version id, sha256): ids alone can be reused after a rollback


@dataclass(frozen=True, slots=True)
class ActiveIndex:
    key: VersionKey
    index: MatchIndex

    @property
    def version_ids(self) -> list[int]:
        return sorted(pk for pk, _ in self.key)


_lock = threading.Lock()
_current: ActiveIndex | None = None


def active_key() -> VersionKey:
    rows = ListSource.objects.filter(active_version__isnull=False).values_list(
        "active_version_id", "active_version__sha256"
    )
    return frozenset((int(pk), str(sha)) for pk, sha in rows)


def current_index() -> ActiveIndex:
    """The index of the lists in force now (an empty index when no list was imported yet)."""
    global _current
    key = active_key()
    cached = _current
    if cached is not None and cached.key == key:
        return cached
    with _lock:
        if _current is not None and _current.key == key:
            return _current
        ids = [pk for pk, _ in key]
        entities = (
            e.to_record() for e in ListedEntity.objects.filter(version_id__in=ids).iterator(chunk_size=5000)
        )
        _current = ActiveIndex(key, MatchIndex.build(entities))
        return _current


def forget() -> None:
    """Drop the cached index (tests; a worker that wants its memory back)."""
    global _current
    with _lock:
        _current = None
