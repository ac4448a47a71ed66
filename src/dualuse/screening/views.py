"""Screening pages: screen a party, review hits next to the listed entity, bulk uploads, list status."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dualuse.core.countries import country_name
from dualuse.core.errors import DomainError
from dualuse.screening import services
from dualuse.screening.access import can_import_lists
from dualuse.screening.api import bulk_result_response
from dualuse.screening.errors import InvalidBulkFile
from dualuse.screening.models import BulkScreening, Decision, ListedEntity, ListVersion, Screening


@login_required
@require_http_methods(["GET", "POST"])
def screen_page(request: HttpRequest) -> HttpResponse:
    form = {k: request.POST.get(k, "").strip() for k in ("name", "type", "country", "birth_date")}
    error: DomainError | None = None
    if request.method == "POST":
        try:
            query = services.party_query(
                form["name"], form["type"] or None, form["country"] or None, form["birth_date"] or None
            )
            screening = services.screen_party(query, acting_user=request.user)
        except DomainError as exc:
            error = exc
        else:
            return redirect("screening-detail", pk=screening.pk)
    recent = Screening.objects.for_user(request.user)[:20]
    return render(
        request,
        "screening/screen.html",
        {"form": form, "error": error, "recent": recent},
        status=400 if error else 200,
    )


def _hit_rows(screening: Screening) -> list[dict[str, Any]]:
    entities = ListedEntity.objects.in_bulk([h["entity_id"] for h in screening.hits if h.get("entity_id")])
    decided: dict[str, Any] = {}
    for d in screening.dispositions.select_related("decided_by").order_by("decided_at", "pk"):
        decided[d.entity_ref] = d  # the latest one wins
    rows = []
    for hit in screening.hits:
        entity = entities.get(hit.get("entity_id"))
        explanation = hit.get("explanation") or {}
        name = explanation.get("name") if isinstance(explanation.get("name"), dict) else {}
        rows.append(
            {
                "hit": hit,
                "entity": entity,
                "name": name,
                "disposition": decided.get(hit["entity"]),
                "others": {k: v for k, v in explanation.items() if k != "name"},
                "countries": [(c, country_name(c)) for c in (entity.countries if entity else [])],
            }
        )
    return rows


@login_required
def screening_detail(request: HttpRequest, pk: int) -> HttpResponse:
    screening = get_object_or_404(Screening.objects.for_user(request.user), pk=pk)
    return render(
        request,
        "screening/detail.html",
        {
            "screening": screening,
            "rows": _hit_rows(screening),
            "decisions": Decision.choices,
            "versions": screening.list_versions.select_related("source"),
        },
    )


@login_required
@require_POST
def disposition_create(request: HttpRequest, pk: int) -> HttpResponse:
    screening = get_object_or_404(Screening.objects.for_user(request.user), pk=pk)
    try:
        services.record_disposition(
            screening,
            entity_ref=request.POST.get("entity", ""),
            decision=request.POST.get("decision", ""),
            reason=request.POST.get("reason", ""),
            acting_user=request.user,
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Disposition recorded."))
    return redirect("screening-detail", pk=screening.pk)


@login_required
@require_http_methods(["GET", "POST"])
def bulk_page(request: HttpRequest) -> HttpResponse:
    error: DomainError | None = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise InvalidBulkFile("choose a CSV file to upload", field="file")
            job = services.create_bulk_screening(
                upload.read(), upload.name or "parties.csv", acting_user=request.user
            )
        except DomainError as exc:
            error = exc
        else:
            return redirect("screening-bulk-detail", pk=job.pk)
    jobs = BulkScreening.objects.for_user(request.user)[:30]
    return render(
        request, "screening/bulk.html", {"jobs": jobs, "error": error}, status=400 if error else 200
    )


@login_required
def bulk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(BulkScreening.objects.for_user(request.user), pk=pk)
    template = (
        "screening/_bulk_progress.html" if request.headers.get("HX-Request") else "screening/bulk_detail.html"
    )
    return render(request, template, {"job": job})


@login_required
def bulk_result(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(BulkScreening.objects.for_user(request.user), pk=pk)
    try:
        return bulk_result_response(job)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("screening-bulk-detail", pk=job.pk)


@login_required
def lists_page(request: HttpRequest) -> HttpResponse:
    rows = services.status()
    active = ListVersion.objects.active().select_related("source")
    diffs = {v.source.key: v.diff_summary.get("counts", {}) for v in active}
    for row in rows:
        row["diff"] = diffs.get(row["source"], {})
    return render(
        request, "screening/lists.html", {"rows": rows, "can_import": can_import_lists(request.user)}
    )
