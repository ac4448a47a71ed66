"""Organisations, roles, hashed tokens, login throttling and the account page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from dualuse.accounts import services
from dualuse.accounts.errors import RoleDoesNotFitOrganisation
from dualuse.accounts.models import ApiToken, Organisation, hash_token
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_passwords_use_argon2(exporter: Any) -> None:
    assert exporter.password.startswith("argon2")


def test_tokens_are_stored_hashed_and_can_be_revoked(exporter: Any, api: Any) -> None:
    token, raw = services.create_token(exporter, "ci")
    assert raw.startswith("du_")
    assert token.key_hash == hash_token(raw)
    assert raw not in token.key_hash
    assert services.user_for_token(raw) == exporter
    services.revoke_token(token, acting_user=exporter)
    assert services.user_for_token(raw) is None


def test_role_must_fit_the_organisation(db: Any) -> None:
    ngo = Organisation.objects.create(name="Some NGO", kind="ngo")
    with pytest.raises(RoleDoesNotFitOrganisation):
        services.create_user(username="x", password=PASSWORD, organisation=ngo, role="officer")


def test_organisation_scoping(
    exporter: Any, other_exporter: Any, officer: Any, officer_other_state: Any
) -> None:
    assert list(Organisation.objects.for_user(exporter)) == [exporter.organisation]
    visible = set(Organisation.objects.for_user(officer))
    assert officer_other_state.organisation in visible
    assert other_exporter.organisation not in visible


def test_token_scoping_on_the_account_page(exporter: Any, other_exporter: Any) -> None:
    theirs, _ = services.create_token(other_exporter, "theirs")
    client = Client()
    client.force_login(exporter)
    response = client.post("/accounts/", {"action": "revoke_token", "token_id": theirs.pk})
    assert response.status_code == 404
    assert ApiToken.objects.get(pk=theirs.pk).revoked_at is None
    response = client.post("/accounts/", {"action": "create_token", "name": "mine"})
    assert b"du_" in response.content


def test_login_is_throttled_after_repeated_failures(exporter: Any) -> None:
    client = Client()
    for _ in range(5):
        assert (
            client.post("/accounts/login/", {"username": exporter.username, "password": "wrong"}).status_code
            == 200
        )
    response = client.post("/accounts/login/", {"username": exporter.username, "password": PASSWORD})
    assert response.status_code == 429


def test_successful_login(exporter: Any) -> None:
    client = Client()
    response = client.post("/accounts/login/", {"username": exporter.username, "password": PASSWORD})
    assert response.status_code == 302


def test_pages_send_a_strict_csp(client: Any) -> None:
    response = client.get("/controllist/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
