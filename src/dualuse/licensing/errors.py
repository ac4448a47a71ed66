"""Stable error codes of the licensing app; the API maps each to HTTP once (dualuse/api.py)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from dualuse.core.errors import DomainError, InvalidTransition, Problem


class LicensingError(StrEnum):
    APPLICATION_INCOMPLETE = "application_incomplete"
    APPLICATION_NOT_EDITABLE = "application_not_editable"
    INVALID_TRANSITION = "invalid_transition"
    NOT_ALLOWED = "not_allowed"
    FOUR_EYES = "four_eyes_required"
    ASSESSMENT_INCOMPLETE = "assessment_incomplete"
    DOCUMENT_REJECTED = "document_rejected"
    LICENCE_NOT_ACTIVE = "licence_not_active"
    LICENCE_EXCEEDED = "licence_exceeded"
    NO_AUTHORITY = "no_competent_authority"
    QUESTION_CLOSED = "question_closed"
    REGISTRATION_EXISTS = "registration_exists"


class ApplicationIncomplete(DomainError):
    """Every problem at once, each with the field path it concerns (`lines[0].entry_code`)."""

    code = LicensingError.APPLICATION_INCOMPLETE
    status = 422

    def __init__(self, problems: Sequence[Problem]) -> None:
        shown = "; ".join(str(p) for p in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(f"the application is not complete: {shown}{more}", problems=problems)


class ApplicationNotEditable(DomainError):
    code = LicensingError.APPLICATION_NOT_EDITABLE
    status = 409


class TransitionRefused(InvalidTransition):
    code = LicensingError.INVALID_TRANSITION
    status = 409


class NotAllowed(DomainError):
    """The user may see the object but not make this change (their role does not allow it)."""

    code = LicensingError.NOT_ALLOWED
    status = 403


class FourEyesRequired(DomainError):
    code = LicensingError.FOUR_EYES
    status = 403


class AssessmentIncomplete(DomainError):
    code = LicensingError.ASSESSMENT_INCOMPLETE
    status = 422


class DocumentRejected(DomainError):
    code = LicensingError.DOCUMENT_REJECTED
    status = 400


class LicenceNotActive(DomainError):
    code = LicensingError.LICENCE_NOT_ACTIVE
    status = 409


class LicenceExceeded(DomainError):
    code = LicensingError.LICENCE_EXCEEDED
    status = 409


class NoCompetentAuthority(DomainError):
    code = LicensingError.NO_AUTHORITY
    status = 409


class QuestionClosed(DomainError):
    code = LicensingError.QUESTION_CLOSED
    status = 409


class RegistrationExists(DomainError):
    code = LicensingError.REGISTRATION_EXISTS
    status = 409


class SecondFactorRequired(DomainError):
    """Authority users verify a TOTP code first (settings.REQUIRE_OTP_FOR_AUTHORITIES)."""

    code = "otp_required"
    status = 403
