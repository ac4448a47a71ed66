"""The diligence API at /api/v1/diligence/. Every read is scoped by `for_user` (404 out of scope)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from dualuse.core.auth import require_user
from dualuse.core.errors import NotFound
from dualuse.diligence import access, services
from dualuse.diligence.errors import NotAllowed
from dualuse.diligence.models import ComplianceProgramme, DueDiligenceRecord, Evidence
from dualuse.diligence.schemas import (
    AttachIn,
    CaseEvidenceOut,
    ConsiderationIn,
    ConsiderationOut,
    EvidenceIn,
    EvidenceOutAuthority,
    EvidenceOutSubmitter,
    ModerateIn,
    ProgrammeIn,
    ProgrammeOut,
    RecordIn,
    RecordOut,
    VersionIn,
)

router = Router()


def _record_out(record: DueDiligenceRecord) -> dict[str, Any]:
    latest = record.versions.order_by("-number").first()
    return {
        "id": record.pk,
        "number": record.number,
        "reference": record.reference,
        "application_id": record.application_id,
        "version": record.version,
        "coverage": record.coverage,
        "entry_code": record.entry_code,
        "destination": record.destination,
        "conclusion": record.conclusion,
        "notification_status": record.notification_status,
        "notification_reference": record.notification_reference,
        "transaction_date": record.transaction_date,
        "retain_until": record.retain_until,
        "content": latest.content if latest else {},
    }


def _application(user: Any, application_id: int) -> Any:
    model: Any = apps.get_model("licensing", "Application")
    return get_object_or_404(model.objects.for_user(user), pk=application_id)


@router.get("/records", response=list[RecordOut], summary="Due-diligence records in scope")
def list_records(request: HttpRequest) -> list[dict[str, Any]]:
    user = require_user(request)
    return [_record_out(r) for r in DueDiligenceRecord.objects.for_user(user)[:500]]


@router.post("/records", response={201: RecordOut}, summary="Create a record (exporter)")
def create_record(request: HttpRequest, payload: RecordIn) -> tuple[int, dict[str, Any]]:
    user = require_user(request)
    application = _application(user, payload.application_id) if payload.application_id else None
    record = services.create_record(
        payload.content,
        reference=payload.reference,
        transaction_date=payload.transaction_date,
        acting_user=user,
        application=application,
    )
    return 201, _record_out(record)


@router.get("/records/{pk}", response=RecordOut)
def get_record(request: HttpRequest, pk: int) -> dict[str, Any]:
    user = require_user(request)
    return _record_out(get_object_or_404(DueDiligenceRecord.objects.for_user(user), pk=pk))


@router.post("/records/{pk}/versions", response={201: RecordOut}, summary="Save a new version")
def new_version(request: HttpRequest, pk: int, payload: VersionIn) -> tuple[int, dict[str, Any]]:
    user = require_user(request)
    record = get_object_or_404(DueDiligenceRecord.objects.for_user(user), pk=pk)
    return 201, _record_out(services.save_version(record, payload.content, acting_user=user))


@router.post("/records/{pk}/attach", response=RecordOut, summary="Attach to one of your applications")
def attach(request: HttpRequest, pk: int, payload: AttachIn) -> dict[str, Any]:
    user = require_user(request)
    record = get_object_or_404(DueDiligenceRecord.objects.for_user(user), pk=pk)
    application = _application(user, payload.application_id)
    return _record_out(services.attach_record(record, application, acting_user=user))


@router.get("/programme", response=ProgrammeOut, summary="Your compliance programme")
def get_programme(request: HttpRequest) -> ComplianceProgramme:
    user = require_user(request)
    if not access.is_exporter(user):
        raise NotFound("only exporters keep a compliance programme")
    programme = ComplianceProgramme.objects.for_user(user).filter(exporter_id=user.organisation_id).first()
    if programme is None:
        raise NotFound("no compliance programme yet")
    return programme


@router.put("/programme", response=ProgrammeOut, summary="Save the self-assessment of the seven elements")
def put_programme(request: HttpRequest, payload: ProgrammeIn) -> ComplianceProgramme:
    user = require_user(request)
    return services.save_programme(payload.elements, acting_user=user)


SUBMITTER_FIELDS = (
    "id",
    "number",
    "subject",
    "country",
    "party_name",
    "entry_code",
    "title",
    "summary",
    "observed_on",
    "confidentiality",
    "status",
    "moderation_note",
    "submitted_at",
)


def evidence_out(evidence: Evidence, user: Any) -> dict[str, Any]:
    """The submitter's view, grown by the organisation and moderation date for authorities."""
    data: dict[str, Any] = {f: getattr(evidence, f) for f in SUBMITTER_FIELDS}
    data["sources"] = evidence.source_list
    if access.is_moderator(user):
        data["organisation"] = evidence.organisation.name
        data["moderated_at"] = evidence.moderated_at
    return data


@router.get(
    "/evidence", response=list[EvidenceOutAuthority | EvidenceOutSubmitter], summary="Evidence in scope"
)
def list_evidence(request: HttpRequest) -> list[Any]:
    user = require_user(request)
    return [
        evidence_out(e, user) for e in Evidence.objects.for_user(user).select_related("organisation")[:500]
    ]


@router.post("/evidence", response={201: EvidenceOutSubmitter}, summary="Submit evidence (NGO)")
def submit(request: HttpRequest, payload: EvidenceIn) -> tuple[int, dict[str, Any]]:
    user = require_user(request)
    draft = services.EvidenceDraft(**{**payload.dict(), "sources": tuple(payload.sources)})
    return 201, evidence_out(services.submit_evidence(draft, acting_user=user), user)


@router.get("/evidence/{pk}", response=EvidenceOutAuthority | EvidenceOutSubmitter)
def get_evidence(request: HttpRequest, pk: int) -> Any:
    user = require_user(request)
    evidence = get_object_or_404(Evidence.objects.for_user(user).select_related("organisation"), pk=pk)
    return evidence_out(evidence, user)


@router.post(
    "/evidence/{pk}/moderate", response=EvidenceOutAuthority, summary="Accept or decline (authority)"
)
def moderate(request: HttpRequest, pk: int, payload: ModerateIn) -> dict[str, Any]:
    user = require_user(request)
    evidence = get_object_or_404(Evidence.objects.for_user(user), pk=pk)
    moderated = services.moderate_evidence(
        evidence, accept=payload.accept, note=payload.note, acting_user=user
    )
    return evidence_out(moderated, user)


@router.get("/cases/{application_id}/evidence", response=list[CaseEvidenceOut], summary="Evidence on a case")
def case_evidence(request: HttpRequest, application_id: int) -> list[dict[str, Any]]:
    user = require_user(request)
    application = _application(user, application_id)
    if not access.is_case_officer(user):
        raise NotAllowed("only officers see the evidence on a case")
    return [
        {"evidence": evidence_out(i.evidence, user), "reasons": i.reasons, "consideration": i.consideration}
        for i in services.evidence_for_case(application)
    ]


@router.post(
    "/cases/{application_id}/evidence/{evidence_id}/consideration",
    response=ConsiderationOut,
    summary="Record that an item of evidence was considered, and how",
)
def consider(request: HttpRequest, application_id: int, evidence_id: int, payload: ConsiderationIn) -> Any:
    user = require_user(request)
    application = _application(user, application_id)
    evidence = get_object_or_404(Evidence.objects.for_user(user), pk=evidence_id)
    return services.record_consideration(
        evidence, application, how=payload.how, note=payload.note, acting_user=user
    )
