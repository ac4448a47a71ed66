from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from dualuse.controllist import search
from dualuse.controllist.models import ControlListVersion
from dualuse.core.countries import country_choices
from dualuse.determination import services, wizard
from dualuse.determination.errors import InvalidDeterminationRequest
from dualuse.determination.models import Determination

SESSION_KEY = "determination_wizard"


def _exporter(request: HttpRequest) -> Any:
    user = request.user
    if not user.is_authenticated or getattr(user, "role", "") != "exporter":
        raise Http404("the wizard is for exporter users")
    return user


def _answers(request: HttpRequest) -> dict[str, Any]:
    return dict(request.session.get(SESSION_KEY, {}))


def _store(request: HttpRequest, answers: dict[str, Any]) -> None:
    request.session[SESSION_KEY] = answers


@login_required
def start(request: HttpRequest) -> HttpResponse:
    user = _exporter(request)
    _store(request, {"exporter_member_state": user.organisation.member_state if user.organisation else ""})
    return redirect("determination-step", step="item")


@login_required
def step(request: HttpRequest, step: str) -> HttpResponse:
    _exporter(request)
    if step not in wizard.STEPS:
        raise Http404("no such step")
    answers = _answers(request)
    errors: dict[str, str] = {}
    posted: dict[str, Any] = {}
    if request.method == "POST":
        posted = request.POST.dict()
        if step == "item" and posted.get("action") == "remove":
            index = int(posted.get("index", "-1")) if posted.get("index", "").isdigit() else -1
            lines = list(answers.get("lines", []))
            if 0 <= index < len(lines):
                lines.pop(index)
            answers["lines"] = lines
            _store(request, answers)
            return redirect("determination-step", step="item")
        result = _parse_step(step, posted, answers)
        errors = result.errors
        if not errors:
            if step == "item":
                answers["lines"] = [*answers.get("lines", []), result.data["line"]]
            else:
                answers.update(result.data)
            _store(request, answers)
            if step == "item" and posted.get("action") == "add":
                return redirect("determination-step", step="item")
            if step == "knowledge":
                return _finish(request, answers)
            return redirect("determination-step", step=wizard.STEPS[wizard.STEPS.index(step) + 1])
        if (
            step == "item"
            and answers.get("lines")
            and not posted.get("control_code")
            and not posted.get("description")
            and posted.get("action") == "next"
        ):
            return redirect("determination-step", step="activity")
    context = {
        "step": step,
        "steps": [(s, wizard.STEP_TITLES[s]) for s in wizard.STEPS],
        "answers": answers,
        "errors": errors,
        "posted": posted,
        "activities": wizard.ACTIVITIES,
        "end_user_types": wizard.END_USER_TYPES,
        "knowledge": wizard.KNOWLEDGE,
        "circumstances": wizard.CIRCUMSTANCES,
        "countries": country_choices(request.LANGUAGE_CODE or "en"),
        "member_states": country_choices(request.LANGUAGE_CODE or "en", eu_only=True),
    }
    return render(request, "determination/wizard.html", context, status=400 if errors else 200)


def _parse_step(step: str, posted: dict[str, Any], answers: dict[str, Any]) -> wizard.StepResult:
    if step == "item":
        _, lookups = services.engine_context()
        return wizard.parse_item(posted, lookups.known)
    if step == "activity":
        return wizard.parse_activity(posted)
    if step == "destination":
        return wizard.parse_destination(posted, answers.get("activity", ""))
    if step == "parties":
        return wizard.parse_parties(posted)
    return wizard.parse_knowledge(posted)


def _finish(request: HttpRequest, answers: dict[str, Any]) -> HttpResponse:
    missing = wizard.first_missing_step(answers)
    if missing:
        return redirect("determination-step", step=missing)
    lines = answers.get("lines", [])
    title = (
        ", ".join(line.get("control_code") or "not listed" for line in lines)
        + f" → {answers.get('destination')}"
    )
    try:
        determination = services.save_determination(
            wizard.to_request(answers), acting_user=request.user, title=title
        )
    except InvalidDeterminationRequest as exc:
        return render(
            request,
            "determination/wizard.html",
            {
                "step": "knowledge",
                "steps": [(s, wizard.STEP_TITLES[s]) for s in wizard.STEPS],
                "answers": answers,
                "errors": {"__all__": exc.message},
                "knowledge": wizard.KNOWLEDGE,
                "circumstances": wizard.CIRCUMSTANCES,
            },
            status=400,
        )
    request.session.pop(SESSION_KEY, None)
    return redirect("determination-detail", pk=determination.pk)


@login_required
def suggest(request: HttpRequest) -> HttpResponse:
    """htmx: entries the classifier suggests for the description typed in the item step."""
    _exporter(request)
    text = (request.POST.get("description") or "").strip()[:2000]
    version = ControlListVersion.objects.active()
    result = search.classify(version, text, top=5) if (version and len(text) >= 3) else None
    return render(request, "determination/_suggestions.html", {"result": result, "text": text})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    determination = get_object_or_404(Determination.objects.for_user(request.user), pk=pk)
    if request.method == "POST" and request.POST.get("action") == "recheck":
        determination = services.recheck(determination, acting_user=request.user)
    return render(
        request,
        "determination/detail.html",
        {"d": determination, "result": determination.result, "lines": determination.request.get("lines", [])},
    )


@login_required
def index(request: HttpRequest) -> HttpResponse:
    rows = Determination.objects.for_user(request.user)[:200]
    return render(request, "determination/index.html", {"determinations": rows})
