"""The handbook: every article parses, slugs are stable, search finds the Art 5 article."""

from __future__ import annotations

import re
from typing import Any

import pytest

from dualuse.transparency import handbook

STABLE_SLUGS = {
    "when-does-art-5-apply",
    "using-eu001",
    "red-flags-cyber-surveillance",
    "human-rights-due-diligence",
    "internal-compliance-programme",
    "art-4-catch-all",
    "assessment-criteria-art-15",
    "essentially-identical-transactions",
    "records-art-27",
    "transparency-and-small-cells",
}


def test_articles_load_with_citations() -> None:
    articles = handbook.load()
    assert set(articles) >= STABLE_SLUGS
    assert all(a.citations and a.version >= 1 for a in articles.values())


def test_search_finds_the_art_5_article_first() -> None:
    assert handbook.search("When does Art 5 apply?")[0].article.slug == "when-does-art-5-apply"
    assert handbook.search("article 5")[0].article.slug == "when-does-art-5-apply"
    assert handbook.search("EU001")[0].article.slug == "using-eu001"
    assert handbook.search("   ") == []


def test_raw_html_is_escaped() -> None:
    assert "<script>" not in handbook.render("Hello <script>alert(1)</script>")


def test_bad_headers_are_rejected() -> None:
    with pytest.raises(handbook.HandbookError):
        handbook.parse("no header")
    with pytest.raises(handbook.HandbookError):
        handbook.parse(
            "---\nslug: Bad Slug\ntitle: t\nversion: 1\nupdated: x\narticles: Art 1\nsummary: s\n---\nbody"
        )


def test_internal_links_point_to_existing_articles() -> None:
    articles = handbook.load()
    for article in articles.values():
        for slug in re.findall(r"/handbook/([a-z0-9-]+)/", article.body):
            assert slug in articles, (article.slug, slug)


@pytest.mark.django_db
def test_handbook_api(anonymous_api: Any) -> None:
    hits = anonymous_api.get("/api/v1/transparency/handbook", q="art 5").json()
    assert hits[0]["url"] == "/handbook/when-does-art-5-apply/"
    assert anonymous_api.get("/api/v1/transparency/handbook/nope").status_code == 404
