"""The "Do I need a licence?" wizard end to end in real Chromium, for a listed cyber-surveillance item."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_wizard_for_an_imsi_catcher_to_a_non_eu001_destination(
    live_server: Any, page: Any, control_list: Any, exporter: Any
) -> None:
    login(page, live_server.url, exporter)
    page.goto(f"{live_server.url}/determinations/new/")
    page.get_by_label("Description of the item").fill(
        "Portable IMSI catcher intercepting mobile phone identities"
    )
    page.get_by_role("button", name="Suggest entries from the description").click()
    use = page.locator("#suggestions [data-fill-code^='5A001.f']").first
    expect(use).to_be_visible()
    use.click()
    expect(page.get_by_label("Annex I entry (e.g. 5A001.f.1)")).to_have_value(
        use.get_attribute("data-fill-code")
    )
    page.get_by_label("Annex I entry (e.g. 5A001.f.1)").fill("5A001.f.1")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Export from the EU (Art 2(2))").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Country of destination").select_option("CN")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("End user (name)").fill("Provincial Public Security Bureau")
    page.get_by_label("Government").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="See the result").click()
    expect(page.locator("#outcome")).to_contain_text("Yes: an authorisation is required.")
    expect(page.locator("#legal-bases")).to_contain_text("Art 3(1)")
    expect(page.get_by_role("link", name="5A001.f.1").first).to_be_visible()
    expect(page.get_by_text("None can be used.")).to_be_visible()
