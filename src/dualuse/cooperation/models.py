"""Denial notices, consultations, catch-all notifications, EU-wide list proposals and votes, the list.

Who sees what (DESIGN §2): denial notices and consultations are shared between the Member States'
authorities and the Commission, never with exporters or the public (Art 16, Art 23(6)); a catch-all
notification is seen by its exporter, its authority and, once shared (Art 5(4)), every authority and the
Commission; the EU-wide list is public once published. Every read goes through `for_user`.
"""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models

from dualuse.accounts.models import OrgKind

AUTHORITY_STAFF = frozenset({"officer", "senior_officer", "state_representative", "admin"})


def _org_kind(user: Any) -> str:
    if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
        return ""
    return str(user.organisation.kind)


def is_state_user(user: Any) -> bool:
    """An authority's staff (any authority role): the audience of shared notices."""
    return _org_kind(user) == OrgKind.AUTHORITY and user.role in AUTHORITY_STAFF


def is_commission(user: Any) -> bool:
    return _org_kind(user) == OrgKind.COMMISSION


class CatchAllRule(models.TextChoices):
    """`DUALUSE_CATCH_ALL_RULE`: the law (Art 5(6)) or the European Parliament's 2018 model."""

    ART5_6 = "art5_6", "Art 5(6) (the law): published when all Member States agree"
    OBJECTION_QMV = (
        "objection_qmv",
        ("EP 2018 proposal (not the law): listed unless a qualified majority of the other states objects"),
    )


# --- denials and consultations (Art 16, Art 14(1)) ---------------------------------------------


class DenialBasis(models.TextChoices):
    LICENCE_REFUSAL = "art16", "Refusal of an authorisation (Art 16(1))"
    CATCH_ALL_ART4 = "art4_6", "Catch-all refusal, WMD or military end use (Art 4(6))"
    CATCH_ALL_ART5 = "art5_8", "Catch-all refusal, cyber-surveillance (Art 5(8))"


class DenialStatus(models.TextChoices):
    VALID = "valid", "Valid"
    REVOKED = "revoked", "Revoked"


class DenialNoticeQuerySet(models.QuerySet["DenialNotice"]):
    def for_user(self, user: Any) -> Self:
        """Every authority and the Commission; never an exporter, an NGO or the public (Art 16(1))."""
        if is_state_user(user) or is_commission(user):
            return self.all()
        return self.none()

    def valid(self) -> Self:
        """Art 16(2): a refusal that has not been revoked remains valid."""
        return self.filter(status=DenialStatus.VALID)


class DenialNotice(models.Model):
    """A refusal notified to the other Member States and the Commission, self-contained for matching."""

    member_state = models.CharField(max_length=2, db_index=True)
    authority = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    basis = models.CharField(max_length=8, choices=DenialBasis.choices, default=DenialBasis.LICENCE_REFUSAL)
    application = models.ForeignKey(
        "licensing.Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    licensing_denial = models.OneToOneField(
        "licensing.Denial", null=True, blank=True, on_delete=models.SET_NULL, related_name="notice"
    )
    activity = models.CharField(max_length=24, default="export")
    destination = models.CharField(max_length=2, blank=True)
    # [{"entry_code", "description", "parameters": {name: value}}]
    items = models.JSONField(default=list)
    # [{"role", "name", "country", "identifiers": {scheme: value}, "aliases": [...]}]
    parties = models.JSONField(default=list)
    criteria = models.JSONField(default=list, blank=True)
    reasons = models.TextField()
    denied_on = models.DateField()
    notified_on = models.DateField()
    review_due = models.DateField()  # Art 16(2): within 3 years of notification
    status = models.CharField(max_length=8, choices=DenialStatus.choices, default=DenialStatus.VALID)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_reviewed_on = models.DateField(null=True, blank=True)
    last_reminder_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DenialNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-notified_on", "-pk"]
        indexes = [models.Index(fields=["status", "review_due"], name="denial_status_review")]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"DN-{self.member_state}-{self.pk:05d}" if self.pk else "DN-new"


class ReviewAction(models.TextChoices):
    REVOKE = "revoke", "Revoke"
    AMEND = "amend", "Amend"
    RENEW = "renew", "Renew"


class DenialReview(models.Model):
    """Art 16(2): the review of a refusal, revoking, amending or renewing it."""

    notice = models.ForeignKey(DenialNotice, on_delete=models.CASCADE, related_name="reviews")
    action = models.CharField(max_length=8, choices=ReviewAction.choices)
    note = models.TextField()
    changes = models.JSONField(default=dict, blank=True)  # amend: the fields changed, old and new
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.action} {self.notice_id}"


