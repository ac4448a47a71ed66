from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models


class DeterminationQuerySet(models.QuerySet["Determination"]):
    def for_user(self, user: Any) -> Self:
        """An exporter sees its organisation's determinations; nobody else sees them here (authorities see
        the ones attached to an application through the licensing app)."""
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        if user.role == "exporter":
            return self.filter(organisation_id=user.organisation_id)
        return self.none()


class Determination(models.Model):
    """A stored answer to "do I need a licence?": inputs, outcome and the data versions used, so it can be
    replayed and re-checked when the control list or the data change."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="determinations"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    title = models.CharField(max_length=200, blank=True)
    request = models.JSONField()
    result = models.JSONField()
    licence_required = models.CharField(max_length=8)  # "true" | "false" | "notify"
    control_list_version = models.ForeignKey(
        "controllist.ControlListVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    data_versions = models.JSONField(default=dict)
    rechecked_at = models.DateTimeField(null=True, blank=True)
    recheck_changed = models.BooleanField(default=False)
    recheck_note = models.TextField(blank=True)

    objects = DeterminationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title or f"Determination {self.pk}"

    @property
    def control_codes(self) -> list[str]:
        return [
            line.get("control_code") for line in self.request.get("lines", []) if line.get("control_code")
        ]
