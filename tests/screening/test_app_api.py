"""The screening API: screen, read, dispose, lists, yente match; bad input is a 400, scoping a 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dualuse.accounts.services import create_token
from dualuse.screening.models import Screening
from tests.screening.app_support import FILES, lists_fixture, sync_jobs_fixture  # noqa: F401

pytestmark = pytest.mark.django_db
URL = "/api/v1/screening"


def _screen(api: Any, user: Any, **body: Any) -> Any:
    return api(user).post(f"{URL}/screenings", {"name": "Yevgeniy Krivoplyosov", **body})


def test_screening_a_party_stores_hits_and_list_versions(
    api: Any, exporter: Any, lists: dict[str, Any]
) -> None:
    response = _screen(api, exporter, type="person", birth_date="1968", country="RU")
    assert response.status_code == 201, response.content
    body = response.json()
    refs = [h["entity"] for h in body["hits"]]
    assert "eu-fsf:EU.9901.47" in refs and refs[0] != "eu-fsf:EU.9911.61"  # not the 1981 near-twin first
    assert "eu-fsf:EU.9911.61" not in refs
    assert body["hits"][0]["score"] >= body["threshold"]
    assert body["hits"][0]["explanation"]["name"]["matched"]
    assert sorted(body["list_versions"]) == sorted(v.pk for v in lists.values())
    screening = Screening.objects.get(pk=body["id"])
    assert screening.organisation == exporter.organisation and screening.hit_count == len(refs)


def test_common_name_with_no_listing_has_no_hits(api: Any, exporter: Any, lists: dict[str, Any]) -> None:
    response = api(exporter).post(f"{URL}/screenings", {"name": "Maria Schmidt", "country": "DE"})
    assert response.status_code == 201 and response.json()["hits"] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "---"}, "name"),
        ({"name": "x" * 301}, "name"),
        ({"name": "Ivan", "country": "XX"}, "country"),
        ({"name": "Ivan", "country": "Russia"}, "country"),
        ({"name": "Ivan", "birth_date": "14.03.1968"}, "birth_date"),
        ({"name": "Ivan", "birth_date": "1968-02-30"}, "birth_date"),
        ({"name": "Ivan", "type": "animal"}, "type"),
        ({"name": 42}, "name"),
        ({"name": "Ivan", "identifiers": "x"}, None),
        ({"name": "Ivan", "threshold": 2}, "threshold"),
        ({"name": "Ivan", "limit": 0}, "limit"),
    ],
)
def test_bad_input_is_a_400_with_the_field(
    api: Any, exporter: Any, lists: dict[str, Any], body: dict[str, Any], field: str | None
) -> None:
    response = api(exporter).post(f"{URL}/screenings", body)
    if field is None:  # a single identifier string is accepted as a list of one
        assert response.status_code == 201
        return
    assert response.status_code == 400, response.content
    payload = response.json()
    assert payload["code"] in {"invalid_party", "invalid_input"}
    assert field in payload["message"]


def test_a_body_that_is_not_json_is_a_400(exporter: Any, lists: dict[str, Any]) -> None:
    _, raw = create_token(exporter, "t")
    response = Client().post(
        f"{URL}/screenings",
        "{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 400


def test_scoping_own_organisation_only(
    api: Any,
    exporter: Any,
    other_exporter: Any,
    officer: Any,
    officer_other_state: Any,
    lists: dict[str, Any],
) -> None:
    mine = _screen(api, exporter).json()["id"]
    theirs = _screen(api, officer).json()["id"]
    assert api(exporter).get(f"{URL}/screenings/{mine}").status_code == 200
    for user, pk in [
        (other_exporter, mine),
        (officer, mine),
        (exporter, theirs),
        (officer_other_state, theirs),
    ]:
        assert api(user).get(f"{URL}/screenings/{pk}").status_code == 404
        response = api(user).post(
            f"{URL}/screenings/{pk}/dispositions",
            {"entity": "eu-fsf:EU.9901.47", "decision": "false_positive", "reason": "x"},
        )
        assert response.status_code == 404
    assert [s["id"] for s in api(exporter).get(f"{URL}/screenings").json()] == [mine]
    assert [s["id"] for s in api(officer).get(f"{URL}/screenings").json()] == [theirs]
    assert api(other_exporter).get(f"{URL}/screenings").json() == []


def test_anonymous_is_401_everywhere(anonymous_api: Any, lists: dict[str, Any]) -> None:
    assert anonymous_api.post(f"{URL}/screenings", {"name": "Ivan"}).status_code == 401
    assert anonymous_api.get(f"{URL}/screenings").status_code == 401
    assert anonymous_api.get(f"{URL}/screenings/1").status_code == 401
    assert anonymous_api.get(f"{URL}/sources").status_code == 401
    assert anonymous_api.get(f"{URL}/bulk-screenings").status_code == 401
    assert (
        anonymous_api.post(f"{URL}/match/default", {"queries": {"q": {"schema": "Person"}}}).status_code
        == 401
    )


def test_a_wrong_token_is_401(lists: dict[str, Any]) -> None:
    response = Client().get(f"{URL}/screenings", headers={"Authorization": "Bearer du_wrong"})
    assert response.status_code == 401


def test_ngo_may_not_screen(api: Any, ngo: Any, lists: dict[str, Any]) -> None:
    assert _screen(api, ngo).status_code == 403


def test_record_a_disposition_and_list_it(
    api: Any, exporter: Any, other_exporter: Any, lists: dict[str, Any]
) -> None:
    screening = _screen(api, exporter, birth_date="1968").json()
    ref = screening["hits"][0]["entity"]
    url = f"{URL}/screenings/{screening['id']}/dispositions"
    response = api(exporter).post(url, {"entity": ref, "decision": "true_match", "reason": "same passport"})
    assert response.status_code == 201, response.content
    assert response.json()["decided_by"] == exporter.username and response.json()["entity"] == ref
    detail = api(exporter).get(f"{URL}/screenings/{screening['id']}").json()
    assert [d["decision"] for d in detail["dispositions"]] == ["true_match"]
    assert len(api(exporter).get(f"{URL}/dispositions").json()) == 1
    assert api(other_exporter).get(f"{URL}/dispositions").json() == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"entity": "eu-fsf:EU.0000.00", "decision": "false_positive", "reason": "x"}, "entity"),
        ({"decision": "maybe", "reason": "x"}, "decision"),
        ({"decision": "false_positive", "reason": "  "}, "reason"),
        ({"decision": "false_positive"}, "reason"),
    ],
)
def test_bad_dispositions_are_400(
    api: Any, exporter: Any, lists: dict[str, Any], body: dict[str, Any], field: str
) -> None:
    screening = _screen(api, exporter).json()
    body = {"entity": screening["hits"][0]["entity"], **body}
    response = api(exporter).post(f"{URL}/screenings/{screening['id']}/dispositions", body)
    assert response.status_code == 400 and field in response.json()["message"]


def test_sources_versions_and_entities(api: Any, exporter: Any, lists: dict[str, Any]) -> None:
    sources = {s["source"]: s for s in api(exporter).get(f"{URL}/sources").json()}
    assert sources["eu-fsf"]["entities"] == 22 and sources["eu-cyber"]["version"] is None
    versions = api(exporter).get(f"{URL}/sources/eu-fsf/versions").json()
    assert len(versions) == 1 and versions[0]["active"] and versions[0]["entity_count"] == 22
    assert api(exporter).get(f"{URL}/sources/nope/versions").status_code == 400
    entity = api(exporter).get(f"{URL}/entities/eu-fsf:EU.9901.47").json()
    assert entity["birth_dates"] == ["1968-03-14"] and len(entity["names"]) >= 3
    assert api(exporter).get(f"{URL}/entities/eu-fsf:nope").status_code == 404


def test_only_commission_imports_through_the_api(
    api: Any, commission: Any, exporter: Any, sync_jobs: None
) -> None:
    data = FILES["un-sc"].read_bytes()
    upload = {"file": SimpleUploadedFile("un.xml", data, content_type="application/xml")}
    _, raw = create_token(exporter, "t")
    denied = Client().post(
        f"{URL}/sources/un-sc/versions", upload, headers={"Authorization": f"Bearer {raw}"}
    )
    assert denied.status_code == 403
    _, raw = create_token(commission, "t")
    upload = {"file": SimpleUploadedFile("un.xml", data, content_type="application/xml")}
    done = Client().post(f"{URL}/sources/un-sc/versions", upload, headers={"Authorization": f"Bearer {raw}"})
    assert done.status_code == 201, done.content
    assert done.json()["entities"] == 19
    broken = {"file": SimpleUploadedFile("un.xml", data[:5000], content_type="application/xml")}
    refused = Client().post(
        f"{URL}/sources/un-sc/versions", broken, headers={"Authorization": f"Bearer {raw}"}
    )
    assert refused.status_code == 400 and refused.json()["code"] == "list_import_rejected"
    assert refused.json()["problems"][0]["field"].startswith("line ")


def test_yente_match_shape(api: Any, exporter: Any, lists: dict[str, Any]) -> None:
    body = {
        "queries": {
            "q1": {
                "schema": "Person",
                "properties": {
                    "name": ["Yevgeniy Krivoplyosov"],
                    "birthDate": ["1968-03-14"],
                    "nationality": ["ru"],
                },
            },
            "q2": {"schema": "Company", "properties": {"name": ["Totally Unlisted Bakery GmbH"]}},
            "bad": {"schema": "Person", "properties": {}},
        }
    }
    response = api(exporter).post(f"{URL}/match/default", body)
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data["responses"]) == {"q1", "q2", "bad"} and data["limit"] == 5
    q1 = data["responses"]["q1"]
    assert q1["status"] == 200 and q1["query"]["schema"] == "Person"
    top = q1["results"][0]
    assert {"id", "caption", "schema", "properties", "score", "match", "features", "datasets"} <= set(top)
    assert top["schema"] == "Person" and top["match"] is True and top["features"]["name_match"] > 0.8
    assert "1968-03-14" in top["properties"]["birthDate"]
    assert q1["total"]["value"] >= len(q1["results"])
    scores = [r["score"] for r in q1["results"]]
    assert scores == sorted(scores, reverse=True)
    assert not any(r["match"] for r in data["responses"]["q2"]["results"])
    assert data["responses"]["bad"]["status"] == 400
    only_eu = api(exporter).post(f"{URL}/match/eu-fsf", body).json()["responses"]["q1"]["results"]
    assert only_eu and all(r["id"].startswith("eu-fsf:") for r in only_eu)
    assert api(exporter).post(f"{URL}/match/nope", body).status_code == 404
    assert api(exporter).post(f"{URL}/match/default", {"queries": []}).status_code == 400
    assert api(exporter).post(f"{URL}/match/default?limit=0", body).status_code == 400
