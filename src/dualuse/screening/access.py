"""Who may do what in screening; one condition per line (DESIGN §2)."""

from __future__ import annotations

from typing import Any

from dualuse.accounts.models import AUTHORITY_ROLES, Role
from dualuse.core.errors import NotAuthenticated, PermissionDenied

# Exporters screen their parties; authorities screen every application; the Commission keeps the
# EU-wide lists. NGOs contribute evidence but do not screen.
SCREENING_ROLES = frozenset({Role.EXPORTER, Role.COMMISSION, Role.ADMIN, *AUTHORITY_ROLES})
IMPORT_ROLES = frozenset({Role.COMMISSION, Role.ADMIN})


def _require_signed_in(user: Any) -> None:
    if user is None or not getattr(user, "is_authenticated", False):
        raise NotAuthenticated("log in or send `Authorization: Bearer <token>`")


def access_screening(user: Any) -> None:
    """May run screenings and record dispositions (each in the user's own organisation)."""
    _require_signed_in(user)
    if user.organisation_id is None:
        raise PermissionDenied("screening needs an account in an organisation")
    if user.role not in SCREENING_ROLES:
        raise PermissionDenied("your role does not run screenings")


def access_list_import(user: Any) -> None:
    """May import a list version. `None` is the system (the command line run by the operator)."""
    if user is None:
        return
    _require_signed_in(user)
    if user.is_superuser:
        return
    if user.role not in IMPORT_ROLES:
        raise PermissionDenied("only the Commission or an administrator imports lists")


def can_import_lists(user: Any) -> bool:
    try:
        access_list_import(user)
    except (NotAuthenticated, PermissionDenied):
        return False
    return user is not None
