"""Public pages: the portal with filters, charts and downloads, the annual report (HTML and PDF), the
penalties register and the handbook. No login anywhere; nothing here reads a private column."""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dualuse.core.countries import EU_MEMBER_STATES, country_choices, country_name
from dualuse.core.errors import DomainError
from dualuse.transparency import access, charts, datasets, handbook, pdf, services
from dualuse.transparency.errors import InvalidFilter
from dualuse.transparency.models import Infringement, Penalty, PublicDecision, Sanction
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
            "can_record": access.is_penalty_recorder(request.user),
            "chart_counts": mark_safe(charts.bar_chart(_("Final penalties per Member State"), counts)),  # noqa: S308
            "chart_fines": mark_safe(charts.bar_chart(_("Fines per Member State (EUR)"), fines)),  # noqa: S308
        },
    )


PENALTY_FIELDS = (
    "member_state",
    "decided_on",
    "infringement",
    "sanction",
    "amount_eur",
    "custodial_months",
    "summary",
)


def _penalty_draft(post: Any) -> tuple[services.PenaltyDraft, dict[str, str], dict[str, Any]]:
    """The draft, the errors of fields that do not even parse, and the values to show again."""
    values: dict[str, Any] = {name: post.get(name, "").strip() for name in PENALTY_FIELDS}
    values["final"] = post.get("final") == "on"
    errors: dict[str, str] = {}
    decided_on: date | None = None
    if values["decided_on"]:
        try:
            decided_on = date.fromisoformat(values["decided_on"])
        except ValueError:
            errors["decided_on"] = _("give the date as YYYY-MM-DD")
    months: int | None = None
    if values["custodial_months"]:
        try:
            months = int(values["custodial_months"])
        except ValueError:
            errors["custodial_months"] = _("give a whole number of months")
    draft = services.PenaltyDraft(
        member_state=values["member_state"],
        decided_on=decided_on,
        infringement=values["infringement"],
        sanction=values["sanction"],
        amount_eur=values["amount_eur"] or None,
        custodial_months=months,
        summary=values["summary"],
        final=values["final"],
    )
    return draft, errors, values


def penalty_new(request: HttpRequest) -> HttpResponse:
    """Art 25: an authority records a penalty of its own Member State for the register; the Commission
    may record for any. Everybody else gets a 404, as for any page out of scope."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not access.is_penalty_recorder(request.user):
        raise Http404("only a competent authority or the Commission records penalties")
    if not access.otp_satisfied(request):
        return redirect("/accounts/otp/?" + urlencode({"next": request.get_full_path()}))
    lang = _lang()
    states = access.penalty_states(request.user)
    values: dict[str, Any] = {"member_state": states[0] if len(states) == 1 else "", "final": True}
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        draft, errors, values = _penalty_draft(request.POST)
        for problem in services.penalty_problems(draft):
            errors.setdefault(problem.where, problem.message)
        if not errors:
            try:
                penalty = services.record_penalty(draft, acting_user=request.user)
            except DomainError as exc:
                errors = {p.where: p.message for p in exc.problems} or {
                    exc.field or "member_state": exc.message
                }
                status = exc.status
            else:
                messages.success(request, _("The penalty is recorded."))
                return redirect("/transparency/penalties/?" + urlencode({"state": penalty.member_state}))
        if errors and status == 200:
            status = 400
    return render(
        request,
        "transparency/penalty_form.html",
        {
            "values": values,
            "errors": errors,
            "states": [(c, country_name(c, lang)) for c in states],
            "infringements": Infringement.choices,
            "sanctions": Sanction.choices,
        },
        status=status,
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
