"""Denial notices: who sees them, bad input, review (Art 16(2)) and matching with explanations."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dualuse.cooperation import services
from dualuse.cooperation.models import DenialNotice, DenialStatus

URL = "/api/v1/cooperation/denial-notices"
BODY = {
    "items": [{"entry_code": "5A001.f", "description": "IMSI catcher", "parameters": {"range": "2 km"}}],
    "parties": [
        {
            "role": "end_user",
            "name": "Orion Security Solutions LLC",
            "country": "AE",
            "identifiers": {"registration": "DXB-774411"},
        }
    ],
    "reasons": "Clear risk of internal repression (criterion 2).",
    "criteria": ["cp_2"],
    "destination": "AE",
}


def notice_by(user: Any, **over: Any) -> DenialNotice:
    data = {**BODY, **over}
    return services.notify_denial(
        acting_user=user,
        items=data["items"],
        parties=data["parties"],
        reasons=data["reasons"],
        criteria=data["criteria"],
        destination=data["destination"],
    )


def test_officer_notifies_and_every_state_and_the_commission_see_it(
    api: Any, officer_other_state: Any, officer: Any, commission: Any
) -> None:
    response = api(officer_other_state).post(URL, BODY)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["member_state"] == "FR" and body["status"] == "valid"
    assert body["reference"].startswith("DN-FR-")
    # Art 16(2): review within 3 years of notification.
    notified = date.fromisoformat(body["notified_on"])
    assert date.fromisoformat(body["review_due"]) == notified.replace(year=notified.year + 3)
    for user in (officer, commission, officer_other_state):
        listed = api(user).get(URL).json()
        assert [n["id"] for n in listed] == [body["id"]]
        assert api(user).get(f"{URL}/{body['id']}").status_code == 200


@pytest.mark.parametrize(("who", "code"), [("exporter", 404), ("ngo", 404), ("anonymous", 401)])
def test_exporters_ngos_and_the_public_never_see_a_notice(
    api: Any, request: Any, officer_other_state: Any, who: str, code: int
) -> None:
    notice = notice_by(officer_other_state)
    client = api(None) if who == "anonymous" else api(request.getfixturevalue(who))
    assert client.get(f"{URL}/{notice.pk}").status_code == code
    listing = client.get(URL)
    assert listing.status_code == (401 if who == "anonymous" else 200)
    if who != "anonymous":
        assert listing.json() == []


@pytest.mark.parametrize("who", ["exporter", "commission", "ngo"])
def test_only_officers_notify(api: Any, request: Any, who: str) -> None:
    assert api(request.getfixturevalue(who)).post(URL, BODY).status_code == 403
    assert DenialNotice.objects.count() == 0


def test_bad_input_is_400_with_every_problem(api: Any, officer: Any) -> None:
    bad = {**BODY, "items": [{"entry_code": "5Z999"}, {"entry_code": ""}], "destination": "XX"}
    response = api(officer).post(URL, bad)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "cooperation_invalid_input"
    fields = {p["field"] for p in body["problems"]}
    assert fields == {"items[0].entry_code", "items[1].entry_code"}
    missing = api(officer).post(URL, {k: v for k, v in BODY.items() if k != "reasons"})
    assert missing.status_code == 400 and "reasons" in missing.json()["message"]
    empty = api(officer).post(URL, {**BODY, "reasons": "   "})
    assert empty.status_code == 400


def test_review_revoke_amend_renew(api: Any, officer: Any, officer_other_state: Any) -> None:
    notice = notice_by(officer_other_state)
    url = f"{URL}/{notice.pk}/review"
    # Only the issuing state reviews.
    assert api(officer).post(url, {"action": "renew", "note": "not ours"}).status_code == 403
    assert api(officer_other_state).post(url, {"action": "explode", "note": "x"}).status_code == 400
    amend = api(officer_other_state).post(
        url,
        {"action": "amend", "note": "new name", "parties": [{"name": "Orion Security FZE", "country": "AE"}]},
    )
    assert amend.status_code == 200 and amend.json()["parties"][0]["name"] == "Orion Security FZE"
    renewed = api(officer_other_state).post(url, {"action": "renew", "note": "still valid"})
    assert renewed.status_code == 200
    revoked = api(officer_other_state).post(url, {"action": "revoke", "note": "end user dissolved"})
    assert revoked.json()["status"] == "revoked"
    notice.refresh_from_db()
    assert notice.status == DenialStatus.REVOKED and notice.reviews.count() == 3
    assert api(officer_other_state).post(url, {"action": "renew", "note": "again"}).status_code == 409
    assert not DenialNotice.objects.valid().exists()


def test_match_explains_items_and_parties_and_ignores_revoked(
    api: Any, officer: Any, officer_other_state: Any
) -> None:
    notice = notice_by(officer_other_state)
    case = {
        "items": [{"entry_code": "5A001.f.1", "parameters": {"range": "2.1 km"}}],
        "parties": [{"role": "end_user", "name": "ORION SECURITY SOLUTIONS L.L.C.", "country": "AE"}],
    }
    matches = api(officer).post(f"{URL}/match", case).json()
    assert [m["denial_notice"] for m in matches] == [notice.pk]
    text = " ".join(matches[0]["explanation"])
    assert "5A001.f.1 falls under 5A001.f" in text
    assert "range" in text and "within" in text
    assert "name similarity" in text
    # Another end user is not the same transaction (Art 2(22) needs both).
    other = {**case, "parties": [{"name": "Blue Ocean Telecom", "country": "AE"}]}
    assert api(officer).post(f"{URL}/match", other).json() == []
    # Parameters far apart: not essentially identical items.
    far = {**case, "items": [{"entry_code": "5A001.f", "parameters": {"range": "20 km"}}]}
    assert api(officer).post(f"{URL}/match", far).json() == []
    # Same identifier, different spelling: a match on the identifier.
    ident = {
        **case,
        "parties": [{"name": "OSS Dubai", "country": "AE", "identifiers": {"registration": "dxb 774411"}}],
    }
    assert "same identifier" in " ".join(api(officer).post(f"{URL}/match", ident).json()[0]["explanation"])
    services.review_denial(notice, acting_user=officer_other_state, action="revoke", note="gone")
    assert api(officer).post(f"{URL}/match", case).json() == []


def test_match_is_not_for_exporters(api: Any, exporter: Any) -> None:
    case = {"items": [{"entry_code": "5A001.f"}], "parties": [{"name": "X", "country": "AE"}]}
    assert api(exporter).post(f"{URL}/match", case).status_code == 404


def test_review_reminder_before_three_years(officer_other_state: Any) -> None:
    notice = notice_by(officer_other_state)
    near = notice.review_due.replace(day=1)
    reminders = [r for r in services.remind(near) if r.kind == "denial_review_due"]
    assert [r.reference for r in reminders] == [notice.reference]
    assert reminders[0].to_state == "FR"
    assert [r for r in services.remind(near) if r.kind == "denial_review_due"] == []  # once a day
    assert [r for r in services.remind(notice.notified_on) if r.kind == "denial_review_due"] == []


def test_licensing_denials_are_pulled_into_notices(officer: Any, senior_officer: Any, exporter: Any) -> None:
    from dualuse.licensing.models import Decision, Denial
    from tests.cooperation.test_app_consultations import make_case

    case = make_case(officer, exporter)
    Decision.objects.create(
        application=case,
        outcome="deny",
        reasons="Risk.",
        criteria=["cp_2"],
        status="countersigned",
        proposed_by=officer,
        reviewed_by=senior_officer,
    )
    denial = Denial.objects.create(
        application=case,
        authority=officer.organisation,
        member_state="DE",
        denied_on=date(2026, 1, 5),
        criteria=["cp_2"],
        reasons="Risk of repression.",
        destination="AE",
        lines=[{"entry_code": "5A001.f", "description": "IMSI catcher"}],
        parties=[{"role": "end_user", "name": "Orion", "country": "AE", "kind": "commercial"}],
    )
    kinds = [r.kind for r in services.remind(date(2026, 1, 6))]
    assert "denial_notified" in kinds
    notice = DenialNotice.objects.get(licensing_denial=denial)
    assert notice.member_state == "DE" and notice.application == case and notice.created_by == senior_officer
    assert notice.items[0]["entry_code"] == "5A001.f" and notice.denied_on == date(2026, 1, 5)
    assert services.sync_licensing_denials() == []  # once
