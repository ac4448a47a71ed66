"""The public control-list browser and the classify page, in real Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_browse_search_imsi_catcher_reach_5a001f_and_classify(
    live_server: Any, page: Any, control_list: Any
) -> None:
    page.goto(f"{live_server.url}/controllist/")
    expect(page.get_by_role("heading", name="EU control list (Annex I)")).to_be_visible()
    page.get_by_text("Category 5").click()
    page.get_by_role("link", name="Search", exact=True).first.click()
    page.get_by_label("Words, a trade name or a code").fill("IMSI catcher")
    result = page.locator("#results a.code").filter(has_text="5A001.f").first
    expect(result).to_be_visible()  # live results through htmx, no submit
    result.click()
    expect(page.locator("h1")).to_contain_text("5A001.f")
    expect(page.locator("h1 .badge.cyber")).to_be_visible()
    expect(page.locator("#entry-text")).to_contain_text("")

    page.goto(f"{live_server.url}/classify/")
    page.get_by_label("Product description").fill(
        "Portable IMSI catcher that impersonates a base station to intercept mobile phone identities"
    )
    page.get_by_role("button", name="Classify").click()
    expect(page.get_by_role("status")).to_contain_text("Likely listed")
    first = page.locator("#classification ol.results li").first
    expect(first.locator("a.code")).to_contain_text("5A001.f")
    expect(first.locator(".why li").first).to_be_visible()
