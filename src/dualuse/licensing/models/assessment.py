"""Assessment per consideration, the four-eyes decision and the denial record the cooperation app reads."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models

from dualuse.accounts.models import OrgKind
from dualuse.licensing.considerations import CONSIDERATIONS, FINDING_LABELS
from dualuse.licensing.models.applications import Application, ApplicationLine

CONSIDERATION_CHOICES = [(c.code, f"{c.basis}: {c.title}") for c in CONSIDERATIONS]
FINDING_CHOICES = [(f.value, label) for f, label in FINDING_LABELS.items()]


class Assessment(models.Model):
    """One consideration of one case (or of one line of it), with the finding, the evidence and the reasoning."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assessments")
    line = models.ForeignKey(
        ApplicationLine, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    consideration = models.CharField(max_length=20, choices=CONSIDERATION_CHOICES)
    finding = models.CharField(max_length=20, choices=FINDING_CHOICES)
    evidence = models.TextField(blank=True)  # what the officer used
    reasoning = models.TextField()
    # Human rights (cyber-surveillance): EU Charter articles, CJEU / ECtHR case law relied on.
    legal_references = models.TextField(blank=True)
    # Civil-society evidence the officer considered: ids of diligence.Evidence rows (a later issue adds them).
    civil_society_evidence = models.JSONField(default=list, blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "consideration"],
                condition=models.Q(line__isnull=True),
                name="one_case_assessment_per_consideration",
            ),
            models.UniqueConstraint(
                fields=["application", "line", "consideration"], name="one_line_assessment_per_consideration"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consideration}: {self.finding}"


class Outcome(models.TextChoices):
    GRANT = "grant", "Grant"
    GRANT_WITH_CONDITIONS = "grant_with_conditions", "Grant with conditions"
    DENY = "deny", "Deny"


class DecisionStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed, awaiting countersignature"
    COUNTERSIGNED = "countersigned", "Countersigned"
    RETURNED = "returned", "Returned to the officer"


class Decision(models.Model):
    """A proposal by an officer, countersigned or returned by a senior officer who did not propose it."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=24, choices=Outcome.choices)
    conditions = models.TextField(blank=True)
    criteria = models.JSONField(default=list, blank=True)  # refusal: consideration codes relied on
    reasons = models.TextField()
    validity_months = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=DecisionStatus.choices, default=DecisionStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.get_status_display()})"


class DenialQuerySet(models.QuerySet["Denial"]):
    def for_user(self, user: Any) -> Self:
        """DESIGN §2: denials are shared by all Member States' authorities and the Commission; the
        exporter sees its own."""
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        kind = user.organisation.kind
        if kind in {OrgKind.AUTHORITY, OrgKind.COMMISSION}:
            return self.all()
        if kind == OrgKind.EXPORTER:
            return self.filter(application__exporter_id=user.organisation_id)
        return self.none()

    def valid(self) -> Self:
        """Art 16(2): a refusal not revoked remains valid."""
        return self.filter(revoked_at__isnull=True)


class Denial(models.Model):
    """A refusal, ready for the Art 16 notification to the other Member States and the Commission.

    This is the interface for the cooperation app: it reads `Denial.objects.valid()` (no signals), with
    the issuing state, the date, the criteria, the reasons, and the lines and parties as plain JSON
    (`[{"entry_code", "description", "quantity", "unit", "value_eur", "destination"}]`,
    `[{"role", "name", "country", "kind"}]`) so "essentially identical" matching needs no joins.
    """

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="denial")
    authority = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    member_state = models.CharField(max_length=2)
    denied_on = models.DateField()
    criteria = models.JSONField(default=list)
    reasons = models.TextField()
    lines = models.JSONField(default=list)
    parties = models.JSONField(default=list)
    destination = models.CharField(max_length=2, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)  # Art 16(2) review
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DenialQuerySet.as_manager()

    class Meta:
        ordering = ["-denied_on", "-pk"]

    def __str__(self) -> str:
        return f"Denial {self.member_state} {self.denied_on} ({self.application_id})"
