"""Turning the record and programme forms' POST data into the plain dicts the services validate."""

from __future__ import annotations

from typing import Any

from dualuse.diligence.steps import ICP_ELEMENTS, RED_FLAGS


def record_content(post: Any) -> dict[str, Any]:
    text_fields = [
        "coverage",
        "coverage_reason",
        "entry_code",
        "item_description",
        "capabilities",
        "misuse_risks",
        "end_user_name",
        "end_user_type",
        "end_use",
        "intermediaries",
        "destination",
        "human_rights_situation",
        "mitigation_note",
        "conclusion",
        "conclusion_reason",
    ]
    content: dict[str, Any] = {name: post.get(name, "") for name in text_fields}
    content["arms_embargo"] = post.get("arms_embargo") == "on"
    content["repression_sanctions"] = post.get("repression_sanctions") == "on"
    content["red_flags"] = {
        flag.code: {"answer": post.get(f"flag_{flag.code}", ""), "note": post.get(f"note_{flag.code}", "")}
        for flag in RED_FLAGS
    }
    content["mitigations"] = post.getlist("mitigations")
    return content


def programme_elements(post: Any) -> dict[str, Any]:
    return {
        e.code: {"status": post.get(f"status_{e.code}", ""), "evidence": post.get(f"evidence_{e.code}", "")}
        for e in ICP_ELEMENTS
    }
