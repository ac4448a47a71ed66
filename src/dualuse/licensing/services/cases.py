"""The authority's writes on a case: assignment, questions, consultation and assessment (Art 15)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from dualuse.accounts.models import User
from dualuse.core import audit
from dualuse.core.errors import InvalidInput, NotFound
from dualuse.core.models import Verb
from dualuse.licensing import access, considerations
from dualuse.licensing.errors import ApplicationNotEditable, QuestionClosed
from dualuse.licensing.inputs import AssessmentInput
from dualuse.licensing.models import Application, ApplicationLine, Assessment, Question, QuestionStatus
from dualuse.licensing.services.common import lock_application, move
from dualuse.licensing.workflow import FINAL, Actor, Status

ASSESSABLE = {Status.UNDER_ASSESSMENT, Status.AWAITING_INFORMATION, Status.IN_CONSULTATION}


def _officer_of(application: Application, officer_id: int) -> User:
    officer = User.objects.select_related("organisation").filter(pk=officer_id).first()
    if (
        officer is None
        or not access.is_case_officer(officer)
        or officer.organisation_id != application.authority_id
    ):
        raise InvalidInput("assign the case to an officer of this authority", field="officer")
    return officer


def start_assessment(
    application: Application, *, acting_user: Any, officer_id: int | None = None
) -> Application:
    """A new case is taken up: submitted → under assessment, assigned to `officer_id` (or the caller)."""
    access.access_case_action(acting_user, application.authority_id)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        officer = _officer_of(application, officer_id or acting_user.pk)
        move(
            application,
            Status.UNDER_ASSESSMENT,
            Actor.OFFICER,
            acting_user,
            Verb.ASSESSMENT_STARTED,
            fields={"assigned_officer": officer},
            data={"assigned_officer": officer.pk},
        )
    return application


def assign_officer(application: Application, *, officer_id: int, acting_user: Any) -> Application:
    access.access_case_action(acting_user, application.authority_id)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        if Status(application.status) in FINAL:
            raise ApplicationNotEditable("a decided or withdrawn case is not reassigned")
        officer = _officer_of(application, officer_id)
        previous = application.assigned_officer_id
        application.assigned_officer = officer
        application.save(update_fields=["assigned_officer", "updated_at"])
        audit.record(acting_user, Verb.CASE_ASSIGNED, application, data={"from": previous, "to": officer.pk})
    return application


def ask_question(application: Application, *, text: str, acting_user: Any) -> Question:
    """Return the case to the exporter with a question: under assessment → awaiting information."""
    access.access_case_action(acting_user, application.authority_id)
    if not text.strip():
        raise InvalidInput("write the question", field="text")
    with transaction.atomic():
        application = lock_application(application, acting_user)
        question = Question.objects.create(application=application, text=text.strip(), asked_by=acting_user)
        move(
            application,
            Status.AWAITING_INFORMATION,
            Actor.OFFICER,
            acting_user,
            Verb.QUESTION_ASKED,
            data={"question": question.pk},
        )
    return question


def answer_question(question: Question, *, answer: str, acting_user: Any) -> Question:
    """The exporter answers; once no question is open the case is back under assessment."""
    access.access_exporter_action(acting_user, question.application.exporter_id)
    if not answer.strip():
        raise InvalidInput("write the answer", field="answer")
    with transaction.atomic():
        application = lock_application(question.application_id, acting_user)
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.status != QuestionStatus.OPEN:
            raise QuestionClosed("this question has already been answered")
        question.answer, question.status = answer.strip(), QuestionStatus.ANSWERED
        question.answered_by, question.answered_at = acting_user, timezone.now()
        question.save(update_fields=["answer", "status", "answered_by", "answered_at"])
        still_open = Question.objects.filter(application=application, status=QuestionStatus.OPEN).exists()
        if not still_open and Status(application.status) == Status.AWAITING_INFORMATION:
            move(
                application,
                Status.UNDER_ASSESSMENT,
                Actor.EXPORTER,
                acting_user,
                Verb.QUESTION_ANSWERED,
                data={"question": question.pk},
            )
        else:
            audit.record(acting_user, Verb.QUESTION_ANSWERED, application, data={"question": question.pk})
    return question


def start_consultation(application: Application, *, note: str, acting_user: Any) -> Application:
    """Art 14(1) / Art 16: another Member State is consulted; the case waits in consultation."""
    access.access_case_action(acting_user, application.authority_id)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        move(
            application,
            Status.IN_CONSULTATION,
            Actor.OFFICER,
            acting_user,
            Verb.CONSULTATION_STARTED,
            data={"note": note.strip()[:500]},
        )
    return application


def end_consultation(application: Application, *, note: str, acting_user: Any) -> Application:
    access.access_case_action(acting_user, application.authority_id)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        move(
            application,
            Status.UNDER_ASSESSMENT,
            Actor.OFFICER,
            acting_user,
            Verb.CONSULTATION_ENDED,
            data={"note": note.strip()[:500]},
        )
    return application


def record_assessment(application: Application, data: AssessmentInput, *, acting_user: Any) -> Assessment:
    """One consideration's finding, evidence and reasoning; recording it again replaces it."""
    access.access_case_action(acting_user, application.authority_id)
    if data.consideration not in considerations.BY_CODE:
        raise InvalidInput(f"{data.consideration!r} is not a consideration", field="consideration")
    if data.finding not in {f.value for f in considerations.Finding}:
        raise InvalidInput(f"{data.finding!r} is not a finding", field="finding")
    if not data.reasoning.strip():
        raise InvalidInput("give the reasoning", field="reasoning")
    with transaction.atomic():
        application = lock_application(application, acting_user)
        if Status(application.status) not in ASSESSABLE:
            raise ApplicationNotEditable(f"a {application.status_label.lower()} case is not being assessed")
        line = None
        if data.line_id is not None:
            line = ApplicationLine.objects.filter(pk=data.line_id, application=application).first()
            if line is None:
                raise NotFound("no such line in this case")
        assessment, created = Assessment.objects.update_or_create(
            application=application,
            line=line,
            consideration=data.consideration,
            defaults={
                "finding": data.finding,
                "evidence": data.evidence.strip(),
                "reasoning": data.reasoning.strip(),
                "legal_references": data.legal_references.strip(),
                "civil_society_evidence": list(data.civil_society_evidence),
                "assessed_by": acting_user,
            },
        )
        audit.record(
            acting_user,
            Verb.ASSESSMENT_RECORDED,
            application,
            data={
                "assessment": assessment.pk,
                "consideration": data.consideration,
                "finding": data.finding,
                "line": data.line_id,
                "replaced": not created,
            },
        )
    return assessment
