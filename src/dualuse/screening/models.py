"""Restrictive-measures lists, their versions and entities; screenings, dispositions and bulk jobs.

Lists and versions are public data (any signed-in user may read them). Screenings, dispositions and
bulk jobs belong to the organisation that ran them: `for_user` keeps each organisation to its own.
"""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models

from dualuse.screening.records import Address, BirthDate, Entity, Identifier, NameQuality, NameVariant, Schema


class SourceKey(models.TextChoices):
    EU_FSF = "eu-fsf", "EU consolidated financial sanctions (FSF)"
    UN_SC = "un-sc", "UN Security Council consolidated list"
    US_CSL = "us-csl", "US Consolidated Screening List"
    OPENSANCTIONS = "opensanctions", "OpenSanctions"
    EU_CYBER = "eu-cyber", "EU-wide cyber-surveillance list (Art 5(4))"


# The published format each source comes in (a key of `screening.parsers.FORMATS`).
SOURCE_FORMATS: dict[str, str] = {
    SourceKey.EU_FSF: "eu-fsf",
    SourceKey.UN_SC: "un-sc",
    SourceKey.US_CSL: "us-csl",
    SourceKey.OPENSANCTIONS: "opensanctions",
    SourceKey.EU_CYBER: "opensanctions",  # we publish our own list as FollowTheMoney entities
}


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


class ListSourceQuerySet(models.QuerySet["ListSource"]):
    def for_user(self, user: Any) -> Self:
        return self.all() if _signed_in(user) else self.none()


class ListSource(models.Model):
    key = models.CharField(max_length=20, choices=SourceKey.choices, unique=True)
    name = models.CharField(max_length=200)
    format = models.CharField(max_length=20)
    active_version = models.ForeignKey(
        "ListVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ListSourceQuerySet.as_manager()

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class ListVersionQuerySet(models.QuerySet["ListVersion"]):
    def for_user(self, user: Any) -> Self:
        return self.all() if _signed_in(user) else self.none()

    def active(self) -> Self:
        return self.filter(
            pk__in=ListSource.objects.filter(active_version__isnull=False).values("active_version")
        )


class ListVersion(models.Model):
    """One import of one list file; never changed once written (a new file is a new version)."""

    source = models.ForeignKey(ListSource, on_delete=models.PROTECT, related_name="versions")
    sha256 = models.CharField(max_length=64)
    file_name = models.CharField(max_length=300)
    format = models.CharField(max_length=20)
    entity_count = models.PositiveIntegerField(default=0)
    count_by_schema = models.JSONField(default=dict, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    diff_summary = models.JSONField(default=dict, blank=True)

    objects = ListVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.source.key} #{self.pk} ({self.file_name})"


class ListedEntityQuerySet(models.QuerySet["ListedEntity"]):
    def for_user(self, user: Any) -> Self:
        return self.all() if _signed_in(user) else self.none()

    def active(self) -> Self:
        return self.filter(version__in=ListVersion.objects.active())


class ListedEntity(models.Model):
    """One listed party as a list version gives it. `ref` is `<source>:<id>`, e.g. `eu-fsf:EU.1234.56`."""

    version = models.ForeignKey(ListVersion, on_delete=models.CASCADE, related_name="entities")
    ref = models.CharField(max_length=200, db_index=True)
    schema = models.CharField(max_length=20, choices=[(s.value, s.value) for s in Schema])
    caption = models.CharField(max_length=500)
    names = models.JSONField(default=list)  # [{full, quality, script, lang, first, middle, last}]
    birth_dates = models.JSONField(default=list, blank=True)  # [{year, month, day, year_to, circa}]
    countries = models.JSONField(default=list, blank=True)
    identifiers = models.JSONField(default=list, blank=True)  # [{kind, value, country, valid}]
    addresses = models.JSONField(default=list, blank=True)  # [{text, country}]
    programmes = models.JSONField(default=list, blank=True)
    listed_on = models.CharField(max_length=10, blank=True)
    remarks = models.TextField(blank=True)
    gender = models.CharField(max_length=20, blank=True)
    # sha256 of everything above but the version: "the entity changed" means this changed.
    fingerprint = models.CharField(max_length=64)

    objects = ListedEntityQuerySet.as_manager()

    class Meta:
        ordering = ["ref"]
        constraints = [models.UniqueConstraint(fields=["version", "ref"], name="unique_ref_per_list_version")]

    def __str__(self) -> str:
        return f"{self.ref} {self.caption}"

    @property
    def birth_date_texts(self) -> list[str]:
        return [_birth_date(d).text() for d in self.birth_dates]

    def to_record(self) -> Entity:
        return Entity(
            ref=self.ref,
            schema=Schema(self.schema),
            names=[
                NameVariant(
                    n["full"],
                    NameQuality(n.get("quality") or "strong"),
                    n.get("script"),
                    n.get("lang"),
                    n.get("first"),
                    n.get("middle"),
                    n.get("last"),
                )
                for n in self.names
            ],
            birth_dates=[_birth_date(d) for d in self.birth_dates],
            countries=list(self.countries),
            identifiers=[
                Identifier(i["kind"], i["value"], i.get("country"), i.get("valid")) for i in self.identifiers
            ],
            addresses=[Address(a["text"], a.get("country")) for a in self.addresses],
            programmes=list(self.programmes),
            listed_on=self.listed_on or None,
            remarks=self.remarks,
            gender=self.gender or None,
        )


def _birth_date(d: dict[str, Any]) -> BirthDate:
    return BirthDate(d["year"], d.get("month"), d.get("day"), d.get("year_to"), bool(d.get("circa")))


class OrganisationScopedQuerySet(models.QuerySet[Any]):
    """Screenings, dispositions and jobs: an exporter sees its own organisation's, an authority its own."""

    def for_user(self, user: Any) -> Self:
        if not _signed_in(user) or getattr(user, "organisation_id", None) is None:
            return self.none()
        return self.filter(organisation_id=user.organisation_id)


class Screening(models.Model):
    """One screening run: the query, the list versions it ran against (for audit) and its hits."""

    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="screenings"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=500)
    schema = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, blank=True)
    birth_date = models.CharField(max_length=10, blank=True)
    identifiers = models.JSONField(default=list, blank=True)
    # Normalised name + country + birth date: what "the same party" means for remembered dispositions.
    party_key = models.CharField(max_length=600, db_index=True)
    list_versions = models.ManyToManyField(ListVersion, related_name="screenings")
    threshold = models.FloatField()
    # [{entity, entity_id, caption, schema, score, explanation, remembered: {disposition, reason, by, at} | None}]
    hits = models.JSONField(default=list, blank=True)
    hit_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"screening #{self.pk} {self.name}"

    @property
    def open_hit_count(self) -> int:
        return sum(1 for h in self.hits if not h.get("remembered"))


