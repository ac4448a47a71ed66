"""The licensing path in real Chromium: draft and submit, assess and propose, countersign, download the PDF
licence and report a use; and the return-with-question and denial paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from dualuse.licensing import considerations, filetypes, services
from dualuse.licensing.models import Application
from tests.browser.conftest import login
from tests.licensing import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _settings(settings: Any, tmp_path: Path) -> None:
    settings.REQUIRE_OTP_FOR_AUTHORITIES = False  # the OTP page has its own test (tests/licensing)
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def as_user(browser: Any, live_server: Any) -> Iterator[Any]:
    contexts: list[Any] = []

    def open_as(user: Any) -> Any:
        context = browser.new_context(accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        login(page, live_server.url, user)
        return page

    yield open_as
    for context in contexts:
        context.close()


def _status(page: Any) -> Any:
    return page.locator(".case-status .status-badge")


def test_draft_submit_assess_countersign_download_and_use(
    live_server: Any,
    as_user: Any,
    control_list: Any,
    exporter: Any,
    officer: Any,
    senior_officer: Any,
    tmp_path: Path,
) -> None:
    url = live_server.url
    ex = as_user(exporter)
    ex.goto(f"{url}/applications/new/")
    ex.get_by_label("Title").fill("Pressure transducers for a refinery")
    ex.get_by_label("Intended end use").fill("Process control in the Jamnagar refinery; no re-export.")
    ex.get_by_label("Item 1 description").fill("Pressure transducers, corrosion resistant")
    ex.get_by_label("Item 1 Annex I entry").fill("2B230")
    ex.get_by_label("Item 1 quantity").fill("10")
    ex.get_by_label("Item 1 value in EUR").fill("12000.00")
    ex.get_by_label("Item 1 destination").select_option("IN")
    ex.get_by_label("Party 1 role").select_option("end_user")
    ex.get_by_label("Party 1 name").fill("Bharat Process Ltd")
    ex.get_by_label("Party 1 country").select_option("IN")
    ex.get_by_role("button", name="Save draft").click()
    expect(_status(ex)).to_have_text("Draft")
    expect(ex.locator("#problems")).to_contain_text("documents")  # what is still missing, and where
    statement = tmp_path / "end-use-statement.pdf"
    statement.write_bytes(filetypes.sample("pdf"))
    ex.get_by_label("Kind of document").select_option("end_use_statement")
    ex.get_by_label("File (PDF, PNG, JPEG, ODT, DOCX)").set_input_files(str(statement))
    ex.get_by_role("button", name="Upload").click()
    expect(ex.locator("#problems")).to_contain_text("Nothing is missing")
    ex.get_by_role("button", name="Submit application").click()
    expect(_status(ex)).to_have_text("Submitted")
    application = Application.objects.get(title="Pressure transducers for a refinery")

    off = as_user(officer)
    off.goto(f"{url}/cases/?queue=new")
    off.get_by_role("link", name=application.reference).click()
    off.get_by_role("button", name="Take up the case").click()
    expect(_status(off)).to_have_text("Under assessment")
    for c in considerations.required(False):
        off.get_by_label(f"Finding {c.code}").select_option("no_concern")
        off.get_by_label(f"Reasoning {c.code}").fill(f"Nothing of concern under {c.basis}.")
    off.get_by_role("button", name="Save assessment").click()
    expect(off.locator(".messages")).to_contain_text("12 consideration(s) saved")
    off.get_by_label("Outcome").select_option("grant_with_conditions")
    off.get_by_label("Reasons").fill("No concern under any criterion.")
    off.get_by_label("Conditions (grant with conditions)").fill("No re-export without prior consent.")
    off.get_by_role("button", name="Propose decision").click()
    expect(_status(off)).to_have_text("Decision proposed")
    expect(off.get_by_role("button", name="Countersign")).to_have_count(0)  # four eyes

    sen = as_user(senior_officer)
    sen.goto(f"{url}/cases/?queue=countersign")
    sen.get_by_role("link", name=application.reference).click()
    sen.get_by_role("button", name="Countersign").click()
    expect(_status(sen)).to_have_text("Granted with conditions")

    ex.goto(f"{url}/applications/{application.pk}/")
    expect(ex.locator("#decision")).to_contain_text("No re-export without prior consent.")
    ex.locator("#decision a.button").click()
    expect(ex.locator("h1")).to_contain_text("Licence DE-")
    with ex.expect_download() as download_info:
        ex.get_by_role("link", name="Download licence (PDF)").click()
    pdf_path = download_info.value.path()
    assert Path(pdf_path).read_bytes().startswith(b"%PDF")
    ex.get_by_label("Quantity").fill("4")
    ex.get_by_label("Value (EUR)").fill("4800.00")
    ex.get_by_label("Customs reference (MRN)").fill("26DE123456789012A1")
    ex.get_by_role("button", name="Report shipment").click()
    expect(ex.locator(".messages")).to_contain_text("Shipment recorded")
    expect(ex.locator("#remaining-1")).to_contain_text("6 pieces")
    ex.get_by_label("Quantity").fill("7")
    ex.get_by_label("Value (EUR)").fill("1.00")
    ex.get_by_label("Customs reference (MRN)").fill("26DE123456789012A2")
    ex.get_by_role("button", name="Report shipment").click()
    expect(ex.locator(".messages")).to_contain_text("only 6 pieces")


def test_return_with_question_and_answer(
    live_server: Any, as_user: Any, control_list: Any, exporter: Any, officer: Any
) -> None:
    application = factories.under_assessment(exporter, officer)
    off = as_user(officer)
    off.goto(f"{live_server.url}/cases/{application.pk}/")
    off.get_by_label("Question to the exporter").fill("Who will operate the transducers?")
    off.get_by_role("button", name="Return with question").click()
    expect(_status(off)).to_have_text("Awaiting information")

    ex = as_user(exporter)
    ex.goto(f"{live_server.url}/applications/{application.pk}/")
    expect(ex.locator("main")).to_contain_text("Who will operate the transducers?")
    ex.get_by_label("Your answer").fill("The refinery's own instrumentation team.")
    ex.get_by_role("button", name="Send answer").click()
    expect(_status(ex)).to_have_text("Under assessment")
    off.reload()
    expect(off.locator("#questions")).to_contain_text("The refinery's own instrumentation team.")


def test_denial_path(
    live_server: Any, as_user: Any, control_list: Any, exporter: Any, officer: Any, senior_officer: Any
) -> None:
    application = factories.under_assessment(
        exporter, officer, code="5A001.f", destination="BY", end_user="State Security Unit"
    )
    factories.assess_all(application, officer)
    off = as_user(officer)
    off.goto(f"{live_server.url}/cases/{application.pk}/")
    expect(off.locator("#lines")).to_contain_text("cyber-surveillance")
    off.get_by_label("Outcome").select_option("deny")
    off.get_by_label("Reasons").fill("Clear risk of use for internal repression.")
    off.get_by_label("CP 2008/944 criterion 2").check()
    off.get_by_role("button", name="Propose decision").click()
    expect(_status(off)).to_have_text("Decision proposed")
    sen = as_user(senior_officer)
    sen.goto(f"{live_server.url}/cases/{application.pk}/")
    sen.get_by_role("button", name="Countersign").click()
    expect(_status(sen)).to_have_text("Denied")
    ex = as_user(exporter)
    ex.goto(f"{live_server.url}/applications/{application.pk}/")
    expect(ex.locator("#decision")).to_contain_text("Deny")
    expect(ex.locator("#decision")).to_contain_text("internal repression")
    assert services.pending_decision(application) is None
