"""Exporter routes: drafts, problems, documents, submission, answers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, UploadedFile

from dualuse.licensing import queries, services
from dualuse.licensing.api.common import application_out, exporter_user
from dualuse.licensing.models import Application, Question
from dualuse.licensing.schemas import (
    ApplicationIn,
    ApplicationOutExporter,
    DocumentOut,
    ProblemOut,
    QuestionOut,
    TextIn,
)

router = Router()


def _own(request: HttpRequest, pk: int) -> tuple[Any, Application]:
    user = exporter_user(request)
    return user, get_object_or_404(Application.objects.for_user(user), pk=pk)


def _out(application: Application) -> dict[str, Any]:
    fresh = queries.case_queryset().get(pk=application.pk)
    return application_out(queries.case_view(fresh, for_authority=False), authority=False)


@router.get("/applications", response=list[ApplicationOutExporter], summary="My organisation's applications")
def list_applications(request: HttpRequest) -> list[dict[str, Any]]:
    user = exporter_user(request)
    apps = (
        queries.case_queryset()
        .filter(pk__in=Application.objects.for_user(user).values("pk"))
        .order_by("-pk")[:200]
    )
    return [application_out(queries.case_view(a, for_authority=False), authority=False) for a in apps]


@router.post("/applications", response={201: ApplicationOutExporter}, summary="Draft an application")
def create_application(request: HttpRequest, payload: ApplicationIn) -> tuple[int, dict[str, Any]]:
    user = exporter_user(request)
    return 201, _out(services.create_application(payload.to_input(), acting_user=user))


@router.get("/applications/{pk}", response=ApplicationOutExporter)
def get_application(request: HttpRequest, pk: int) -> dict[str, Any]:
    _, application = _own(request, pk)
    return _out(application)


@router.put("/applications/{pk}", response=ApplicationOutExporter, summary="Replace a draft")
def update_application(request: HttpRequest, pk: int, payload: ApplicationIn) -> dict[str, Any]:
    user, application = _own(request, pk)
    return _out(services.update_application(application, payload.to_input(), acting_user=user))


@router.get(
    "/applications/{pk}/problems",
    response=list[ProblemOut],
    summary="Everything that stops the application from being submitted, with field paths",
)
def application_problems(request: HttpRequest, pk: int) -> list[dict[str, str]]:
    _, application = _own(request, pk)
    return [p.to_json() for p in services.problems_of(application)]


@router.post("/applications/{pk}/submit", response=ApplicationOutExporter)
def submit_application(request: HttpRequest, pk: int) -> dict[str, Any]:
    user, application = _own(request, pk)
    return _out(services.submit_application(application, acting_user=user))


@router.post("/applications/{pk}/withdraw", response=ApplicationOutExporter)
def withdraw_application(request: HttpRequest, pk: int) -> dict[str, Any]:
    user, application = _own(request, pk)
    return _out(services.withdraw_application(application, acting_user=user))


@router.post(
    "/applications/{pk}/documents",
    response={201: DocumentOut},
    summary="Upload a document (PDF, PNG, JPEG, ODT, DOCX; size limit DUALUSE_UPLOAD_MAX_BYTES)",
)
def upload_document(
    request: HttpRequest, pk: int, file: File[UploadedFile], kind: Form[str] = "other"
) -> tuple[int, Any]:
    user, application = _own(request, pk)
    document = services.add_document(
        application,
        name=file.name or "document",
        stream=file,
        size=file.size or 0,
        kind=kind,
        acting_user=user,
    )
    return 201, document


@router.post("/applications/{pk}/questions/{question_id}/answer", response=QuestionOut)
def answer_question(request: HttpRequest, pk: int, question_id: int, payload: TextIn) -> Question:
    user, application = _own(request, pk)
    question = get_object_or_404(Question.objects.filter(application=application), pk=question_id)
    return services.answer_question(question, answer=payload.text, acting_user=user)