class Decision(models.TextChoices):
    TRUE_MATCH = "true_match", "True match"
    FALSE_POSITIVE = "false_positive", "False positive"


class Disposition(models.Model):
    """A reviewer's decision on one hit. A false positive is remembered for the same party and entity
    while the entity's fingerprint stays the same (a changed listing must be looked at again)."""

    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    screening = models.ForeignKey(Screening, on_delete=models.PROTECT, related_name="dispositions")
    entity = models.ForeignKey(ListedEntity, on_delete=models.PROTECT, related_name="+")
    entity_ref = models.CharField(max_length=200)
    entity_fingerprint = models.CharField(max_length=64)
    party_key = models.CharField(max_length=600)
    decision = models.CharField(max_length=20, choices=Decision.choices)
    reason = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "party_key", "entity_ref"])]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.entity_ref}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class BulkTrigger(models.TextChoices):
    UPLOAD = "upload", "Uploaded"
    LIST_CHANGE = "list_change", "Re-run after a list changed"


class BulkScreening(models.Model):
    """A CSV of parties screened in the background. A re-run after a list change reports new hits only."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bulk_screenings",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(max_length=300)
    input_file = models.CharField(max_length=300)  # storage path of the uploaded CSV
    result_file = models.CharField(max_length=300, blank=True)  # storage path of the result CSV
    trigger = models.CharField(max_length=20, choices=BulkTrigger.choices, default=BulkTrigger.UPLOAD)
    rerun_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reruns"
    )
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    list_versions = models.ManyToManyField(ListVersion, related_name="bulk_screenings")
    # Every (row id, entity ref) hit, so the next re-run can tell which hits are new.
    hit_keys = models.JSONField(default=list, blank=True)
    hit_count = models.PositiveIntegerField(default=0)
    new_hit_count = models.PositiveIntegerField(default=0)  # reported hits: all on upload, new ones on re-run
    row_errors = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"bulk screening #{self.pk} {self.file_name}"

    @property
    def percent(self) -> int:
        return (
            int(100 * self.done / self.total) if self.total else (100 if self.status == JobStatus.DONE else 0)
        )

    @property
    def finished(self) -> bool:
        return self.status in {JobStatus.DONE, JobStatus.FAILED}
