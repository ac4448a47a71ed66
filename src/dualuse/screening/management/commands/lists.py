"""dualuse lists import|status|diff"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dualuse.core.commands import domain_errors_as_command_errors, dumps, progress_bar
from dualuse.screening import parsers, services
from dualuse.screening.models import SourceKey
from dualuse.screening.services import ListDiff

SHOWN = 50  # refs printed per kind in text output; --json gives them all


class Command(BaseCommand):
    help = (
        "Import restrictive-measures lists (EU FSF, UN SC, US CSL, OpenSanctions); show status and changes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="import a list file as the new active version of its source")
        imp.add_argument("--source", required=True, choices=[k.value for k in SourceKey])
        imp.add_argument("file", type=Path)
        imp.add_argument("--format", choices=sorted(parsers.FORMATS), help="default: the source's own format")
        imp.add_argument("--json", action="store_true")
        st = sub.add_parser("status", help="the active version of every source")
        st.add_argument("--json", action="store_true")
        diff = sub.add_parser("diff", help="what the active version changed over the one before it")
        diff.add_argument("--source", choices=[k.value for k in SourceKey])
        diff.add_argument("--json", action="store_true")

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"handle_{options['action']}")(options)

    def handle_import(self, o: dict[str, Any]) -> None:
        with progress_bar(f"importing {o['file'].name}") as progress:
            outcome = services.import_list_file(
                o["source"], o["file"], o["format"], acting_user=None, progress=progress
            )
        if o["json"]:
            self.stdout.write(dumps(outcome.to_json()))
            return
        v = outcome.version
        if outcome.unchanged:
            self.stdout.write(
                f"{outcome.source.key}: {o['file'].name} is the active version {v.pk} already; "
                "nothing changed"
            )
            return
        by_schema = ", ".join(f"{n} {s}" for s, n in sorted(v.count_by_schema.items()))
        self.stdout.write(
            f"{outcome.source.key}: version {v.pk} active, {v.entity_count} entities ({by_schema})"
        )
        if outcome.diff is None:
            self.stdout.write(f"first version of {outcome.source.key}: {v.entity_count} added")
        else:
            self._print_diff(outcome.diff)
        for warning in outcome.warnings[:SHOWN]:
            self.stderr.write(f"warning: {warning}")

    def _print_diff(self, diff: ListDiff) -> None:
        c = diff.counts()
        self.stdout.write(f"added {c['added']}, removed {c['removed']}, changed {c['changed']}")
        for mark, refs in (("+", diff.added), ("-", diff.removed)):
            for ref in refs[:SHOWN]:
                self.stdout.write(f"  {mark} {ref}")
            if len(refs) > SHOWN:
                self.stdout.write(f"  {mark} … and {len(refs) - SHOWN} more")
        for ref in diff.changed[:SHOWN]:
            fields = diff.changed_fields.get(ref)
            self.stdout.write(f"  ~ {ref}" + (f" ({', '.join(fields)})" if fields else ""))
        if len(diff.changed) > SHOWN:
            self.stdout.write(f"  ~ … and {len(diff.changed) - SHOWN} more")

    def handle_status(self, o: dict[str, Any]) -> None:
        rows = services.status()
        if o["json"]:
            self.stdout.write(dumps(rows))
            return
        for r in rows:
            if r["version"] is None:
                self.stdout.write(f"{r['source']:<14} no version imported")
            else:
                self.stdout.write(
                    f"{r['source']:<14} version {r['version']:>4}  {r['entities']:>8} entities  "
                    f"{r['imported_at'][:19]}  {r['file']}"
                )

    def handle_diff(self, o: dict[str, Any]) -> None:
        rows = []
        for source, version, diff in services.latest_diffs(o["source"]):
            rows.append((source, version, diff))
        if o["json"]:
            self.stdout.write(
                dumps(
                    [
                        {"source": s.key, "version": v.pk, "previous": v.previous_id, **d.to_json()}
                        for s, v, d in rows
                    ]
                )
            )
            return
        if not rows:
            self.stdout.write("no list imported yet")
        for source, version, diff in rows:
            before = f"version {version.previous_id}" if version.previous_id else "nothing"
            self.stdout.write(f"{source.key}: version {version.pk} over {before}")
            self._print_diff(diff)
