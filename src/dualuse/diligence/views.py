"""Pages: exporters' due-diligence records and compliance programme; NGOs' evidence; moderation; the
officer's view of the evidence that concerns a case. Every read goes through `for_user` (a 404)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from dualuse.core.countries import country_choices
from dualuse.core.errors import DomainError
from dualuse.diligence import access, forms, services
from dualuse.diligence.documents import safe_filename
from dualuse.diligence.models import (
    ComplianceProgramme,
    Confidentiality,
    DueDiligenceRecord,
    Evidence,
    EvidenceDocument,
    EvidenceStatus,
    HowConsidered,
)
from dualuse.diligence.steps import (
    CONCLUSION_LABELS,
    COVERAGE_LABELS,
    ICP_ELEMENTS,
    MITIGATIONS,
    RED_FLAGS,
    ElementStatus,
    suggested_conclusion,
)


def _lang() -> str:
    return (get_language() or "en").split("-")[0]


def _problems(exc: DomainError) -> dict[str, str]:
    return {p.where: p.message for p in exc.problems} or {exc.field or "": exc.message}


def _require_otp(request: HttpRequest) -> None:
    if not access.otp_satisfied(request):
        raise Http404("verify your second factor first")


@login_required
def records(request: HttpRequest) -> HttpResponse:
    rows = DueDiligenceRecord.objects.for_user(request.user).select_related("application")
    return render(
        request,
        "diligence/records.html",
        {
            "records": rows[:200],
            "can_create": access.is_exporter(request.user),
            "programme": ComplianceProgramme.objects.for_user(request.user).first()
            if access.is_exporter(request.user)
            else None,
        },
    )


def _record_form_context(
    request: HttpRequest, values: dict[str, Any], errors: dict[str, str]
) -> dict[str, Any]:
    answers = values.get("red_flags") or {}
    return {
        "values": values,
        "errors": errors,
        "coverages": list(COVERAGE_LABELS.items()),
        "conclusions": list(CONCLUSION_LABELS.items()),
        # each flag with what was answered, so a form sent back after an error keeps the answers
        "red_flags": [(flag, answers.get(flag.code) or {}) for flag in RED_FLAGS],
        "mitigations": MITIGATIONS,
        "countries": country_choices(_lang()),
    }


@login_required
def record_new(request: HttpRequest) -> HttpResponse:
    if not access.is_exporter(request.user):
        raise Http404("only exporters keep due-diligence records")
    values: dict[str, Any] = {
        "red_flags": {},
        "mitigations": [],
        "transaction_date": timezone.localdate().isoformat(),
    }
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = forms.record_content(request.POST)
        values["reference"] = request.POST.get("reference", "")
        values["transaction_date"] = request.POST.get("transaction_date", "")
        try:
            when = date.fromisoformat(values["transaction_date"])
        except ValueError:
            errors["transaction_date"] = _("give the date of the transaction")
        if not errors:
            try:
                record = services.create_record(
                    {k: v for k, v in values.items() if k not in {"reference", "transaction_date"}},
                    reference=values["reference"],
                    transaction_date=when,
                    acting_user=request.user,
                )
            except DomainError as exc:
                errors = _problems(exc)
            else:
                return redirect(f"/diligence/records/{record.pk}/")
    status = 400 if errors else 200
    return render(
        request, "diligence/record_form.html", _record_form_context(request, values, errors), status=status
    )


@login_required
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_otp(request)
    record = get_object_or_404(DueDiligenceRecord.objects.for_user(request.user), pk=pk)
    versions = list(record.versions.select_related("created_by"))
    latest = versions[0].content if versions else {}
    flags = [(f, latest.get("red_flags", {}).get(f.code, {})) for f in RED_FLAGS]
    return render(
        request,
        "diligence/record_detail.html",
        {
            "record": record,
            "versions": versions,
            "content": latest,
            "flags": flags,
            "mitigation_labels": dict(MITIGATIONS),
            "suggested": suggested_conclusion(latest) if latest else None,
            "conclusion_labels": CONCLUSION_LABELS,
            "coverage_labels": COVERAGE_LABELS,
        },
    )


@login_required
def programme(request: HttpRequest) -> HttpResponse:
    if not access.is_exporter(request.user):
        raise Http404("only exporters keep a compliance programme")
    current = ComplianceProgramme.objects.for_user(request.user).first()
    values = current.elements if current else {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = forms.programme_elements(request.POST)
        try:
            current = services.save_programme(values, acting_user=request.user)
        except DomainError as exc:
            errors = _problems(exc)
        else:
            return redirect("/diligence/programme/")
    rows = [
        (
            e,
            values.get(e.code, {}),
            errors.get(e.code) or errors.get(f"{e.code}.status") or errors.get(f"{e.code}.evidence"),
        )
        for e in ICP_ELEMENTS
    ]
    return render(
        request,
        "diligence/programme.html",
        {
            "programme": current,
            "rows": rows,
            "statuses": [(s.value, s.value.replace("_", " ")) for s in ElementStatus],
            "errors": errors,
        },
        status=400 if errors else 200,
    )


@login_required
def evidence_list(request: HttpRequest) -> HttpResponse:
    _require_otp(request)
    qs = Evidence.objects.for_user(request.user).select_related("organisation")
    status = request.GET.get("status", "")
    if status in {s.value for s in EvidenceStatus}:
        qs = qs.filter(status=status)
    return render(
        request,
        "diligence/evidence_list.html",
        {
            "items": qs[:300],
            "status": status,
            "statuses": EvidenceStatus.choices,
            "can_submit": access.is_ngo(request.user),
        },
    )


@login_required
def evidence_new(request: HttpRequest) -> HttpResponse:
    if not access.is_ngo(request.user):
        raise Http404("only civil-society contributors submit evidence")
    values: dict[str, Any] = {"confidentiality": Confidentiality.AUTHORITIES}
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = {
            k: request.POST.get(k, "")
            for k in (
                "subject",
                "title",
                "summary",
                "observed_on",
                "country",
                "party_name",
                "entry_code",
                "sources",
                "confidentiality",
            )
        }
        try:
            observed = date.fromisoformat(values["observed_on"]) if values["observed_on"] else None
        except ValueError:
            observed = None
        draft = services.EvidenceDraft(
            subject=values["subject"],
            title=values["title"],
            summary=values["summary"],
            observed_on=observed,
            country=values["country"],
            party_name=values["party_name"],
            entry_code=values["entry_code"],
            sources=tuple(values["sources"].splitlines()),
            confidentiality=values["confidentiality"],
        )
        uploads = [
            services.Upload(f.name or "upload", f, f.size or 0) for f in request.FILES.getlist("documents")
        ]
        try:
            evidence = services.submit_evidence(draft, acting_user=request.user, uploads=uploads)
        except DomainError as exc:
            errors = _problems(exc)
        else:
            return redirect(f"/evidence/{evidence.pk}/")
    return render(
        request,
        "diligence/evidence_form.html",
        {
            "values": values,
            "errors": errors,
            "countries": country_choices(_lang()),
            "confidentialities": Confidentiality.choices,
        },
        status=400 if errors else 200,
    )


@login_required
def evidence_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require_otp(request)
    evidence = get_object_or_404(Evidence.objects.for_user(request.user), pk=pk)
    error, status = "", 200
    decision = request.POST.get("decision", "")
    if request.method == "POST" and decision not in {"accept", "reject"}:
        error, status = _("choose to accept the evidence or not"), 400
    elif request.method == "POST":
        try:
            services.moderate_evidence(
                evidence,
                accept=decision == "accept",
                note=request.POST.get("note", ""),
                acting_user=request.user,
            )
        except DomainError as exc:
            error, status = exc.message, exc.status
        else:
            return redirect(f"/evidence/{evidence.pk}/")
    return render(
        request,
        "diligence/evidence_detail.html",
        {
            "evidence": evidence,
            "error": error,
            "documents": list(evidence.documents.all()),
            "can_moderate": access.is_moderator(request.user) and evidence.status == EvidenceStatus.SUBMITTED,
            "considerations": list(evidence.considerations.select_related("considered_by"))
            if access.is_moderator(request.user)
            else [],
        },
        status=status,
    )


@login_required
def evidence_document(request: HttpRequest, pk: int, document_id: int) -> FileResponse:
    """One document of an item of evidence, as an attachment. Out of scope (another NGO, an exporter,
    the public, a document of other evidence) is a 404, like every read here."""
    _require_otp(request)
    document = get_object_or_404(
        EvidenceDocument.objects.for_user(request.user).select_related("evidence"),
        pk=document_id,
        evidence_id=pk,
    )
    try:
        stream = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("the document is no longer in storage") from exc
    response = FileResponse(
        stream,
        as_attachment=True,
        filename=safe_filename(
            document.original_name, document.content_type, fallback=document.evidence.number
        ),
        content_type=document.content_type,
    )
    response["Cache-Control"] = "private, no-store"  # "authorities only" files stay out of shared caches
    return response


@login_required
def case_evidence(request: HttpRequest, application_id: int) -> HttpResponse:
    """The officer's view of a case's civil-society evidence (the licensing case page can embed the
    same partial, `diligence/_case_evidence.html`, with `evidence_for_case(application)`)."""
    _require_otp(request)
    application_model: Any = apps.get_model("licensing", "Application")
    application = get_object_or_404(application_model.objects.for_user(request.user), pk=application_id)
    if not access.is_case_officer(request.user):
        raise Http404("only officers see the evidence on a case")
    error, status = "", 200
    if request.method == "POST":
        raw_id = request.POST.get("evidence", "")
        evidence = get_object_or_404(
            Evidence.objects.for_user(request.user), pk=int(raw_id) if raw_id.isdigit() else 0
        )
        try:
            services.record_consideration(
                evidence,
                application,
                how=request.POST.get("how", ""),
                note=request.POST.get("note", ""),
                acting_user=request.user,
            )
        except DomainError as exc:
            error, status = exc.message, exc.status
        else:
            return redirect(f"/evidence/cases/{application.pk}/")
    return render(
        request,
        "diligence/case_evidence.html",
        {
            "application": application,
            "items": services.evidence_for_case(application),
            "error": error,
            "hows": HowConsidered.choices,
        },
        status=status,
    )