class ConsultationKind(models.TextChoices):
    IDENTICAL = "art16", "Essentially identical transaction (Art 16)"
    ITEMS_LOCATION = "art14_1", "Items located in another Member State (Art 14(1))"


class ConsultationStatus(models.TextChoices):
    OPEN = "open", "Awaiting answer"
    ANSWERED = "answered", "Answered"
    LAPSED = "lapsed", "No answer by the deadline"


class ConsultationAnswer(models.TextChoices):
    IDENTICAL = "identical", "Essentially identical"
    NOT_IDENTICAL = "not_identical", "Not essentially identical"
    OBJECTION = "objection", "Objection (binding, Art 14(1))"
    NO_OBJECTION = "no_objection", "No objection"


class ConsultationQuerySet(models.QuerySet["Consultation"]):
    def for_user(self, user: Any) -> Self:
        """The two states concerned and the Commission (Art 23(6) system)."""
        if is_commission(user):
            return self.all()
        if is_state_user(user):
            state = user.organisation.member_state
            return self.filter(models.Q(requesting_state=state) | models.Q(consulted_state=state))
        return self.none()


class Consultation(models.Model):
    kind = models.CharField(max_length=8, choices=ConsultationKind.choices)
    application = models.ForeignKey(
        "licensing.Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(max_length=300)  # the case reference and a summary, for the consulted state
    denial_notice = models.ForeignKey(
        DenialNotice, null=True, blank=True, on_delete=models.PROTECT, related_name="consultations"
    )
    requesting_state = models.CharField(max_length=2, db_index=True)
    consulted_state = models.CharField(max_length=2, db_index=True)
    match_explanation = models.JSONField(default=list, blank=True)
    question = models.TextField(blank=True)
    requested_on = models.DateField()
    deadline = models.DateField()  # in working days on the consulted state's calendar
    extension_days = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        max_length=10, choices=ConsultationStatus.choices, default=ConsultationStatus.OPEN
    )
    answer = models.CharField(max_length=16, choices=ConsultationAnswer.choices, blank=True)
    answer_text = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_reminder_on = models.DateField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        indexes = [models.Index(fields=["status", "deadline"], name="consultation_status_deadline")]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"CO-{self.requesting_state}-{self.consulted_state}-{self.pk:05d}" if self.pk else "CO-new"


class GrantDespiteDenialQuerySet(models.QuerySet["GrantDespiteDenial"]):
    def for_user(self, user: Any) -> Self:
        """Art 16: every Member State is informed, with the reasons, and the Commission."""
        if is_state_user(user) or is_commission(user):
            return self.all()
        return self.none()


class GrantDespiteDenial(models.Model):
    """An authority grants although an essentially identical transaction was denied elsewhere (Art 16)."""

    application = models.ForeignKey("licensing.Application", on_delete=models.CASCADE, related_name="+")
    denial_notice = models.ForeignKey(DenialNotice, on_delete=models.PROTECT, related_name="overrides")
    member_state = models.CharField(max_length=2)
    reason = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = GrantDespiteDenialQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["application", "denial_notice"], name="one_override_per_denial")
        ]

    def __str__(self) -> str:
        return f"{self.member_state} grants despite {self.denial_notice_id}"


# --- the human-rights catch-all (Art 5) and the EU-wide list -------------------------------------


class Origin(models.TextChoices):
    EXPORTER = "exporter", "Notified by the exporter (Art 5(2))"
    AUTHORITY = "authority", "Exporter informed by the authority (Art 5(1))"


class NotificationStatus(models.TextChoices):
    NOTIFIED = "notified", "Awaiting the authority's decision"
    REQUIRED = "required", "Authorisation required"
    NOT_REQUIRED = "not_required", "No authorisation required"


class CatchAllQuerySet(models.QuerySet["CatchAllNotification"]):
    def for_user(self, user: Any) -> Self:
        """The exporter its own; its authority all of its own; other authorities and the Commission
        once shared (Art 5(4))."""
        kind = _org_kind(user)
        if kind == OrgKind.EXPORTER:
            return self.filter(exporter_id=user.organisation_id)
        if kind == OrgKind.AUTHORITY and is_state_user(user):
            return self.filter(
                models.Q(authority_id=user.organisation_id) | models.Q(shared_at__isnull=False)
            )
        if kind == OrgKind.COMMISSION:
            return self.filter(shared_at__isnull=False)
        return self.none()


