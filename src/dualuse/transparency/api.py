"""The public transparency API at /api/v1/transparency/: the dataset (paginated and streamed), its
summary, the annual report, the penalties register and the handbook. No login for reading."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from ninja import Router

from dualuse.core.auth import require_user
from dualuse.core.errors import InvalidInput
from dualuse.transparency import datasets, handbook, services
from dualuse.transparency.errors import UnknownArticle
from dualuse.transparency.models import Penalty
from dualuse.transparency.report import annual_report
from dualuse.transparency.schemas import (
    ArticleOut,
    ArticleSummaryOut,
    DecisionPageOut,
    PenaltyIn,
    PenaltyOut,
    SummaryOut,
)

router = Router()
MAX_LIMIT = 1000


def _filters(request: HttpRequest) -> datasets.Filters:
    return datasets.parse_filters(request.GET)


@router.get("/decisions", response=DecisionPageOut, summary="Published decisions (filters as on the portal)")
def list_decisions(request: HttpRequest, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be between 1 and {MAX_LIMIT}", field="limit")
    if offset < 0:
        raise InvalidInput("offset must be 0 or more", field="offset")
    qs = datasets.filtered(_filters(request)).order_by("year", "member_state", "public_id", "line_position")
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "results": list(qs[offset : offset + limit]),
    }


@router.get("/decisions/download", summary="All matching decisions, streamed (format=csv or json)")
def download_decisions(request: HttpRequest, format: str = "csv") -> StreamingHttpResponse:  # noqa: A002
    if format not in {"csv", "json"}:
        raise InvalidInput("format must be csv or json", field="format")
    qs = datasets.filtered(_filters(request))
    stream = datasets.csv_stream(qs) if format == "csv" else datasets.json_stream(qs)
    content_type = "text/csv; charset=utf-8" if format == "csv" else "application/json"
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="dualuse-decisions.{format}"'
    return response


def _counts(items: list[tuple[str, int]]) -> list[dict[str, Any]]:
    return [{"key": k, "applications": n} for k, n in items]


@router.get("/summary", response=SummaryOut, summary="Totals and breakdowns for the filters")
def summary(request: HttpRequest) -> dict[str, Any]:
    qs = datasets.filtered(_filters(request))
    totals = datasets.summary(qs)
    return {
        "applications": totals["applications"],
        "lines": totals["lines"],
        "value_eur": totals["value"],
        "by_destination": _counts(datasets.breakdown(qs, "pub_destination", limit=300)),
        "by_entry": _counts(datasets.breakdown(qs, "pub_entry", limit=300)),
        "by_decision": _counts(datasets.breakdown(qs, "decision")),
        "by_member_state": _counts(datasets.breakdown(qs, "member_state", limit=30)),
        "by_year": _counts(datasets.over_time(qs)),
    }


@router.get("/reports/{year}", summary="The annual report in the shape of Art 26(2)")
def report(request: HttpRequest, year: int) -> dict[str, Any]:
    if not 2000 <= year <= 2100:
        raise InvalidInput("year must be between 2000 and 2100", field="year")
    data = asdict(annual_report(year))
    return _jsonable(data)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "as_tuple"):  # Decimal
        return f"{value:.2f}"
    return value


@router.get("/penalties", response=list[PenaltyOut], summary="The penalties register")
def list_penalties(request: HttpRequest, state: str = "") -> list[Penalty]:
    qs = Penalty.objects.for_user(request.user)
    if state:
        qs = qs.filter(member_state=state.upper()[:2])
    return list(qs[:2000])


@router.post("/penalties", response={201: PenaltyOut}, summary="Record a penalty (authority or Commission)")
def create_penalty(request: HttpRequest, payload: PenaltyIn) -> tuple[int, Penalty]:
    user = require_user(request)
    draft = services.PenaltyDraft(**payload.dict())
    return 201, services.record_penalty(draft, acting_user=user)


def _article(a: handbook.Article) -> dict[str, Any]:
    return {
        "slug": a.slug,
        "title": a.title,
        "version": a.version,
        "updated": a.updated,
        "citations": list(a.citations),
        "summary": a.summary,
        "url": f"/handbook/{a.slug}/",
    }


@router.get("/handbook", response=list[ArticleSummaryOut], summary="Handbook articles (search with q)")
def list_articles(request: HttpRequest, q: str = "") -> list[dict[str, Any]]:
    if q.strip():
        return [_article(h.article) for h in handbook.search(q[:200])]
    return [_article(a) for a in sorted(handbook.load().values(), key=lambda a: a.title)]


@router.get("/handbook/{slug}", response=ArticleOut, summary="One handbook article")
def get_article(request: HttpRequest, slug: str) -> dict[str, Any]:
    article = handbook.load().get(slug)
    if article is None:
        raise UnknownArticle(f"no handbook article {slug!r}")
    return {**_article(article), "markdown": article.body, "html": article.html}
