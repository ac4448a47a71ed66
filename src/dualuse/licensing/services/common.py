"""Shared pieces of the licensing services: locking a scoped row, checking a transition."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from dualuse.core import audit
from dualuse.core.errors import NotFound
from dualuse.core.models import Verb
from dualuse.licensing import workflow
from dualuse.licensing.errors import TransitionRefused
from dualuse.licensing.models import Application


def lock_application(application: Application | int, user: Any) -> Application:
    """The application row, locked until the transaction ends, if `user` may see it (else 404)."""
    pk = application if isinstance(application, int) else application.pk
    found = Application.objects.for_user(user).select_for_update().filter(pk=pk).first()
    if found is None:
        raise NotFound("no such application")
    return found


def check_transition(application: Application, target: workflow.Status, actor: workflow.Actor) -> None:
    try:
        workflow.check(application.status, target, actor)
    except workflow.TransitionNotAllowed as exc:
        raise TransitionRefused(exc.reason, field="status") from exc


def move(
    application: Application,
    target: workflow.Status,
    actor: workflow.Actor,
    user: Any,
    verb: Verb,
    *,
    fields: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
) -> Application:
    """Check and write one transition with its audit event (the caller holds the row lock)."""
    check_transition(application, target, actor)
    previous = application.status
    application.status = target.value
    for name, value in (fields or {}).items():
        setattr(application, name, value)
    application.updated_at = timezone.now()
    application.save(update_fields=["status", "updated_at", *(fields or {})])
    audit.record(user, verb, application, data={"from": previous, "to": target.value, **(data or {})})
    return application
