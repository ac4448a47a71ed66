"""dualuse screen "name" [--type …] [--country XX] [--birth-date YYYY[-MM[-DD]]] [--json] | --batch"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.core.commands import domain_errors_as_command_errors, dumps, read_json_lines
from dualuse.core.errors import DomainError
from dualuse.screening import services
from dualuse.screening.models import Screening


class Command(BaseCommand):
    help = "Screen a name against the active restrictive-measures lists (or JSON lines with --batch)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name", nargs="?")
        parser.add_argument("--type", choices=["person", "organization", "organisation", "vessel"])
        parser.add_argument("--country")
        parser.add_argument("--birth-date")
        parser.add_argument("--identifier", action="append", default=[])
        parser.add_argument("--threshold", type=float, help="default: DUALUSE_SCREENING_THRESHOLD")
        parser.add_argument("--limit", type=int, default=20)
        parser.add_argument("--json", action="store_true")
        parser.add_argument(
            "--batch",
            action="store_true",
            help='read {"id","name","type","country","birth_date"} lines on stdin, write hits',
        )

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **o: Any) -> None:
        if not 1 <= o["limit"] <= 1000:
            raise CommandError("--limit must be between 1 and 1000")
        if o["batch"]:
            if o["name"]:
                raise CommandError("--batch reads names from stdin: give no name argument")
            self.batch(o)
            return
        if not o["name"]:
            raise CommandError('give a name to screen, e.g. dualuse screen "Ivan Petrov", or --batch')
        query = services.party_query(o["name"], o["type"], o["country"], o["birth_date"], o["identifier"])
        screening = services.screen_party(
            query, acting_user=None, threshold=o["threshold"], limit=o["limit"], require_access=False
        )
        if o["json"]:
            self.stdout.write(dumps(_screening_json(screening)))
            return
        versions = ", ".join(
            f"{v.source.key} #{v.pk}" for v in screening.list_versions.select_related("source")
        )
        self.stdout.write(f"screening #{screening.pk}: {query.name} against {versions or 'no lists'}")
        if not screening.hits:
            self.stdout.write(f"no hits above {screening.threshold:.2f}")
        for hit in screening.hits:
            name = hit["explanation"].get("name", {})
            matched = name.get("matched", "") if isinstance(name, dict) else ""
            others = ", ".join(k for k in hit["explanation"] if k != "name")
            self.stdout.write(
                f"{hit['score']:.3f}  {hit['entity']:<32} {hit['caption']}"
                + (f"  [matched {matched!r}]" if matched and matched != hit["caption"] else "")
                + (f"  ({others})" if others else "")
            )

    def batch(self, o: dict[str, Any]) -> None:
        index = services.current_index()  # built once for the whole batch
        out = sys.stdout
        for number, line in read_json_lines(sys.stdin):
            out.write(dumps(_batch_line(number, line, index, o["threshold"], o["limit"])) + "\n")
        out.flush()


def _batch_line(number: int, line: str, index: Any, threshold: float | None, limit: int) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except ValueError as exc:
        return {"id": None, "error": {"line": number, "code": "invalid_json", "message": f"not JSON: {exc}"}}
    if not isinstance(row, dict):
        return {
            "id": None,
            "error": {"line": number, "code": "invalid_input", "message": "expected a JSON object"},
        }
    row_id = row.get("id")
    try:
        if row_id is None or (isinstance(row_id, str) and not row_id.strip()):
            return {
                "id": row_id,
                "error": {
                    "line": number,
                    "code": "invalid_input",
                    "field": "id",
                    "message": "id is required",
                },
            }
        query = services.party_query(
            row.get("name"),
            row.get("type", row.get("schema")),
            row.get("country"),
            row.get("birth_date"),
            row.get("identifiers") or (),
        )
        hits = services.match_party(query, threshold=threshold, limit=limit, index=index)
    except DomainError as exc:
        return {"id": row_id, "error": {"line": number, **exc.to_json()}}
    return {
        "id": row_id,
        "hits": [{"entity": h.ref, "score": round(h.score, 4), "explanation": h.explanation} for h in hits],
    }


def _screening_json(screening: Screening) -> dict[str, Any]:
    return {
        "screening": screening.pk,
        "query": {
            "name": screening.name,
            "type": screening.schema or None,
            "country": screening.country or None,
            "birth_date": screening.birth_date or None,
        },
        "threshold": screening.threshold,
        "list_versions": sorted(screening.list_versions.values_list("pk", flat=True)),
        "hits": [
            {
                "entity": h["entity"],
                "caption": h["caption"],
                "score": h["score"],
                "explanation": h["explanation"],
            }
            for h in screening.hits
        ],
    }
