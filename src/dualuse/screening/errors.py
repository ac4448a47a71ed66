"""Stable error codes of the screening app; the API maps them to HTTP once (dualuse/api.py)."""

from __future__ import annotations

from collections.abc import Sequence

from dualuse.core.errors import DomainError, Problem
from dualuse.screening.records import ParseIssue


class ListImportRejected(DomainError):
    """A broken or truncated list file: nothing was written, every issue says where."""

    code = "list_import_rejected"
    status = 400

    def __init__(self, file_name: str, issues: Sequence[ParseIssue]) -> None:
        shown = "; ".join(str(i) for i in issues[:20])
        more = f" (and {len(issues) - 20} more)" if len(issues) > 20 else ""
        super().__init__(
            f"{file_name} was not imported, nothing changed: {len(issues)} problem(s): {shown}{more}",
            problems=[Problem(i.where, i.message) for i in issues],
        )
        self.issues = list(issues)


class UnknownSource(DomainError):
    code = "unknown_list_source"
    status = 400


class UnknownFormat(DomainError):
    code = "unknown_list_format"
    status = 400


class NoActiveLists(DomainError):
    code = "no_active_lists"
    status = 409


class InvalidParty(DomainError):
    code = "invalid_party"
    status = 400


class InvalidDisposition(DomainError):
    code = "invalid_disposition"
    status = 400


class InvalidBulkFile(DomainError):
    code = "invalid_bulk_file"
    status = 400


class ResultNotReady(DomainError):
    code = "result_not_ready"
    status = 409
