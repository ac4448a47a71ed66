"""Authority routes: the workbench, the case, questions, consultation, assessment and four eyes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Schema

from dualuse.licensing import queries, services
from dualuse.licensing.api.common import application_out, officer_user, user_ref
from dualuse.licensing.models import Application, Denial
from dualuse.licensing.schemas import (
    ApplicationOutAuthority,
    AssessmentIn,
    AssessmentOut,
    AssignIn,
    CasePageOut,
    DenialOut,
    NoteIn,
    PrecedentOut,
    ProposalIn,
    QuestionOut,
    TextIn,
)

router = Router()


class CaseQuery(Schema):
    queue: str = "all"
    q: str = ""
    status: str = ""
    type: str = ""
    activity: str = ""
    destination: str = ""
    entry: str = ""
    page: int = 1


def _case(request: HttpRequest, pk: int) -> tuple[Any, Application]:
    user = officer_user(request)
    return user, get_object_or_404(Application.objects.for_user(user), pk=pk)


def _out(application: Application) -> dict[str, Any]:
    fresh = queries.case_queryset().get(pk=application.pk)
    return application_out(queries.case_view(fresh, for_authority=True), authority=True)


@router.get("/cases", response=CasePageOut, summary="The workbench: queues, search, filters, pages of 25")
def list_cases(request: HttpRequest, params: Query[CaseQuery]) -> dict[str, Any]:
    user = officer_user(request)
    filters = queries.CaseFilters(
        params.queue if params.queue in queries.QUEUES else "all",
        params.q[:200],
        params.status,
        params.type,
        params.activity,
        params.destination,
        params.entry,
    )
    today = timezone.localdate()
    page = queries.case_page(user, filters, max(1, params.page), today)
    items = [
        {
            "id": a.pk,
            "reference": a.reference,
            "status": a.status,
            "type": a.type,
            "activity": a.activity,
            "exporter": a.exporter.name,
            "submitted_at": a.submitted_at,
            "target_date": a.target_date,
            "assigned_officer": user_ref(a.assigned_officer),
        }
        for a in page.object_list
    ]
    return {
        "items": items,
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "queues": queries.queue_counts(user, today),
    }


@router.get("/cases/{pk}", response=ApplicationOutAuthority)
def get_case(request: HttpRequest, pk: int) -> dict[str, Any]:
    _, application = _case(request, pk)
    return _out(application)


@router.get(
    "/cases/{pk}/precedents",
    response=list[PrecedentOut],
    summary="Earlier decided lines of the same entry and destination (per line)",
)
def case_precedents(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    _, application = _case(request, pk)
    found = queries.precedents(application, list(application.lines.all()))
    return [
        {
            "application_id": p.application_id,
            "reference": p.application.reference,
            "status": p.application.status,
            "entry_code": p.entry_code,
            "destination": p.destination,
            "description": p.description,
            "decided_at": p.application.decided_at,
        }
        for lines in found.values()
        for p in lines
    ]


@router.post("/cases/{pk}/start", response=ApplicationOutAuthority, summary="Take up a new case")
def start_case(request: HttpRequest, pk: int, payload: AssignIn) -> dict[str, Any]:
    user, application = _case(request, pk)
    return _out(services.start_assessment(application, acting_user=user, officer_id=payload.officer_id))


@router.post("/cases/{pk}/assign", response=ApplicationOutAuthority)
def assign_case(request: HttpRequest, pk: int, payload: AssignIn) -> dict[str, Any]:
    user, application = _case(request, pk)
    return _out(
        services.assign_officer(application, officer_id=payload.officer_id or user.pk, acting_user=user)
    )


@router.post("/cases/{pk}/questions", response={201: QuestionOut}, summary="Return with a question")
def ask_question(request: HttpRequest, pk: int, payload: TextIn) -> tuple[int, Any]:
    user, application = _case(request, pk)
    return 201, services.ask_question(application, text=payload.text, acting_user=user)


@router.post(
    "/cases/{pk}/consult", response=ApplicationOutAuthority, summary="Start a consultation (Art 14, 16)"
)
def consult(request: HttpRequest, pk: int, payload: NoteIn) -> dict[str, Any]:
    user, application = _case(request, pk)
    return _out(services.start_consultation(application, note=payload.note, acting_user=user))


@router.post("/cases/{pk}/end-consultation", response=ApplicationOutAuthority)
def end_consultation(request: HttpRequest, pk: int, payload: NoteIn) -> dict[str, Any]:
    user, application = _case(request, pk)
    return _out(services.end_consultation(application, note=payload.note, acting_user=user))


@router.put("/cases/{pk}/assessments", response=AssessmentOut, summary="Record one consideration")
def record_assessment(request: HttpRequest, pk: int, payload: AssessmentIn) -> dict[str, Any]:
    user, application = _case(request, pk)
    a = services.record_assessment(application, payload.to_input(), acting_user=user)
    return {
        "id": a.pk,
        "consideration": a.consideration,
        "line_id": a.line_id,
        "finding": a.finding,
        "evidence": a.evidence,
        "reasoning": a.reasoning,
        "legal_references": a.legal_references,
        "civil_society_evidence": a.civil_society_evidence,
        "assessed_by": user_ref(user),
        "assessed_at": a.assessed_at,
    }


@router.post("/cases/{pk}/propose", response=ApplicationOutAuthority, summary="Propose a decision")
def propose(request: HttpRequest, pk: int, payload: ProposalIn) -> dict[str, Any]:
    user, application = _case(request, pk)
    services.propose_decision(application, payload.to_input(), acting_user=user)
    return _out(application)


@router.post(
    "/cases/{pk}/countersign",
    response=ApplicationOutAuthority,
    summary="Countersign (a senior officer who did not propose)",
)
def countersign(request: HttpRequest, pk: int, payload: NoteIn) -> dict[str, Any]:
    user, application = _case(request, pk)
    services.countersign_decision(application, acting_user=user, note=payload.note)
    return _out(application)


@router.post(
    "/cases/{pk}/return", response=ApplicationOutAuthority, summary="Return the proposal to the officer"
)
def return_proposal(request: HttpRequest, pk: int, payload: NoteIn) -> dict[str, Any]:
    user, application = _case(request, pk)
    services.return_decision(application, note=payload.note, acting_user=user)
    return _out(application)


@router.get("/denials", response=list[DenialOut], summary="Valid refusals of all Member States (Art 16)")
def list_denials(request: HttpRequest) -> list[Denial]:
    user = officer_user(request)
    return list(Denial.objects.for_user(user).valid()[:500])
