"""A complete due-diligence record's content, and small helpers."""

from __future__ import annotations

from typing import Any

from dualuse.diligence.steps import ICP_ELEMENTS, RED_FLAGS


def content(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "coverage": "meets_definition",
        "coverage_reason": "Specially designed for covert location tracking of persons.",
        "entry_code": "",
        "item_description": "Location analytics platform",
        "capabilities": "Tracks named subscribers covertly.",
        "end_user_name": "Golden Eagle Trading",
        "end_user_type": "reseller for the police",
        "end_use": "Network quality analysis",
        "destination": "MM",
        "human_rights_situation": "UN reports on surveillance of activists.",
        "red_flags": {f.code: {"answer": "no", "note": ""} for f in RED_FLAGS},
        "mitigations": [],
        "conclusion": "notify",
        "conclusion_reason": "We are aware of a use for internal repression.",
    }
    base["red_flags"]["abusive_end_user"] = {"answer": "yes", "note": "NGO report 2025"}
    base.update(changes)
    return base


def programme(status: str = "in_place") -> dict[str, Any]:
    return {e.code: {"status": status, "evidence": "Policy v3, 2025"} for e in ICP_ELEMENTS}
