"""The determination app: API, stored determinations, scoping, re-check and the control-list hook."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest
from django.core.management import call_command

from dualuse.controllist import hooks
from dualuse.controllist.formats import EntryChange, ListDiff
from dualuse.cooperation.models import EUListEntry
from dualuse.determination import services
from dualuse.determination.models import Determination

pytestmark = pytest.mark.django_db

IMSI_TO_CN = {
    "exporter_member_state": "DE",
    "activity": "export",
    "destination": "CN",
    "lines": [
        {"control_code": "5A001.f.1", "description": "IMSI catcher", "quantity": 2, "value_eur": 90000}
    ],
    "end_user_type": "government",
}
CRYPTO_TO_US = {
    "exporter_member_state": "FR",
    "activity": "export",
    "destination": "US",
    "lines": [{"control_code": "5A002.a", "description": "Encrypting router"}],
}


def test_anyone_may_ask_and_gets_bases_and_reasons(anonymous_api: Any) -> None:
    response = anonymous_api.post("/api/v1/determinations", IMSI_TO_CN)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["licence_required"] is True
    assert "Art 3(1)" in body["legal_bases"]
    assert body["requirements"][0]["control_code"] == "5A001.f.1"
    assert "EU001" in body["unusable_general_authorisations"]
    assert body["id"] is None


def test_eu001_usable_for_crypto_to_the_us(anonymous_api: Any) -> None:
    body = anonymous_api.post("/api/v1/determinations", CRYPTO_TO_US).json()
    assert body["licence_required"] is True
    usable = {u["code"]: u for u in body["usable_general_authorisations"]}
    assert "EU001" in usable and usable["EU001"]["conditions"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"destination": "XX"}, "destination"),
        ({"lines": [{"control_code": "5A999.q", "description": "x"}]}, "lines[0].control_code"),
        ({"activity": "intra_eu_transfer", "destination": "CN"}, "destination"),
        ({"activity": "smuggling"}, "activity"),
        ({"lines": []}, "lines"),
    ],
)
def test_bad_requests_are_400_naming_the_field(
    anonymous_api: Any, change: dict[str, Any], field: str
) -> None:
    response = anonymous_api.post("/api/v1/determinations", {**IMSI_TO_CN, **change})
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert response.json()["code"] == "invalid_determination_request"


def test_saving_needs_an_exporter(anonymous_api: Any, api: Any, officer: Any) -> None:
    assert anonymous_api.post("/api/v1/determinations?save=true", IMSI_TO_CN).status_code == 401
    assert api(officer).post("/api/v1/determinations?save=true", IMSI_TO_CN).status_code == 403
    assert Determination.objects.count() == 0


def test_stored_determinations_are_scoped(api: Any, exporter: Any, other_exporter: Any, officer: Any) -> None:
    created = api(exporter).post("/api/v1/determinations?save=true", IMSI_TO_CN).json()
    stored = Determination.objects.get(pk=created["id"])
    assert stored.control_list_version is not None and stored.licence_required == "true"
    assert stored.data_versions
    assert api(exporter).get(f"/api/v1/determinations/{stored.pk}").status_code == 200
    assert api(other_exporter).get(f"/api/v1/determinations/{stored.pk}").status_code == 404
    assert api(officer).get(f"/api/v1/determinations/{stored.pk}").status_code == 404
    assert api(other_exporter).get("/api/v1/determinations").json() == []
    assert api(other_exporter).post(f"/api/v1/determinations/{stored.pk}/recheck").status_code == 404


def test_recheck_reports_a_change(exporter: Any) -> None:
    stored = services.save_determination(IMSI_TO_CN, acting_user=exporter)
    Determination.objects.filter(pk=stored.pk).update(result={**stored.result, "licence_required": False})
    stored.refresh_from_db()
    rechecked = services.recheck(stored, acting_user=exporter)
    assert rechecked.recheck_changed
    assert "licence required" in rechecked.recheck_note
    fresh = services.save_determination(IMSI_TO_CN, acting_user=exporter)
    assert services.recheck(fresh, acting_user=exporter).recheck_note == "unchanged"


def test_control_list_activation_lists_affected_determinations(exporter: Any) -> None:
    stored = services.save_determination(IMSI_TO_CN, acting_user=exporter)
    affected = hooks.affected_by(ListDiff(changed=[EntryChange("5A001.f.1", ("text",))]))
    assert any(f"determination {stored.pk}" in line for line in affected["determinations"])
    assert hooks.affected_by(ListDiff(changed=[EntryChange("1A001", ("text",))]))["determinations"] == []


def test_determine_command_json_and_batch(capsys: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(CRYPTO_TO_US)))
    call_command("determine", "--json")
    answer = json.loads(capsys.readouterr().out)
    assert answer["licence_required"] is True
    lines = "\n".join(
        [
            json.dumps({"id": "ok", "request": CRYPTO_TO_US}),
            "oops",
            json.dumps({"id": "bad", "request": {**CRYPTO_TO_US, "destination": "ZZ"}}),
        ]
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(lines + "\n"))
    call_command("determine", "--batch")
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert out[0]["id"] == "ok" and out[0]["licence_required"] is True
    assert out[1]["error"]["line"] == 2
    assert out[2]["id"] == "bad" and out[2]["error"]["field"] == "destination"


def test_a_published_eu_list_entry_binds_every_new_determination(anonymous_api: Any) -> None:
    """Art 5(6): an item on the EU-wide list needs an authorisation in every Member State."""
    request = {
        "exporter_member_state": "FR",
        "activity": "export",
        "destination": "EG",
        "lines": [
            {"control_code": None, "description": "Social media sentiment harvester with persona management"}
        ],
    }
    before = anonymous_api.post("/api/v1/determinations", request).json()
    assert before["licence_required"] is False
    EUListEntry.objects.create(
        reference="EU-CS-2026-901",
        item_name="persona management",
        item_description="Covert persona management",
        keywords=["persona management"],
        destinations=["EG"],
        rule="art5_6",
        legal_basis="Art 5(6)",
        listed_on=date(2026, 11, 1),
        review_due=date(2027, 11, 1),
    )
    after = anonymous_api.post("/api/v1/determinations", request).json()
    assert after["licence_required"] is True, after
    assert any(
        "EU-CS-2026-901" in reason for req in after["requirements"] for reason in req["reasons"]
    ) or any("EU-CS-2026-901" in r for r in after["reasons"])
