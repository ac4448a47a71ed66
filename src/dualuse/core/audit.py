"""The audit log: one hash-chained, append-only row per state change.

`record()` must run inside the caller's transaction, so the event and the change commit together.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from dualuse.core.models import AuditEvent, Verb

GENESIS = "0" * 64
_PG_CHAIN_LOCK = 7_302_021  # advisory lock key: one writer extends the chain at a time


def _canonical(event_fields: dict[str, Any]) -> bytes:
    return json.dumps(event_fields, sort_keys=True, separators=(",", ":"), default=str).encode()


def compute_hash(
    prev_hash: str,
    *,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor_label: str,
    organisation_id: int | None,
    verb: str,
    object_type: str,
    object_id: str,
    data: dict[str, Any],
) -> str:
    payload = _canonical(
        {
            "seq": seq,
            "at": at.isoformat(timespec="microseconds"),
            "actor_id": actor_id,
            "actor_label": actor_label,
            "organisation_id": organisation_id,
            "verb": verb,
            "object_type": object_type,
            "object_id": object_id,
            "data": data,
        }
    )
    return hashlib.sha256(prev_hash.encode() + payload).hexdigest()


def _actor(user: Any) -> tuple[int | None, str, int | None]:
    if user is None or not getattr(user, "is_authenticated", False):
        return None, "system", None
    return user.pk, user.get_username(), getattr(user, "organisation_id", None)


def record(
    user: Any,
    verb: Verb,
    obj: Any = None,
    *,
    data: dict[str, Any] | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
) -> AuditEvent:
    """Append one event. Takes a lock on PostgreSQL so concurrent writers cannot fork the chain."""
    actor_id, actor_label, organisation_id = _actor(user)
    otype = object_type or (obj._meta.label_lower if obj is not None else "")
    oid = object_id or (str(obj.pk) if obj is not None else "")
    payload = json.loads(_canonical(data or {}))
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_CHAIN_LOCK])
        last = AuditEvent.objects.order_by("-seq").only("seq", "hash").first()
        seq = (last.seq + 1) if last else 1
        prev = last.hash if last else GENESIS
        # Microseconds survive every backend, so the hash recomputes identically after a round trip.
        at = timezone.now()
        event = AuditEvent(
            seq=seq,
            at=at,
            actor_id=actor_id,
            actor_label=actor_label,
            organisation_id=organisation_id,
            verb=verb.value,
            object_type=otype,
            object_id=oid,
            data=payload,
            prev_hash=prev,
        )
        event.hash = compute_hash(
            prev,
            seq=seq,
            at=at,
            actor_id=actor_id,
            actor_label=actor_label,
            organisation_id=organisation_id,
            verb=verb.value,
            object_type=otype,
            object_id=oid,
            data=payload,
        )
        event.save()
    return event


@dataclass(frozen=True, slots=True)
class ChainProblem:
    seq: int
    message: str

    def __str__(self) -> str:
        return f"event #{self.seq}: {self.message}"


def verify(events: Iterator[AuditEvent] | None = None) -> tuple[int, list[ChainProblem]]:
    """Walk the chain; report every gap (deleted event), broken link and recomputed-hash mismatch."""
    problems: list[ChainProblem] = []
    prev_hash, expected_seq, count = GENESIS, 1, 0
    rows = events if events is not None else AuditEvent.objects.order_by("seq").iterator(chunk_size=2000)
    for event in rows:
        count += 1
        if event.seq != expected_seq:
            problems.append(ChainProblem(event.seq, f"expected #{expected_seq}: events are missing"))
        if event.prev_hash != prev_hash:
            problems.append(
                ChainProblem(event.seq, "does not link to the previous event (deleted or reordered)")
            )
        recomputed = compute_hash(
            event.prev_hash,
            seq=event.seq,
            at=event.at,
            actor_id=event.actor_id,
            actor_label=event.actor_label,
            organisation_id=event.organisation_id,
            verb=event.verb,
            object_type=event.object_type,
            object_id=event.object_id,
            data=event.data,
        )
        if recomputed != event.hash:
            problems.append(ChainProblem(event.seq, "content does not match its hash (edited)"))
        prev_hash, expected_seq = event.hash, event.seq + 1
    return count, problems
