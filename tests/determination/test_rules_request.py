"""parse_request (the request contract), the batch helper and the extra rule-source protocol."""

import json
from pathlib import Path
from typing import Any

import pytest

from dualuse.determination.rules.batch import determine_batch
from dualuse.determination.rules.context import load_context
from dualuse.determination.rules.engine import determine
from dualuse.determination.rules.facts import Activity, EndUserType
from dualuse.determination.rules.request import RequestError, parse_request
from dualuse.determination.rules.sources import CyberSurveillanceList

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
ANNEX_I = [json.loads(line) for line in (SHARED / "annex-i.jsonl").read_text(encoding="utf-8").splitlines()]
KNOWN = frozenset(r["code"] for r in ANNEX_I if not r["not_used"])
CYBER = frozenset(r["code"] for r in ANNEX_I if r["cyber_surveillance"])


def base(**changes: Any) -> dict[str, Any]:
    request: dict[str, Any] = {
        "exporter_member_state": "DE",
        "activity": "export",
        "destination": "US",
        "lines": [{"control_code": "5A002.a", "description": "router", "quantity": 10, "value_eur": 50000}],
        "end_use": {"informed_wmd": False, "aware_wmd": False},
        "temporary": False,
        "end_user_type": "commercial",
        "free_zone": False,
    }
    request.update(changes)
    return request


def parse(request: dict[str, Any]) -> Any:
    return parse_request(request, known_codes=KNOWN.__contains__, cyber_surveillance_codes=CYBER.__contains__)


def test_parse_full_request() -> None:
    """The request contract: every field read into Facts."""
    facts = parse(base())
    assert facts.activity is Activity.EXPORT
    assert facts.end_user_type is EndUserType.COMMERCIAL
    assert facts.lines[0].control_code == "5A002.a"
    assert str(facts.lines[0].value_eur) == "50000"
    assert facts.temporary is False


def test_parse_minimal_request_defaults_to_false() -> None:
    """Missing optional fields mean false / unknown."""
    facts = parse(
        {
            "exporter_member_state": "FR",
            "activity": "transit",
            "destination": "CH",
            "lines": [{"control_code": None}],
        }
    )
    assert facts.end_use.informed_wmd is False
    assert facts.free_zone is False
    assert facts.temporary is None


def test_parse_normalises_codes_and_greece() -> None:
    """Codes written with trailing dots or case differences are normalised; EL is accepted for Greece."""
    facts = parse(base(exporter_member_state="EL", lines=[{"control_code": "5a001.B.2."}]))
    assert facts.exporter_member_state == "GR"
    assert facts.lines[0].control_code == "5A001.b.2"


def test_parse_marks_listed_cyber_surveillance_lines() -> None:
    """Art 2(20): the control list's cyber-surveillance flag is carried on the line."""
    facts = parse(base(lines=[{"control_code": "5A001.j.1"}, {"control_code": "5A002.a"}]))
    assert [line.cyber_surveillance for line in facts.lines] == [True, False]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"destination": "XX"}, "destination"),
        ({"destination": 12}, "destination"),
        ({"exporter_member_state": "US"}, "exporter_member_state"),
        ({"exporter_member_state": "ZZ"}, "exporter_member_state"),
        ({"activity": "smuggling"}, "activity"),
        ({"lines": []}, "lines"),
        ({"lines": "5A002"}, "lines"),
        ({"lines": [{"control_code": "5X002"}]}, "lines[0].control_code"),
        ({"lines": [{"control_code": "9Z999.a"}]}, "lines[0].control_code"),
        ({"lines": [{"control_code": "5A999"}]}, "lines[0].control_code"),
        ({"lines": [{"control_code": 5}]}, "lines[0].control_code"),
        ({"lines": [{"control_code": None}, {"control_code": None, "quantity": -1}]}, "lines[1].quantity"),
        ({"lines": [{"control_code": None, "value_eur": "lots"}]}, "lines[0].value_eur"),
        ({"lines": [{"control_code": None, "quantity": True}]}, "lines[0].quantity"),
        ({"lines": [{"control_code": None, "colour": "red"}]}, "lines[0].colour"),
        ({"end_use": {"informed_wmd": "yes"}}, "end_use.informed_wmd"),
        ({"end_use": {"informed_wmdd": True}}, "end_use.informed_wmdd"),
        ({"end_use": []}, "end_use"),
        ({"free_zone": 1}, "free_zone"),
        ({"temporary": "no"}, "temporary"),
        ({"end_user_type": "army"}, "end_user_type"),
        ({"re_export_destinations": ["QQ"]}, "re_export_destinations[0]"),
        ({"activity": "intra_eu_transfer", "destination": "US"}, "destination"),
        ({"activity": "intra_eu_transfer", "destination": "DE"}, "destination"),
        ({"destination": "FR"}, "destination"),
        ({"activity": "brokering", "destination": "IT"}, "destination"),
        ({"surprise": True}, "surprise"),
    ],
)
def test_parse_rejects_bad_input_naming_the_field(changes: dict[str, Any], field: str) -> None:
    """RequestError names the offending field: unknown codes, impossible combinations, bad types."""
    with pytest.raises(RequestError) as caught:
        parse(base(**changes))
    assert caught.value.field == field
    assert caught.value.message


