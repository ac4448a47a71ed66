"""dualuse vote outcome [--json] [--batch] [--population FILE] < ballot.json | ballots.jsonl"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.cooperation.ballot import BallotError, answer, answer_batch
from dualuse.cooperation.population import PopulationError, load_file
from dualuse.core.commands import dumps


class Command(BaseCommand):
    help = "Compute a vote outcome: Council QMV, the EU-list objection rule (EP 2018) or Art 5(6) unanimity."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        outcome = sub.add_parser("outcome", help="read a ballot (or JSON lines with --batch) on stdin")
        outcome.add_argument("--json", action="store_true")
        outcome.add_argument("--batch", action="store_true", help='one {"id": ..., "ballot": {...}} per line')
        outcome.add_argument("--population", type=Path, help='JSON list of {"iso2": ..., "population": ...}')

    def handle(self, *args: Any, **o: Any) -> None:
        population: Mapping[str, int] | None = None
        if o["population"] is not None:
            try:
                population = load_file(o["population"]).figures
            except PopulationError as exc:
                raise CommandError(f"--population: {exc}") from exc
        if o["batch"]:
            for line in answer_batch(sys.stdin, population):
                sys.stdout.write(line + "\n")
            sys.stdout.flush()
            return
        raw = sys.stdin.read()
        try:
            ballot = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"the ballot on stdin is not valid JSON: {exc.msg} (line {exc.lineno})"
            ) from exc
        if not isinstance(ballot, dict):
            raise CommandError("the ballot must be a JSON object")
        try:
            result = answer(ballot, population)
        except BallotError as exc:
            if o["json"]:
                self.stdout.write(dumps({"error": str(exc)}))
                raise CommandError(str(exc)) from exc
            raise CommandError(str(exc)) from exc
        if o["json"]:
            self.stdout.write(dumps(result))
            return
        self.stdout.write(f"outcome: {result['outcome']}")
        self.stdout.write(
            f"members: {result['member_share_pct']} %  population: {result['population_share_pct']} %"
        )
        self.stdout.write(f"blocking minority: {'yes' if result['blocking_minority'] else 'no'}")
        for reason in result["reasons"]:
            self.stdout.write(f"  - {reason}")
