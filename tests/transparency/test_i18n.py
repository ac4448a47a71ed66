"""The public pages in German and French: our translations and babel's country names."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title", "country"),
    [
        ("de", "Transparenzportal", "Deutschland"),
        ("fr", "Portail de transparence", "Allemagne"),
        ("en", "Transparency portal", "Germany"),
    ],
)
def test_portal_speaks_the_visitors_language(client: Any, language: str, title: str, country: str) -> None:
    page = client.get("/transparency/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert title in page and country in page
    assert f'lang="{language}"' in page


def test_handbook_chrome_is_translated(client: Any) -> None:
    assert "Im Handbuch suchen" in client.get("/handbook/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
