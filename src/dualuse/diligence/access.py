"""Who may do what (DESIGN §2), one condition per line. Reads are scoped by `for_user` (a 404);
these answer whether a user in scope may make a change (a 403)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from dualuse.accounts.models import OrgKind, Role
from dualuse.diligence.errors import NotAllowed
from dualuse.diligence.models.evidence import is_moderator


def is_exporter(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
        return False
    return user.role == Role.EXPORTER and user.organisation.kind == OrgKind.EXPORTER


def is_ngo(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
        return False
    return user.role == Role.NGO and user.organisation.kind == OrgKind.NGO


def is_case_officer(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
        return False
    return user.role in {Role.OFFICER, Role.SENIOR_OFFICER} and user.organisation.kind == OrgKind.AUTHORITY


def access_record_write(user: Any, exporter_id: int | None = None) -> None:
    """The exporter's own users write its due-diligence records and its compliance programme."""
    if not is_exporter(user):
        raise NotAllowed("only an exporter's users keep due-diligence records")
    if exporter_id is not None and user.organisation_id != exporter_id:
        raise NotAllowed("only the exporter's own users may change this record")


def access_evidence_submit(user: Any) -> None:
    if not is_ngo(user):
        raise NotAllowed("only civil-society contributors submit evidence")


def access_evidence_moderate(user: Any) -> None:
    if not is_moderator(user):
        raise NotAllowed("only a competent authority or the Commission moderates evidence")


def access_consideration(user: Any, authority_id: int) -> None:
    """Officers of the authority the case is filed with record what they considered."""
    if not is_case_officer(user):
        raise NotAllowed("only a licensing officer records the evidence considered")
    if user.organisation_id != authority_id:
        raise NotAllowed("only an officer of the competent authority of this case may do this")


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
