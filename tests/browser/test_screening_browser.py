"""Screening a party and recording a disposition in real Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from dualuse.screening import services
from dualuse.screening.models import Disposition
from tests.browser.conftest import login
from tests.screening.app_support import FILES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sample_lists(transactional_db: Any) -> None:
    services.forget()
    for key in ("eu-fsf", "un-sc"):
        services.import_list_file(key, FILES[key])
    yield
    services.forget()


def test_screen_a_party_and_record_a_false_positive(
    live_server: Any, page: Any, exporter: Any, sample_lists: None
) -> None:
    login(page, live_server.url, exporter)
    page.goto(f"{live_server.url}/screening/")
    page.get_by_label("Name").fill("Yevgeniy Krivoplyosov")
    page.get_by_label("Type").select_option("person")
    page.get_by_label("Birth date").fill("1968")
    page.get_by_role("button", name="Screen").click()
    expect(page.locator("#summary")).to_contain_text("hit")
    hit = page.locator("section.hit").filter(has_text="eu-fsf:EU.9901.47")
    expect(hit).to_be_visible()
    expect(hit.locator("dl.entity")).to_contain_text(
        "Евгений Аркадьевич Кривоплёсов"
    )  # every name, every script
    expect(hit.locator("dl.entity")).to_contain_text("1968-03-14")
    hit.get_by_label("False positive").check()
    hit.get_by_label("Reason").fill("Our customer is another person, born 1968-07-02")
    hit.get_by_role("button", name="Record disposition").click()
    expect(page.get_by_role("status").filter(has_text="Disposition recorded")).to_be_visible()
    hit = page.locator("section.hit").filter(has_text="eu-fsf:EU.9901.47")
    expect(hit.locator(".disposition")).to_contain_text("False positive")
    disposition = Disposition.objects.get()
    assert disposition.decided_by == exporter and disposition.entity_ref == "eu-fsf:EU.9901.47"

    page.goto(f"{live_server.url}/screening/")  # the same party again: remembered, shown, not hidden
    page.get_by_label("Name").fill("KRIVOPLYOSOV, Yevgeniy")
    page.get_by_label("Type").select_option("person")
    page.get_by_label("Birth date").fill("1968")
    page.get_by_role("button", name="Screen").click()
    hit = page.locator("section.hit").filter(has_text="eu-fsf:EU.9901.47")
    expect(hit.locator(".badge.warn")).to_contain_text("remembered false positive")
