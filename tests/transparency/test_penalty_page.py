"""The page on which an authority (own Member State only) or the Commission records a penalty."""

from __future__ import annotations

from typing import Any

import pytest

from dualuse.accounts.models import Organisation
from dualuse.accounts.services import create_user
from dualuse.transparency.models import Penalty

pytestmark = pytest.mark.django_db
URL = "/transparency/penalties/new/"
FORM = {
    "member_state": "DE",
    "decided_on": "2025-03-01",
    "infringement": "unlicensed_export",
    "sanction": "fine",
    "amount_eur": "25000.00",
    "custodial_months": "",
    "summary": "Export of interception kits without an authorisation.",
    "final": "on",
}


@pytest.fixture(autouse=True)
def _no_second_factor(settings: Any) -> None:
    settings.REQUIRE_OTP_FOR_AUTHORITIES = False  # test_second_factor_first turns it on


def as_user(client: Any, user: Any) -> Any:
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["officer", "senior_officer"])
def test_officer_records_a_final_penalty_of_its_state(client: Any, request: Any, who: str) -> None:
    client = as_user(client, request.getfixturevalue(who))
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<option value="DE" selected>' in html and 'value="FR"' not in html  # its own state only
    response = client.post(URL, FORM, follow=True)
    assert response.redirect_chain == [("/transparency/penalties/?state=DE", 302)]
    penalty = Penalty.objects.get()
    assert (penalty.member_state, penalty.sanction, str(penalty.amount_eur), penalty.final) == (
        "DE",
        "fine",
        "25000.00",
        True,
    )
    html = response.content.decode()
    assert "The penalty is recorded." in html and "25000.00" in html


def test_the_public_register_shows_it(client: Any, officer: Any) -> None:
    as_user(client, officer).post(URL, {**FORM, "amount_eur": "31415.00"})
    as_user(client, officer).post(URL, {**FORM, "amount_eur": "27182.00", "final": ""})
    client.logout()
    register = client.get("/transparency/penalties/").content.decode()
    assert "31415" in register and "27182" not in register  # only final penalties are public
    assert 'href="/transparency/penalties/new/"' not in register


def test_register_links_the_page_for_recorders(client: Any, officer: Any, exporter: Any) -> None:
    assert (
        'href="/transparency/penalties/new/"'
        in as_user(client, officer).get("/transparency/penalties/").content.decode()
    )
    assert (
        'href="/transparency/penalties/new/"'
        not in as_user(client, exporter).get("/transparency/penalties/").content.decode()
    )


def test_commission_records_for_any_state(client: Any, commission: Any) -> None:
    client = as_user(client, commission)
    html = client.get(URL).content.decode()
    assert 'value="FR"' in html and 'value="DE"' in html and 'value="US"' not in html
    assert client.post(URL, {**FORM, "member_state": "FR"}).status_code == 302
    assert Penalty.objects.get().member_state == "FR"


def test_an_authority_cannot_record_for_another_state(client: Any, officer: Any) -> None:
    response = as_user(client, officer).post(URL, {**FORM, "member_state": "FR"})
    assert response.status_code == 403
    html = response.content.decode()
    assert 'id="err-member_state"' in html and "its own Member State" in html
    assert not Penalty.objects.exists()


@pytest.fixture
def state_representative(db: Any) -> Any:
    org, _ = Organisation.objects.get_or_create(
        name="Authority DE", defaults={"kind": "authority", "member_state": "DE"}
    )
    return create_user(
        username="rep-de", password="correct-horse-battery", organisation=org, role="state_representative"
    )


@pytest.mark.parametrize("who", ["exporter", "ngo", "state_representative"])
def test_others_get_404(client: Any, request: Any, who: str) -> None:
    client = as_user(client, request.getfixturevalue(who))
    assert client.get(URL).status_code == 404
    assert client.post(URL, FORM).status_code == 404
    assert not Penalty.objects.exists()


def test_anonymous_is_sent_to_log_in(client: Any) -> None:
    for response in (client.get(URL), client.post(URL, FORM)):
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not Penalty.objects.exists()


def test_second_factor_first(client: Any, settings: Any, officer: Any) -> None:
    settings.REQUIRE_OTP_FOR_AUTHORITIES = True
    response = as_user(client, officer).post(URL, FORM)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/otp/?next=")
    assert not Penalty.objects.exists()


def test_every_error_is_shown_next_to_its_field(client: Any, officer: Any) -> None:
    response = as_user(client, officer).post(
        URL,
        {
            **FORM,
            "decided_on": "1 March 2025",
            "infringement": "jaywalking",
            "sanction": "",
            "amount_eur": "a lot",
            "custodial_months": "six",
            "summary": "x" * 2001,
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    for field, message in [
        ("decided_on", "give the date as YYYY-MM-DD"),
        ("infringement", "is not a known type of infringement"),
        ("sanction", "is not a known sanction"),
        ("amount_eur", "must be an amount in euro"),
        ("custodial_months", "give a whole number of months"),
        ("summary", "is longer than 2000 characters"),
    ]:
        assert f'<p class="error" id="err-{field}">{message}' in html, field
        assert f'aria-describedby="err-{field}"' in html
    assert 'id="err-member_state"' not in html
    assert 'value="a lot"' in html and 'value="six"' in html and 'value="1 March 2025"' in html
    assert not Penalty.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"amount_eur": ""}, "amount_eur", "a fine needs its amount"),
        ({"decided_on": "2999-01-01"}, "decided_on", "cannot be in the future"),
        ({"decided_on": ""}, "decided_on", "is required"),
        ({"amount_eur": "-5"}, "amount_eur", "must be between 0"),
        (
            {"sanction": "imprisonment", "amount_eur": "", "custodial_months": "601"},
            "custodial_months",
            "between 0 and 600",
        ),
    ],
)
def test_one_bad_field(client: Any, officer: Any, change: dict[str, str], field: str, message: str) -> None:
    response = as_user(client, officer).post(URL, {**FORM, **change})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<p class="error" id="err-{field}">' in html and message in html
    assert not Penalty.objects.exists()


def test_a_sentence_without_a_fine(client: Any, officer: Any) -> None:
    change = {"sanction": "imprisonment", "amount_eur": "", "custodial_months": "18", "final": ""}
    assert as_user(client, officer).post(URL, {**FORM, **change}).status_code == 302
    penalty = Penalty.objects.get()
    assert (penalty.custodial_months, penalty.amount_eur, penalty.final) == (18, None, False)


def test_a_summary_is_escaped(client: Any, officer: Any) -> None:
    html = (
        as_user(client, officer)
        .post(URL, {**FORM, "amount_eur": "x", "summary": "<script>x</script>"})
        .content.decode()
    )
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
