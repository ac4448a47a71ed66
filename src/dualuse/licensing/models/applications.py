"""Applications (the exporter's side of a case), their lines, parties, documents and questions."""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models

from dualuse.accounts.models import OrgKind, Role
from dualuse.licensing.workflow import DECIDED, LABELS, Status

STATUS_CHOICES = [(s.value, LABELS[s]) for s in Status]
AUTHORITY_CASE_ROLES = frozenset({Role.OFFICER, Role.SENIOR_OFFICER})


class ApplicationType(models.TextChoices):
    """Art 12: individual, global and large-project authorisations."""

    INDIVIDUAL = "individual", "Individual"
    GLOBAL = "global", "Global"
    LARGE_PROJECT = "large_project", "Large project"


class Activity(models.TextChoices):
    EXPORT = "export", "Export (Art 3)"
    BROKERING = "brokering", "Brokering services (Art 6)"
    TECHNICAL_ASSISTANCE = "technical_assistance", "Technical assistance (Art 8)"
    TRANSIT = "transit", "Transit (Art 7)"


class PartyRole(models.TextChoices):
    END_USER = "end_user", "End user"
    CONSIGNEE = "consignee", "Consignee"
    INTERMEDIATE_CONSIGNEE = "intermediate_consignee", "Intermediate consignee"
    ULTIMATE_END_USER = "ultimate_end_user", "Ultimate end user"


class PartyKind(models.TextChoices):
    GOVERNMENT = "government", "Government"
    COMMERCIAL = "commercial", "Commercial"
    INDIVIDUAL = "individual", "Individual"
    OTHER = "other", "Other"


class DocumentKind(models.TextChoices):
    END_USE_STATEMENT = "end_use_statement", "End-use statement"
    CONTRACT = "contract", "Contract or order"
    TECHNICAL = "technical", "Technical specification"
    OTHER = "other", "Other"


class CheckStatus(models.TextChoices):
    """Screening of a party / determination of a line, as attached to the case on submission."""

    NOT_RUN = "not_run", "Not run"
    CLEAR = "clear", "No hits"
    HITS = "hits", "Possible matches"
    DONE = "done", "Done"


def _is_case_officer(user: Any) -> bool:
    org = user.organisation
    return org is not None and org.kind == OrgKind.AUTHORITY and user.role in AUTHORITY_CASE_ROLES


class ApplicationQuerySet(models.QuerySet["Application"]):
    def for_user(self, user: Any) -> Self:
        """DESIGN §2: an exporter sees its organisation's applications; an officer or senior officer the
        cases filed with its authority (never drafts). Everybody else sees none."""
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        org = user.organisation
        if org.kind == OrgKind.EXPORTER and user.role == Role.EXPORTER:
            return self.filter(exporter_id=org.pk)
        if _is_case_officer(user):
            return self.filter(authority_id=org.pk).exclude(status=Status.DRAFT)
        return self.none()

    def decided(self) -> Self:
        return self.filter(status__in=[s.value for s in DECIDED])


class Application(models.Model):
    exporter = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="applications"
    )
    # Art 12(1): filed with the competent authority of the Member State where the exporter is established.
    authority = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="cases")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    type = models.CharField(
        max_length=20, choices=ApplicationType.choices, default=ApplicationType.INDIVIDUAL
    )
    activity = models.CharField(max_length=24, choices=Activity.choices, default=Activity.EXPORT)
    title = models.CharField(max_length=200, blank=True)
    end_use = models.TextField(blank=True)
    project_description = models.TextField(blank=True)  # large projects (Art 2(13))
    # Art 14(1): where the items are, when not in the issuing Member State (that state is consulted).
    items_located_in = models.CharField(max_length=2, blank=True)
    status = models.CharField(max_length=24, choices=STATUS_CHOICES, default=Status.DRAFT, db_index=True)
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )
    # The diligence app adds DueDiligenceRecord later; until then a plain id keeps the link.
    due_diligence_record_id = models.BigIntegerField(null=True, blank=True)
    screening_note = models.CharField(max_length=300, blank=True)
    determination_note = models.CharField(max_length=300, blank=True)
    # Lower-cased reference, exporter, parties and entry codes, written on submission: the workbench search.
    search_text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    target_date = models.DateField(
        null=True, blank=True
    )  # the authority's own decision target (overdue queue)
    decided_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        indexes = [
            models.Index(fields=["authority", "status", "submitted_at"], name="app_authority_status"),
            models.Index(fields=["authority", "assigned_officer", "status"], name="app_authority_officer"),
            models.Index(fields=["authority", "target_date"], name="app_authority_target"),
            models.Index(fields=["exporter", "status"], name="app_exporter_status"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"APP-{self.pk:06d}" if self.pk else "APP-new"

    @property
    def status_label(self) -> str:
        return LABELS[Status(self.status)]

    @property
    def is_decided(self) -> bool:
        return Status(self.status) in DECIDED


class ApplicationLine(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField(default=1)
    description = models.CharField(max_length=500)
    # An Annex I code of the active version, or blank with `not_listed` (e.g. an Art 4/5 catch-all).
    entry_code = models.CharField(max_length=40, blank=True)
    not_listed = models.BooleanField(default=False)
    control_entry = models.ForeignKey(
        "controllist.ControlEntry", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cyber_surveillance = models.BooleanField(default=False)
    quantity = models.DecimalField(max_digits=16, decimal_places=3)
    unit = models.CharField(max_length=20, default="pieces")
    value_eur = models.DecimalField(max_digits=16, decimal_places=2)
    destination = models.CharField(max_length=2, blank=True)  # the country the line goes to
    determination_status = models.CharField(
        max_length=10, choices=CheckStatus.choices, default=CheckStatus.NOT_RUN
    )
    determination = models.JSONField(default=dict, blank=True)  # outcome and reasons, or why not run

    class Meta:
        ordering = ["position", "pk"]
        indexes = [
            models.Index(fields=["entry_code", "destination"], name="line_entry_destination")
        ]  # precedents

    def __str__(self) -> str:
        return f"{self.entry_code or 'not listed'}: {self.description[:40]}"


class Party(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(max_length=24, choices=PartyRole.choices)
    kind = models.CharField(max_length=12, choices=PartyKind.choices, default=PartyKind.COMMERCIAL)
    name = models.CharField(max_length=300)
    address = models.CharField(max_length=500, blank=True)
    country = models.CharField(max_length=2)
    screening_status = models.CharField(
        max_length=10, choices=CheckStatus.choices, default=CheckStatus.NOT_RUN
    )
    screening_hits = models.JSONField(default=list, blank=True)
    screening_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "parties"

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name}"


def document_path(instance: Document, filename: str) -> str:
    # Never the uploaded name on disk: a name chosen by us, inside the application's folder.
    return f"licensing/{instance.application_id}/{instance.sha256[:16]}-{instance.kind}"


class Document(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER)
    file = models.FileField(upload_to=document_path, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class QuestionStatus(models.TextChoices):
    OPEN = "open", "Open"
    ANSWERED = "answered", "Answered"


class Question(models.Model):
    """A question to the exporter: the case waits (awaiting_information) until it is answered."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    status = models.CharField(max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.OPEN)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:60]
