"""The control-list and classification API: happy paths, clear 400/404 JSON errors, never a 500."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dualuse.controllist.models import ControlListVersion, VersionStatus

pytestmark = pytest.mark.django_db


def test_entry_detail(anonymous_api: Any) -> None:
    response = anonymous_api.get("/api/v1/controllist/entries/5A001.f")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "5A001.f"
    assert body["cyber_surveillance"] is True
    assert body["ancestors"] == ["5A001"]
    assert "5A001.f.1" in body["children"]
    assert body["version"]["legal_act"].endswith("2025/2003")


def test_unknown_entry_is_a_json_404(anonymous_api: Any) -> None:
    response = anonymous_api.get("/api/v1/controllist/entries/5A999.z")
    assert response.status_code == 404
    assert response.json()["code"] == "unknown_entry"
    assert "5A999.z" in response.json()["message"]


def test_search_by_words_finds_imsi_catchers(anonymous_api: Any) -> None:
    response = anonymous_api.get("/api/v1/controllist/entries", search="IMSI catcher")
    assert response.status_code == 200
    codes = [r["code"] for r in response.json()]
    assert any(c.startswith("5A001.f") for c in codes[:5]), codes


def test_search_by_code_prefix_and_category(anonymous_api: Any) -> None:
    codes = [r["code"] for r in anonymous_api.get("/api/v1/controllist/entries", search="5a001.j").json()]
    assert codes
    assert all(c.startswith("5A001.j") for c in codes)
    body = anonymous_api.get("/api/v1/controllist/entries", search="", category=4).json()
    assert body
    assert all(r["category"] == 4 for r in body)


@pytest.mark.parametrize("params", [{"category": 12}, {"category": "x"}, {"limit": 0}])
def test_bad_search_parameters_are_400(anonymous_api: Any, params: dict[str, Any]) -> None:
    response = anonymous_api.get("/api/v1/controllist/entries", **params)
    assert response.status_code == 400
    assert response.json()["message"]


def test_drafts_are_hidden_from_the_public(anonymous_api: Any, api: Any, commission: Any) -> None:
    ControlListVersion.objects.create(
        legal_act="Draft act", applies_from=date(2027, 1, 1), sha256="x", status=VersionStatus.DRAFT
    )
    public = [v["legal_act"] for v in anonymous_api.get("/api/v1/controllist/versions").json()]
    assert "Draft act" not in public
    assert public
    assert "Draft act" in [v["legal_act"] for v in api(commission).get("/api/v1/controllist/versions").json()]


def test_classify_api(anonymous_api: Any) -> None:
    response = anonymous_api.post(
        "/api/v1/classify", {"text": "IMSI catcher for covert interception of mobile phones"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["verdict"] == "listed"
    assert body["results"][0]["code"].startswith("5A001.f")
    assert body["results"][0]["why"]


@pytest.mark.parametrize("body", [{}, {"text": ""}, {"text": "ab"}, {"text": "laser", "top": 0}])
def test_classify_bad_input_is_400(anonymous_api: Any, body: dict[str, Any]) -> None:
    response = anonymous_api.post("/api/v1/classify", body)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input"
    assert response.json()["problems"]


def test_malformed_json_is_400_not_500(anonymous_api: Any) -> None:
    response = anonymous_api.client.post("/api/v1/classify", "{not json", content_type="application/json")
    assert response.status_code == 400


def test_wrong_token_is_401_not_anonymous(anonymous_api: Any) -> None:
    response = anonymous_api.client.get(
        "/api/v1/controllist/versions", headers={"Authorization": "Bearer du_wrong"}
    )
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
