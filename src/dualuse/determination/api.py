from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, Router, Schema

from dualuse.core.auth import require_user
from dualuse.core.errors import InvalidInput
from dualuse.determination import services
from dualuse.determination.models import Determination

router = Router()


class DeterminationOut(Schema):
    id: int | None = None
    licence_required: bool | str
    legal_bases: list[str]
    requirements: list[dict[str, Any]]
    usable_general_authorisations: list[dict[str, Any]]
    unusable_general_authorisations: dict[str, str]
    reasons: list[str]
    data_versions: dict[str, Any] = {}


class StoredDeterminationOut(Schema):
    id: int
    title: str
    created_at: Any
    request: dict[str, Any]
    result: dict[str, Any]
    licence_required: str
    rechecked_at: Any = None
    recheck_changed: bool
    recheck_note: str


@router.post("/determinations", response=DeterminationOut, summary="Do I need a licence?")
def create_determination(
    request: HttpRequest, payload: dict[str, Any] = Body(...), save: bool = False
) -> dict[str, Any]:
    """The request shape is documented in docs/determination.md. With `?save=true` an exporter keeps the
    answer (inputs, outcome, data versions) in its account."""
    if not isinstance(payload, dict):
        raise InvalidInput("the body must be a JSON object", field="request")
    if save:
        stored = services.save_determination(payload, acting_user=require_user(request))
        return {"id": stored.pk, **stored.result}
    return services.determine(payload).to_json()


@router.get("/determinations", response=list[StoredDeterminationOut], summary="Your stored determinations")
def list_determinations(request: HttpRequest) -> list[Determination]:
    return list(Determination.objects.for_user(require_user(request))[:200])


@router.get("/determinations/{pk}", response=StoredDeterminationOut)
def get_determination(request: HttpRequest, pk: int) -> Determination:
    return get_object_or_404(Determination.objects.for_user(require_user(request)), pk=pk)


@router.post(
    "/determinations/{pk}/recheck",
    response=StoredDeterminationOut,
    summary="Run the stored inputs against the list and data in force",
)
def recheck_determination(request: HttpRequest, pk: int) -> Determination:
    user = require_user(request)
    determination = get_object_or_404(Determination.objects.for_user(user), pk=pk)
    return services.recheck(determination, acting_user=user)
