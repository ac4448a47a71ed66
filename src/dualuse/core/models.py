from __future__ import annotations

from typing import Any

from django.db import models


class Verb(models.TextChoices):
    """Typed audit verbs, past tense. Apps add theirs here so the vocabulary stays in one place."""

    USER_CREATED = "user.created"
    TOKEN_CREATED = "token.created"  # noqa: S105 - an audit verb, not a secret
    TOKEN_REVOKED = "token.revoked"  # noqa: S105 - an audit verb, not a secret
    CONTROL_LIST_IMPORTED = "controllist.imported"
    CONTROL_LIST_ACTIVATED = "controllist.activated"
    LIST_VERSION_IMPORTED = "screening.list_imported"
    SCREENING_RUN = "screening.run"
    DISPOSITION_RECORDED = "screening.disposition_recorded"
    DETERMINATION_MADE = "determination.made"
    APPLICATION_CREATED = "application.created"
    APPLICATION_CHANGED = "application.changed"
    APPLICATION_TRANSITIONED = "application.transitioned"
    ASSESSMENT_RECORDED = "assessment.recorded"
    LICENCE_ISSUED = "licence.issued"
    LICENCE_USED = "licence.used"
    LICENCE_STATUS_CHANGED = "licence.status_changed"
    DENIAL_NOTIFIED = "cooperation.denial_notified"
    CONSULTATION_CHANGED = "cooperation.consultation_changed"
    CATCH_ALL_CHANGED = "cooperation.catch_all_changed"
    VOTE_CAST = "cooperation.vote_cast"
    EU_LIST_CHANGED = "cooperation.eu_list_changed"
    DILIGENCE_SAVED = "diligence.saved"
    EVIDENCE_CHANGED = "diligence.evidence_changed"
    RECORDS_PURGED = "core.records_purged"
    # licensing (issue 6): one verb per transition and per kind of write
    APPLICATION_SUBMITTED = "application.submitted"
    APPLICATION_WITHDRAWN = "application.withdrawn"
    APPLICATION_SCREENED = "application.screened"
    DOCUMENT_UPLOADED = "application.document_uploaded"
    DOCUMENT_REMOVED = "application.document_removed"
    CASE_ASSIGNED = "case.assigned"
    ASSESSMENT_STARTED = "case.assessment_started"
    QUESTION_ASKED = "case.question_asked"
    QUESTION_ANSWERED = "case.question_answered"
    CONSULTATION_STARTED = "case.consultation_started"
    CONSULTATION_ENDED = "case.consultation_ended"
    DECISION_PROPOSED = "decision.proposed"
    DECISION_COUNTERSIGNED = "decision.countersigned"
    DECISION_RETURNED = "decision.returned"
    DENIAL_RECORDED = "decision.denial_recorded"
    LICENCE_SUSPENDED = "licence.suspended"
    LICENCE_REINSTATED = "licence.reinstated"
    LICENCE_REVOKED = "licence.revoked"
    LICENCE_AMENDED = "licence.amended"
    LICENCE_SURRENDERED = "licence.surrendered"
    LICENCE_EXPIRED = "licence.expired"
    LICENCE_EXHAUSTED = "licence.exhausted"
    UGEA_REGISTERED = "ugea.registered"
    UGEA_ACKNOWLEDGED = "ugea.acknowledged"
    UGEA_WITHDRAWN = "ugea.withdrawn"
    UGEA_NOTICE_SUBMITTED = "ugea.notice_submitted"
    DECISION_PUBLISHED = "transparency.decision_published"
    PENALTY_RECORDED = "transparency.penalty_recorded"


class AppendOnlyError(Exception):
    pass


class AuditEvent(models.Model):
    """Append-only; each event carries the hash of the previous one, so `dualuse audit verify`
    detects an edited, inserted or deleted event."""

    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(max_length=200)
    organisation_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    verb = models.CharField(max_length=64, choices=Verb.choices)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    data = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.verb} {self.object_type}:{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.pop("_allow_update", False):
            raise AppendOnlyError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events are append-only")
