"""Publishing decisions, the public dataset's scoping, filters and streaming downloads."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from dualuse.transparency import services
from dualuse.transparency.errors import NotDecided
from dualuse.transparency.models import DecisionRecord
from tests.transparency.factories import decided_application, exporter_org

pytestmark = pytest.mark.django_db


def body(response: Any) -> str:
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


@pytest.fixture
def published(exporter: Any) -> list[Any]:
    """Three exporters to CN with 5A001.j (a full cell) and one lone exporter with 9A012.a to BR."""
    apps = []
    for name in ("Alpha Interception GmbH", "Beta Surveillance AG", "Gamma Networks KG"):
        apps.append(decided_application(exporter_org(name), exporter, lines=[("5A001.j", "CN", "1000.00")]))
    apps.append(
        decided_application(
            exporter_org("Lonely Drones GmbH"),
            exporter,
            lines=[("9A012.a", "BR", "777777.77")],
            end_user_name="Unique Buyer Ltd",
        )
    )
    for application in apps:
        services.publish_decision(application)
    return apps


def test_publishing_requires_a_decision(exporter: Any) -> None:
    application = decided_application(exporter_org("Undecided GmbH"), exporter, status="under_assessment")
    with pytest.raises(NotDecided):
        services.publish_decision(application)


def test_publishing_is_idempotent(published: list[Any]) -> None:
    before = DecisionRecord.objects.count()
    services.publish_decision(published[0])
    assert DecisionRecord.objects.count() == before == 4


def test_full_cell_published_lone_exporter_withheld(client: Any, published: list[Any]) -> None:
    full = DecisionRecord.objects.filter(application_id=published[0].pk).get()
    lone = DecisionRecord.objects.filter(application_id=published[3].pk).get()
    assert (full.pub_entry, full.pub_destination, full.visible) == ("5A001.j", "CN", True)
    assert not lone.visible and lone.pub_entry == "" and lone.pub_value_eur is None
    text = body(client.get("/transparency/decisions.csv"))
    assert "9A012" not in text and "777777" not in text  # the lone exporter's line stays out


def test_nothing_identifying_an_exporter_leaks(client: Any, anonymous_api: Any, published: list[Any]) -> None:
    """Try every public output for names, EORI numbers, references, party names and private ids."""
    secrets = []
    for application in published:
        org = application.exporter
        secrets += [
            org.name,
            org.eori,
            application.reference,
            application.title,
            "Secret Police Bureau",
            "Unique Buyer",
            "interception kit",
            "Monitoring centre",
        ]
    outputs = [
        body(client.get("/transparency/")),
        body(client.get("/transparency/decisions.csv")),
        body(client.get("/transparency/decisions.json")),
        body(client.get("/transparency/report/2025/")),
        anonymous_api.get("/api/v1/transparency/decisions", limit=1000).content.decode(),
        anonymous_api.get("/api/v1/transparency/summary").content.decode(),
        anonymous_api.get("/api/v1/transparency/reports/2025").content.decode(),
        body(anonymous_api.get("/api/v1/transparency/decisions/download", format="json")),
    ]
    for output in outputs:
        for secret in secrets:
            if secret:
                assert secret not in output, secret
    rows = json.loads(body(client.get("/transparency/decisions.json")))
    assert rows and all("exporter" not in key and "application_id" not in key for key in rows[0])


def test_filters_narrow_the_dataset(client: Any, published: list[Any]) -> None:
    rows = list(
        csv.DictReader(io.StringIO(body(client.get("/transparency/decisions.csv?destination=CN&cyber=1"))))
    )
    assert len(rows) == 3 and {r["destination"] for r in rows} == {"CN"}
    assert (
        list(csv.DictReader(io.StringIO(body(client.get("/transparency/decisions.csv?destination=BR")))))
        == []
    )
    assert list(csv.DictReader(io.StringIO(body(client.get("/transparency/decisions.csv?year=2019"))))) == []
    assert (
        len(list(csv.DictReader(io.StringIO(body(client.get("/transparency/decisions.csv?entry=5a001"))))))
        == 3
    )


@pytest.mark.parametrize("query", ["year=abc", "state=ZZ", "decision=maybe", "entry=5A'--", "cyber=perhaps"])
def test_bad_filters_are_400_with_a_message(client: Any, anonymous_api: Any, query: str) -> None:
    assert client.get(f"/transparency/decisions.csv?{query}").status_code == 400
    assert client.get(f"/transparency/?{query}").status_code == 400
    response = anonymous_api.get(f"/api/v1/transparency/decisions?{query}")
    assert response.status_code == 400 and response.json()["message"]


def test_downloads_stream(client: Any, published: list[Any]) -> None:
    response = client.get("/transparency/decisions.csv")
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    assert client.get("/transparency/decisions.json").streaming


def test_api_pagination_and_limits(anonymous_api: Any, published: list[Any]) -> None:
    page = anonymous_api.get("/api/v1/transparency/decisions", limit=2).json()
    assert page["count"] == 3 and len(page["results"]) == 2
    assert anonymous_api.get("/api/v1/transparency/decisions", limit=0).status_code == 400
    assert anonymous_api.get("/api/v1/transparency/decisions/download", format="xml").status_code == 400


def test_portal_pages_are_public(client: Any, published: list[Any]) -> None:
    for url in (
        "/transparency/",
        "/transparency/report/",
        "/transparency/report/2025/",
        "/transparency/penalties/",
        "/handbook/",
        "/handbook/when-does-art-5-apply/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/handbook/no-such-article/").status_code == 404


def test_report_pdf_renders(client: Any, published: list[Any]) -> None:
    response = client.get("/transparency/report/2025.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
