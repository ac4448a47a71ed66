from __future__ import annotations

from dualuse.core.errors import DomainError


class RoleDoesNotFitOrganisation(DomainError):
    code = "role_does_not_fit_organisation"
    status = 400
