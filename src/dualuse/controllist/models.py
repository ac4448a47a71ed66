from __future__ import annotations

from typing import Any, Self

from django.db import models


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    ACTIVE = "active", "Active"
    SUPERSEDED = "superseded", "Superseded"


class ControlListVersionQuerySet(models.QuerySet["ControlListVersion"]):
    def for_user(self, user: Any) -> Self:
        """The list in force and its history are public; drafts only for the Commission and admins."""
        if getattr(user, "is_authenticated", False) and getattr(user, "role", "") in {"commission", "admin"}:
            return self.all()
        return self.exclude(status=VersionStatus.DRAFT)

    def active(self) -> ControlListVersion | None:
        return self.filter(status=VersionStatus.ACTIVE).order_by("-applies_from", "-pk").first()


class ControlListVersion(models.Model):
    """One version of Annex I, as set by a legal act (Art 17(4): the Commission amends by delegated act)."""

    legal_act = models.CharField(max_length=300)
    applies_from = models.DateField()
    source = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    sha256 = models.CharField(max_length=64)
    entry_count = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    diff_summary = models.JSONField(default=dict, blank=True)

    objects = ControlListVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-applies_from", "-pk"]

    def __str__(self) -> str:
        return f"{self.legal_act} (from {self.applies_from:%d.%m.%Y})"


class ControlEntryQuerySet(models.QuerySet["ControlEntry"]):
    def for_user(self, user: Any) -> Self:
        return self.filter(version__in=ControlListVersion.objects.for_user(user))

    def current(self) -> Self:
        return self.filter(version__status=VersionStatus.ACTIVE)


class ControlEntry(models.Model):
    version = models.ForeignKey(ControlListVersion, on_delete=models.CASCADE, related_name="entries")
    code = models.CharField(max_length=40)
    parent_code = models.CharField(max_length=40, blank=True, db_index=True)
    entry = models.CharField(max_length=5, db_index=True)
    level = models.PositiveSmallIntegerField()
    category = models.PositiveSmallIntegerField(db_index=True)
    group = models.CharField(max_length=1)
    part = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField()
    notes = models.JSONField(default=list, blank=True)
    technical_notes = models.JSONField(default=list, blank=True)
    defined_terms = models.JSONField(default=list, blank=True)
    regimes = models.JSONField(default=list, blank=True)
    not_used = models.BooleanField(default=False)
    cyber_surveillance = models.BooleanField(default=False, db_index=True)
    position = models.PositiveIntegerField()

    objects = ControlEntryQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="unique_code_per_version")]

    def __str__(self) -> str:
        return self.code

    @property
    def regime_label(self) -> str:
        return ", ".join(self.regimes)


class Definition(models.Model):
    version = models.ForeignKey(ControlListVersion, on_delete=models.CASCADE, related_name="definitions")
    term = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    categories = models.JSONField(default=list, blank=True)
    text = models.TextField()

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["version", "slug"], name="unique_definition_per_version")
        ]

    def __str__(self) -> str:
        return self.term


class GeneralNote(models.Model):
    """General notes, GTN, GSN, NTN, NSN, GISN, category/section notes (incl. the Cryptography Note)."""

    version = models.ForeignKey(ControlListVersion, on_delete=models.CASCADE, related_name="general_notes")
    kind = models.CharField(max_length=60)
    title = models.CharField(max_length=300)
    text = models.TextField()
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.title
