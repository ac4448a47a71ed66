"""Domain errors with stable codes; the API maps them to HTTP once (dualuse/api.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where (a field path, a file line) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def to_json(self) -> dict[str, str]:
        return {"field": self.where, "message": self.message}


class DomainError(Exception):
    code = "domain_error"
    status = 400

    def __init__(self, message: str, *, field: str | None = None, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.problems = list(problems)

    def to_json(self) -> dict[str, object]:
        body: dict[str, object] = {"code": self.code, "message": self.message}
        if self.field:
            body["field"] = self.field
        if self.problems:
            body["problems"] = [p.to_json() for p in self.problems]
        return body


class NotFound(DomainError):
    code = "not_found"
    status = 404


class PermissionDenied(DomainError):
    code = "permission_denied"
    status = 403


class InvalidInput(DomainError):
    code = "invalid_input"
    status = 400


class InvalidTransition(DomainError):
    code = "invalid_transition"
    status = 409


class NotAuthenticated(DomainError):
    code = "not_authenticated"
    status = 401
