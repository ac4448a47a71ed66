"""Consultations (Art 16, Art 14(1)): working-day deadlines on the consulted state's calendar, answers,
silence, extensions, the grant blockers licensing calls, and granting despite a refusal."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from dualuse.cooperation import services
from dualuse.cooperation.models import Consultation, ConsultationStatus, GrantDespiteDenial
from dualuse.licensing.models import Application, ApplicationLine, Party
from tests.cooperation.test_app_denials import notice_by

URL = "/api/v1/cooperation"


def make_case(
    officer: Any, exporter: Any, *, name: str = "Orion Security Solutions L.L.C.", located: str = ""
) -> Application:
    application = Application.objects.create(
        exporter=exporter.organisation,
        authority=officer.organisation,
        created_by=exporter,
        title="IMSI catchers to the UAE",
        status="under_assessment",
        items_located_in=located,
    )
    ApplicationLine.objects.create(
        application=application,
        description="IMSI catcher",
        entry_code="5A001.f",
        quantity=Decimal(1),
        value_eur=Decimal(1000),
        destination="AE",
    )
    Party.objects.create(application=application, role="end_user", name=name, country="AE")
    return application


def working_days(start: date, n: int, holidays: set[date]) -> date:
    """An independent count: weekdays not in `holidays`, the start day not counted."""
    day = start
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            n -= 1
    return day


def test_deadline_counts_working_days_on_the_consulted_state_calendar(
    officer: Any, exporter: Any, officer_other_state: Any
) -> None:
    notice = notice_by(officer_other_state)  # FR refused
    case = make_case(officer, exporter)
    friday = date(2025, 12, 19)
    c = services.request_consultation(case, notice, acting_user=officer, on=friday)
    # France: 25 December and 1 January are holidays; 26 December is not (outside Alsace-Moselle).
    expected = working_days(friday, 10, {date(2025, 12, 25), date(2026, 1, 1)})
    assert c.deadline == expected == date(2026, 1, 6)
    # The same request to Germany would end a day later: 26 December is a holiday there.
    assert services.consultations.deadline_for(friday, "DE") == date(2026, 1, 7)


def test_match_blocks_until_consulted_then_answer_then_reason(
    api: Any, officer: Any, exporter: Any, officer_other_state: Any, commission: Any
) -> None:
    notice = notice_by(officer_other_state)
    case = make_case(officer, exporter)
    blockers = api(officer).get(f"{URL}/applications/{case.pk}/blockers").json()
    assert [b["code"] for b in blockers] == ["consult_denying_state"]
    assert blockers[0]["denial_notice"] == notice.pk and blockers[0]["explanation"]
    # The exporter and the other state's officer cannot see the case's blockers.
    assert api(exporter).get(f"{URL}/applications/{case.pk}/blockers").status_code == 404
    assert api(officer_other_state).get(f"{URL}/applications/{case.pk}/blockers").status_code == 404

    created = api(officer).post(
        f"{URL}/consultations", {"application": case.pk, "denial_notice": notice.pk, "question": "Identical?"}
    )
    assert created.status_code == 201, created.content
    c = created.json()
    assert c["consulted_state"] == "FR" and c["status"] == "open" and not c["overdue"]
    assert any("falls under" in r or "same entry" in r for r in c["match_explanation"])
    assert (
        api(officer)
        .post(f"{URL}/consultations", {"application": case.pk, "denial_notice": notice.pk})
        .status_code
        == 409
    )
    assert [b.code for b in services.granting_blockers(case)] == ["consultation_pending"]

    # Only the consulted state answers; the answer must fit the kind of consultation.
    assert (
        api(officer).post(f"{URL}/consultations/{c['id']}/answer", {"answer": "identical"}).status_code == 403
    )
    assert (
        api(officer_other_state)
        .post(f"{URL}/consultations/{c['id']}/answer", {"answer": "objection"})
        .status_code
        == 400
    )
    answered = api(officer_other_state).post(
        f"{URL}/consultations/{c['id']}/answer", {"answer": "identical", "text": "Same end user."}
    )
    assert answered.json()["status"] == "answered"
    assert [b.code for b in services.granting_blockers(case)] == ["reason_required"]

    short = api(officer).post(
        f"{URL}/applications/{case.pk}/grant-despite-denial",
        {"denial_notice": notice.pk, "reason": "because"},
    )
    assert short.status_code == 400
    granted = api(officer).post(
        f"{URL}/applications/{case.pk}/grant-despite-denial",
        {"denial_notice": notice.pk, "reason": "End-use monitoring agreed; item is lower-grade."},
    )
    assert granted.status_code == 201
    assert services.granting_blockers(case) == []
    # Every state and the Commission are informed, with the reasons (Art 16).
    for user in (officer_other_state, commission):
        overrides = api(user).get(f"{URL}/denial-notices/{notice.pk}").json()["overrides"]
        assert overrides[0]["member_state"] == "DE" and "monitoring" in overrides[0]["reason"]
    assert GrantDespiteDenial.objects.for_user(exporter).count() == 0


def test_not_identical_answer_clears(officer: Any, exporter: Any, officer_other_state: Any) -> None:
    notice = notice_by(officer_other_state)
    case = make_case(officer, exporter)
    c = services.request_consultation(case, notice, acting_user=officer)
    services.answer_consultation(
        c, acting_user=officer_other_state, answer="not_identical", text="Other model."
    )
    assert services.granting_blockers(case) == []


def test_own_state_refusals_and_other_end_users_do_not_block(officer: Any, exporter: Any) -> None:
    notice_by(officer)  # DE's own refusal: Art 16 asks to consult *another* state
    assert services.granting_blockers(make_case(officer, exporter)) == []


def test_silence_past_the_deadline_counts_and_lapses(
    officer: Any, exporter: Any, officer_other_state: Any
) -> None:
    notice = notice_by(officer_other_state)
    case = make_case(officer, exporter)
    start = date(2026, 3, 2)
    c = services.request_consultation(case, notice, acting_user=officer, on=start)
    assert services.granting_blockers(case, on=c.deadline)[0].code == "consultation_pending"
    assert not services.is_overdue(c, c.deadline)
    after = c.deadline + timedelta(days=1)
    assert services.is_overdue(c, after)
    assert services.granting_blockers(case, on=after) == []  # Art 16: silence = not essentially identical
    due = [r for r in services.remind(c.deadline - timedelta(days=1)) if r.kind == "consultation_due"]
    assert [(r.reference, r.to_state) for r in due] == [(c.reference, "FR")]
    lapsed = [r for r in services.remind(after) if r.kind == "consultation_lapsed"]
    assert [r.to_state for r in lapsed] == ["DE"]
    c.refresh_from_db()
    assert c.status == ConsultationStatus.LAPSED


def test_extension_at_most_thirty_working_days_in_all(
    api: Any, officer: Any, exporter: Any, officer_other_state: Any
) -> None:
    notice = notice_by(officer_other_state)
    case = make_case(officer, exporter)
    c = services.request_consultation(case, notice, acting_user=officer, on=date(2026, 2, 2))
    url = f"{URL}/consultations/{c.pk}/extend"
    assert api(officer).post(url, {"days": 5, "reason": "x"}).status_code == 403
    assert api(officer_other_state).post(url, {"days": 21, "reason": "need more"}).status_code == 400
    ok = api(officer_other_state).post(url, {"days": 20, "reason": "technical check"})
    assert ok.status_code == 200
    assert date.fromisoformat(ok.json()["deadline"]) == working_days(date(2026, 2, 2), 30, set())
    assert api(officer_other_state).post(url, {"days": 1, "reason": "more"}).status_code == 400


def test_art14_objection_is_binding_and_silence_is_no_objection(
    api: Any, officer: Any, exporter: Any, officer_other_state: Any
) -> None:
    case = make_case(officer, exporter, name="Someone Else Ltd", located="FR")
    assert [b.code for b in services.granting_blockers(case)] == ["consult_location_state"]
    created = api(officer).post(f"{URL}/consultations/location", {"application": case.pk})
    assert created.status_code == 201 and created.json()["kind"] == "art14_1"
    c = Consultation.objects.get(pk=created.json()["id"])
    assert [b.code for b in services.granting_blockers(case)] == ["consultation_pending"]
    assert services.granting_blockers(case, on=c.deadline + timedelta(days=1)) == []
    assert (
        api(officer_other_state)
        .post(f"{URL}/consultations/{c.pk}/answer", {"answer": "objection"})
        .status_code
        == 400
    )
    api(officer_other_state).post(
        f"{URL}/consultations/{c.pk}/answer", {"answer": "objection", "text": "Stock is ours."}
    )
    assert [b.code for b in services.granting_blockers(case)] == ["binding_objection"]


def test_art14_needs_items_elsewhere(api: Any, officer: Any, exporter: Any) -> None:
    case = make_case(officer, exporter, located="DE")
    response = api(officer).post(f"{URL}/consultations/location", {"application": case.pk})
    assert response.status_code == 400 and response.json()["field"] == "items_located_in"


@pytest.mark.parametrize("who", ["exporter", "ngo", "other_exporter"])
def test_consultations_are_never_shown_outside_the_states(
    api: Any, request: Any, who: str, officer: Any, exporter: Any, officer_other_state: Any
) -> None:
    c = services.request_consultation(
        make_case(officer, exporter), notice_by(officer_other_state), acting_user=officer
    )
    client = api(request.getfixturevalue(who))
    assert client.get(f"{URL}/consultations").json() == []
    assert client.get(f"{URL}/consultations/{c.pk}").status_code == 404
    assert api(officer_other_state).get(f"{URL}/consultations/{c.pk}").status_code == 200
