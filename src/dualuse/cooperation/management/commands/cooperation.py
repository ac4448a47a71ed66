"""dualuse cooperation remind [--json] [--date YYYY-MM-DD]

Housekeeping to run daily (cron): lapses unanswered consultations past their deadline (silence counts),
counts the votes of proposals whose every deadline has passed, and lists reminders (consultations and
votes due within 3 working days, refusal reviews due within 90 days (Art 16(2)), EU-list entries due
for their annual review (Art 5(7))). `--json` writes one JSON line per reminder.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.cooperation import services
from dualuse.core.commands import domain_errors_as_command_errors, dumps


class Command(BaseCommand):
    help = "Cooperation housekeeping: deadlines, overdue consultations, reviews and votes to count."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser("remind", help="close what is due and list the reminders")
        remind.add_argument("--json", action="store_true", help="one JSON object a line")
        remind.add_argument("--date", help="act as if today were this date (YYYY-MM-DD)")

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **o: Any) -> None:
        on = None
        if o.get("date"):
            try:
                on = date.fromisoformat(o["date"])
            except ValueError as exc:
                raise CommandError(f"--date: expected YYYY-MM-DD, got {o['date']!r}") from exc
        reminders = services.remind(on)
        if o["json"]:
            for r in reminders:
                self.stdout.write(dumps(r.to_json()))
            return
        if not reminders:
            self.stdout.write("nothing due")
        for r in reminders:
            self.stdout.write(f"[{r.to_state}] {r.kind} {r.reference} (due {r.due}): {r.message}")
