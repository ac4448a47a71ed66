"""dualuse retention [--apply] [--json] [--date YYYY-MM-DD]

Lists (dry run, the default) or removes licensing records past Art 27's period: at least five years from
the end of the calendar year of the export. Nothing younger is ever removed; each removal is audited.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.core.commands import domain_errors_as_command_errors, dumps
from dualuse.licensing.services import retention


class Command(BaseCommand):
    help = "List (dry run) or --apply removal of licensing records past the Art 27 retention period."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--apply", action="store_true", help="remove them (default: only list)")
        parser.add_argument("--date", help="treat this day as today (YYYY-MM-DD)")
        parser.add_argument("--json", action="store_true")

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **o: Any) -> None:
        try:
            today = date.fromisoformat(o["date"]) if o.get("date") else None
        except ValueError as exc:
            raise CommandError(f"--date {o['date']!r}: expected YYYY-MM-DD") from exc
        items = retention.remove_due(today=today) if o["apply"] else retention.due_for_removal(today)
        if o["json"]:
            self.stdout.write(dumps({"applied": bool(o["apply"]), "records": [i.to_json() for i in items]}))
            return
        verb = "removed" if o["apply"] else "past retention (dry run; --apply removes them)"
        self.stdout.write(f"{len(items)} record(s) {verb}")
        for item in items:
            self.stdout.write(
                f"  {item.kind:<18} {item.label:<50} year {item.record_year}, kept until {item.keep_until}"
            )
