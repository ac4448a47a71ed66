"""Due-diligence records (Recommendation (EU) 2024/2659), their versions, and compliance programmes
(Recommendation (EU) 2019/1318)."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models

from dualuse.accounts.models import OrgKind, Role
from dualuse.diligence.steps import CONCLUSION_LABELS, COVERAGE_LABELS

CONCLUSION_CHOICES = [(c.value, label) for c, label in CONCLUSION_LABELS.items()]
COVERAGE_CHOICES = [(c.value, label) for c, label in COVERAGE_LABELS.items()]
CASE_ROLES = frozenset({Role.OFFICER, Role.SENIOR_OFFICER})


class NotificationStatus(models.TextChoices):
    NONE = "", "None"
    PENDING = "pending", "Art 5(2) notification to be sent"
    SENT = "sent", "Art 5(2) notification sent"


class DueDiligenceRecordQuerySet(models.QuerySet["DueDiligenceRecord"]):
    def for_user(self, user: Any) -> Self:
        """DESIGN §2: the exporter's own records; an officer sees those attached to cases filed with
        its authority (never to drafts). Everybody else sees none."""
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        kind = user.organisation.kind
        if kind == OrgKind.EXPORTER and user.role == Role.EXPORTER:
            return self.filter(exporter_id=user.organisation_id)
        if kind == OrgKind.AUTHORITY and user.role in CASE_ROLES:
            return self.filter(application__authority_id=user.organisation_id).exclude(
                application__status="draft"
            )
        return self.none()


class DueDiligenceRecord(models.Model):
    """One transaction's due diligence. The content lives in immutable versions; the columns here
    repeat the latest version's key answers for lists and filters."""

    exporter = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(max_length=120)  # the exporter's own transaction reference
    application = models.ForeignKey(
        "licensing.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="due_diligence_records",
    )
    version = models.PositiveIntegerField(default=0)
    coverage = models.CharField(max_length=20, choices=COVERAGE_CHOICES, blank=True)
    entry_code = models.CharField(max_length=40, blank=True)
    destination = models.CharField(max_length=2, blank=True)
    conclusion = models.CharField(max_length=12, choices=CONCLUSION_CHOICES, blank=True)
    notification_status = models.CharField(
        max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.NONE, blank=True
    )
    notification_reference = models.CharField(max_length=60, blank=True)  # the cooperation app's id
    transaction_date = models.DateField()
    # Art 27(3): kept at least five years from the end of the calendar year of the export.
    retain_until = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DueDiligenceRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["exporter", "conclusion"], name="dd_exporter_conclusion")]

    def __str__(self) -> str:
        return f"DD-{self.pk:06d} {self.reference}" if self.pk else self.reference

    @property
    def number(self) -> str:
        return f"DD-{self.pk:06d}"


class RecordVersion(models.Model):
    """Immutable: every save of a record is a new version, so an assessment can cite what the
    exporter knew when."""

    record = models.ForeignKey(DueDiligenceRecord, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["record", "-number"]
        constraints = [models.UniqueConstraint(fields=["record", "number"], name="one_record_version_number")]

    def __str__(self) -> str:
        return f"{self.record_id} v{self.number}"


class ComplianceProgrammeQuerySet(models.QuerySet["ComplianceProgramme"]):
    def for_user(self, user: Any) -> Self:
        """The exporter's own; authorities and the Commission read every programme (global
        authorisations and EU007 depend on it)."""
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        kind = user.organisation.kind
        if kind == OrgKind.EXPORTER:
            return self.filter(exporter_id=user.organisation_id)
        if kind in {OrgKind.AUTHORITY, OrgKind.COMMISSION}:
            return self.all()
        return self.none()


class ComplianceProgramme(models.Model):
    """The exporter's self-assessment of the seven ICP elements, each with a status and evidence."""

    exporter = models.OneToOneField("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    elements = models.JSONField(default=dict)  # {code: {"status", "evidence"}}
    complete = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=0)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField()

    objects = ComplianceProgrammeQuerySet.as_manager()

    def __str__(self) -> str:
        return f"ICP of {self.exporter_id} v{self.version}"
