"""Art 5 end to end in real Chromium: the exporter notifies, its authority decides, the other states vote,
and the item appears on the public EU-wide list (and in the determination rule source)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from dualuse.cooperation import services
from dualuse.cooperation.models import EUListProposal
from dualuse.determination.rules.facts import Activity, Facts, Line
from tests.browser.conftest import login
from tests.conftest import PASSWORD
from tests.cooperation.test_app_catchall import representatives

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_notify_decide_vote_publish(
    transactional_db: Any, live_server: Any, page: Any, exporter: Any, officer: Any, settings: Any
) -> None:
    settings.CATCH_ALL_RULE = "art5_6"
    reps = representatives()
    for state in ("FR", "SE"):
        reps[state].set_password(PASSWORD)
        reps[state].save()
    base = live_server.url

    login(page, base, exporter)
    page.goto(f"{base}/cooperation/")
    page.get_by_role("link", name="Notify a concern").click()
    page.get_by_label("Item name").fill("Deep packet inspection probe")
    page.get_by_label("Item description").fill(
        "Probe that reconstructs subscribers' web sessions from backbone traffic."
    )
    page.get_by_label("Destination").select_option("AE")
    page.get_by_label("End users and other entities").fill("Orion Security Solutions LLC; AE")
    page.get_by_label("Your due-diligence findings").fill(
        "The buyer is the agency that monitors journalists."
    )
    page.get_by_role("button", name="Send to my authority").click()
    expect(page.locator("#status")).to_contain_text("Awaiting the authority's decision")
    page.context.clear_cookies()

    login(page, base, officer)
    page.goto(f"{base}/cooperation/")
    page.get_by_role("link", name="CA-DE-", exact=False).first.click()
    page.get_by_label("Yes, an authorisation is required").check()
    page.get_by_label("Reasons").fill("Serious risk of use against journalists (Art 5(1)).")
    page.get_by_role("button", name="Record decision").click()
    expect(page.locator("#status")).to_contain_text("Authorisation required")
    page.get_by_role("link", name="EP-DE-", exact=False).click()
    expect(page.locator("#rule")).to_contain_text("Art 5(6) (the law)")
    page.context.clear_cookies()

    proposal = EUListProposal.objects.get()
    for state, rep in reps.items():
        if state not in {"DE", "FR", "SE"}:
            services.cast_vote(proposal, acting_user=rep, choice="yes")
    for state in ("FR", "SE"):
        login(page, base, reps[state])
        page.goto(f"{base}/cooperation/proposals/{proposal.pk}/")
        page.get_by_label("Agree: the requirement should apply to essentially identical transactions").check()
        page.get_by_role("button", name="Cast vote").click()
        expect(page.locator("ul.messages")).to_contain_text("Saved.")
        if state == "FR":
            page.context.clear_cookies()
    # The last vote counts the ballot at once: Art 5(6) needs all 27, and all agreed.
    expect(page.locator("#outcome h2")).to_contain_text("published")
    expect(page.locator("#outcome")).to_contain_text("Members: 100.0 %")
    page.context.clear_cookies()

    page.goto(f"{base}/eu-list/")
    row = page.locator("#eu-list tbody tr").filter(has_text="Deep packet inspection probe")
    expect(row).to_be_visible()
    expect(row).to_contain_text("Art 5(6) (the law)")
    expect(row).to_contain_text("Orion Security Solutions LLC")
    row.get_by_role("link").first.click()
    expect(page.locator("h1")).to_contain_text("Deep packet inspection probe")

    # The determination engine's rule source now carries it (the determination pages are not wired yet).
    facts = Facts("SE", Activity.EXPORT, "AE", (Line(1, None, "DPI: deep packet inspection probe, 100G"),))
    found = [r for source in services.rule_sources() for r in source.requirements(facts)]
    assert len(found) == 1 and found[0].basis == "Art 5(6)"
