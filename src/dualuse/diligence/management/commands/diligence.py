"""dualuse diligence notifications [--hand-over]: records concluding "notify" (Art 5(2)) that await
their catch-all notification; --hand-over gives them to the cooperation app's handler."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dualuse.core.commands import dumps
from dualuse.diligence import notify, services
from dualuse.diligence.services.records import hand_over_notification


class Command(BaseCommand):
    help = "Due-diligence records awaiting their Art 5(2) notification."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        notifications = sub.add_parser("notifications", help="list records awaiting an Art 5(2) notification")
        notifications.add_argument(
            "--hand-over", action="store_true", help="send them to the cooperation app"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        pending = services.pending_notifications()
        if options.get("hand_over"):
            if notify.current_handler() is None:
                self.stderr.write("no cooperation handler is registered; nothing sent")
            for record in pending:
                hand_over_notification(record.pk)
            pending = services.pending_notifications()
        for record in pending:
            self.stdout.write(
                dumps(
                    {
                        "record": record.number,
                        "exporter": record.exporter_id,
                        "destination": record.destination,
                        "reference": record.reference,
                    }
                )
            )
