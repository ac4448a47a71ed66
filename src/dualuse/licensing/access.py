"""Who may do what (DESIGN §2), one condition per line.

Reads are scoped by `for_user` (out of scope is a 404, so existence does not leak). These functions
answer the next question, once an object is in scope: may this user make this change? A "no" is a 403.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from dualuse.accounts.models import OrgKind, Role
from dualuse.licensing.errors import FourEyesRequired, NotAllowed


def is_exporter(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
        return False
    return user.role == Role.EXPORTER and user.organisation.kind == OrgKind.EXPORTER


def is_case_officer(user: Any) -> bool:
    """A licensing officer or a senior officer of a competent authority."""
    if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
        return False
    return user.role in {Role.OFFICER, Role.SENIOR_OFFICER} and user.organisation.kind == OrgKind.AUTHORITY


def is_senior(user: Any) -> bool:
    return is_case_officer(user) and user.role == Role.SENIOR_OFFICER


def access_exporter_action(user: Any, exporter_id: int) -> None:
    """The exporter organisation's own users act on its applications, licences and registrations."""
    if not is_exporter(user):
        raise NotAllowed("only the applicant's users may do this")
    if user.organisation_id != exporter_id:
        raise NotAllowed("only the applicant's users may do this")


def access_case_action(user: Any, authority_id: int) -> None:
    """Officers and senior officers of the authority the case is filed with."""
    if not is_case_officer(user):
        raise NotAllowed("only a licensing officer of the competent authority may do this")
    if user.organisation_id != authority_id:
        raise NotAllowed("only a licensing officer of the competent authority may do this")


def access_senior(user: Any) -> None:
    if not is_senior(user):
        raise FourEyesRequired("a senior officer countersigns or returns decisions")


def access_countersign(user: Any, authority_id: int, proposer_id: int) -> None:
    """Four eyes: a senior officer of the authority who did not propose the decision."""
    access_case_action(user, authority_id)
    if not is_senior(user):
        raise FourEyesRequired("a senior officer countersigns decisions")
    if user.pk == proposer_id:
        raise FourEyesRequired("a decision is countersigned by a senior officer who did not propose it")


def access_licence_change(user: Any, authority_id: int) -> None:
    """Art 16(1) suspensions, revocations and amendments: a senior officer of the issuing authority."""
    access_case_action(user, authority_id)
    if not is_senior(user):
        raise NotAllowed("a senior officer suspends, revokes or amends a licence")


def otp_satisfied(request: HttpRequest) -> bool:
    """Authority users need a verified second factor (TOTP) on sessions when REQUIRE_OTP_FOR_AUTHORITIES.

    The choice for the API: bearer tokens count as verified. A token is created on the account page (a
    logged-in session), is stored hashed and is revocable; machine clients cannot type a TOTP code.
    Browser sessions of authority users (and session calls to the API) must have passed /accounts/otp/.
    """
    user = request.user
    if not settings.REQUIRE_OTP_FOR_AUTHORITIES:
        return True
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_authority", False):
        return True
    if getattr(request, "_dualuse_token", False):
        return True
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())
