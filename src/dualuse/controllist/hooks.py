"""Who wants to know when a new control-list version becomes active.

Apps that store classified things (items, determinations) register a callable that receives the
diff and returns the stored objects whose classification it affects, so activation can list them.
Explicit registration (in AppConfig.ready) rather than signals: the call site shows who is called.
"""

from __future__ import annotations

from collections.abc import Callable

from dualuse.controllist.formats import ListDiff

AffectedFinder = Callable[[ListDiff], list[str]]
_finders: list[tuple[str, AffectedFinder]] = []


def register_affected_finder(label: str, finder: AffectedFinder) -> None:
    if all(existing != label for existing, _ in _finders):
        _finders.append((label, finder))


def affected_by(diff: ListDiff) -> dict[str, list[str]]:
    """Label -> descriptions of stored objects whose entry was changed or removed by the diff."""
    return {label: finder(diff) for label, finder in _finders}
