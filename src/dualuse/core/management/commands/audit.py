"""dualuse audit verify [--json]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.core import audit
from dualuse.core.commands import dumps


class Command(BaseCommand):
    help = "Check the audit log's hash chain: any edited, inserted or deleted event is reported."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify")
        verify.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **o: Any) -> None:
        count, problems = audit.verify()
        if o["json"]:
            self.stdout.write(
                dumps({"events": count, "ok": not problems, "problems": [str(p) for p in problems]})
            )
        elif not problems:
            self.stdout.write(f"audit chain intact: {count} events")
        if problems:
            raise CommandError("audit chain broken:\n" + "\n".join(f"  - {p}" for p in problems))
