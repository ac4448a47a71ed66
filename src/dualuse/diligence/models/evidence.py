"""Civil-society evidence: submitted by NGOs, moderated by an authority, considered by officers."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models

from dualuse.accounts.models import OrgKind, Role
from dualuse.diligence.relevance import Subject

SUBJECT_CHOICES = [
    (Subject.DESTINATION.value, "A destination"),
    (Subject.END_USER.value, "An end user"),
    (Subject.ITEM_TYPE.value, "An item type"),
]
MODERATOR_ROLES = frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.COMMISSION})


class Confidentiality(models.TextChoices):
    PUBLIC = "public", "May be cited publicly"
    AUTHORITIES = "authorities", "Competent authorities and the Commission only"


class EvidenceStatus(models.TextChoices):
    SUBMITTED = "submitted", "Awaiting moderation"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Not accepted"


class HowConsidered(models.TextChoices):
    RELIED_ON = "relied_on", "Relied on in the assessment"
    WEIGHED = "weighed", "Weighed, not decisive"
    NOT_APPLICABLE = "not_applicable", "Does not apply to this transaction"


def is_moderator(user: Any) -> bool:
    org = getattr(user, "organisation", None)
    return (
        org is not None
        and org.kind in {OrgKind.AUTHORITY, OrgKind.COMMISSION}
        and getattr(user, "role", "") in MODERATOR_ROLES
    )


class EvidenceQuerySet(models.QuerySet["Evidence"]):
    def for_user(self, user: Any) -> Self:
        """DESIGN §2: an NGO sees its own submissions only; officers and the Commission see all
        (they moderate and use it); exporters and the public see none."""
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        kind = user.organisation.kind
        if kind == OrgKind.NGO and user.role == Role.NGO:
            return self.filter(organisation_id=user.organisation_id)
        if is_moderator(user):
            return self.all()
        return self.none()

    def accepted(self) -> Self:
        return self.filter(status=EvidenceStatus.ACCEPTED)


class Evidence(models.Model):
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(max_length=12, choices=SUBJECT_CHOICES)
    country = models.CharField(max_length=2, blank=True, db_index=True)
    party_name = models.CharField(max_length=300, blank=True)
    entry_code = models.CharField(max_length=40, blank=True)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    sources = models.TextField(blank=True)  # one source (URL or citation) a line
    observed_on = models.DateField()  # the date the evidence speaks of
    confidentiality = models.CharField(
        max_length=12, choices=Confidentiality.choices, default=Confidentiality.AUTHORITIES
    )
    status = models.CharField(
        max_length=10, choices=EvidenceStatus.choices, default=EvidenceStatus.SUBMITTED, db_index=True
    )
    moderation_note = models.TextField(blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return f"EV-{self.pk:06d} {self.title}" if self.pk else self.title

    @property
    def number(self) -> str:
        return f"EV-{self.pk:06d}"

    @property
    def source_list(self) -> list[str]:
        return [line.strip() for line in self.sources.splitlines() if line.strip()]


class EvidenceDocumentQuerySet(models.QuerySet["EvidenceDocument"]):
    def for_user(self, user: Any) -> Self:
        """Who may download a document (DESIGN §2), one branch per audience:
        - the submitting NGO: the documents of its own submissions, whatever their status;
        - moderators (officers and senior officers of an authority, the Commission): every document,
          since they moderate it and every officer who sees it on a case is one of them;
        - nobody else: not another NGO, not an exporter (even on a case the evidence concerns), not a
          state representative, not the public. "Authorities only" documents never leave the
          authorities and the Commission; "may be cited publicly" lets an authority quote the evidence
          in its reasoning, it does not publish the submitter's files (there is no public evidence page,
          and a contributor sees only its own submissions)."""
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        if user.organisation.kind == OrgKind.NGO and user.role == Role.NGO:
            return self.filter(evidence__organisation_id=user.organisation_id)
        if is_moderator(user):
            return self.all()
        return self.none()


def evidence_document_path(instance: EvidenceDocument, filename: str) -> str:
    return f"evidence/{instance.evidence_id}/{instance.sha256[:16]}"


class EvidenceDocument(models.Model):
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(upload_to=evidence_document_path, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = EvidenceDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class EvidenceConsideration(models.Model):
    """The officer's record that an item of evidence was considered on a case, and how."""

    evidence = models.ForeignKey(Evidence, on_delete=models.PROTECT, related_name="considerations")
    application = models.ForeignKey(
        "licensing.Application", on_delete=models.CASCADE, related_name="evidence_considerations"
    )
    how = models.CharField(max_length=16, choices=HowConsidered.choices)
    note = models.TextField()
    considered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    considered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["evidence", "application"], name="one_consideration_per_case")
        ]

    def __str__(self) -> str:
        return f"{self.evidence_id} on {self.application_id}: {self.how}"
