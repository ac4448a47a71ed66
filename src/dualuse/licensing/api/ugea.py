"""Union general export authorisation routes: register, acknowledge, notify first use, report."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from dualuse.licensing import services
from dualuse.licensing.api.common import exporter_user, officer_user, party_user
from dualuse.licensing.models import GeneralAuthorisationRegistration, UgeaNotice
from dualuse.licensing.schemas import NoticeIn, NoticeOut, RegistrationIn, RegistrationOut

router = Router()


def _out(reg: GeneralAuthorisationRegistration) -> dict[str, Any]:
    return {
        "id": reg.pk,
        "code": reg.code,
        "status": reg.status,
        "exporter": reg.exporter.name,
        "registered_at": reg.registered_at,
        "acknowledge_by": reg.acknowledge_by,
        "acknowledged_at": reg.acknowledged_at,
        "reference": reg.reference,
    }


@router.get("/ugea-registrations", response=list[RegistrationOut])
def list_registrations(request: HttpRequest) -> list[dict[str, Any]]:
    user = party_user(request)
    found = GeneralAuthorisationRegistration.objects.for_user(user).select_related("exporter")[:500]
    return [_out(r) for r in found]


@router.post("/ugea-registrations", response={201: RegistrationOut}, summary="Register to use EU001-EU008")
def register(request: HttpRequest, payload: RegistrationIn) -> tuple[int, dict[str, Any]]:
    user = exporter_user(request)
    return 201, _out(services.register_ugea(payload.code, acting_user=user))


@router.post("/ugea-registrations/{pk}/acknowledge", response=RegistrationOut)
def acknowledge(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = officer_user(request)
    reg = get_object_or_404(GeneralAuthorisationRegistration.objects.for_user(user), pk=pk)
    return _out(services.acknowledge_registration(reg, acting_user=user))


@router.post("/ugea-registrations/{pk}/withdraw", response=RegistrationOut)
def withdraw(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = exporter_user(request)
    reg = get_object_or_404(GeneralAuthorisationRegistration.objects.for_user(user), pk=pk)
    return _out(services.withdraw_registration(reg, acting_user=user))


@router.get("/ugea-registrations/{pk}/notices", response=list[NoticeOut])
def list_notices(request: HttpRequest, pk: int) -> list[UgeaNotice]:
    user = party_user(request)
    reg = get_object_or_404(GeneralAuthorisationRegistration.objects.for_user(user), pk=pk)
    return list(reg.notices.all())


@router.post(
    "/ugea-registrations/{pk}/notices",
    response={201: NoticeOut},
    summary="First-use notification or periodic use report",
)
def submit_notice(request: HttpRequest, pk: int, payload: NoticeIn) -> tuple[int, UgeaNotice]:
    user = exporter_user(request)
    reg = get_object_or_404(GeneralAuthorisationRegistration.objects.for_user(user), pk=pk)
    return 201, services.submit_notice(
        reg,
        kind=payload.kind,
        acting_user=user,
        first_export_on=payload.first_export_on,
        period_start=payload.period_start,
        period_end=payload.period_end,
        details=payload.details,
    )
