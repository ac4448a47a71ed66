"""Screening API at /api/v1/screening/: screenings, dispositions, lists, bulk jobs, a yente-style match.

Every screening, disposition and job read goes through `for_user` (out of scope is a 404).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import File, Query, Router, Schema
from ninja.files import UploadedFile

from dualuse.core.auth import require_user
from dualuse.core.errors import InvalidInput
from dualuse.screening import services, yente
from dualuse.screening.access import access_list_import, access_screening
from dualuse.screening.errors import ResultNotReady
from dualuse.screening.models import (
    BulkScreening,
    Disposition,
    JobStatus,
    ListedEntity,
    ListVersion,
    Screening,
)
from dualuse.screening.schemas import (
    BulkOut,
    DispositionIn,
    DispositionOut,
    EntityOut,
    ImportOut,
    MatchIn,
    ScreenIn,
    ScreeningOut,
    SourceOut,
    VersionOut,
)

router = Router()


class Page(Schema):
    limit: int = 50
    offset: int = 0


def _page(page: Page) -> slice:
    if not 1 <= page.limit <= 500:
        raise InvalidInput("limit must be between 1 and 500", field="limit")
    if page.offset < 0:
        raise InvalidInput("offset must be 0 or more", field="offset")
    return slice(page.offset, page.offset + page.limit)


def screening_payload(s: Screening, *, with_dispositions: bool = True) -> dict[str, Any]:
    return {
        "id": s.pk,
        "name": s.name,
        "type": s.schema or None,
        "country": s.country or None,
        "birth_date": s.birth_date or None,
        "identifiers": s.identifiers,
        "threshold": s.threshold,
        "list_versions": sorted(v.pk for v in s.list_versions.all()),
        "hits": s.hits,
        "hit_count": s.hit_count,
        "created_at": s.created_at,
        "user": s.user.get_username() if s.user else None,
        "dispositions": list(s.dispositions.select_related("decided_by")) if with_dispositions else [],
    }


@router.post("/screenings", response={201: ScreeningOut}, summary="Screen a party against the lists in force")
def create_screening(request: HttpRequest, payload: ScreenIn) -> tuple[int, dict[str, Any]]:
    user = require_user(request)
    access_screening(user)
    query = services.party_query(
        payload.name, payload.type, payload.country, payload.birth_date, payload.identifiers
    )
    screening = services.screen_party(
        query, acting_user=user, threshold=payload.threshold, limit=payload.limit
    )
    return 201, screening_payload(screening)


@router.get(
    "/screenings", response=list[ScreeningOut], summary="Your organisation's screenings, newest first"
)
def list_screenings(request: HttpRequest, page: Query[Page]) -> list[dict[str, Any]]:
    user = require_user(request)
    rows = (
        Screening.objects.for_user(user).select_related("user").prefetch_related("list_versions")[_page(page)]
    )
    return [screening_payload(s, with_dispositions=False) for s in rows]


@router.get("/screenings/{pk}", response=ScreeningOut, summary="One screening with its hits and dispositions")
def get_screening(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = require_user(request)
    return screening_payload(get_object_or_404(Screening.objects.for_user(user), pk=pk))


@router.post(
    "/screenings/{pk}/dispositions",
    response={201: DispositionOut},
    summary="Record a disposition on a hit: true match or false positive, with the reason",
)
def create_disposition(request: HttpRequest, pk: int, payload: DispositionIn) -> tuple[int, Disposition]:
    user = require_user(request)
    screening = get_object_or_404(Screening.objects.for_user(user), pk=pk)
    return 201, services.record_disposition(
        screening,
        entity_ref=payload.entity,
        decision=payload.decision,
        reason=payload.reason,
        acting_user=user,
    )


@router.get("/dispositions", response=list[DispositionOut], summary="Your organisation's dispositions")
def list_dispositions(request: HttpRequest, page: Query[Page]) -> list[Disposition]:
    user = require_user(request)
    return list(Disposition.objects.for_user(user).select_related("decided_by")[_page(page)])


@router.get("/sources", response=list[SourceOut], summary="The lists and their active versions")
def list_sources(request: HttpRequest) -> list[dict[str, Any]]:
    require_user(request)
    return services.status()


def version_payload(v: ListVersion) -> dict[str, Any]:
    return {
        "id": v.pk,
        "source": v.source.key,
        "file_name": v.file_name,
        "format": v.format,
        "sha256": v.sha256,
        "entity_count": v.entity_count,
        "count_by_schema": v.count_by_schema,
        "imported_at": v.imported_at,
        "previous_id": v.previous_id,
        "active": v.source.active_version_id == v.pk,
        "diff_summary": v.diff_summary,
    }


@router.get("/sources/{key}/versions", response=list[VersionOut], summary="Every imported version of a list")
def list_versions(request: HttpRequest, key: str) -> list[dict[str, Any]]:
    user = require_user(request)
    source = services.get_source(key)
    return [
        version_payload(v)
        for v in ListVersion.objects.for_user(user).filter(source=source).select_related("source")
    ]


@router.post(
    "/sources/{key}/versions",
    response={201: ImportOut},
    summary="Import a list file (the Commission or an administrator)",
)
def import_version(request: HttpRequest, key: str, file: File[UploadedFile]) -> tuple[int, dict[str, Any]]:
    user = require_user(request)
    access_list_import(user)
    services.get_source(key)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(file.name or "upload").name
        with path.open("wb") as handle:
            for chunk in file.chunks():
                handle.write(chunk)
        outcome = services.import_list_file(key, path, acting_user=user)
    return 201, outcome.to_json()


@router.get("/entities/{ref}", response=EntityOut, summary="A listed entity as the active version gives it")
def get_entity(request: HttpRequest, ref: str) -> ListedEntity:
    user = require_user(request)
    return get_object_or_404(ListedEntity.objects.for_user(user).active(), ref=ref)


def bulk_payload(job: BulkScreening) -> dict[str, Any]:
    return {
        "id": job.pk,
        "file_name": job.file_name,
        "status": job.status,
        "trigger": job.trigger,
        "rerun_of_id": job.rerun_of_id,
        "total": job.total,
        "done": job.done,
        "percent": job.percent,
        "hit_count": job.hit_count,
        "new_hit_count": job.new_hit_count,
        "row_errors": job.row_errors,
        "error": job.error,
        "list_versions": sorted(v.pk for v in job.list_versions.all()),
        "created_at": job.created_at,
        "finished_at": job.finished_at,
        "result_url": f"/api/v1/screening/bulk-screenings/{job.pk}/result"
        if job.status == JobStatus.DONE
        else None,
    }


@router.post(
    "/bulk-screenings",
    response={201: BulkOut},
    summary="Upload a CSV of parties (name[, id, type, country, birth_date]) to screen in the background",
)
def create_bulk(request: HttpRequest, file: File[UploadedFile]) -> tuple[int, dict[str, Any]]:
    user = require_user(request)
    access_screening(user)
    if file.size and file.size > settings.UPLOAD_MAX_BYTES:
        raise InvalidInput(f"the file is larger than {settings.UPLOAD_MAX_BYTES} bytes", field="file")
    job = services.create_bulk_screening(file.read(), file.name or "parties.csv", acting_user=user)
    job.refresh_from_db()
    return 201, bulk_payload(job)


@router.get("/bulk-screenings", response=list[BulkOut], summary="Your organisation's bulk screenings")
def list_bulk(request: HttpRequest, page: Query[Page]) -> list[dict[str, Any]]:
    user = require_user(request)
    return [
        bulk_payload(j)
        for j in BulkScreening.objects.for_user(user).prefetch_related("list_versions")[_page(page)]
    ]


@router.get("/bulk-screenings/{pk}", response=BulkOut, summary="A bulk screening's status and progress")
def get_bulk(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = require_user(request)
    return bulk_payload(get_object_or_404(BulkScreening.objects.for_user(user), pk=pk))


@router.get(
    "/bulk-screenings/{pk}/result", summary="The result CSV (one line per hit; new hits only on a re-run)"
)
def get_bulk_result(request: HttpRequest, pk: int) -> HttpResponse:
    user = require_user(request)
    job = get_object_or_404(BulkScreening.objects.for_user(user), pk=pk)
    return bulk_result_response(job)


def bulk_result_response(job: BulkScreening) -> HttpResponse:
    if job.status != JobStatus.DONE or not job.result_file:
        raise ResultNotReady(f"bulk screening #{job.pk} is {job.status}: the result is not ready yet")
    response = HttpResponse(services.result_bytes(job), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="screening-{job.pk}-result.csv"'
    return response


class MatchParams(Schema):
    threshold: float | None = None
    cutoff: float = 0.5
    limit: int = 5
    algorithm: str = "dualuse"


@router.post(
    "/match/{dataset}", summary="yente / OpenSanctions-compatible match (dataset: default or a list key)"
)
def match(request: HttpRequest, dataset: str, payload: MatchIn, params: Query[MatchParams]) -> dict[str, Any]:
    user = require_user(request)
    access_screening(user)
    threshold = settings.SCREENING_THRESHOLD if params.threshold is None else params.threshold
    if not 0.0 <= threshold <= 1.0 or not 0.0 <= params.cutoff <= 1.0:
        raise InvalidInput("threshold and cutoff must be between 0 and 1", field="threshold")
    if not 1 <= params.limit <= 100:
        raise InvalidInput("limit must be between 1 and 100", field="limit")
    return yente.match_response(
        dataset, payload.queries, threshold=threshold, cutoff=params.cutoff, limit=params.limit
    )
