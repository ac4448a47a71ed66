"""The public dataset of decided applications and the penalties register.

`DecisionRecord` holds one row per line of a decided application. The columns prefixed `pub_` and
`level` are what the small-cell rule (disclosure.py) lets the public see; `exporter_id`,
`application_id`, `entry_code`, `destination` and `value_eur` are private inputs to that rule and to the
annual report's suppressed tables: no public view, schema or download reads them (PUBLIC_FIELDS).
"""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models

from dualuse.accounts.models import OrgKind, Role


class PublicDecision(models.TextChoices):
    GRANTED = "granted", "Granted"
    GRANTED_WITH_CONDITIONS = "granted_with_conditions", "Granted with conditions"
    DENIED = "denied", "Denied"


GRANTED_DECISIONS = (PublicDecision.GRANTED, PublicDecision.GRANTED_WITH_CONDITIONS)


class EndUserType(models.TextChoices):
    GOVERNMENT = "government", "Government"
    COMMERCIAL = "commercial", "Commercial"
    INDIVIDUAL = "individual", "Individual"
    OTHER = "other", "Other"


# The only columns that public pages, downloads and the API read.
PUBLIC_FIELDS = (
    "public_id",
    "member_state",
    "decision_month",
    "year",
    "decision",
    "pub_entry",
    "item_type_public",
    "pub_destination",
    "end_user_type",
    "pub_value_eur",
    "cyber_surveillance",
    "level",
)


class DecisionRecordQuerySet(models.QuerySet["DecisionRecord"]):
    def public(self) -> Self:
        """Rows the public sees at row level (the small-cell rule did not withhold them)."""
        return self.filter(visible=True)

    def for_user(self, user: Any) -> Self:
        """DESIGN §2: the dataset is public; everybody, logged in or not, sees the same published rows."""
        return self.public()


class DecisionRecord(models.Model):
    # Public: an opaque id per application ("2026-DE-000042": year, state, publication order).
    public_id = models.CharField(max_length=24, db_index=True)
    member_state = models.CharField(max_length=2)
    decided_on = models.DateField()  # private: the public sees the month
    decision_month = models.CharField(max_length=7)  # "2026-03"
    year = models.PositiveSmallIntegerField()
    decision = models.CharField(max_length=24, choices=PublicDecision.choices)
    item_type = models.CharField(max_length=12)  # "5A" or "non-listed", before the small-cell rule
    cyber_surveillance = models.BooleanField(default=False)
    end_user_type = models.CharField(max_length=12, choices=EndUserType.choices, default=EndUserType.OTHER)
    # Private inputs.
    exporter_id = models.BigIntegerField()
    application_id = models.BigIntegerField(null=True, blank=True)
    line_position = models.PositiveSmallIntegerField(default=1)
    entry_code = models.CharField(max_length=40, blank=True)
    destination = models.CharField(max_length=2, blank=True)
    value_eur = models.DecimalField(max_digits=16, decimal_places=2)
    # Published, as the small-cell rule allows.
    level = models.PositiveSmallIntegerField(default=4)
    visible = models.BooleanField(default=False)
    pub_entry = models.CharField(max_length=40, blank=True)
    item_type_public = models.CharField(max_length=12, blank=True)
    pub_destination = models.CharField(max_length=2, blank=True)
    pub_value_eur = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    published_at = models.DateTimeField(auto_now_add=True)

    objects = DecisionRecordQuerySet.as_manager()

    class Meta:
        ordering = ["year", "member_state", "public_id", "line_position"]
        indexes = [
            models.Index(fields=["year", "member_state"], name="tr_year_state"),
            models.Index(fields=["visible", "year", "member_state"], name="tr_visible_year_state"),
            models.Index(fields=["application_id"], name="tr_application"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["application_id", "line_position"],
                condition=models.Q(application_id__isnull=False),
                name="one_record_per_application_line",
            )
        ]

    def __str__(self) -> str:
        return f"{self.public_id}/{self.line_position}"


class Infringement(models.TextChoices):
    UNLICENSED_EXPORT = "unlicensed_export", "Export without an authorisation"
    LICENCE_CONDITIONS = "licence_conditions", "Breach of licence conditions"
    FALSE_INFORMATION = "false_information", "False or incomplete information"
    BROKERING = "brokering", "Brokering without an authorisation (Art 6)"
    TECHNICAL_ASSISTANCE = "technical_assistance", "Technical assistance without an authorisation (Art 8)"
    TRANSIT = "transit", "Transit in breach of a prohibition (Art 7)"
    CATCH_ALL = "catch_all", "Catch-all notification not made (Arts 4, 5)"
    RECORDS = "records", "Records not kept (Art 27)"
    OTHER = "other", "Other infringement"


class Sanction(models.TextChoices):
    FINE = "fine", "Fine"
    IMPRISONMENT = "imprisonment", "Imprisonment"
    SUSPENDED_SENTENCE = "suspended_sentence", "Suspended sentence"
    CONFISCATION = "confiscation", "Confiscation of goods or proceeds"
    LICENCE_WITHDRAWAL = "licence_withdrawal", "Withdrawal of authorisations"
    WARNING = "warning", "Administrative warning"


class PenaltyQuerySet(models.QuerySet["Penalty"]):
    def public(self) -> Self:
        return self.filter(final=True)

    def for_user(self, user: Any) -> Self:
        """Final penalties are public; authorities also see their own state's non-final ones, the
        Commission all."""
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.public()
        org = user.organisation
        if org.kind == OrgKind.COMMISSION:
            return self.all()
        if org.kind == OrgKind.AUTHORITY and user.role in {Role.OFFICER, Role.SENIOR_OFFICER}:
            return self.filter(models.Q(final=True) | models.Q(member_state=org.member_state))
        return self.public()


class Penalty(models.Model):
    """Art 25: a penalty imposed by a Member State for an infringement. The register names no one."""

    member_state = models.CharField(max_length=2, db_index=True)
    decided_on = models.DateField()
    infringement = models.CharField(max_length=24, choices=Infringement.choices)
    sanction = models.CharField(max_length=24, choices=Sanction.choices)
    amount_eur = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    custodial_months = models.PositiveSmallIntegerField(null=True, blank=True)
    summary = models.TextField(blank=True)
    final = models.BooleanField(default=False)  # no further appeal: only final penalties are published
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = PenaltyQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name_plural = "penalties"

    def __str__(self) -> str:
        return f"{self.member_state} {self.decided_on} {self.sanction}"


class PublicationCounter(models.Model):
    """The next public id per year and state, taken under a row lock."""

    year = models.PositiveSmallIntegerField()
    member_state = models.CharField(max_length=2)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "member_state"], name="tr_one_counter_per_state_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}-{self.member_state}: {self.last}"
