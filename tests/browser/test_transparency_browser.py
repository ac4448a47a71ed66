"""The public portal, the handbook and an accessibility check (axe-core), in real Chromium."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from dualuse.transparency import synthetic
from dualuse.transparency.models import DecisionRecord

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture
def dataset(transactional_db: Any) -> None:
    DecisionRecord.objects.bulk_create(
        DecisionRecord(**row) for row in synthetic.generate(600, seed=5, years=(2024, 2025), exporters=30)
    )


def test_visitor_filters_the_portal_and_downloads_the_csv(live_server: Any, page: Any, dataset: None) -> None:
    page.goto(f"{live_server.url}/transparency/")
    expect(page.get_by_role("heading", name="Transparency portal: decided applications")).to_be_visible()
    page.get_by_label("Member State", exact=True).select_option("DE")
    page.get_by_label("Year", exact=True).select_option("2025")
    page.get_by_label("Cyber-surveillance items only").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/transparency/?state=DE*")
    assert "year=2025" in page.url and "cyber=1" in page.url
    rows = page.locator("#decisions tbody tr")
    expect(rows.first).to_contain_text("DE")
    assert page.locator("figure svg").count() == 5
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8")
    data = list(csv.DictReader(io.StringIO(text)))
    assert data and {r["member_state"] for r in data} == {"DE"} and {r["year"] for r in data} == {"2025"}
    assert {r["cyber_surveillance"] for r in data} == {"true"}
    assert "exporter" not in text.splitlines()[0]


def test_handbook_search_finds_the_art_5_article(live_server: Any, page: Any) -> None:
    page.goto(f"{live_server.url}/handbook/")
    page.get_by_label("Search the handbook").fill("when does article 5 apply")
    page.get_by_role("button", name="Search").click()
    first = page.locator("#hits li a").first
    expect(first).to_have_text("When does Art 5 apply?")
    first.click()
    expect(page).to_have_url(f"{live_server.url}/handbook/when-does-art-5-apply/")
    expect(page.locator("article")).to_contain_text("Art 5(2)")


PUBLIC_PAGES = [
    "/transparency/",
    "/transparency/report/2025/",
    "/transparency/penalties/",
    "/handbook/",
    "/handbook/?q=art+5",
    "/handbook/when-does-art-5-apply/",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_serious_accessibility_violations(
    live_server: Any, browser: Any, dataset: None, path: str
) -> None:
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci` at the repository root")
    # The pages forbid inline scripts (CSP); the test context lets axe in, the pages stay as served.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}{path}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    context.close()
    assert serious == [], serious
