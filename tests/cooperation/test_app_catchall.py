"""The human-rights catch-all (Art 5) end to end under both rules, votes, deadlines, and the EU-wide list."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from typing import Any

import pytest

from dualuse.accounts.models import Organisation, User
from dualuse.cooperation import services
from dualuse.cooperation.models import CatchAllNotification, EUListEntry, EUListProposal, Vote
from dualuse.cooperation.population import EU_MEMBER_STATES
from dualuse.determination.rules.facts import Activity, Facts, Line

pytestmark = pytest.mark.django_db

URL = "/api/v1/cooperation"
NOTIFICATION = {
    "item_name": "Lawful-intercept mediation platform",
    "item_description": "Collects and analyses data retained by telecom operators.",
    "concern": "The end user is a security service named in UN reports on arbitrary detention.",
    "destination": "AE",
    "parameters": {"interfaces": "ETSI HI2/HI3"},
    "entities": [
        {
            "name": "Orion Security Solutions LLC",
            "country": "AE",
            "identifiers": {"lei": "529900T8BM49AURSDO55"},
        }
    ],
}


def representatives() -> dict[str, User]:
    """A state representative for each of the 27 Member States (their authority created if missing)."""
    reps = {}
    for state in sorted(EU_MEMBER_STATES):
        org = Organisation.objects.filter(
            kind="authority", member_state=state
        ).first() or Organisation.objects.create(
            name=f"Authority {state}", kind="authority", member_state=state
        )
        reps[state] = User.objects.filter(username=f"rep-{state.lower()}").first() or User.objects.create(
            username=f"rep-{state.lower()}", organisation=org, role="state_representative"
        )
    return reps


def notified_and_decided(
    api: Any, exporter: Any, officer: Any
) -> tuple[CatchAllNotification, EUListProposal]:
    created = api(exporter).post(f"{URL}/catch-all-notifications", NOTIFICATION)
    assert created.status_code == 201, created.content
    n = CatchAllNotification.objects.get(pk=created.json()["id"])
    decided = api(officer).post(
        f"{URL}/catch-all-notifications/{n.pk}/decide",
        {"required": True, "reason": "Serious risk of internal repression."},
    )
    assert decided.status_code == 200, decided.content
    return n, EUListProposal.objects.get(notification=n)


def test_who_sees_a_notification_before_and_after_it_is_shared(
    api: Any, exporter: Any, other_exporter: Any, officer: Any, officer_other_state: Any, commission: Any
) -> None:
    body = api(exporter).post(f"{URL}/catch-all-notifications", NOTIFICATION).json()
    assert body["status"] == "notified" and body["origin"] == "exporter" and body["member_state"] == "DE"
    pk = body["id"]
    assert api(officer).get(f"{URL}/catch-all-notifications/{pk}").status_code == 200
    for user in (other_exporter, officer_other_state, commission):
        assert api(user).get(f"{URL}/catch-all-notifications/{pk}").status_code == 404
    # Only the authority notified decides.
    decide = {"required": True, "reason": "Risk of repression."}
    assert (
        api(officer_other_state).post(f"{URL}/catch-all-notifications/{pk}/decide", decide).status_code == 404
    )
    assert api(exporter).post(f"{URL}/catch-all-notifications/{pk}/decide", decide).status_code == 403
    assert api(officer).post(f"{URL}/catch-all-notifications/{pk}/decide", decide).status_code == 200
    assert api(officer).post(f"{URL}/catch-all-notifications/{pk}/decide", decide).status_code == 409
    for user in (officer_other_state, commission):  # Art 5(4): shared with the states and the Commission
        seen = api(user).get(f"{URL}/catch-all-notifications/{pk}").json()
        assert seen["proposal_id"] and seen["shared_at"]
    mine = api(exporter).get(f"{URL}/catch-all-notifications/{pk}").json()
    assert mine["status"] == "required"
    assert "proposal_id" not in mine and "exporter_id" not in mine and "shared_at" not in mine
    assert api(exporter).get(f"{URL}/proposals").json() == []
    assert api(exporter).get(f"{URL}/proposals/{seen['proposal_id']}").status_code == 404


def test_bad_notification_is_400(api: Any, exporter: Any, officer: Any) -> None:
    response = api(exporter).post(f"{URL}/catch-all-notifications", {**NOTIFICATION, "destination": "QQ"})
    assert response.status_code == 400 and response.json()["field"] == "destination"
    assert (
        api(exporter).post(f"{URL}/catch-all-notifications", {**NOTIFICATION, "concern": ""}).status_code
        == 400
    )
    assert api(officer).post(f"{URL}/catch-all-notifications", NOTIFICATION).status_code == 403


def test_not_required_opens_no_proposal(
    api: Any, exporter: Any, officer: Any, officer_other_state: Any
) -> None:
    pk = api(exporter).post(f"{URL}/catch-all-notifications", NOTIFICATION).json()["id"]
    api(officer).post(f"{URL}/catch-all-notifications/{pk}/decide", {"required": False, "reason": "Benign."})
    assert not EUListProposal.objects.exists()
    assert api(officer_other_state).get(f"{URL}/catch-all-notifications/{pk}").status_code == 404


def test_art5_6_published_when_all_agree(
    api: Any, exporter: Any, officer: Any, settings: Any, anonymous_api: Any
) -> None:
    settings.CATCH_ALL_RULE = "art5_6"
    reps = representatives()
    n, proposal = notified_and_decided(api, exporter, officer)
    assert proposal.rule == "art5_6" and proposal.votes.count() == 27
    assert proposal.votes.get(member_state="DE").choice == "yes"  # the notifying state imposed it
    # Each vote's deadline: 30 working days on that state's own calendar (Art 5(5)).
    from dualuse.core.calendar import add_working_days

    for vote in proposal.votes.exclude(member_state="DE"):
        assert vote.deadline == add_working_days(proposal.opened_on, 30, vote.member_state)
    assert api(officer).post(f"{URL}/proposals/{proposal.pk}/votes", {"choice": "yes"}).status_code == 403
    others = [s for s in sorted(reps) if s != "DE"]
    for state in others[:-1]:
        assert (
            api(reps[state]).post(f"{URL}/proposals/{proposal.pk}/votes", {"choice": "yes"}).status_code
            == 201
        )
    assert (
        api(reps["FR"]).post(f"{URL}/proposals/{proposal.pk}/votes", {"choice": "no"}).status_code == 409
    )  # once
    assert not EUListEntry.objects.exists()
    assert anonymous_api.get(f"{URL}/eu-list").json() == []
    last = api(reps[others[-1]]).post(f"{URL}/proposals/{proposal.pk}/votes", {"choice": "yes"})
    assert last.status_code == 201
    proposal.refresh_from_db()
    assert proposal.status == "decided" and proposal.outcome == "published"
    assert proposal.result["answer"]["member_share_pct"] == 100.0
    assert proposal.result["population"]["total"] > 400_000_000
    listed = anonymous_api.get(f"{URL}/eu-list").json()
    assert [e["item_name"] for e in listed] == [NOTIFICATION["item_name"]]
    assert listed[0]["rule"] == "art5_6" and "the law" in listed[0]["rule_label"]
    assert listed[0]["destinations"] == ["AE"] and listed[0]["entities"][0]["name"].startswith("Orion")
    assert (
        listed[0]["review_due"]
        == (date.fromisoformat(listed[0]["listed_on"]) + timedelta(days=365)).isoformat()
    )


def test_art5_6_one_state_withholding_is_a_veto(exporter: Any, officer: Any, settings: Any, api: Any) -> None:
    settings.CATCH_ALL_RULE = "art5_6"
    reps = representatives()
    _, proposal = notified_and_decided(api, exporter, officer)
    for state in sorted(reps):
        if state != "DE":
            services.cast_vote(proposal, acting_user=reps[state], choice="no" if state == "MT" else "yes")
    proposal.refresh_from_db()
    assert proposal.outcome == "not_published" and proposal.result["answer"]["blocking_minority"] is True
    assert not EUListEntry.objects.exists()


def test_objection_rule_lists_when_few_object_after_the_deadline(
    api: Any, exporter: Any, officer: Any, settings: Any
) -> None:
    settings.CATCH_ALL_RULE = "objection_qmv"
    reps = representatives()
    _, proposal = notified_and_decided(api, exporter, officer)
    assert proposal.votes.count() == 26 and not proposal.votes.filter(member_state="DE").exists()
    assert api(reps["DE"]).post(f"{URL}/proposals/{proposal.pk}/votes", {"choice": "no"}).status_code == 409
    for state in ("FR", "IT", "ES", "PL"):  # large states objecting: not a qualified majority
        services.cast_vote(proposal, acting_user=reps[state], choice="no")
    assert (
        api(officer).post(f"{URL}/proposals/{proposal.pk}/close").status_code == 409
    )  # deadlines not passed
    last_deadline = max(proposal.votes.values_list("deadline", flat=True))
    with pytest.raises(Exception, match="deadline"):
        services.cast_vote(
            proposal, acting_user=reps["NL"], choice="no", on=last_deadline + timedelta(days=1)
        )
    closed = [p.pk for p in services.close_due_proposals(last_deadline + timedelta(days=1))]
    assert closed == [proposal.pk]
    proposal.refresh_from_db()
    assert proposal.outcome == "listed"
    entry = EUListEntry.objects.get()
    assert entry.rule == "objection_qmv" and "not the law" in entry.rule_label
    assert "not the law" in entry.legal_basis


def test_objection_rule_a_qualified_majority_objecting_keeps_it_off(
    exporter: Any, officer: Any, settings: Any, api: Any
) -> None:
    settings.CATCH_ALL_RULE = "objection_qmv"
    reps = representatives()
    _, proposal = notified_and_decided(api, exporter, officer)
    for state in sorted(reps):
        if state != "DE":
            services.cast_vote(
                proposal, acting_user=reps[state], choice="yes" if state in {"MT", "LU"} else "no"
            )
    proposal.refresh_from_db()
    assert proposal.status == "decided" and proposal.outcome == "not_listed"
    assert not EUListEntry.objects.exists()


def test_extension_at_most_thirty_more_working_days(
    api: Any, exporter: Any, officer: Any, settings: Any
) -> None:
    settings.CATCH_ALL_RULE = "objection_qmv"
    reps = representatives()
    _, proposal = notified_and_decided(api, exporter, officer)
    url = f"{URL}/proposals/{proposal.pk}/extension"
    assert api(reps["FR"]).post(url, {"days": 31, "reason": "exceptional"}).status_code == 400
    ok = api(reps["FR"]).post(url, {"days": 30, "reason": "exceptional"})
    assert ok.status_code == 200
    from dualuse.core.calendar import add_working_days

    assert date.fromisoformat(ok.json()["deadline"]) == add_working_days(proposal.opened_on, 60, "FR")
    assert api(reps["FR"]).post(url, {"days": 1, "reason": "more"}).status_code == 400


def test_vote_reminders(api: Any, exporter: Any, officer: Any, settings: Any) -> None:
    settings.CATCH_ALL_RULE = "objection_qmv"
    representatives()
    _, proposal = notified_and_decided(api, exporter, officer)
    fr = Vote.objects.get(proposal=proposal, member_state="FR")
    due = [r for r in services.remind(fr.deadline - timedelta(days=1)) if r.kind == "vote_due"]
    assert "FR" in {r.to_state for r in due}


def test_authority_informs_exporter_art5_1(
    api: Any, exporter: Any, officer: Any, officer_other_state: Any, settings: Any
) -> None:
    settings.CATCH_ALL_RULE = "art5_6"
    body = {**NOTIFICATION, "exporter": exporter.organisation_id, "share_entities": False}
    created = api(officer).post(f"{URL}/catch-all-notifications/inform", body)
    assert created.status_code == 201, created.content
    n = CatchAllNotification.objects.get(pk=created.json()["id"])
    assert n.origin == "authority" and n.status == "required" and n.proposal.status == "voting"
    assert api(exporter).get(f"{URL}/catch-all-notifications/{n.pk}").json()["status"] == "required"
    foreign = {
        **body,
        "exporter": Organisation.objects.create(name="FR exp", kind="exporter", member_state="FR").pk,
    }
    assert api(officer).post(f"{URL}/catch-all-notifications/inform", foreign).status_code == 400


def published_entry(**over: Any) -> EUListEntry:
    data = {
        "reference": "EU-CS-2026-001",
        "item_name": "Lawful-intercept mediation platform",
        "item_description": "Collects retained data.",
        "related_entry_codes": ["5A001.j"],
        "keywords": ["mediation platform"],
        "destinations": ["AE"],
        "rule": "art5_6",
        "legal_basis": "Art 5(6)",
        "listed_on": date(2026, 2, 2),
        "review_due": date(2027, 2, 2),
        "entities": [
            {
                "name": "Orion Security Solutions LLC",
                "country": "AE",
                "identifiers": {"lei": "529900T8BM49AURSDO55"},
            }
        ],
    }
    return EUListEntry.objects.create(**{**data, **over})


def test_public_sees_only_published_entries(anonymous_api: Any, api: Any, commission: Any) -> None:
    entry = published_entry()
    published_entry(reference="EU-CS-2026-002", status="withdrawn")
    assert [e["reference"] for e in anonymous_api.get(f"{URL}/eu-list").json()] == [entry.reference]
    assert anonymous_api.get(f"{URL}/eu-list/EU-CS-2026-002").status_code == 404
    assert len(api(commission).get(f"{URL}/eu-list").json()) == 2
    review = api(commission).post(
        f"{URL}/eu-list/{entry.reference}/review", {"action": "withdraw", "note": "lapsed"}
    )
    assert review.status_code == 200 and review.json()["status"] == "withdrawn"
    assert anonymous_api.get(f"{URL}/eu-list").json() == []
    assert (
        anonymous_api.post(
            f"{URL}/eu-list/{entry.reference}/review", {"action": "renew", "note": "x"}
        ).status_code
        == 401
    )


def test_downloads_csv_json_ftm(client: Any) -> None:
    published_entry()
    published_entry(reference="EU-CS-2026-002", status="withdrawn")
    rows = list(csv.DictReader(io.StringIO(client.get("/eu-list/eu-list.csv").content.decode())))
    assert [r["reference"] for r in rows] == ["EU-CS-2026-001"] and rows[0]["destinations"] == "AE"
    assert rows[0]["rule"] == "art5_6" and "the law" in rows[0]["rule_label"]
    doc = json.loads(client.get("/eu-list/eu-list.json").content)
    assert [e["reference"] for e in doc["entries"]] == ["EU-CS-2026-001"] and set(doc["rules"]) == {
        "art5_6",
        "objection_qmv",
    }
    lines = [
        json.loads(line) for line in client.get("/eu-list/eu-list.ftm.json").content.decode().splitlines()
    ]
    company = next(e for e in lines if e["schema"] == "Company")
    assert company["target"] is True and company["properties"]["name"] == ["Orion Security Solutions LLC"]
    assert company["properties"]["leiCode"] == ["529900T8BM49AURSDO55"]
    sanction = next(e for e in lines if e["schema"] == "Sanction")
    assert sanction["properties"]["entity"] == [company["id"]]


def test_ftm_download_reads_back_through_the_screening_parser(client: Any) -> None:
    parsers = pytest.importorskip("dualuse.screening.parsers")
    published_entry()
    result = parsers.parse("opensanctions", io.BytesIO(client.get("/eu-list/eu-list.ftm.json").content))
    assert not result.issues
    assert [e.names[0].full for e in result.entities] == ["Orion Security Solutions LLC"]


def test_rule_source_adapter_feeds_determinations() -> None:
    published_entry()
    published_entry(
        reference="EU-CS-2026-002",
        item_name="Spyware kit",
        keywords=[],
        destinations=[],
        related_entry_codes=[],
        rule="objection_qmv",
    )
    sources = services.rule_sources()
    assert {(s.mode, s.destinations) for s in sources} == {("law", frozenset({"AE"})), ("proposal", None)}
    law = next(s for s in sources if s.mode == "law")
    to_uae = Facts(
        "DE", Activity.EXPORT, "AE", (Line(1, None, "Our lawful-intercept MEDIATION PLATFORM v3"),)
    )
    found = law.requirements(to_uae)
    assert len(found) == 1 and found[0].reasons[0].basis == ("Art 5(6)", "EU-CS-2026-001")
    to_norway = Facts("DE", Activity.EXPORT, "NO", to_uae.lines)
    assert law.requirements(to_norway) == []
    by_code = Facts("DE", Activity.EXPORT, "AE", (Line(1, "5A001.j.1", "IP network surveillance"),))
    assert len(law.requirements(by_code)) == 1
    proposal = next(s for s in sources if s.mode == "proposal")
    assert (
        len(proposal.requirements(Facts("DE", Activity.EXPORT, "BR", (Line(1, None, "spyware kit"),)))) == 1
    )


def test_sync_screening_source_imports_eu_cyber() -> None:
    pytest.importorskip("dualuse.screening.services.lists")
    assert services.sync_screening_source() is None  # nothing published: nothing imported
    published_entry()
    outcome = services.sync_screening_source()
    assert outcome.source.key == "eu-cyber" and outcome.version.entity_count == 1
