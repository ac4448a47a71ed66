"""Who may do what in the transparency app (DESIGN §2). Reading is public; writing is not."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from dualuse.accounts.models import OrgKind, Role
from dualuse.core.countries import EU_MEMBER_STATES
from dualuse.transparency.errors import NotAllowed

PENALTY_AUTHORITY_ROLES = frozenset({Role.OFFICER, Role.SENIOR_OFFICER})


def is_penalty_recorder(user: Any) -> bool:
    """Officers and senior officers of a competent authority, and the Commission (Art 25)."""
    if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
        return False
    org = user.organisation
    if org.kind == OrgKind.COMMISSION and user.role == Role.COMMISSION:
        return True
    return org.kind == OrgKind.AUTHORITY and user.role in PENALTY_AUTHORITY_ROLES


def penalty_states(user: Any) -> list[str]:
    """The Member States whose penalties the user may record: its own, or all for the Commission."""
    if not is_penalty_recorder(user):
        return []
    if user.organisation.kind == OrgKind.COMMISSION:
        return sorted(EU_MEMBER_STATES)
    return [user.organisation.member_state]


def access_penalty_record(user: Any, member_state: str) -> None:
    """An officer of the state's competent authority, or the Commission, records a penalty."""
    if not is_penalty_recorder(user):
        raise NotAllowed("only a competent authority or the Commission records penalties")
    if user.organisation.kind == OrgKind.COMMISSION:
        return  # any state: the validation names one that is not a Member State
    if user.organisation.member_state != member_state:
        raise NotAllowed("an authority records the penalties of its own Member State")


def otp_satisfied(request: HttpRequest) -> bool:
    """Authority users' browser sessions need a verified second factor (settings.REQUIRE_OTP_FOR_AUTHORITIES);
    bearer tokens count as verified (the licensing app's rule)."""
    user = request.user
    if not settings.REQUIRE_OTP_FOR_AUTHORITIES:
        return True
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_authority", False):
        return True
    if getattr(request, "_dualuse_token", False):
        return True
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())
