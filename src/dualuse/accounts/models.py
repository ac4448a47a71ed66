from __future__ import annotations

import hashlib
import secrets
from typing import Any, Self

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models


class OrgKind(models.TextChoices):
    EXPORTER = "exporter", "Exporter"
    AUTHORITY = "authority", "Competent authority"
    COMMISSION = "commission", "European Commission"
    NGO = "ngo", "Civil-society organisation"


class Role(models.TextChoices):
    """DESIGN §2. A user has one role; the role must fit the organisation's kind."""

    EXPORTER = "exporter", "Exporter user"
    OFFICER = "officer", "Licensing officer"
    SENIOR_OFFICER = "senior_officer", "Senior officer"
    STATE_REPRESENTATIVE = "state_representative", "State representative"
    COMMISSION = "commission", "Commission"
    NGO = "ngo", "Civil-society contributor"
    ADMIN = "admin", "Platform administrator"


ROLES_BY_KIND: dict[str, frozenset[str]] = {
    OrgKind.EXPORTER: frozenset({Role.EXPORTER}),
    OrgKind.AUTHORITY: frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.STATE_REPRESENTATIVE, Role.ADMIN}),
    OrgKind.COMMISSION: frozenset({Role.COMMISSION, Role.ADMIN}),
    OrgKind.NGO: frozenset({Role.NGO}),
}
AUTHORITY_ROLES = frozenset({Role.OFFICER, Role.SENIOR_OFFICER, Role.STATE_REPRESENTATIVE})


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def for_user(self, user: Any) -> Self:
        """An organisation sees itself; authorities and the Commission see every authority (to consult)."""
        if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
            return self.none()
        if user.organisation.kind in {OrgKind.AUTHORITY, OrgKind.COMMISSION}:
            return self.filter(models.Q(pk=user.organisation_id) | models.Q(kind=OrgKind.AUTHORITY))
        return self.filter(pk=user.organisation_id)


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=OrgKind.choices)
    # The exporter's Member State of establishment, or the authority's state (one authority per state).
    member_state = models.CharField(max_length=2, blank=True)
    eori = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.EXPORTER)

    @property
    def is_authority(self) -> bool:
        return self.role in AUTHORITY_ROLES

    @property
    def member_state(self) -> str:
        return self.organisation.member_state if self.organisation else ""


def anonymous() -> AnonymousUser:
    return AnonymousUser()


TOKEN_PREFIX = "du_"  # noqa: S105 - a public prefix that marks our tokens, not a secret


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def for_user(self, user: Any) -> Self:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user)


class ApiToken(models.Model):
    """A per-user API token; only its SHA-256 is stored, the raw value is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @staticmethod
    def new_raw() -> str:
        return TOKEN_PREFIX + secrets.token_urlsafe(32)
