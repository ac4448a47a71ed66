"""Licence pages: list, detail with uses, the PDF, reporting a use, Art 16(1) changes, the public check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dualuse.accounts.models import Role
from dualuse.core.errors import InvalidInput
from dualuse.licensing import access, pdf, services
from dualuse.licensing.inputs import AmendmentInput, UseInput
from dualuse.licensing.models import Licence
from dualuse.licensing.views.common import (
    date_or_none,
    decimal_or_none,
    exporter_page,
    int_or_none,
    party_page,
    run,
)


def _licence(request: HttpRequest, pk: int) -> Licence:
    queryset = Licence.objects.for_user(request.user).select_related("holder", "authority", "application")
    return get_object_or_404(queryset, pk=pk)


@party_page
def licence_list(request: HttpRequest) -> HttpResponse:
    licences = Licence.objects.for_user(request.user).select_related("holder").order_by("-pk")[:200]
    return render(request, "licensing/licences.html", {"licences": licences})


@party_page
def licence_page(request: HttpRequest, pk: int) -> HttpResponse:
    licence = _licence(request, pk)
    return render(
        request,
        "licensing/licence.html",
        {
            "licence": licence,
            "lines": list(licence.lines.all()),
            "uses": list(licence.uses.select_related("line", "reported_by")),
            "changes": list(licence.changes.select_related("made_by")),
            "is_holder": access.is_exporter(request.user),
            "is_senior": getattr(request.user, "role", "") == Role.SENIOR_OFFICER,
            "today": timezone.localdate(),
        },
    )


@party_page
def licence_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    licence = _licence(request, pk)
    body = pdf.render_licence_pdf(licence, verify_url=request.build_absolute_uri("/licences/verify/"))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="licence-{licence.number}.pdf"'
    return response


@require_POST
@exporter_page
def report_use(request: HttpRequest, pk: int) -> HttpResponse:
    licence = _licence(request, pk)
    post = request.POST
    quantity, value = decimal_or_none(post.get("quantity")), decimal_or_none(post.get("value_eur"))
    shipped_on = date_or_none(post.get("shipped_on"))

    def act() -> object:
        if quantity is None or value is None or shipped_on is None:
            raise InvalidInput("give the quantity, the value in EUR and the shipping date (YYYY-MM-DD)")
        return services.record_use(
            licence,
            UseInput(
                int_or_none(post.get("line_id")) or 0,
                quantity,
                value,
                shipped_on,
                post.get("customs_reference", ""),
            ),
            acting_user=request.user,
        )

    return run(request, act, _("Shipment recorded."), f"/licences/{pk}/")


@require_POST
@party_page
def licence_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    licence = _licence(request, pk)
    user, reasons = request.user, request.POST.get("reasons", "")
    post = request.POST
    actions = {
        "suspend": lambda: services.suspend_licence(licence, reasons=reasons, acting_user=user),
        "reinstate": lambda: services.reinstate_licence(licence, reasons=reasons, acting_user=user),
        "revoke": lambda: services.revoke_licence(licence, reasons=reasons, acting_user=user),
        "surrender": lambda: services.surrender_licence(licence, reasons=reasons, acting_user=user),
        "amend": lambda: services.amend_licence(
            licence,
            AmendmentInput(
                reasons=reasons,
                valid_until=date_or_none(post.get("valid_until")),
                conditions=post.get("conditions") if post.get("change_conditions") == "on" else None,
            ),
            acting_user=user,
        ),
    }
    if action not in actions:
        return run(request, lambda: None, "", f"/licences/{pk}/")
    recorded = {
        "suspend": _("Licence suspended."),
        "reinstate": _("Suspension lifted."),
        "revoke": _("Licence revoked."),
        "surrender": _("Licence surrendered."),
        "amend": _("Licence amended."),
    }
    return run(request, actions[action], recorded[action], f"/licences/{pk}/")


def verify_page(request: HttpRequest) -> HttpResponse:
    """Public: anyone checks a licence with its number and verification code."""
    number = request.GET.get("number", "")[:24]
    code = request.GET.get("code", "")[:24]
    result = services.verify_licence(number, code) if number and code else None
    return render(
        request,
        "licensing/verify.html",
        {
            "number": number,
            "code": code,
            "result": result,
            "checked": bool(number and code),
        },
    )
