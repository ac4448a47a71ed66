"""Stable error codes of the cooperation app; the API maps them to HTTP once (dualuse/api.py)."""

from __future__ import annotations

from dualuse.core.errors import DomainError, InvalidInput, InvalidTransition, NotFound, PermissionDenied


class CooperationInvalid(InvalidInput):
    code = "cooperation_invalid_input"


class NotAllowed(PermissionDenied):
    code = "cooperation_not_allowed"


class NotVisible(NotFound):
    """Out of the user's scope: a 404, so existence does not leak (STYLE §2)."""

    code = "not_found"


class WrongState(InvalidTransition):
    code = "cooperation_wrong_state"


class GrantingBlocked(DomainError):
    """Art 16 / Art 14(1): the case may not be granted yet; `problems` lists every blocker."""

    code = "granting_blocked"
    status = 409
