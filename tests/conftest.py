"""Named users for every role, the control list loaded once per session, API clients."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from dualuse.accounts.models import Organisation, User
from dualuse.accounts.services import create_token, create_user

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PASSWORD = "correct-horse-battery"


def import_shared_control_list() -> Any:
    from dualuse.controllist import services

    return services.import_control_list(
        entries=SHARED_DATA / "annex-i.jsonl",
        definitions=SHARED_DATA / "annex-i-definitions.jsonl",
        notes=SHARED_DATA / "annex-i-notes.jsonl",
        legal_act="Commission Delegated Regulation (EU) 2025/2003",
        applies_from=date(2025, 11, 15),
        source="EUR-Lex CELEX 02021R0821-20251115",
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """The full Annex I is imported once; each test's transaction rolls back on top of it."""
    with django_db_blocker.unblock():
        import_shared_control_list()


def _org(name: str, kind: str, state: str = "") -> Organisation:
    org, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind, "member_state": state})
    return org


def _user(username: str, org: Organisation, role: str) -> User:
    existing = User.objects.filter(username=username).first()
    return existing or create_user(username=username, password=PASSWORD, organisation=org, role=role)


@pytest.fixture
def exporter(db: Any) -> User:
    return _user("exporter-a", _org("Exporter A GmbH", "exporter", "DE"), "exporter")


@pytest.fixture
def other_exporter(db: Any) -> User:
    return _user("exporter-b", _org("Exporter B SA", "exporter", "FR"), "exporter")


@pytest.fixture
def officer(db: Any) -> User:
    return _user("officer-de", _org("Authority DE", "authority", "DE"), "officer")


@pytest.fixture
def senior_officer(db: Any) -> User:
    return _user("senior-de", _org("Authority DE", "authority", "DE"), "senior_officer")


@pytest.fixture
def officer_other_state(db: Any) -> User:
    return _user("officer-fr", _org("Authority FR", "authority", "FR"), "officer")


@pytest.fixture
def commission(db: Any) -> User:
    return _user("commission", _org("European Commission", "commission"), "commission")


@pytest.fixture
def ngo(db: Any) -> User:
    return _user("ngo", _org("Watchdog NGO", "ngo"), "ngo")


class ApiClient:
    """JSON calls to /api/v1/ as a user (through a real token) or anonymously."""

    def __init__(self, user: User | None) -> None:
        self.client = Client()
        self.headers: dict[str, str] = {}
        if user is not None:
            _, raw = create_token(user, "test")
            self.headers["Authorization"] = f"Bearer {raw}"

    def get(self, url: str, **params: Any) -> Any:
        return self.client.get(url, params, headers=self.headers)

    def post(self, url: str, body: Any = None) -> Any:
        return self.client.post(
            url, json.dumps(body or {}), content_type="application/json", headers=self.headers
        )

    def put(self, url: str, body: Any = None) -> Any:
        return self.client.put(
            url, json.dumps(body or {}), content_type="application/json", headers=self.headers
        )


@pytest.fixture
def api() -> Callable[[User | None], ApiClient]:
    return ApiClient


@pytest.fixture
def anonymous_api(db: Any) -> ApiClient:
    return ApiClient(None)


@pytest.fixture
def tmp_jsonl(tmp_path: Path) -> Iterator[Callable[[str, list[Any]], Path]]:
    def write(name: str, rows: list[Any]) -> Path:
        path = tmp_path / name
        path.write_text(
            "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
        )
        return path

    return write


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Login throttling counts live in the cache; no test inherits another's failures."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
