"""On submission each party is screened and each line determined (issue 6 §1): the seam to those apps.

The screening app (`dualuse.screening.services.screen_party`) and the determination app
(`dualuse.determination.services.determine_line`) are built in parallel. This module calls them when
they are installed and importable, and otherwise records "not run (... not available)" so the case
shows it plainly. It is looked up at call time on purpose: these are optional collaborators, not a
dependency cycle. The contracts the two apps are expected to meet:

    screen_party(*, name: str, country: str, kind: str, acting_user) -> object | dict
        with `hits`: each hit an object or dict with `name`, `score`, and optionally `list`/`source`,
        `entity_id`, `programme`, `features`.
    determine_line(*, entry_code: str | None, destination: str, activity: str, end_use: str,
                   parties: list[dict], acting_user) -> object | dict
        with `outcome` and `reasons` (each reason `code`, `basis`, `text`) and optionally `id`.

An exception in either app is recorded on the case as "failed: ..." and never stops a submission.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

SCREENING_HOOK = ("dualuse.screening.services", "screen_party")
DETERMINATION_HOOK = ("dualuse.determination.services", "determine_line")
SCREENING_NOT_AVAILABLE = "not run (screening not available)"
DETERMINATION_NOT_AVAILABLE = "not run (determination not available)"

log = logging.getLogger("dualuse.licensing")


@dataclass(frozen=True, slots=True)
class PartyScreening:
    party_id: int
    status: str  # "clear" | "hits" | "not_run"
    hits: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True, slots=True)
class LineDetermination:
    line_id: int
    status: str  # "done" | "not_run"
    result: dict[str, Any] = field(default_factory=dict)
    note: str = ""


def _hook(module: str, name: str) -> Callable[..., Any] | None:
    try:
        found = getattr(import_module(module), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


def _get(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _hit(raw: Any) -> dict[str, Any]:
    return {
        "name": str(_get(raw, "name", "") or _get(raw, "caption", "")),
        "score": float(_get(raw, "score", 0.0) or 0.0),
        "list": str(_get(raw, "list", "") or _get(raw, "source", "")),
        "entity_id": str(_get(raw, "entity_id", "") or ""),
        "programme": str(_get(raw, "programme", "") or ""),
    }


def _reason(raw: Any) -> dict[str, Any]:
    basis = _get(raw, "basis", ())
    return {
        "code": str(_get(raw, "code", "")),
        "basis": [str(b) for b in basis or ()],
        "text": str(_get(raw, "text", "")),
    }


def screen_parties(application: Any, *, acting_user: Any = None) -> list[PartyScreening]:
    """Screen every party of `application` against the active restrictive-measures lists."""
    parties = list(application.parties.all())
    screen = _hook(*SCREENING_HOOK)
    if screen is None:
        return [PartyScreening(p.pk, "not_run", [], SCREENING_NOT_AVAILABLE) for p in parties]
    out: list[PartyScreening] = []
    for party in parties:
        try:
            result = screen(name=party.name, country=party.country, kind=party.kind, acting_user=acting_user)
        except Exception as exc:  # noqa: BLE001 - a failing collaborator is recorded, never fatal
            log.exception("screening failed for party %s", party.pk)
            out.append(PartyScreening(party.pk, "not_run", [], f"failed: {exc}"[:300]))
            continue
        hits = [_hit(h) for h in (_get(result, "hits", ()) or ())]
        out.append(PartyScreening(party.pk, "hits" if hits else "clear", hits, ""))
    return out


def determine_lines(application: Any, *, acting_user: Any = None) -> list[LineDetermination]:
    """Run the determination engine for each line ("do I need a licence, and on what basis?")."""
    lines = list(application.lines.all())
    determine = _hook(*DETERMINATION_HOOK)
    if determine is None:
        return [LineDetermination(line.pk, "not_run", {}, DETERMINATION_NOT_AVAILABLE) for line in lines]
    parties = [
        {"role": p.role, "name": p.name, "country": p.country, "kind": p.kind}
        for p in application.parties.all()
    ]
    out: list[LineDetermination] = []
    for line in lines:
        try:
            result = determine(
                entry_code=line.entry_code or None,
                destination=line.destination,
                activity=application.activity,
                end_use=application.end_use,
                parties=parties,
                acting_user=acting_user,
            )
        except Exception as exc:  # noqa: BLE001 - a failing collaborator is recorded, never fatal
            log.exception("determination failed for line %s", line.pk)
            out.append(LineDetermination(line.pk, "not_run", {}, f"failed: {exc}"[:300]))
            continue
        summary = {
            "outcome": str(_get(result, "outcome", "")),
            "id": _get(result, "id"),
            "reasons": [_reason(r) for r in (_get(result, "reasons", ()) or ())],
        }
        out.append(LineDetermination(line.pk, "done", summary, ""))
    return out
