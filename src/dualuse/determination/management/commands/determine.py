"""dualuse determine --json < request.json   |   dualuse determine --batch < requests.jsonl"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.core.commands import domain_errors_as_command_errors, dumps
from dualuse.determination import services


class Command(BaseCommand):
    help = "Do I need a licence? A request (JSON) on stdin; the answer with its legal bases on stdout."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="print the answer as JSON")
        parser.add_argument("--batch", action="store_true", help='one {"id": ..., "request": {...}} per line')

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **o: Any) -> None:
        if o["batch"]:
            for line in services.determine_lines(sys.stdin):
                sys.stdout.write(line + "\n")
            sys.stdout.flush()
            return
        raw = sys.stdin.read()
        try:
            request = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"the request on stdin is not valid JSON: {exc.msg} (line {exc.lineno})"
            ) from exc
        if not isinstance(request, dict):
            raise CommandError("the request must be a JSON object")
        answer: dict[str, Any] = services.determine(request).to_json()
        if o["json"]:
            self.stdout.write(dumps(answer))
            return
        required = answer["licence_required"]
        label = {
            True: "yes, an authorisation is required",
            False: "no authorisation required",
            "notify": "notify the competent authority, which decides",
        }[required]
        self.stdout.write(f"licence required: {label}")
        self.stdout.write("legal bases: " + (", ".join(answer["legal_bases"]) or "none"))
        for reason in answer["reasons"]:
            self.stdout.write(f"  - {reason}")
        for ugea in answer["usable_general_authorisations"]:
            self.stdout.write(f"usable: {ugea['code']} ({ugea['reference']})")
            for condition in ugea["conditions"]:
                self.stdout.write(f"    · {condition}")
        for code, why in answer["unusable_general_authorisations"].items():
            self.stdout.write(f"not usable: {code}: {why}")
