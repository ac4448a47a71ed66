"""dualuse classify "description" [--top 10] [--json]  |  dualuse classify --batch < in.jsonl > out.jsonl"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.controllist import search, services
from dualuse.core.commands import domain_errors_as_command_errors, dumps, read_json_lines


class Command(BaseCommand):
    help = "Rank the Annex I entries a product description could fall under."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", nargs="?", default=None)
        parser.add_argument("--top", type=int, default=10)
        parser.add_argument("--json", action="store_true")
        parser.add_argument(
            "--batch", action="store_true", help="JSON lines {id, text} on stdin -> JSON lines on stdout"
        )

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **o: Any) -> None:
        if not 1 <= o["top"] <= 100:
            raise CommandError("--top must be between 1 and 100")
        version = services.active_version()
        if o["batch"]:
            self._batch(version, o["top"])
            return
        if not o["text"] or not o["text"].strip():
            raise CommandError(
                'give a description: dualuse classify "…" (or --batch with JSON lines on stdin)'
            )
        result = search.classify(version, o["text"], top=o["top"])
        payload = {
            "verdict": result.verdict,
            "released_by": list(result.released_by),
            "results": [r.to_json() for r in result.results],
        }
        if o["json"]:
            self.stdout.write(dumps(payload))
            return
        self.stdout.write(f"verdict: {result.verdict.replace('_', ' ')}")
        for reason in result.released_by:
            self.stdout.write(f"  released: {reason}")
        for rank, r in enumerate(result.results, start=1):
            self.stdout.write(f"{rank:>2}. {r.code:<16} {r.score:.2f}  " + "; ".join(r.why))

    def _batch(self, version: Any, top: int) -> None:
        index = search.classifier_for(version)
        out = sys.stdout
        for number, line in read_json_lines(sys.stdin):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                out.write(
                    dumps({"id": None, "error": {"line": number, "message": f"not valid JSON: {exc.msg}"}})
                    + "\n"
                )
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                ident = obj.get("id") if isinstance(obj, dict) else None
                message = "each line needs a non-empty string field 'text'"
                out.write(
                    dumps({"id": ident, "error": {"line": number, "field": "text", "message": message}})
                    + "\n"
                )
                continue
            result = index.classify(obj["text"], top=top)
            out.write(
                dumps(
                    {
                        "id": obj.get("id"),
                        "verdict": result.verdict,
                        "results": [r.to_json() for r in result.results],
                        "released_by": list(result.released_by),
                    }
                )
                + "\n"
            )
        out.flush()
