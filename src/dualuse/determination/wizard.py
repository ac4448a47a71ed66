"""The exporter's wizard: item → activity → destination → parties → what you know → result.

Answers live in the session until the last step, then become one stored Determination. Pure helpers
here turn posted forms into the engine's request shape and say what is wrong, field by field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dualuse.core.countries import is_country, is_member_state, normalise_code

STEPS = ("item", "activity", "destination", "parties", "knowledge")
STEP_TITLES = {
    "item": "Item",
    "activity": "Activity",
    "destination": "Destination",
    "parties": "Parties",
    "knowledge": "What you know",
}
ACTIVITIES = [
    ("export", "Export from the EU (Art 2(2))"),
    ("re_export", "Re-export of non-Union items (Art 2(2)(b))"),
    ("brokering", "Brokering services (Art 2(7), Art 6)"),
    ("technical_assistance", "Technical assistance (Art 2(9), Art 8)"),
    ("transit", "Transit through the EU (Art 2(11), Art 7)"),
    ("intra_eu_transfer", "Transfer to another Member State (Art 11)"),
]
END_USER_TYPES = [
    ("commercial", "Commercial"),
    ("government", "Government"),
    ("individual", "Individual"),
    ("other", "Other"),
]
KNOWLEDGE = [
    (
        "informed_wmd",
        "The authority has informed me the items may be intended for WMD or their delivery (Art 4(1)(a))",
    ),
    ("aware_wmd", "I am aware the items are intended for WMD or their delivery (Art 4(2))"),
    (
        "informed_military_embargo",
        "The authority has informed me of a military end use in an arms-embargo destination (Art 4(1)(b))",
    ),
    (
        "informed_illegal_military_parts",
        "The authority has informed me the items are parts of illegally exported military items (Art 4(1)(c))",
    ),
    (
        "informed_cyber_surveillance",
        "The authority has informed me of a use for internal repression or serious human-rights violations (Art 5(1))",
    ),
    ("aware_cyber_surveillance", "My due diligence found the items are intended for such a use (Art 5(2))"),
]
CIRCUMSTANCES = [
    ("temporary", "Temporary export (e.g. for a demonstration), the items come back"),
    ("after_repair", "Items go back after repair or replacement"),
    ("exhibition", "Temporary export for an exhibition or fair"),
    ("intra_group", "The end user is our own subsidiary or sister company"),
    ("free_zone", "The items are placed in a free zone"),
]


@dataclass(slots=True)
class StepResult:
    data: dict[str, Any]
    errors: dict[str, str]


def _flag(form: Mapping[str, Any], name: str) -> bool:
    return form.get(name) in {"on", "true", "1", "yes"}


def parse_item(form: Mapping[str, Any], known_code: Any) -> StepResult:
    errors: dict[str, str] = {}
    not_listed = _flag(form, "not_listed")
    code = (form.get("control_code") or "").strip()
    if code:
        code = code[:2].upper() + code[2:].lower()
    description = (form.get("description") or "").strip()[:1000]
    if not_listed:
        code = ""
    elif not code:
        errors["control_code"] = "Give the Annex I entry, or tick “not listed”."
    elif not known_code(code):
        errors["control_code"] = f"{code} is not an entry of the control list in force."
    if not description:
        errors["description"] = "Describe the item in a few words."
    line: dict[str, Any] = {"control_code": code or None, "description": description}
    for name in ("quantity", "value_eur"):
        raw = (form.get(name) or "").strip().replace(",", ".")
        if raw:
            try:
                number = float(raw)
            except ValueError:
                errors[name] = "Enter a number."
                continue
            if number < 0:
                errors[name] = "Cannot be negative."
            line[name] = number
    return StepResult({"line": line}, errors)


def parse_activity(form: Mapping[str, Any]) -> StepResult:
    activity = form.get("activity", "")
    if activity not in {a for a, _ in ACTIVITIES}:
        return StepResult({}, {"activity": "Choose what you are going to do."})
    return StepResult({"activity": activity}, {})


def parse_destination(form: Mapping[str, Any], activity: str) -> StepResult:
    errors: dict[str, str] = {}
    origin = normalise_code(form.get("exporter_member_state", ""))
    destination = normalise_code(form.get("destination", ""))
    if not is_member_state(origin):
        errors["exporter_member_state"] = "Choose the Member State you export from."
    if not is_country(destination):
        errors["destination"] = "Choose the country of destination."
    elif activity == "intra_eu_transfer" and not is_member_state(destination):
        errors["destination"] = "A transfer within the EU goes to another Member State (Art 11(1))."
    elif activity != "intra_eu_transfer" and is_member_state(destination):
        errors["destination"] = (
            "That is a Member State: choose “transfer to another Member State”, or a third country."
        )
    return StepResult({"exporter_member_state": origin, "destination": destination}, errors)


def parse_parties(form: Mapping[str, Any]) -> StepResult:
    end_user_type = form.get("end_user_type", "")
    if end_user_type not in {t for t, _ in END_USER_TYPES}:
        return StepResult({}, {"end_user_type": "Choose the kind of end user."})
    return StepResult(
        {
            "end_user_type": end_user_type,
            "end_user_name": (form.get("end_user_name") or "").strip()[:200],
            "intra_group": _flag(form, "intra_group"),
            "free_zone": _flag(form, "free_zone"),
        },
        {},
    )


def parse_knowledge(form: Mapping[str, Any]) -> StepResult:
    data: dict[str, Any] = {"end_use": {name: _flag(form, name) for name, _ in KNOWLEDGE}}
    for name in ("temporary", "after_repair", "exhibition"):
        data[name] = _flag(form, name)
    return StepResult(data, {})


def to_request(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The engine's request shape (docs/determination.md) from the wizard's answers."""
    return {
        "exporter_member_state": answers.get("exporter_member_state"),
        "activity": answers.get("activity"),
        "destination": answers.get("destination"),
        "lines": list(answers.get("lines", [])),
        "end_use": dict(answers.get("end_use", {})),
        "temporary": bool(answers.get("temporary", False)),
        "after_repair": bool(answers.get("after_repair", False)),
        "exhibition": bool(answers.get("exhibition", False)),
        "intra_group": bool(answers.get("intra_group", False)),
        "end_user_type": answers.get("end_user_type"),
        "free_zone": bool(answers.get("free_zone", False)),
    }


def first_missing_step(answers: Mapping[str, Any]) -> str | None:
    needs = {
        "item": "lines",
        "activity": "activity",
        "destination": "destination",
        "parties": "end_user_type",
        "knowledge": "end_use",
    }
    for step in STEPS:
        if not answers.get(needs[step]):
            return step
    return None
