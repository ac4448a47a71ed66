"""The penalties register: who records, what the public sees."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.django_db
FINE = {
    "member_state": "DE",
    "decided_on": "2025-03-01",
    "infringement": "unlicensed_export",
    "sanction": "fine",
    "amount_eur": "25000.00",
    "final": True,
}


def test_officer_records_own_state_penalty(api: Any, officer: Any, anonymous_api: Any) -> None:
    response = api(officer).post("/api/v1/transparency/penalties", FINE)
    assert response.status_code == 201, response.content
    assert api(officer).post("/api/v1/transparency/penalties", {**FINE, "final": False}).status_code == 201
    public = anonymous_api.get("/api/v1/transparency/penalties").json()
    assert len(public) == 1 and public[0]["amount_eur"] == "25000.00"


@pytest.mark.parametrize(("who", "code"), [("officer_other_state", 403), ("exporter", 403), ("ngo", 403)])
def test_others_cannot_record(api: Any, request: Any, who: str, code: int) -> None:
    assert api(request.getfixturevalue(who)).post("/api/v1/transparency/penalties", FINE).status_code == code


def test_anonymous_cannot_record(anonymous_api: Any) -> None:
    assert anonymous_api.post("/api/v1/transparency/penalties", FINE).status_code == 401


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount_eur": None}, "amount_eur"),
        ({"member_state": "US"}, "member_state"),
        ({"sanction": "flogging"}, "sanction"),
        ({"decided_on": str(date(2999, 1, 1))}, "decided_on"),
    ],
)
def test_bad_penalties_are_400(api: Any, commission: Any, change: dict[str, Any], field: str) -> None:
    response = api(commission).post("/api/v1/transparency/penalties", {**FINE, **change})
    assert response.status_code == 400 and response.json()["field"] == field


def test_register_page_shows_final_penalties(client: Any, api: Any, commission: Any) -> None:
    api(commission).post("/api/v1/transparency/penalties", {**FINE, "amount_eur": "31415.00"})
    api(commission).post("/api/v1/transparency/penalties", {**FINE, "amount_eur": "27182.00", "final": False})
    page = client.get("/transparency/penalties/").content.decode()
    assert "31415" in page and "27182" not in page and "<svg" in page
