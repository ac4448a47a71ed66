"""Union general export authorisations: the exporter's registrations and notices, the authority's list."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from dualuse.licensing import access, services, ugea_rules
from dualuse.licensing.models import GeneralAuthorisationRegistration, NoticeKind
from dualuse.licensing.views.common import date_or_none, exporter_page, officer_page, party_page, run


@party_page
def registrations(request: HttpRequest) -> HttpResponse:
    found = (
        GeneralAuthorisationRegistration.objects.for_user(request.user)
        .select_related("exporter")
        .prefetch_related("notices")[:500]
    )
    return render(
        request,
        "licensing/ugea.html",
        {
            "registrations": found,
            "codes": ugea_rules.CODES,
            "is_exporter": access.is_exporter(request.user),
            "notice_kinds": NoticeKind.choices,
        },
    )


@require_POST
@exporter_page
def register(request: HttpRequest) -> HttpResponse:
    return run(
        request,
        lambda: services.register_ugea(request.POST.get("code", ""), acting_user=request.user),
        "Registered; your authority acknowledges within 10 working days.",
        "/ugea/",
    )


def _registration(request: HttpRequest, pk: int) -> GeneralAuthorisationRegistration:
    return get_object_or_404(GeneralAuthorisationRegistration.objects.for_user(request.user), pk=pk)


@require_POST
@officer_page
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    return run(
        request,
        lambda: services.acknowledge_registration(registration, acting_user=request.user),
        "Registration acknowledged.",
        "/ugea/",
    )


@require_POST
@exporter_page
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    return run(
        request,
        lambda: services.withdraw_registration(registration, acting_user=request.user),
        "Registration withdrawn.",
        "/ugea/",
    )


@require_POST
@exporter_page
def notice(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    post = request.POST
    return run(
        request,
        lambda: services.submit_notice(
            registration,
            kind=post.get("kind", ""),
            acting_user=request.user,
            first_export_on=date_or_none(post.get("first_export_on")),
            period_start=date_or_none(post.get("period_start")),
            period_end=date_or_none(post.get("period_end")),
            details=post.get("details", ""),
        ),
        "Notice sent.",
        "/ugea/",
    )
