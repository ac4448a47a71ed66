"""Licence routes: read, PDF, uses, Art 16(1) changes, and the public check."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from dualuse.core.errors import NotFound
from dualuse.licensing import pdf, services
from dualuse.licensing.api.common import exporter_user, licence_out, officer_user, party_user
from dualuse.licensing.models import Licence, LicenceUse
from dualuse.licensing.schemas import (
    AmendmentIn,
    LicenceOut,
    LicencePublicOut,
    ReasonsIn,
    UseIn,
    UseOut,
)

router = Router()


class VerifyQuery(Schema):
    number: str
    code: str


def _licence(request: HttpRequest, pk: int) -> tuple[Any, Licence]:
    user = party_user(request)
    queryset = Licence.objects.for_user(user).select_related("holder", "authority", "application")
    return user, get_object_or_404(queryset, pk=pk)


def verify_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/licences/verify/")


@router.get(
    "/licences/verify",
    response=LicencePublicOut,
    auth=None,
    summary="Public: is this licence genuine and valid? (number and verification code)",
)
def verify(request: HttpRequest, params: Query[VerifyQuery]) -> dict[str, Any]:
    found = services.verify_licence(params.number[:24], params.code[:24])
    if found is None:
        raise NotFound("no licence with this number and verification code")
    return found


@router.get("/licences", response=list[LicenceOut], summary="Licences held (exporter) or issued (authority)")
def list_licences(request: HttpRequest) -> list[dict[str, Any]]:
    user = party_user(request)
    found = Licence.objects.for_user(user).select_related("holder").prefetch_related("lines")[:200]
    return [licence_out(lic) for lic in found]


@router.get("/licences/{pk}", response=LicenceOut)
def get_licence(request: HttpRequest, pk: int) -> dict[str, Any]:
    _, licence = _licence(request, pk)
    return licence_out(licence)


@router.get("/licences/{pk}/document", summary="The licence document (PDF, Annex III model)")
def licence_document(request: HttpRequest, pk: int) -> HttpResponse:
    _, licence = _licence(request, pk)
    body = pdf.render_licence_pdf(licence, verify_url=verify_url(request))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="licence-{licence.number}.pdf"'
    return response


@router.get("/licences/{pk}/uses", response=list[UseOut])
def list_uses(request: HttpRequest, pk: int) -> list[LicenceUse]:
    _, licence = _licence(request, pk)
    return list(licence.uses.all())


@router.post(
    "/licences/{pk}/uses", response={201: UseOut}, summary="Report a shipment (never beyond what remains)"
)
def report_use(request: HttpRequest, pk: int, payload: UseIn) -> tuple[int, LicenceUse]:
    user = exporter_user(request)
    licence = get_object_or_404(Licence.objects.for_user(user), pk=pk)
    return 201, services.record_use(licence, payload.to_input(), acting_user=user)


def _senior_change(request: HttpRequest, pk: int) -> tuple[Any, Licence]:
    user = officer_user(request)
    return user, get_object_or_404(Licence.objects.for_user(user), pk=pk)


@router.post("/licences/{pk}/suspend", response=LicenceOut)
def suspend(request: HttpRequest, pk: int, payload: ReasonsIn) -> dict[str, Any]:
    user, licence = _senior_change(request, pk)
    return licence_out(services.suspend_licence(licence, reasons=payload.reasons, acting_user=user))


@router.post("/licences/{pk}/reinstate", response=LicenceOut)
def reinstate(request: HttpRequest, pk: int, payload: ReasonsIn) -> dict[str, Any]:
    user, licence = _senior_change(request, pk)
    return licence_out(services.reinstate_licence(licence, reasons=payload.reasons, acting_user=user))


@router.post("/licences/{pk}/revoke", response=LicenceOut)
def revoke(request: HttpRequest, pk: int, payload: ReasonsIn) -> dict[str, Any]:
    user, licence = _senior_change(request, pk)
    return licence_out(services.revoke_licence(licence, reasons=payload.reasons, acting_user=user))


@router.post("/licences/{pk}/amend", response=LicenceOut)
def amend(request: HttpRequest, pk: int, payload: AmendmentIn) -> dict[str, Any]:
    user, licence = _senior_change(request, pk)
    return licence_out(services.amend_licence(licence, payload.to_input(), acting_user=user))


@router.post("/licences/{pk}/surrender", response=LicenceOut, summary="The holder gives the licence back")
def surrender(request: HttpRequest, pk: int, payload: ReasonsIn) -> dict[str, Any]:
    user = exporter_user(request)
    licence = get_object_or_404(Licence.objects.for_user(user), pk=pk)
    return licence_out(services.surrender_licence(licence, reasons=payload.reasons, acting_user=user))
