"""Licences (Annex III model), their lines and the uses that deplete them."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models

from dualuse.accounts.models import OrgKind, Role
from dualuse.licensing.models.applications import AUTHORITY_CASE_ROLES, Application, ApplicationLine


class LicenceStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    SUSPENDED = "suspended", "Suspended"
    REVOKED = "revoked", "Revoked"
    EXPIRED = "expired", "Expired"
    EXHAUSTED = "exhausted", "Exhausted"
    SURRENDERED = "surrendered", "Surrendered"


class LicenceQuerySet(models.QuerySet["Licence"]):
    def for_user(self, user: Any) -> Self:
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        org = user.organisation
        if org.kind == OrgKind.EXPORTER and user.role == Role.EXPORTER:
            return self.filter(holder_id=org.pk)
        if org.kind == OrgKind.AUTHORITY and user.role in AUTHORITY_CASE_ROLES:
            return self.filter(authority_id=org.pk)
        return self.none()


class Licence(models.Model):
    number = models.CharField(max_length=24, unique=True)  # "DE-2026-000123"
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="licence")
    holder = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="licences")
    authority = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="issued_licences"
    )
    member_state = models.CharField(max_length=2)
    type = models.CharField(max_length=20)
    activity = models.CharField(max_length=24)
    valid_from = models.DateField()
    valid_until = models.DateField()
    status = models.CharField(
        max_length=12, choices=LicenceStatus.choices, default=LicenceStatus.ACTIVE, db_index=True
    )
    status_reason = models.TextField(blank=True)
    conditions = models.TextField(blank=True)
    destinations = models.JSONField(default=list)
    end_users = models.JSONField(default=list)  # [{"name", "country", "role"}]
    end_use = models.TextField(blank=True)
    # Printed on the document; anyone checks it at /licences/verify/ (random, not derived from the number).
    verification_code = models.CharField(max_length=24, unique=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    objects = LicenceQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        indexes = [models.Index(fields=["status", "valid_until"], name="licence_status_until")]

    def __str__(self) -> str:
        return self.number


class LicenceLine(models.Model):
    licence = models.ForeignKey(Licence, on_delete=models.CASCADE, related_name="lines")
    application_line = models.ForeignKey(
        ApplicationLine, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=1)
    entry_code = models.CharField(max_length=40, blank=True)
    description = models.CharField(max_length=500)
    unit = models.CharField(max_length=20)
    destination = models.CharField(max_length=2, blank=True)
    authorised_quantity = models.DecimalField(max_digits=16, decimal_places=3)
    authorised_value = models.DecimalField(max_digits=16, decimal_places=2)
    # Depleted only by one conditional UPDATE (services.licences.record_use; ADR 0003).
    remaining_quantity = models.DecimalField(max_digits=16, decimal_places=3)
    remaining_value = models.DecimalField(max_digits=16, decimal_places=2)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(remaining_quantity__gte=0), name="licence_line_quantity_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(remaining_value__gte=0), name="licence_line_value_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.licence_id}/{self.position} {self.entry_code}"


class LicenceUse(models.Model):
    """One shipment reported by the exporter (Art 27: kept as a record)."""

    licence = models.ForeignKey(Licence, on_delete=models.CASCADE, related_name="uses")
    line = models.ForeignKey(LicenceLine, on_delete=models.CASCADE, related_name="uses")
    quantity = models.DecimalField(max_digits=16, decimal_places=3)
    value_eur = models.DecimalField(max_digits=16, decimal_places=2)
    shipped_on = models.DateField()
    customs_reference = models.CharField(max_length=60)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.licence_id}: {self.quantity} on {self.shipped_on}"


class LicenceAction(models.TextChoices):
    SUSPEND = "suspend", "Suspend"
    REINSTATE = "reinstate", "Lift the suspension"
    REVOKE = "revoke", "Revoke"
    AMEND = "amend", "Amend"
    SURRENDER = "surrender", "Surrender"


class LicenceChange(models.Model):
    """Art 16(1): the authority may suspend, modify or revoke a licence; each act is kept with its reasons."""

    licence = models.ForeignKey(Licence, on_delete=models.CASCADE, related_name="changes")
    action = models.CharField(max_length=12, choices=LicenceAction.choices)
    reasons = models.TextField()
    changes = models.JSONField(default=dict, blank=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.licence_id} {self.action}"


class LicenceNumberCounter(models.Model):
    """The last number issued per Member State and year; rows are locked while a number is drawn."""

    member_state = models.CharField(max_length=2)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member_state", "year"], name="one_counter_per_state_year")
        ]

    def __str__(self) -> str:
        return f"{self.member_state}-{self.year}: {self.last}"
