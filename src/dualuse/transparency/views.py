"""Public pages: the portal with filters, charts and downloads, the annual report (HTML and PDF), the
penalties register and the handbook. No login anywhere; nothing here reads a private column."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dualuse.core.countries import EU_MEMBER_STATES, country_choices, country_name
from dualuse.transparency import charts, datasets, handbook, pdf
from dualuse.transparency.errors import InvalidFilter
from dualuse.transparency.models import Penalty, PublicDecision
from dualuse.transparency.report import annual_report, report_years

PAGE_ROWS = 50


def _lang() -> str:
    return (get_language() or "en").split("-")[0]


def _named(items: list[tuple[str, int]], lang: str) -> list[tuple[str, int]]:
    return [(f"{country_name(code, lang)} ({code})", n) for code, n in items]


def portal(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    try:
        filters = datasets.parse_filters(request.GET)
        error = ""
    except InvalidFilter as exc:
        filters, error = datasets.Filters(), exc.message
    qs = datasets.filtered(filters)
    by_destination = _named(datasets.breakdown(qs, "pub_destination"), lang)
    by_state = _named(datasets.breakdown(qs, "member_state", limit=27), lang)
    by_entry = datasets.breakdown(qs, "pub_entry")
    decision_labels = dict(PublicDecision.choices)
    by_decision = [(str(decision_labels.get(d, d)), n) for d, n in datasets.breakdown(qs, "decision")]
    timeline = datasets.over_time(qs)
    context = {
        "filters": filters,
        "error": error,
        "query": "&".join(f"{k}={v}" for k, v in filters.as_query().items()),
        "summary": datasets.summary(qs),
        "rows": list(qs.values(*[f for _, f in datasets.COLUMNS])[:PAGE_ROWS]),
        "page_rows": PAGE_ROWS,
        "states": [(c, country_name(c, lang)) for c in sorted(EU_MEMBER_STATES)],
        "countries": country_choices(lang),
        "decisions": PublicDecision.choices,
        "years": report_years(),
        "by_entry": by_entry,
        "charts": [
            (
                _("Applications by destination"),
                mark_safe(charts.bar_chart(_("Applications by destination"), by_destination)),
            ),  # noqa: S308 - escaped by charts
            (
                _("Applications by Annex I entry"),
                mark_safe(charts.bar_chart(_("Applications by Annex I entry"), by_entry)),
            ),  # noqa: S308
            (
                _("Applications by decision"),
                mark_safe(charts.bar_chart(_("Applications by decision"), by_decision)),
            ),  # noqa: S308
            (
                _("Applications by Member State"),
                mark_safe(charts.bar_chart(_("Applications by Member State"), by_state)),
            ),  # noqa: S308
            (
                _("Applications over time"),
                mark_safe(charts.line_chart(_("Applications over time"), timeline)),
            ),  # noqa: S308
        ],
    }
    return render(request, "transparency/portal.html", context, status=400 if error else 200)


def _download(request: HttpRequest, kind: str) -> StreamingHttpResponse | HttpResponse:
    try:
        filters = datasets.parse_filters(request.GET)
    except InvalidFilter as exc:
        return HttpResponse(exc.message, status=400, content_type="text/plain; charset=utf-8")
    qs = datasets.filtered(filters)
    if kind == "csv":
        response = StreamingHttpResponse(datasets.csv_stream(qs), content_type="text/csv; charset=utf-8")
    else:
        response = StreamingHttpResponse(datasets.json_stream(qs), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="dualuse-decisions.{kind}"'
    return response


def download_csv(request: HttpRequest) -> StreamingHttpResponse | HttpResponse:
    return _download(request, "csv")


def download_json(request: HttpRequest) -> StreamingHttpResponse | HttpResponse:
    return _download(request, "json")


def report_index(request: HttpRequest) -> HttpResponse:
    return render(request, "transparency/report_index.html", {"years": report_years()})


def _report_context(year: int) -> dict[str, object]:
    report = annual_report(year)
    lang = _lang()
    granted_states = [(c.label, c.applications) for c in report.authorisations.cells if not c.confidential]
    return {
        "report": report,
        "lang": lang,
        "chart_states": mark_safe(
            charts.bar_chart(_("Authorisations by Member State"), _named(granted_states, lang))
        ),  # noqa: S308
        "chart_items": mark_safe(  # noqa: S308 - escaped by charts
            charts.bar_chart(
                _("Authorisations by item type"),
                [
                    (c.label, c.applications)
                    for c in report.authorisations_by_item_type.cells
                    if not c.confidential
                ],
            )
        ),
    }


def _year(raw: int) -> int:
    if not 2000 <= raw <= 2100:
        raise Http404("no report for that year")
    return raw


def report_page(request: HttpRequest, year: int) -> HttpResponse:
    return render(request, "transparency/report.html", _report_context(_year(year)))


def report_pdf(request: HttpRequest, year: int) -> HttpResponse:
    html = render_to_string("transparency/report_print.html", _report_context(_year(year)), request=request)
    response = HttpResponse(pdf.render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="dualuse-annual-report-{year}.pdf"'
    return response


def penalties(request: HttpRequest) -> HttpResponse:
    lang = _lang()
    qs = Penalty.objects.for_user(request.user)
    public = Penalty.objects.public()
    by_state = list(
        public.values("member_state")
        .annotate(n=Count("pk"), fines=Sum("amount_eur"))
        .order_by("member_state")
    )
    counts = [(f"{country_name(r['member_state'], lang)} ({r['member_state']})", r["n"]) for r in by_state]
    fines = [
        (f"{country_name(r['member_state'], lang)} ({r['member_state']})", float(r["fines"] or 0))
        for r in by_state
    ]
    state = request.GET.get("state", "").upper()[:2]
    rows = qs.filter(member_state=state) if state else qs
    return render(
        request,
        "transparency/penalties.html",
        {
            "penalties": rows[:500],
            "state": state,
            "states": [(c, country_name(c, lang)) for c in sorted(EU_MEMBER_STATES)],
            "by_state": by_state,
            "chart_counts": mark_safe(charts.bar_chart(_("Final penalties per Member State"), counts)),  # noqa: S308
            "chart_fines": mark_safe(charts.bar_chart(_("Fines per Member State (EUR)"), fines)),  # noqa: S308
        },
    )


def handbook_index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    articles = sorted(handbook.load().values(), key=lambda a: a.title)
    hits = handbook.search(query) if query else []
    return render(
        request, "transparency/handbook_index.html", {"q": query, "hits": hits, "articles": articles}
    )


def handbook_article(request: HttpRequest, slug: str) -> HttpResponse:
    article = handbook.load().get(slug)
    if article is None:
        raise Http404("no handbook article with that address")
    return render(
        request,
        "transparency/handbook_article.html",
        {
            "article": article,
            "html": mark_safe(article.html),  # noqa: S308 - our own Markdown, raw HTML disabled
        },
    )
