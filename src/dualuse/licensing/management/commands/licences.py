"""dualuse licences housekeeping [--date YYYY-MM-DD] [--json]: expired and exhausted licences change status."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.core.commands import domain_errors_as_command_errors, dumps
from dualuse.licensing import services


class Command(BaseCommand):
    help = (
        "Licence housekeeping: mark expired licences (past their validity) and exhausted ones (nothing left)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        house = sub.add_parser(
            "housekeeping", help="expire and exhaust licences; safe to run any time (cron)"
        )
        house.add_argument("--date", help="treat this day as today (YYYY-MM-DD)")
        house.add_argument("--json", action="store_true")

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **o: Any) -> None:
        try:
            today = date.fromisoformat(o["date"]) if o.get("date") else None
        except ValueError as exc:
            raise CommandError(f"--date {o['date']!r}: expected YYYY-MM-DD") from exc
        expired = services.expire_licences(today)
        exhausted = services.exhaust_licences()
        if o["json"]:
            self.stdout.write(dumps({"expired": expired, "exhausted": exhausted}))
            return
        self.stdout.write(f"{len(expired)} licence(s) expired, {len(exhausted)} exhausted")
        for number in expired:
            self.stdout.write(f"  expired   {number}")
        for number in exhausted:
            self.stdout.write(f"  exhausted {number}")
