"""The pages per role, the remind command, the demo loader."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from dualuse.cooperation import services
from dualuse.cooperation.models import CatchAllNotification, Consultation, DenialNotice, EUListProposal
from tests.cooperation.test_app_catchall import NOTIFICATION, published_entry, representatives
from tests.cooperation.test_app_consultations import make_case
from tests.cooperation.test_app_denials import notice_by

pytestmark = pytest.mark.django_db


def test_desk_per_role(client: Any, exporter: Any, officer: Any, officer_other_state: Any, ngo: Any) -> None:
    notice = notice_by(officer_other_state)
    assert client.get("/cooperation/").status_code == 302  # anonymous: to the login page
    client.force_login(exporter)
    page = client.get("/cooperation/").content.decode()
    assert "Notify a concern" in page and notice.reference not in page
    assert client.get(f"/cooperation/denials/{notice.pk}/").status_code == 404
    client.force_login(ngo)
    assert notice.reference not in client.get("/cooperation/").content.decode()
    assert client.get(f"/cooperation/denials/{notice.pk}/").status_code == 404
    client.force_login(officer)
    assert notice.reference in client.get("/cooperation/").content.decode()
    page = client.get(f"/cooperation/denials/{notice.pk}/").content.decode()
    assert "Orion Security Solutions LLC" in page and "Record review" not in page  # not DE's to review
    client.force_login(officer_other_state)
    assert "Record review" in client.get(f"/cooperation/denials/{notice.pk}/").content.decode()
    response = client.post(f"/cooperation/denials/{notice.pk}/", {"action": "revoke", "note": "dissolved"})
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.status == "revoked"


def test_consultation_page_answer(client: Any, exporter: Any, officer: Any, officer_other_state: Any) -> None:
    c = services.request_consultation(
        make_case(officer, exporter), notice_by(officer_other_state), acting_user=officer
    )
    client.force_login(officer)
    assert "Send answer" not in client.get(f"/cooperation/consultations/{c.pk}/").content.decode()
    client.force_login(officer_other_state)
    page = client.get(f"/cooperation/consultations/{c.pk}/").content.decode()
    assert "Send answer" in page and "Why it matched" in page
    bad = client.post(f"/cooperation/consultations/{c.pk}/", {"answer": "objection"})
    assert bad.status_code == 400
    client.post(f"/cooperation/consultations/{c.pk}/", {"answer": "not_identical", "text": "Different model"})
    assert Consultation.objects.get(pk=c.pk).answer == "not_identical"
    client.force_login(exporter)
    assert client.get(f"/cooperation/consultations/{c.pk}/").status_code == 404


def test_exporter_form_and_rule_labels(client: Any, exporter: Any, officer: Any, settings: Any) -> None:
    settings.CATCH_ALL_RULE = "objection_qmv"
    reps = representatives()
    client.force_login(exporter)
    bad = client.post("/cooperation/notifications/new/", {"item_name": "x"})
    assert bad.status_code == 400 and "required" in bad.content.decode()
    form = {
        **{k: NOTIFICATION[k] for k in ("item_name", "item_description", "concern", "destination")},
        "entities": "Orion Security Solutions LLC; AE",
        "parameters": "interfaces: HI2",
    }
    response = client.post("/cooperation/notifications/new/", form)
    assert response.status_code == 302
    n = CatchAllNotification.objects.get()
    assert n.entities[0]["country"] == "AE" and n.parameters == {"interfaces": "HI2"}
    client.force_login(officer)
    page = client.get(f"/cooperation/notifications/{n.pk}/").content.decode()
    assert "Record decision" in page and "EP 2018 proposal (not the law)" in page
    client.post(
        f"/cooperation/notifications/{n.pk}/", {"required": "yes", "reason": "Risk.", "share_entities": "on"}
    )
    proposal = EUListProposal.objects.get()
    client.force_login(reps["FR"])
    page = client.get(f"/cooperation/proposals/{proposal.pk}/").content.decode()
    assert "Object to the listing" in page and "not the law" in page
    client.post(f"/cooperation/proposals/{proposal.pk}/", {"choice": "no"})
    assert proposal.votes.get(member_state="FR").choice == "no"
    client.force_login(exporter)
    assert client.get(f"/cooperation/proposals/{proposal.pk}/").status_code == 404
    assert client.get("/cooperation/notifications/new/").status_code == 200
    client.force_login(officer)
    assert client.get("/cooperation/notifications/new/").status_code == 404


def test_public_list_page(client: Any) -> None:
    entry = published_entry()
    published_entry(reference="EU-CS-2026-002", item_name="Withdrawn thing", status="withdrawn")
    page = client.get("/eu-list/").content.decode()
    assert entry.reference in page and "Withdrawn thing" not in page and "Art 5(6)" in page
    assert client.get(f"/eu-list/{entry.reference}/").status_code == 200
    assert client.get("/eu-list/EU-CS-2026-002/").status_code == 404


def test_remind_command_json(officer_other_state: Any) -> None:
    notice = notice_by(officer_other_state)
    out = StringIO()
    call_command("cooperation", "remind", "--json", "--date", notice.review_due.isoformat(), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {"kind": "denial_review_due", "to_state": "FR", "reference": notice.reference}.items() <= lines[
        0
    ].items()
    out = StringIO()
    call_command("cooperation", "remind", "--date", notice.notified_on.isoformat(), stdout=out)
    assert out.getvalue().strip() == "nothing due"


def test_demo_loader_is_idempotent() -> None:
    from dualuse.accounts.models import Organisation, User
    from dualuse.accounts.services import create_user
    from dualuse.cooperation.demo import load
    from dualuse.core import demo

    for spec in demo.DEMO_ORGANISATIONS:
        Organisation.objects.get_or_create(name=spec["name"], defaults=spec)
    for spec in demo.DEMO_USERS:
        if not User.objects.filter(username=spec["username"]).exists():
            create_user(
                username=spec["username"],
                password="demo-password-x",
                organisation=Organisation.objects.get(name=spec["organisation"]),
                role=spec["role"],
            )
    said: list[str] = []
    load(said.append)
    load(said.append)
    assert DenialNotice.objects.count() == 1 and Consultation.objects.count() == 1
    assert EUListProposal.objects.get().status == "voting"
    assert said[-1] == "cooperation: already loaded"
