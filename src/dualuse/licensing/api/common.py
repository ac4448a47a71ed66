"""Who is calling, and the output builders shared by the licensing routes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from dualuse.core.auth import require_user
from dualuse.licensing import access
from dualuse.licensing.errors import NotAllowed, SecondFactorRequired
from dualuse.licensing.models import Application, Licence
from dualuse.licensing.queries import CaseView


def exporter_user(request: HttpRequest) -> Any:
    user = require_user(request)
    if not access.is_exporter(user):
        raise NotAllowed("this route is for exporter users")
    return user


def officer_user(request: HttpRequest) -> Any:
    user = require_user(request)
    if not access.is_case_officer(user):
        raise NotAllowed("this route is for licensing officers of a competent authority")
    if not access.otp_satisfied(request):
        raise SecondFactorRequired("verify your second factor at /accounts/otp/ first")
    return user


def party_user(request: HttpRequest) -> Any:
    """An exporter or an officer (routes both audiences share, scoped by for_user)."""
    user = require_user(request)
    if access.is_exporter(user):
        return user
    return officer_user(request)


def user_ref(user: Any) -> dict[str, Any] | None:
    return {"id": user.pk, "username": user.username} if user is not None else None


def _line(line: Any, authority: bool) -> dict[str, Any]:
    out = {
        "id": line.pk,
        "position": line.position,
        "description": line.description,
        "entry_code": line.entry_code,
        "not_listed": line.not_listed,
        "cyber_surveillance": line.cyber_surveillance,
        "quantity": line.quantity,
        "unit": line.unit,
        "value_eur": line.value_eur,
        "destination": line.destination,
    }
    if authority:
        entry = line.control_entry
        out.update(
            entry_text=entry.text if entry else "",
            determination_status=line.determination_status,
            determination=line.determination,
        )
    return out


def _party(party: Any, authority: bool) -> dict[str, Any]:
    out = {
        "id": party.pk,
        "role": party.role,
        "kind": party.kind,
        "name": party.name,
        "address": party.address,
        "country": party.country,
    }
    if authority:
        out.update(
            screening_status=party.screening_status,
            screening_hits=party.screening_hits,
            screening_note=party.screening_note,
        )
    return out


def application_out(view: CaseView, *, authority: bool) -> dict[str, Any]:
    app: Application = view.application
    final = next((d for d in reversed(view.decisions) if d.status == "countersigned"), None)
    out: dict[str, Any] = {
        "id": app.pk,
        "reference": app.reference,
        "status": app.status,
        "type": app.type,
        "activity": app.activity,
        "title": app.title,
        "end_use": app.end_use,
        "project_description": app.project_description,
        "items_located_in": app.items_located_in,
        "due_diligence_record_id": app.due_diligence_record_id,
        "created_at": app.created_at,
        "submitted_at": app.submitted_at,
        "decided_at": app.decided_at,
        "lines": [_line(line, authority) for line in view.lines],
        "parties": [_party(p, authority) for p in view.parties],
        "documents": [
            {
                "id": d.pk,
                "kind": d.kind,
                "original_name": d.original_name,
                "content_type": d.content_type,
                "size": d.size,
                "sha256": d.sha256,
                "uploaded_at": d.uploaded_at,
            }
            for d in view.documents
        ],
        "questions": [
            {
                "id": q.pk,
                "text": q.text,
                "status": q.status,
                "asked_at": q.asked_at,
                "answer": q.answer,
                "answered_at": q.answered_at,
            }
            for q in view.questions
        ],
        "decision": {
            "outcome": final.outcome,
            "conditions": final.conditions,
            "criteria": final.criteria,
            "reasons": final.reasons,
            "decided_at": app.decided_at,
        }
        if final
        else None,
        "licence_id": view.licence.pk if view.licence else None,
    }
    if authority:
        out.update(
            exporter=app.exporter.name,
            assigned_officer=user_ref(app.assigned_officer),
            target_date=app.target_date,
            screening_note=app.screening_note,
            determination_note=app.determination_note,
            assessments=[
                {
                    "id": a.pk,
                    "consideration": a.consideration,
                    "line_id": a.line_id,
                    "finding": a.finding,
                    "evidence": a.evidence,
                    "reasoning": a.reasoning,
                    "legal_references": a.legal_references,
                    "civil_society_evidence": a.civil_society_evidence,
                    "assessed_by": user_ref(a.assessed_by),
                    "assessed_at": a.assessed_at,
                }
                for a in view.assessments
            ],
            decisions=[
                {
                    "id": d.pk,
                    "outcome": d.outcome,
                    "conditions": d.conditions,
                    "criteria": d.criteria,
                    "reasons": d.reasons,
                    "validity_months": d.validity_months,
                    "status": d.status,
                    "proposed_by": user_ref(d.proposed_by),
                    "proposed_at": d.proposed_at,
                    "reviewed_by": user_ref(d.reviewed_by),
                    "reviewed_at": d.reviewed_at,
                    "review_note": d.review_note,
                }
                for d in view.decisions
            ],
        )
    return out


def licence_out(licence: Licence) -> dict[str, Any]:
    return {
        "id": licence.pk,
        "number": licence.number,
        "application_id": licence.application_id,
        "holder": licence.holder.name,
        "member_state": licence.member_state,
        "type": licence.type,
        "activity": licence.activity,
        "valid_from": licence.valid_from,
        "valid_until": licence.valid_until,
        "status": licence.status,
        "conditions": licence.conditions,
        "destinations": licence.destinations,
        "end_users": licence.end_users,
        "verification_code": licence.verification_code,
        "lines": list(licence.lines.all()),
    }
