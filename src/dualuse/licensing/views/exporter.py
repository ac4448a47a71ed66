"""Exporter pages: my applications, the draft form, submission, documents, answers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dualuse.core.countries import country_choices
from dualuse.core.errors import DomainError
from dualuse.licensing import access, queries, services
from dualuse.licensing.completeness import LineDraft, PartyDraft
from dualuse.licensing.inputs import ApplicationInput
from dualuse.licensing.models import (
    Activity,
    Application,
    ApplicationType,
    Document,
    DocumentKind,
    PartyKind,
    PartyRole,
    Question,
)
from dualuse.licensing.views.common import decimal_or_none, exporter_page, int_or_none, party_page, run
from dualuse.licensing.workflow import Status

BLANK_LINES = 2
BLANK_PARTIES = 2


@exporter_page
def my_applications(request: HttpRequest) -> HttpResponse:
    applications = (
        Application.objects.for_user(request.user).select_related("authority").order_by("-pk")[:200]
    )
    return render(request, "licensing/my_applications.html", {"applications": applications})


def _form_input(post: Any) -> ApplicationInput:
    lines = []
    for i in range(int_or_none(post.get("line_count")) or 0):
        description = (post.get(f"line-{i}-description") or "").strip()
        if not description and not (post.get(f"line-{i}-entry_code") or "").strip():
            continue
        lines.append(
            LineDraft(
                description=description[:500],
                entry_code=(post.get(f"line-{i}-entry_code") or "").strip()[:40],
                not_listed=post.get(f"line-{i}-not_listed") == "on",
                quantity=decimal_or_none(post.get(f"line-{i}-quantity")),
                unit=(post.get(f"line-{i}-unit") or "")[:20],
                value_eur=decimal_or_none(post.get(f"line-{i}-value_eur")),
                destination=(post.get(f"line-{i}-destination") or "")[:2],
            )
        )
    parties = []
    for i in range(int_or_none(post.get("party_count")) or 0):
        name = (post.get(f"party-{i}-name") or "").strip()
        if not name:
            continue
        role = post.get(f"party-{i}-role") or ""
        kind = post.get(f"party-{i}-kind") or ""
        parties.append(
            PartyDraft(
                role=role if role in PartyRole.values else PartyRole.END_USER,
                kind=kind if kind in PartyKind.values else PartyKind.OTHER,
                name=name[:300],
                country=(post.get(f"party-{i}-country") or "")[:2],
                address=(post.get(f"party-{i}-address") or "")[:500],
            )
        )
    app_type = post.get("type") or ""
    activity = post.get("activity") or ""
    return ApplicationInput(
        type=app_type if app_type in ApplicationType.values else ApplicationType.INDIVIDUAL,
        activity=activity if activity in Activity.values else Activity.EXPORT,
        title=(post.get("title") or "")[:200],
        end_use=(post.get("end_use") or "")[:5000],
        project_description=(post.get("project_description") or "")[:5000],
        items_located_in=(post.get("items_located_in") or "")[:2],
        due_diligence_record_id=int_or_none(post.get("due_diligence_record_id")),
        lines=lines,
        parties=parties,
    )


def _form_context(application: Application | None) -> dict[str, Any]:
    lines = list(application.lines.all()) if application else []
    parties = list(application.parties.all()) if application else []
    return {
        "application": application,
        "lines": lines + [None] * BLANK_LINES,
        "parties": parties + [None] * BLANK_PARTIES,
        "line_count": len(lines) + BLANK_LINES,
        "party_count": len(parties) + BLANK_PARTIES,
        "types": ApplicationType.choices,
        "activities": Activity.choices,
        "roles": PartyRole.choices,
        "kinds": PartyKind.choices,
        "countries": country_choices(),
    }


@exporter_page
def new_application(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            application = services.create_application(_form_input(request.POST), acting_user=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
            return render(request, "licensing/application_form.html", _form_context(None), status=400)
        messages.success(request, _("Draft saved. Check the list of what is still missing, then submit."))
        return redirect(f"/applications/{application.pk}/")
    return render(request, "licensing/application_form.html", _form_context(None))


@exporter_page
def edit_application(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.for_user(request.user), pk=pk)
    if request.method == "POST":
        return run(
            request,
            lambda: services.update_application(
                application, _form_input(request.POST), acting_user=request.user
            ),
            "Draft saved.",
            f"/applications/{pk}/",
        )
    if application.status != Status.DRAFT:
        messages.error(request, _("Only a draft can be edited."))
        return redirect(f"/applications/{pk}/")
    return render(request, "licensing/application_form.html", _form_context(application))


@exporter_page
def application_page(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        queries.case_queryset().filter(pk__in=Application.objects.for_user(request.user).values("pk")), pk=pk
    )
    view = queries.case_view(application, for_authority=False)
    problems = services.problems_of(application) if application.status == Status.DRAFT else []
    return render(
        request,
        "licensing/application.html",
        {
            "view": view,
            "application": application,
            "problems": problems,
            "document_kinds": DocumentKind.choices,
        },
    )


@require_POST
@exporter_page
def submit_application(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.for_user(request.user), pk=pk)
    try:
        services.submit_application(application, acting_user=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        for problem in exc.problems:
            messages.error(request, str(problem))
        return redirect(f"/applications/{pk}/")
    messages.success(request, _("Application submitted to your competent authority."))
    return redirect(f"/applications/{pk}/")


@require_POST
@exporter_page
def withdraw_application(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.for_user(request.user), pk=pk)
    return run(
        request,
        lambda: services.withdraw_application(application, acting_user=request.user),
        "Application withdrawn.",
        f"/applications/{pk}/",
    )


@require_POST
@exporter_page
def upload_document(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.for_user(request.user), pk=pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file to upload."))
        return redirect(f"/applications/{pk}/")
    return run(
        request,
        lambda: services.add_document(
            application,
            name=upload.name or "document",
            stream=upload,
            size=upload.size or 0,  # type: ignore[arg-type]
            kind=request.POST.get("kind") or "other",
            acting_user=request.user,
        ),
        "Document uploaded.",
        f"/applications/{pk}/",
    )


@require_POST
@exporter_page
def remove_document(request: HttpRequest, pk: int, doc: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.for_user(request.user), pk=pk)
    document = get_object_or_404(Document.objects.filter(application=application), pk=doc)
    return run(
        request,
        lambda: services.remove_document(document, acting_user=request.user),
        "Document removed.",
        f"/applications/{pk}/",
    )


@party_page
def download_document(request: HttpRequest, pk: int, doc: int) -> FileResponse:
    """Exporters and the authority's officers: the file, never inline (no content sniffing)."""
    application = get_object_or_404(Application.objects.for_user(request.user), pk=pk)
    document = get_object_or_404(Document.objects.filter(application=application), pk=doc)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("the file is missing from storage") from exc
    return FileResponse(
        handle, as_attachment=True, filename=document.original_name, content_type=document.content_type
    )


@require_POST
@exporter_page
def answer_question(request: HttpRequest, pk: int, question_id: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.for_user(request.user), pk=pk)
    question = get_object_or_404(Question.objects.filter(application=application), pk=question_id)
    if not access.is_exporter(request.user):
        raise Http404
    return run(
        request,
        lambda: services.answer_question(
            question, answer=request.POST.get("answer", ""), acting_user=request.user
        ),
        "Answer sent to the authority.",
        f"/applications/{pk}/",
    )
