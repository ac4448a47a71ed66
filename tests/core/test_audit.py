"""The audit log is a hash chain: an edited, deleted or inserted event is detected."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dualuse.core import audit
from dualuse.core.models import AppendOnlyError, AuditEvent, Verb

pytestmark = pytest.mark.django_db


def _events(user: Any, n: int = 3) -> list[AuditEvent]:
    return [
        audit.record(user, Verb.TOKEN_CREATED, object_type="test", object_id=str(i), data={"i": i})
        for i in range(n)
    ]


def test_fresh_chain_verifies(exporter: Any, capsys: Any) -> None:
    _events(exporter)
    count, problems = audit.verify()
    assert problems == []
    assert count >= 3
    call_command("audit", "verify")
    assert "intact" in capsys.readouterr().out


def test_edited_event_is_detected(exporter: Any) -> None:
    events = _events(exporter)
    AuditEvent.objects.filter(pk=events[1].pk).update(
        data={"i": 99}
    )  # bypasses the model, as an attacker would
    _, problems = audit.verify()
    assert any(p.seq == events[1].seq and "edited" in p.message for p in problems)
    with pytest.raises(CommandError, match="edited"):
        call_command("audit", "verify")


def test_deleted_event_is_detected(exporter: Any) -> None:
    events = _events(exporter)
    AuditEvent.objects.filter(pk=events[1].pk)._raw_delete(AuditEvent.objects.db)
    _, problems = audit.verify()
    assert any(p.seq == events[2].seq and "missing" in p.message for p in problems)


def test_models_refuse_update_and_delete(exporter: Any) -> None:
    event = _events(exporter, 1)[0]
    event.data = {"changed": True}
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_events_carry_actor_and_organisation(exporter: Any) -> None:
    event = _events(exporter, 1)[0]
    assert event.actor_id == exporter.pk
    assert event.organisation_id == exporter.organisation_id
    assert event.actor_label == exporter.username
