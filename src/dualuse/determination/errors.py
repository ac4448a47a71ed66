from __future__ import annotations

from dualuse.core.errors import DomainError


class InvalidDeterminationRequest(DomainError):
    code = "invalid_determination_request"
    status = 400
