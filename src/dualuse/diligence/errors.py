"""Stable error codes of the diligence app; the API maps them to HTTP once (dualuse/api.py)."""

from __future__ import annotations

from dualuse.core.errors import DomainError


class NotAllowed(DomainError):
    code = "diligence_not_allowed"
    status = 403


class InvalidRecord(DomainError):
    code = "invalid_due_diligence_record"
    status = 400


class InvalidProgramme(DomainError):
    code = "invalid_compliance_programme"
    status = 400


class InvalidEvidence(DomainError):
    code = "invalid_evidence"
    status = 400


class AlreadyModerated(DomainError):
    code = "evidence_already_moderated"
    status = 409


class EvidenceNotAccepted(DomainError):
    code = "evidence_not_accepted"
    status = 409


class InvalidConsideration(DomainError):
    code = "invalid_consideration"
    status = 400


class RecordLocked(DomainError):
    code = "due_diligence_record_locked"
    status = 409
