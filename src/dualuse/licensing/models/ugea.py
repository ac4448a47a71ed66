"""Registrations to use a Union general export authorisation (Annex II, EU001-EU008) and their notices."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models

from dualuse.accounts.models import OrgKind, Role
from dualuse.licensing.models.applications import AUTHORITY_CASE_ROLES

UGEA_CODES = [(f"EU00{n}", f"EU00{n}") for n in range(1, 9)]


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", "Awaiting acknowledgement"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    WITHDRAWN = "withdrawn", "Withdrawn"


class RegistrationQuerySet(models.QuerySet["GeneralAuthorisationRegistration"]):
    def for_user(self, user: Any) -> Self:
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        org = user.organisation
        if org.kind == OrgKind.EXPORTER and user.role == Role.EXPORTER:
            return self.filter(exporter_id=org.pk)
        if org.kind == OrgKind.AUTHORITY and user.role in AUTHORITY_CASE_ROLES:
            return self.filter(authority_id=org.pk)
        return self.none()


class GeneralAuthorisationRegistration(models.Model):
    exporter = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="ugea_registrations"
    )
    authority = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    code = models.CharField(max_length=5, choices=UGEA_CODES)
    status = models.CharField(
        max_length=14, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(auto_now_add=True)
    # Annex II: a prior registration is acknowledged within 10 working days (the state's calendar).
    acknowledge_by = models.DateField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    reference = models.CharField(max_length=40, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["exporter", "code"],
                condition=~models.Q(status="withdrawn"),
                name="one_live_registration_per_code",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.exporter_id}"


class NoticeKind(models.TextChoices):
    FIRST_USE = "first_use", "First-use notification"
    USE_REPORT = "use_report", "Periodic use report"


class UgeaNotice(models.Model):
    registration = models.ForeignKey(
        GeneralAuthorisationRegistration, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=12, choices=NoticeKind.choices)
    first_export_on = models.DateField(null=True, blank=True)  # first use
    period_start = models.DateField(null=True, blank=True)  # reports
    period_end = models.DateField(null=True, blank=True)
    details = models.TextField(blank=True)
    # Timing against Annex II (e.g. EU001-EU006 within 30 days after; EU007 30 days before): shown, not blocking.
    timing_note = models.CharField(max_length=300, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.registration_id}"
