"""Writes for organisations, users and tokens."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from dualuse.accounts.errors import RoleDoesNotFitOrganisation
from dualuse.accounts.models import ROLES_BY_KIND, ApiToken, Organisation, User, hash_token
from dualuse.core import audit
from dualuse.core.models import Verb


def create_user(
    *,
    username: str,
    password: str,
    organisation: Organisation | None,
    role: str,
    email: str = "",
    acting_user: Any = None,
    is_staff: bool = False,
) -> User:
    if organisation is not None and role not in ROLES_BY_KIND[organisation.kind]:
        raise RoleDoesNotFitOrganisation(
            f"role {role!r} does not fit a {organisation.get_kind_display()} organisation", field="role"
        )
    with transaction.atomic():
        user = User.objects.create_user(
            username=username,
            password=password,
            email=email,
            organisation=organisation,
            role=role,
            is_staff=is_staff,
        )
        audit.record(acting_user, Verb.USER_CREATED, user, data={"role": role})
    return user


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    raw = ApiToken.new_raw()
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw), prefix=raw[:10])
        audit.record(user, Verb.TOKEN_CREATED, token, data={"name": name})
    return token, raw


def revoke_token(token: ApiToken, *, acting_user: User) -> None:
    with transaction.atomic():
        ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
        audit.record(acting_user, Verb.TOKEN_REVOKED, token)


def user_for_token(raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user", "user__organisation")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
