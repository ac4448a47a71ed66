from __future__ import annotations

from collections.abc import Sequence

from dualuse.controllist.formats import ImportProblem
from dualuse.core.errors import DomainError, Problem


class ImportRejected(DomainError):
    code = "control_list_import_rejected"
    status = 400

    def __init__(self, problems: Sequence[ImportProblem]) -> None:
        shown = "; ".join(str(p) for p in problems[:20])
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__(
            f"the control list was not imported: {len(problems)} problem(s): {shown}{more}",
            problems=[Problem(f"{p.file}:{p.line}:{p.field}", p.message) for p in problems],
        )
        self.import_problems = list(problems)


class NoActiveVersion(DomainError):
    code = "no_active_control_list"
    status = 409


class UnknownEntry(DomainError):
    code = "unknown_entry"
    status = 404