class CatchAllNotification(models.Model):
    origin = models.CharField(max_length=10, choices=Origin.choices)
    exporter = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    authority = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    member_state = models.CharField(max_length=2, db_index=True)
    item_name = models.CharField(max_length=200)
    item_description = models.TextField()
    parameters = models.JSONField(default=dict, blank=True)
    related_entry_codes = models.JSONField(default=list, blank=True)
    destination = models.CharField(max_length=2)
    entities = models.JSONField(default=list, blank=True)  # [{"name", "country", "identifiers"}]
    concern = models.TextField()  # due-diligence findings (Art 5(2)) or the authority's information (5(1))
    status = models.CharField(
        max_length=14, choices=NotificationStatus.choices, default=NotificationStatus.NOTIFIED
    )
    decision_reason = models.TextField(blank=True)
    share_entities = models.BooleanField(default=True)  # Art 5(4): unless inappropriate
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    shared_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CatchAllQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"CA-{self.member_state}-{self.pk:05d}" if self.pk else "CA-new"


class ProposalStatus(models.TextChoices):
    VOTING = "voting", "Member States reviewing (Art 5(5))"
    DECIDED = "decided", "Outcome recorded"


class ProposalQuerySet(models.QuerySet["EUListProposal"]):
    def for_user(self, user: Any) -> Self:
        if is_state_user(user) or is_commission(user):
            return self.all()
        return self.none()


class EUListProposal(models.Model):
    """The other Member States review a catch-all requirement; the outcome decides on the EU-wide list."""

    notification = models.OneToOneField(
        CatchAllNotification, on_delete=models.PROTECT, related_name="proposal"
    )
    rule = models.CharField(max_length=14, choices=CatchAllRule.choices)  # fixed when opened
    notifying_state = models.CharField(max_length=2)
    opened_on = models.DateField()
    status = models.CharField(max_length=8, choices=ProposalStatus.choices, default=ProposalStatus.VOTING)
    outcome = models.CharField(max_length=16, blank=True)  # ballot outcome: published / listed / not_...
    result = models.JSONField(default=dict, blank=True)  # the ballot, the population table and the answer
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"EP-{self.notifying_state}-{self.pk:05d}" if self.pk else "EP-new"


class VoteChoice(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    ABSTAIN = "abstain", "Abstain"


class Vote(models.Model):
    """One Member State's answer; its deadline counts 30 working days on its own calendar (Art 5(5))."""

    proposal = models.ForeignKey(EUListProposal, on_delete=models.CASCADE, related_name="votes")
    member_state = models.CharField(max_length=2)
    deadline = models.DateField()
    extension_days = models.PositiveSmallIntegerField(default=0)  # Art 5(5): at most 30
    extension_reason = models.TextField(blank=True)
    choice = models.CharField(max_length=8, choices=VoteChoice.choices, blank=True)
    comment = models.TextField(blank=True)
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cast_at = models.DateTimeField(null=True, blank=True)
    last_reminder_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["member_state"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "member_state"], name="one_vote_per_state")
        ]

    def __str__(self) -> str:
        return f"{self.member_state}: {self.choice or 'pending'}"


class EntryStatus(models.TextChoices):
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class EUListEntryQuerySet(models.QuerySet["EUListEntry"]):
    def for_user(self, user: Any) -> Self:
        """The public sees published entries; authorities and the Commission the withdrawn ones too."""
        if is_state_user(user) or is_commission(user):
            return self.all()
        return self.filter(status=EntryStatus.PUBLISHED)

    def published(self) -> Self:
        return self.filter(status=EntryStatus.PUBLISHED)


class EUListEntry(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    proposal = models.OneToOneField(
        EUListProposal, null=True, blank=True, on_delete=models.PROTECT, related_name="entry"
    )
    item_name = models.CharField(max_length=200)
    item_description = models.TextField()
    parameters = models.JSONField(default=dict, blank=True)
    related_entry_codes = models.JSONField(default=list, blank=True)
    keywords = models.JSONField(default=list, blank=True)  # words that identify the item in a description
    destinations = models.JSONField(default=list, blank=True)  # empty: every destination
    entities = models.JSONField(default=list, blank=True)
    rule = models.CharField(max_length=14, choices=CatchAllRule.choices)
    legal_basis = models.CharField(max_length=300)
    listed_on = models.DateField()
    review_due = models.DateField()  # Art 5(7): at least once a year
    status = models.CharField(max_length=10, choices=EntryStatus.choices, default=EntryStatus.PUBLISHED)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EUListEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-listed_on", "-pk"]
        verbose_name_plural = "EU list entries"

    def __str__(self) -> str:
        return self.reference

    @property
    def rule_label(self) -> str:
        return str(CatchAllRule(self.rule).label)
