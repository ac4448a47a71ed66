"""On submission each party is screened and each line determined (issue 6 §1): the seam to those apps.

The screening app (`dualuse.screening.services.screen_party(PartyQuery, acting_user=...)`) and the
determination app (`dualuse.determination.services.save_determination(request, acting_user=...)`) are
called when they are installed and importable; otherwise the case records "not run (... not
available)". They are looked up at call time on purpose: optional collaborators built in parallel, not
a dependency cycle. The two adapters below are the only code that knows their signatures.

An exception in either app is recorded on the case as "failed: ..." and never stops a submission.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

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


def _module(name: str) -> Any | None:
    try:
        return import_module(name)
    except ImportError:
        return None


def _screening_adapter() -> Callable[[Any, Any], Any] | None:
    """(party, acting_user) -> {"id", "hits"} with the screening app, or None when it is not available."""
    module = _module("dualuse.screening.services")
    if module is None or not hasattr(module, "screen_party") or not hasattr(module, "PartyQuery"):
        return None

    def screen(party: Any, acting_user: Any) -> dict[str, Any]:
        query = module.PartyQuery(
            name=party.name,
            schema="person" if party.kind == "individual" else "organization",
            country=party.country or None,
        )
        screening = module.screen_party(query, acting_user=acting_user)
        return {"id": screening.pk, "hits": list(screening.hits or [])}

    return screen


def _determination_adapter() -> Callable[[Any, Any, Any], Any] | None:
    """(application, line, acting_user) -> {"id", "outcome", "reasons"} with the determination app."""
    module = _module("dualuse.determination.services")
    if module is None or not hasattr(module, "save_determination"):
        return None

    def determine(application: Any, line: Any, acting_user: Any) -> dict[str, Any]:
        end_user = next((p for p in application.parties.all() if p.role == "end_user"), None)
        request: dict[str, Any] = {
            "exporter_member_state": application.exporter.member_state,
            "activity": application.activity,
            "destination": line.destination,
            "lines": [
                {
                    "control_code": line.entry_code or None,
                    "description": line.description,
                    "quantity": float(line.quantity),
                    "value_eur": float(line.value_eur),
                }
            ],
        }
        if end_user is not None:
            request["end_user_type"] = end_user.kind
        saved = module.save_determination(
            request, acting_user=acting_user, title=f"{application.reference} line {line.position}"
        )
        result = saved.result or {}
        return {
            "id": saved.pk,
            "outcome": saved.licence_required,
            "legal_bases": result.get("legal_bases", []),
            "reasons": [{"code": "", "basis": [], "text": str(r)} for r in result.get("reasons", [])],
        }

    return determine


def _get(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _hit(raw: Any) -> dict[str, Any]:
    return {
        "name": str(_get(raw, "name", "") or _get(raw, "caption", "")),
        "score": float(_get(raw, "score", 0.0) or 0.0),
        "list": str(_get(raw, "list", "") or _get(raw, "source", "")),
        "entity_id": str(_get(raw, "entity_id", "") or _get(raw, "entity", "") or ""),
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
    screen = _screening_adapter()
    if screen is None:
        return [PartyScreening(p.pk, "not_run", [], SCREENING_NOT_AVAILABLE) for p in parties]
    out: list[PartyScreening] = []
    for party in parties:
        try:
            result = screen(party, acting_user)
        except Exception as exc:  # noqa: BLE001 - a failing collaborator is recorded, never fatal
            log.exception("screening failed for party %s", party.pk)
            out.append(PartyScreening(party.pk, "not_run", [], f"failed: {exc}"[:300]))
            continue
        hits = [_hit(h) for h in (_get(result, "hits", ()) or ())]
        run_id = _get(result, "id")
        out.append(
            PartyScreening(
                party.pk, "hits" if hits else "clear", hits, f"screening #{run_id}" if run_id else ""
            )
        )
    return out


def determine_lines(application: Any, *, acting_user: Any = None) -> list[LineDetermination]:
    """Run the determination engine for each line ("do I need a licence, and on what basis?")."""
    lines = list(application.lines.all())
    determine = _determination_adapter()
    if determine is None:
        return [LineDetermination(line.pk, "not_run", {}, DETERMINATION_NOT_AVAILABLE) for line in lines]
    out: list[LineDetermination] = []
    for line in lines:
        try:
            result = determine(application, line, acting_user)
        except Exception as exc:  # noqa: BLE001 - a failing collaborator is recorded, never fatal
            log.exception("determination failed for line %s", line.pk)
            out.append(LineDetermination(line.pk, "not_run", {}, f"failed: {exc}"[:300]))
            continue
        summary = {
            "outcome": str(_get(result, "outcome", "")),
            "id": _get(result, "id"),
            "legal_bases": [str(b) for b in _get(result, "legal_bases", ()) or ()],
            "reasons": [_reason(r) for r in (_get(result, "reasons", ()) or ())],
        }
        out.append(LineDetermination(line.pk, "done", summary, ""))
    return out
