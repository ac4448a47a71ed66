"""Due diligence ending in "notify", and civil-society evidence reaching an officer's case, in real Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from dualuse.diligence.steps import RED_FLAGS
from tests.browser.conftest import login
from tests.transparency.factories import decided_application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_second_factor(settings: Any) -> None:
    settings.REQUIRE_OTP_FOR_AUTHORITIES = False  # the OTP flow has its own tests


def test_exporter_fills_a_record_ending_in_notify(live_server: Any, page: Any, exporter: Any) -> None:
    login(page, live_server.url, exporter)
    page.goto(f"{live_server.url}/diligence/")
    page.get_by_role("link", name="New due-diligence record").click()
    page.get_by_label("Your transaction reference").fill("PO-2026-7")
    page.get_by_label("Coverage").select_option("meets_definition")
    page.get_by_label("Why").fill("Specially designed for the covert tracking of persons.")
    page.get_by_label("Item description").fill("Location analytics platform")
    page.get_by_label("Capabilities (covert? aimed at people? what data?)").fill(
        "Tracks subscribers covertly."
    )
    page.get_by_label("End user", exact=True).fill("Golden Eagle Trading")
    page.get_by_label("Type of end user (government, police, private ...)").fill("police reseller")
    page.get_by_label("Stated end use").fill("Network quality analysis")
    page.get_by_label("Destination country").select_option("MM")
    page.get_by_label("Human-rights situation, with the evidence used").fill("UN reports on surveillance.")
    for flag in RED_FLAGS:
        block = page.locator(f"#flag-{flag.code}")
        if flag.code == "abusive_end_user":
            block.get_by_label("Yes", exact=True).check()
            block.get_by_label("Note", exact=True).fill("NGO report 2025")
        else:
            block.get_by_label("No", exact=True).check()
    page.get_by_label("Conclusion", exact=True).select_option("notify")
    page.get_by_label("Reason for the conclusion").fill("We are aware of a use for internal repression.")
    page.get_by_role("button", name="Save record").click()
    expect(page.get_by_role("status")).to_contain_text("Notify the competent authority (Art 5(2))")
    expect(page.locator("#notification")).to_contain_text("Art 5(2) notification")


def test_ngo_evidence_reaches_the_officer_on_a_case(
    live_server: Any, page: Any, ngo: Any, officer: Any, exporter: Any
) -> None:
    login(page, live_server.url, ngo)
    page.goto(f"{live_server.url}/evidence/new/")
    page.get_by_label("The evidence is about").select_option("end_user")
    page.get_by_label("Country").select_option("MM")
    page.get_by_label("End user's name").fill("Golden Eagle Trading LLC")
    page.get_by_label("Title").fill("Golden Eagle resells interception kits to the police")
    page.get_by_label("Summary").fill(
        "Company records show interception kits resold to the police since 2024."
    )
    page.get_by_label("Sources (one URL or citation a line)").fill("https://example.org/report")
    page.get_by_label("Date the evidence speaks of").fill("2025-05-01")
    page.get_by_role("button", name="Submit evidence").click()
    expect(page.get_by_role("status")).to_contain_text("Awaiting moderation")
    evidence_url = page.url
    page.context.clear_cookies()

    application = decided_application(
        exporter.organisation,
        exporter,
        status="under_assessment",
        lines=[("5A001.f", "MM", "5000.00")],
        end_user_name="Golden Eagle Trading",
    )
    login(page, live_server.url, officer)
    page.goto(evidence_url)
    page.get_by_label("Note to the submitter").fill("Sources checked.")
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Accepted")
    page.goto(f"{live_server.url}/evidence/cases/{application.pk}/")
    item = page.locator(".evidence-item").first
    expect(item).to_contain_text("Golden Eagle resells interception kits")
    expect(item.locator(".why")).to_contain_text("Golden Eagle Trading")
    item.get_by_label("How it was considered").select_option("relied_on")
    item.get_by_label("Note", exact=True).fill("Decisive for criterion 2.")
    item.get_by_role("button", name="Record consideration").click()
    expect(page.locator(".evidence-item .considered").first).to_contain_text("Relied on in the assessment")