def test_parse_without_known_codes_checks_only_the_form() -> None:
    """known_codes=None: a well-formed code not in the list passes; the app passes the active list."""
    facts = parse_request(base(lines=[{"control_code": "5A999"}]))
    assert facts.lines[0].control_code == "5A999"


def test_batch_one_output_line_per_request_and_errors_with_line_numbers() -> None:
    """CLI contract: {"id", "request"} lines in, {"id", ...response} or {"id", "error": {field, message, line}} out."""
    good = json.dumps({"id": "a", "request": base()})
    bad = json.dumps({"id": "b", "request": base(destination="XX")})
    out = [
        json.loads(x)
        for x in determine_batch(
            [good, "", bad, "{not json", json.dumps({"id": "c"})], known_codes=KNOWN.__contains__
        )
    ]
    assert [o["id"] for o in out] == ["a", "b", None, "c"]
    assert out[0]["licence_required"] is True
    assert out[1]["error"] == {"field": "destination", "message": "unknown country code 'XX'", "line": 3}
    assert out[2]["error"]["line"] == 4
    assert out[3]["error"]["field"] == "request"


def test_batch_results_equal_single_determinations() -> None:
    """determine_batch gives the same response as determine for each request."""
    ctx = load_context()
    request = base(destination="BR", lines=[{"control_code": "5A002.a.2"}])
    single = determine(parse_request(request), ctx).to_json()
    (line,) = determine_batch([json.dumps({"id": 7, "request": request})], context=ctx)
    batched = json.loads(line)
    assert batched.pop("id") == 7
    assert batched == json.loads(json.dumps(single))


def test_extra_rule_source_adds_requirements_art_5_6() -> None:
    """ExtraRuleSource: an EU-wide cyber-surveillance list (Art 5(6) publication) plugs into the engine."""
    source = CyberSurveillanceList(
        name="eu-list", mode="law", codes={}, keywords={"facial recognition": "OJ C entry 1"}
    )
    ctx = load_context(extra_sources=(source,))
    request = base(
        destination="BR", lines=[{"control_code": None, "description": "Facial recognition suite"}]
    )
    out = determine(parse_request(request), ctx).to_json()
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 5(6)"]
    assert "OJ C entry 1" in out["requirements"][0]["reasons"][0]


def test_extra_rule_source_in_proposal_mode_is_labelled_and_only_notifies() -> None:
    """EP 2018 proposal mode: labelled as not the law, and never a hard requirement."""
    source = CyberSurveillanceList(
        name="ep", mode="proposal", codes={"5A004.b": "EP list 3"}, keywords={}, basis="EP 2018 proposal"
    )
    out = determine(
        parse_request(base(destination="BR", lines=[{"control_code": None}])),
        load_context(extra_sources=(source,)),
    ).to_json()
    assert out["licence_required"] is False
    request = base(destination="BR", lines=[{"control_code": "5A004.b.1"}])
    out = determine(parse_request(request), load_context(extra_sources=(source,))).to_json()
    assert "not the law" in out["requirements"][1]["reasons"][0]


def test_response_shape_matches_the_contract() -> None:
    """Response keys: licence_required, legal_bases, requirements, usable/unusable UGEAs, reasons (+ data_versions)."""
    out = determine(parse(base()), load_context()).to_json()
    assert {
        "licence_required",
        "legal_bases",
        "requirements",
        "usable_general_authorisations",
        "unusable_general_authorisations",
        "reasons",
    } <= set(out)
    assert all(isinstance(r, str) and r.endswith(")") for r in out["reasons"])  # each cites its basis
    assert json.loads(json.dumps(out)) == out
