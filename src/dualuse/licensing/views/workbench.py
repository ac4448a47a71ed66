"""The authority's workbench: queues, search, the case page and its actions."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dualuse.accounts.models import Role, User
from dualuse.cooperation.services import granting_blockers
from dualuse.core.errors import DomainError
from dualuse.diligence.models.evidence import HowConsidered
from dualuse.diligence.services.evidence import evidence_for_case
from dualuse.licensing import considerations, queries, services
from dualuse.licensing.inputs import AssessmentInput, ProposalInput
from dualuse.licensing.models import Activity, Application, ApplicationType, Outcome
from dualuse.licensing.views.common import int_or_none, officer_page, run
from dualuse.licensing.workflow import LABELS, Status


@officer_page
def workbench(request: HttpRequest) -> HttpResponse:
    get = request.GET
    queue = get.get("queue", "all")
    filters = queries.CaseFilters(
        queue=queue if queue in queries.QUEUES else "all",
        q=get.get("q", "")[:200],
        status=get.get("status", "")[:30],
        type=get.get("type", "")[:20],
        activity=get.get("activity", "")[:30],
        destination=get.get("destination", "")[:2],
        entry=get.get("entry", "")[:40],
    )
    today = timezone.localdate()
    page = queries.case_page(request.user, filters, int_or_none(get.get("page")) or 1, today)
    counts = queries.queue_counts(request.user, today)
    return render(
        request,
        "licensing/workbench.html",
        {
            "page": page,
            "filters": filters,
            "query": urlencode(filters.params()),
            "queues": [(key, label, counts[key]) for key, label in queries.QUEUES.items()],
            "statuses": [(s.value, LABELS[s]) for s in Status if s != Status.DRAFT],
            "types": ApplicationType.choices,
            "activities": Activity.choices,
            "today": today,
        },
    )


def _case(request: HttpRequest, pk: int) -> Application:
    return get_object_or_404(
        queries.case_queryset().filter(pk__in=Application.objects.for_user(request.user).values("pk")), pk=pk
    )


@officer_page
def case_page(request: HttpRequest, pk: int) -> HttpResponse:
    application = _case(request, pk)
    view = queries.case_view(application, for_authority=True)
    recorded = {a.consideration: a for a in view.assessments if a.line_id is None}
    rows = [{"c": c, "a": recorded.get(c.code)} for c in considerations.required(view.cyber_surveillance)]
    officers = User.objects.filter(
        organisation_id=application.authority_id, role__in=[Role.OFFICER, Role.SENIOR_OFFICER]
    ).order_by("username")
    pending = next((d for d in view.decisions if d.status == "proposed"), None)
    return render(
        request,
        "licensing/case.html",
        {
            "view": view,
            "application": application,
            "rows": rows,
            "officers": officers,
            "pending": pending,
            "findings": list(considerations.FINDING_LABELS.items()),
            "outcomes": Outcome.choices,
            "refusal_criteria": [
                c for c in considerations.CONSIDERATIONS if c.code in considerations.REFUSAL_CRITERIA
            ],
            "max_months": services.max_validity_months(application.type),
            "missing": considerations.missing(set(recorded), view.cyber_surveillance),
            "is_senior": request.user.role == Role.SENIOR_OFFICER,  # type: ignore[union-attr]
            "items": evidence_for_case(application),
            "hows": HowConsidered.choices,
            "blockers": granting_blockers(application),
        },
    )


def _back(pk: int) -> str:
    return f"/cases/{pk}/"


@require_POST
@officer_page
def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    application = _case(request, pk)
    user, post = request.user, request.POST
    note = post.get("note", "")
    actions = {
        "start": (
            lambda: services.start_assessment(
                application, acting_user=user, officer_id=int_or_none(post.get("officer_id"))
            ),
            "Case taken up.",
        ),
        "assign": (
            lambda: services.assign_officer(
                application, officer_id=int_or_none(post.get("officer_id")) or 0, acting_user=user
            ),
            "Case assigned.",
        ),
        "question": (
            lambda: services.ask_question(application, text=post.get("text", ""), acting_user=user),
            _("Question sent; the case awaits the exporter's answer."),
        ),
        "consult": (
            lambda: services.start_consultation(application, note=note, acting_user=user),
            _("Consultation started."),
        ),
        "end-consultation": (
            lambda: services.end_consultation(application, note=note, acting_user=user),
            _("Consultation ended; back under assessment."),
        ),
        "countersign": (
            lambda: services.countersign_decision(application, acting_user=user, note=note),
            _("Decision countersigned."),
        ),
        "return": (
            lambda: services.return_decision(application, note=note, acting_user=user),
            _("Proposal returned to the officer."),
        ),
        "propose": (
            lambda: services.propose_decision(
                application,
                ProposalInput(
                    outcome=post.get("outcome", ""),
                    reasons=post.get("reasons", ""),
                    conditions=post.get("conditions", ""),
                    criteria=post.getlist("criteria"),
                    validity_months=int_or_none(post.get("validity_months")),
                ),
                acting_user=user,
            ),
            _("Decision proposed; it awaits a senior officer's countersignature."),
        ),
    }
    if action not in actions:
        return redirect(_back(pk))
    call, success = actions[action]
    return run(request, call, success, _back(pk))


@require_POST
@officer_page
def save_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    """The assessment form: one row per consideration; rows without a finding are left as they are."""
    application = _case(request, pk)
    post, saved, errors = request.POST, 0, []
    for c in considerations.CONSIDERATIONS:
        finding = post.get(f"finding-{c.code}", "")
        if not finding:
            continue
        try:
            services.record_assessment(
                application,
                AssessmentInput(
                    consideration=c.code,
                    finding=finding,
                    reasoning=post.get(f"reasoning-{c.code}", ""),
                    evidence=post.get(f"evidence-{c.code}", ""),
                    legal_references=post.get(f"refs-{c.code}", ""),
                ),
                acting_user=request.user,
            )
            saved += 1
        except DomainError as exc:
            errors.append(f"{c.basis}: {exc.message}")
    for error in errors:
        messages.error(request, error)
    if saved:
        messages.success(request, _("%(n)d consideration(s) saved.") % {"n": saved})
    return redirect(_back(pk) + "#assessment")
