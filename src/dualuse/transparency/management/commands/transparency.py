"""dualuse transparency publish | refresh | report YEAR [--pdf FILE] [--json]"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.loader import render_to_string

from dualuse.core.commands import domain_errors_as_command_errors, dumps
from dualuse.transparency import pdf, services
from dualuse.transparency.models import DecisionRecord
from dualuse.transparency.report import annual_report


class Command(BaseCommand):
    help = "The public dataset of decided applications and the annual report (Art 26(2))."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("publish", help="publish every decided application not yet in the dataset")
        refresh = sub.add_parser("refresh", help="re-apply the small-cell rule (after changing the setting)")
        refresh.add_argument("--json", action="store_true")
        report = sub.add_parser("report", help="the annual report of a year as JSON, or as PDF with --pdf")
        report.add_argument("year", type=int)
        report.add_argument("--pdf", type=Path, help="write the PDF here")

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "publish":
            self.stdout.write(dumps({"published": services.publish_decided()}))
        elif action == "refresh":
            scopes = DecisionRecord.objects.order_by().values_list("member_state", "year").distinct()
            changed = sum(services.refresh_disclosure(state, year) for state, year in scopes)
            self.stdout.write(dumps({"changed": changed}))
        else:
            self._report(options["year"], options.get("pdf"))

    def _report(self, year: int, target: Path | None) -> None:
        if not 2000 <= year <= 2100:
            raise CommandError("year must be between 2000 and 2100")
        report = annual_report(year)
        if target is None:
            self.stdout.write(dumps(dataclasses.asdict(report)))
            return
        html = render_to_string("transparency/report_print.html", {"report": report, "lang": "en"})
        target.write_bytes(pdf.render_pdf(html))
        self.stdout.write(dumps({"pdf": str(target), "year": year}))
