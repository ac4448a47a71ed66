"""The due-diligence steps of Recommendation (EU) 2024/2659 and the ICP elements of Recommendation
(EU) 2019/1318 as data, and the validation of a record's content: a pure module (no Django).

A record's content is one JSON object, so a new version of the guidance adds a question without a
migration; `problems()` lists everything missing or wrong at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from dualuse.core.errors import Problem


class Coverage(StrEnum):
    """Step 3.1: is the item a cyber-surveillance item within Art 2(20)?"""

    LISTED = "listed"  # an Annex I entry flagged as cyber-surveillance
    MEETS_DEFINITION = "meets_definition"  # not listed, but "specially designed ... covert surveillance"
    NOT_COVERED = "not_covered"


class Conclusion(StrEnum):
    """Step 3.4: use the findings."""

    PROCEED = "proceed"
    MITIGATE = "mitigate"
    STOP = "stop"
    NOTIFY = "notify"  # Art 5(2): the exporter is aware of a use in Art 5(1), so it notifies its authority


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


COVERAGE_LABELS = {
    Coverage.LISTED: "Listed in Annex I (cyber-surveillance entry)",
    Coverage.MEETS_DEFINITION: "Not listed, but meets the definition of Art 2(20)",
    Coverage.NOT_COVERED: "Not a cyber-surveillance item",
}
CONCLUSION_LABELS = {
    Conclusion.PROCEED: "Proceed",
    Conclusion.MITIGATE: "Proceed with mitigation",
    Conclusion.STOP: "Stop the transaction",
    Conclusion.NOTIFY: "Notify the competent authority (Art 5(2))",
}


@dataclass(frozen=True, slots=True)
class RedFlag:
    code: str
    question: str
    handbook: str  # slug of the handbook article that explains it


# Illustrative red flags (regulation fact sheet §7, Recommendation (EU) 2024/2659 section 3).
RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "covert_marketing",
        "Is the item marketed for covert intrusion or interception of persons?",
        "red-flags-cyber-surveillance",
    ),
    RedFlag(
        "evasion_requests",
        "Has the customer asked for features to evade detection or hide the use?",
        "red-flags-cyber-surveillance",
    ),
    RedFlag(
        "abusive_end_user",
        "Is the end user (or its parent) credibly linked to human-rights abuses?",
        "red-flags-cyber-surveillance",
    ),
    RedFlag(
        "evasive_end_use",
        "Were answers about the end use evasive, inconsistent or implausible?",
        "red-flags-cyber-surveillance",
    ),
    RedFlag(
        "odd_routing",
        "Is the routing, payment or delivery unusual (intermediaries, free zones, cash)?",
        "red-flags-cyber-surveillance",
    ),
    RedFlag(
        "security_end_user",
        "Is the end user a police, intelligence or security body?",
        "red-flags-cyber-surveillance",
    ),
    RedFlag(
        "customisation",
        "Is customisation, training or support asked for targeting individuals?",
        "red-flags-cyber-surveillance",
    ),
    RedFlag(
        "no_legal_safeguards",
        "Does the destination lack legal safeguards for lawful interception?",
        "human-rights-due-diligence",
    ),
)
RED_FLAG_CODES = frozenset(f.code for f in RED_FLAGS)

MITIGATIONS: tuple[tuple[str, str], ...] = (
    ("contract_clauses", "Contract clauses (human-rights use restrictions, termination)"),
    ("end_use_undertaking", "End-use and no-re-export undertakings"),
    ("technical_limits", "Technical limits (features disabled, licence keys, geofencing)"),
    ("post_shipment_checks", "Post-shipment checks and audits"),
    ("training", "Training of the end user on lawful use"),
)
MITIGATION_CODES = frozenset(code for code, _ in MITIGATIONS)

# Destinations under EU sanctions that ban equipment for internal repression or monitoring [U]
# (regulation fact sheet §7): configuration-like data, checked against the EU Sanctions Map.
REPRESSION_EQUIPMENT_BANS = frozenset({"BY", "IR", "MM", "RU", "SY", "VE"})


@dataclass(frozen=True, slots=True)
class IcpElement:
    number: int
    code: str
    title: str
    handbook: str


# Recommendation (EU) 2019/1318, the seven core elements of an internal compliance programme.
ICP_ELEMENTS: tuple[IcpElement, ...] = (
    IcpElement(
        1,
        "management_commitment",
        "Top-level management commitment to compliance",
        "internal-compliance-programme",
    ),
    IcpElement(
        2,
        "organisation",
        "Organisation structure, responsibilities and resources",
        "internal-compliance-programme",
    ),
    IcpElement(3, "training", "Training and awareness raising", "internal-compliance-programme"),
    IcpElement(
        4, "screening", "Transaction screening process and procedures", "internal-compliance-programme"
    ),
    IcpElement(
        5,
        "performance_review",
        "Performance review, audits, reporting and corrective actions",
        "internal-compliance-programme",
    ),
    IcpElement(6, "recordkeeping", "Recordkeeping and documentation", "internal-compliance-programme"),
    IcpElement(7, "security", "Physical and information security", "internal-compliance-programme"),
)
ICP_CODES = tuple(e.code for e in ICP_ELEMENTS)


class ElementStatus(StrEnum):
    IN_PLACE = "in_place"
    PARTIAL = "partial"
    MISSING = "missing"


MAX_TEXT = 5000


def _text(data: dict[str, Any], key: str, problems: list[Problem], *, required: bool) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        problems.append(Problem(key, "must be text"))
        return ""
    value = value.strip()
    if required and not value:
        problems.append(Problem(key, "is required"))
    if len(value) > MAX_TEXT:
        problems.append(Problem(key, f"is longer than {MAX_TEXT} characters"))
    return value


def _choice(data: dict[str, Any], key: str, enum: type[StrEnum], problems: list[Problem]) -> str:
    value = data.get(key)
    allowed = [m.value for m in enum]  # type: ignore[attr-defined]
    if value not in allowed:
        problems.append(Problem(key, f"must be one of {', '.join(allowed)}"))
        return ""
    return str(value)


def clean_record(data: Any) -> tuple[dict[str, Any], list[Problem]]:
    """Validate and normalise the content of a due-diligence record; every problem at once.

    Required: coverage with its reason (3.1), capabilities (3.2), end use and end-user type (3.3),
    the destination (3.3), every red flag answered (a note when the answer is not "no"), and the
    conclusion (3.4) with a reason; "mitigate" needs at least one mitigation.
    """
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return {}, [Problem("", "must be an object")]
    out: dict[str, Any] = {}
    out["coverage"] = _choice(data, "coverage", Coverage, problems)
    out["coverage_reason"] = _text(data, "coverage_reason", problems, required=True)
    out["entry_code"] = _text(data, "entry_code", problems, required=out["coverage"] == Coverage.LISTED)
    out["item_description"] = _text(data, "item_description", problems, required=True)
    out["capabilities"] = _text(data, "capabilities", problems, required=True)
    out["misuse_risks"] = _text(data, "misuse_risks", problems, required=False)
    out["end_user_name"] = _text(data, "end_user_name", problems, required=True)
    out["end_user_type"] = _text(data, "end_user_type", problems, required=True)
    out["end_use"] = _text(data, "end_use", problems, required=True)
    out["intermediaries"] = _text(data, "intermediaries", problems, required=False)
    destination = _text(data, "destination", problems, required=True).upper()
    if destination and (len(destination) != 2 or not destination.isalpha()):
        problems.append(Problem("destination", "must be an ISO 3166-1 alpha-2 country code"))
    out["destination"] = destination
    out["arms_embargo"] = bool(data.get("arms_embargo", False))
    out["repression_sanctions"] = bool(data.get("repression_sanctions", False))
    out["human_rights_situation"] = _text(data, "human_rights_situation", problems, required=True)
    flags_in = data.get("red_flags", {})
    if not isinstance(flags_in, dict):
        problems.append(Problem("red_flags", "must be an object of answers"))
        flags_in = {}
    flags: dict[str, dict[str, str]] = {}
    for flag in RED_FLAGS:
        raw = flags_in.get(flag.code)
        if not isinstance(raw, dict) or raw.get("answer") not in {a.value for a in Answer}:
            problems.append(Problem(f"red_flags.{flag.code}", "answer yes, no or unknown"))
            continue
        note = str(raw.get("note") or "").strip()[:MAX_TEXT]
        if raw["answer"] != Answer.NO and not note:
            problems.append(
                Problem(f"red_flags.{flag.code}", "explain a 'yes' or 'unknown' answer in a note")
            )
        flags[flag.code] = {"answer": str(raw["answer"]), "note": note}
    unknown_flags = set(flags_in) - RED_FLAG_CODES
    if unknown_flags:
        problems.append(Problem("red_flags", f"unknown red flags: {', '.join(sorted(unknown_flags))}"))
    out["red_flags"] = flags
    mitigations = data.get("mitigations", [])
    if not isinstance(mitigations, list) or not all(isinstance(m, str) for m in mitigations):
        problems.append(Problem("mitigations", "must be a list of mitigation codes"))
        mitigations = []
    unknown = sorted(set(mitigations) - MITIGATION_CODES)
    if unknown:
        problems.append(Problem("mitigations", f"unknown mitigations: {', '.join(unknown)}"))
    out["mitigations"] = [code for code, _ in MITIGATIONS if code in mitigations]
    out["mitigation_note"] = _text(data, "mitigation_note", problems, required=False)
    out["conclusion"] = _choice(data, "conclusion", Conclusion, problems)
    out["conclusion_reason"] = _text(data, "conclusion_reason", problems, required=True)
    if out["conclusion"] == Conclusion.MITIGATE and not out["mitigations"]:
        problems.append(Problem("mitigations", "choose at least one mitigation to proceed with mitigation"))
    return out, problems


def flags_raised(content: dict[str, Any]) -> list[str]:
    return [code for code, v in content.get("red_flags", {}).items() if v.get("answer") == Answer.YES]


def suggested_conclusion(content: dict[str, Any]) -> Conclusion:
    """A hint shown next to the exporter's own conclusion (never replaces it): an item within 2(20),
    red flags raised and no mitigation point to Art 5(2)."""
    covered = content.get("coverage") in {Coverage.LISTED, Coverage.MEETS_DEFINITION}
    raised = flags_raised(content)
    if content.get("arms_embargo") or content.get("repression_sanctions"):
        return Conclusion.STOP
    if covered and raised and not content.get("mitigations"):
        return Conclusion.NOTIFY
    if raised:
        return Conclusion.MITIGATE
    return Conclusion.PROCEED


def clean_programme(data: Any) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The self-assessment of the seven ICP elements: status and evidence each."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return {}, [Problem("", "must be an object")]
    out: dict[str, dict[str, str]] = {}
    for element in ICP_ELEMENTS:
        raw = data.get(element.code)
        if not isinstance(raw, dict):
            problems.append(Problem(element.code, "give a status and the evidence"))
            continue
        status = raw.get("status")
        if status not in {s.value for s in ElementStatus}:
            problems.append(Problem(f"{element.code}.status", "must be in_place, partial or missing"))
            continue
        evidence = str(raw.get("evidence") or "").strip()[:MAX_TEXT]
        if status != ElementStatus.MISSING and not evidence:
            problems.append(Problem(f"{element.code}.evidence", "describe the evidence (documents, dates)"))
        out[element.code] = {"status": str(status), "evidence": evidence}
    return out, problems


def programme_complete(elements: dict[str, dict[str, str]]) -> bool:
    """Every element in place with evidence: what global authorisations and EU007 require."""
    return all(
        elements.get(code, {}).get("status") == ElementStatus.IN_PLACE and elements[code].get("evidence")
        for code in ICP_CODES
    )
