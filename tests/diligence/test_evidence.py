"""Civil-society evidence: submission, scoping, moderation, relevance on a case, considerations."""

from __future__ import annotations

from typing import Any

import pytest

from dualuse.accounts.models import Organisation
from dualuse.accounts.services import create_user
from dualuse.diligence import services
from dualuse.diligence.models import Evidence
from tests.transparency.factories import decided_application

pytestmark = pytest.mark.django_db
URL = "/api/v1/diligence/evidence"
ITEM = {
    "subject": "end_user",
    "title": "Golden Eagle supplies the police",
    "country": "MM",
    "summary": "Company records show reselling of interception kits to the police.",
    "observed_on": "2025-05-01",
    "party_name": "Golden Eagle Trading LLC",
    "sources": ["https://example.org/r"],
}


@pytest.fixture
def other_ngo(db: Any) -> Any:
    org = Organisation.objects.create(name="Other NGO", kind="ngo")
    return create_user(username="ngo-b", password="correct-horse-battery", organisation=org, role="ngo")


def submit(api: Any, ngo: Any, **changes: Any) -> Any:
    return api(ngo).post(URL, {**ITEM, **changes})


def test_ngo_sees_only_its_own_submissions(api: Any, ngo: Any, other_ngo: Any) -> None:
    mine = submit(api, ngo).json()
    theirs = submit(api, other_ngo, title="Another report on the same company").json()
    assert [e["id"] for e in api(ngo).get(URL).json()] == [mine["id"]]
    assert api(ngo).get(f"{URL}/{theirs['id']}").status_code == 404
    assert mine["status"] == "submitted"


@pytest.mark.parametrize("who", ["exporter", "other_exporter"])
def test_exporters_never_see_evidence(api: Any, request: Any, ngo: Any, who: str) -> None:
    item = submit(api, ngo).json()
    assert api(request.getfixturevalue(who)).get(f"{URL}/{item['id']}").status_code == 404


def test_bad_submissions_are_400(api: Any, ngo: Any, exporter: Any) -> None:
    response = submit(api, ngo, subject="destination", country="", summary="short", sources=[])
    assert response.status_code == 400
    assert {"country", "summary", "sources"} <= {p["field"] for p in response.json()["problems"]}
    assert submit(api, ngo, observed_on="2999-01-01").status_code == 400
    assert submit(api, exporter).status_code == 403


def test_moderation_and_status_seen_by_submitter(api: Any, ngo: Any, officer: Any) -> None:
    item = submit(api, ngo).json()
    assert api(ngo).post(f"{URL}/{item['id']}/moderate", {"accept": True}).status_code == 403
    assert (
        api(officer).post(f"{URL}/{item['id']}/moderate", {"accept": False}).status_code == 400
    )  # needs a reason
    assert (
        api(officer).post(f"{URL}/{item['id']}/moderate", {"accept": True, "note": "checked"}).status_code
        == 200
    )
    assert api(officer).post(f"{URL}/{item['id']}/moderate", {"accept": True}).status_code == 409
    assert api(ngo).get(f"{URL}/{item['id']}").json()["status"] == "accepted"
    assert "organisation" not in api(ngo).get(f"{URL}/{item['id']}").json()


def test_officer_sees_relevant_evidence_and_records_consideration(
    api: Any, ngo: Any, officer: Any, senior_officer: Any, officer_other_state: Any, exporter: Any
) -> None:
    by_name = submit(api, ngo, country="").json()  # matched by the party's name only
    by_country = submit(api, ngo, subject="destination", party_name="", title="Repression in Myanmar").json()
    by_entry = submit(
        api,
        ngo,
        subject="item_type",
        party_name="",
        country="",
        entry_code="5A001",
        title="IMSI catchers used against protesters",
    ).json()
    unrelated = submit(
        api, ngo, subject="destination", party_name="", country="NO", title="Norway item"
    ).json()
    for item in (by_name, by_country, by_entry, unrelated):
        services.moderate_evidence(
            Evidence.objects.get(pk=item["id"]), accept=True, note="", acting_user=senior_officer
        )
    application = decided_application(
        exporter.organisation,
        exporter,
        status="under_assessment",
        lines=[("5A001.f", "MM", "5000.00")],
        end_user_name="Golden Eagle Trading",
    )
    url = f"/api/v1/diligence/cases/{application.pk}/evidence"
    shown = api(officer).get(url).json()
    assert {e["evidence"]["id"] for e in shown} == {by_name["id"], by_country["id"], by_entry["id"]}
    reasons = {e["evidence"]["id"]: " ".join(e["reasons"]) for e in shown}
    assert "Golden Eagle" in reasons[by_name["id"]] and "MM" in reasons[by_country["id"]]
    assert "5A001.f" in reasons[by_entry["id"]]
    assert len(services.missing_considerations(application)) == 3
    consider = f"/api/v1/diligence/cases/{application.pk}/evidence/{by_name['id']}/consideration"
    assert api(officer).post(consider, {"how": "maybe", "note": "hmm hmm"}).status_code == 400
    assert api(officer_other_state).post(consider, {"how": "relied_on", "note": "x" * 10}).status_code == 404
    response = api(officer).post(consider, {"how": "relied_on", "note": "Decisive for criterion 2."})
    assert response.status_code == 200 and response.json()["how"] == "relied_on"
    assert len(services.missing_considerations(application)) == 2
    assert api(officer_other_state).get(url).status_code == 404
    assert api(ngo).get(url).status_code == 404


def test_unaccepted_evidence_is_not_on_cases(api: Any, ngo: Any, officer: Any, exporter: Any) -> None:
    submit(api, ngo)
    application = decided_application(
        exporter.organisation,
        exporter,
        status="under_assessment",
        lines=[("5A001.f", "MM", "5000.00")],
        end_user_name="Golden Eagle Trading",
    )
    assert api(officer).get(f"/api/v1/diligence/cases/{application.pk}/evidence").json() == []
