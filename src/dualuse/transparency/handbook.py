"""The handbook: guidance articles written by us from the Regulation, as Markdown files with a small
header, versioned in git and by their own `version` line. A pure module (no Django).

    ---
    slug: when-does-art-5-apply
    title: When does Art 5 apply?
    version: 2
    updated: 2026-02-01
    audience: exporters, authorities
    articles: Art 2(20), Art 5
    ---
    Markdown text ...

Slugs are stable: determination reasons, red flags and assessment criteria link to /handbook/<slug>/.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import markdown
from normality import normalize

HANDBOOK_DIR = Path(__file__).resolve().parent / "handbook"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_WORD = re.compile(r"[a-z0-9]+(?:\([0-9a-z]+\))*")
_STOP = frozenset(
    "a an and are as at be by do does for from i in is it of on or the to what when which who with".split()
)


@dataclass(frozen=True, slots=True)
class Article:
    slug: str
    title: str
    version: int
    updated: str
    audience: tuple[str, ...]
    citations: tuple[str, ...]
    summary: str
    body: str  # Markdown

    @property
    def html(self) -> str:
        return render(self.body)


@dataclass(frozen=True, slots=True)
class SearchHit:
    article: Article
    score: float
    excerpt: str


class HandbookError(ValueError):
    pass


def render(text: str) -> str:
    """Markdown to HTML. Raw HTML in an article is escaped: the articles are ours, but escaping costs
    nothing and keeps the strict CSP meaningful."""
    md = markdown.Markdown(extensions=["tables", "sane_lists", "toc"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md.convert(text)


def parse(text: str, *, source: str = "") -> Article:
    if not text.startswith("---\n"):
        raise HandbookError(f"{source}: an article starts with a '---' header")
    try:
        header, body = text[4:].split("\n---\n", 1)
    except ValueError as exc:
        raise HandbookError(f"{source}: the header is not closed with '---'") from exc
    meta: dict[str, str] = {}
    for line in header.splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    missing = [k for k in ("slug", "title", "version", "updated", "articles", "summary") if not meta.get(k)]
    if missing:
        raise HandbookError(f"{source}: the header lacks {', '.join(missing)}")
    if not _SLUG.match(meta["slug"]):
        raise HandbookError(f"{source}: slug {meta['slug']!r} must be lower-case words joined by '-'")
    if not meta["version"].isdigit():
        raise HandbookError(f"{source}: version must be a whole number")
    return Article(
        slug=meta["slug"],
        title=meta["title"],
        version=int(meta["version"]),
        updated=meta["updated"],
        audience=tuple(a.strip() for a in meta.get("audience", "").split(",") if a.strip()),
        citations=tuple(a.strip() for a in meta["articles"].split(",") if a.strip()),
        summary=meta["summary"],
        body=body.strip() + "\n",
    )


@lru_cache(maxsize=4)
def load(directory: Path = HANDBOOK_DIR) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    for path in sorted(directory.glob("*.md")):
        article = parse(path.read_text(encoding="utf-8"), source=path.name)
        if article.slug in articles:
            raise HandbookError(f"{path.name}: slug {article.slug!r} is used twice")
        articles[article.slug] = article
    return articles


def _terms(text: str) -> list[str]:
    """Words, with "Art 5" and "Article 5(2)" kept as terms of their own ("art5", "art5(2)")."""
    flat = (normalize(text, lowercase=True) or "").replace("article", "art")
    flat = re.sub(r"\bart\.?\s+(\d+)", r"art\1", flat)
    return [w for w in _WORD.findall(flat) if w not in _STOP]


def search(query: str, articles: dict[str, Article] | None = None, *, limit: int = 10) -> list[SearchHit]:
    """Rank articles by the query's terms: title and citations weigh more than the text. A citation
    such as "Art 5" also finds "Art 5(2)"."""
    pool = load() if articles is None else articles
    terms = _terms(query)
    if not terms:
        return []
    hits: list[SearchHit] = []
    for article in pool.values():
        title = Counter(_terms(article.title))
        cites = Counter(_terms(" ".join(article.citations)))
        body = Counter(_terms(article.summary + " " + article.body))
        score = 0.0
        for term in terms:
            base = term.split("(")[0]
            score += 5 * title[term] + 3 * cites[term] + min(body[term], 10) * 0.5
            if base != term or term.startswith("art"):
                score += 2 * sum(n for t, n in cites.items() if t.split("(")[0] == base and t != term)
        if score > 0:
            hits.append(SearchHit(article, score, _excerpt(article, terms)))
    hits.sort(key=lambda h: (-h.score, h.article.title))
    return hits[:limit]


def _excerpt(article: Article, terms: list[str]) -> str:
    plain = re.sub(r"[#*_`>\[\]]", "", article.body)
    for sentence in re.split(r"(?<=[.!?])\s+", plain):
        if any(t in _terms(sentence) for t in terms):
            return sentence.strip()[:240]
    return article.summary
