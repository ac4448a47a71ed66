"""dualuse controllist import|diff|activate|versions"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.controllist import services
from dualuse.controllist.formats import ListDiff
from dualuse.controllist.models import ControlListVersion
from dualuse.core.commands import domain_errors_as_command_errors, dumps, progress_bar


def _date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise CommandError(f"--applies-from {raw!r}: expected a date as YYYY-MM-DD") from exc


class Command(BaseCommand):
    help = "Import, compare and activate versions of the EU control list (Annex I)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="import a version from the JSON-lines interchange format")
        imp.add_argument("--entries", required=True, type=Path)
        imp.add_argument("--definitions", type=Path)
        imp.add_argument("--notes", type=Path)
        imp.add_argument("--legal-act", required=True)
        imp.add_argument("--applies-from", required=True)
        imp.add_argument("--source", default="")
        imp.add_argument("--draft", action="store_true", help="import without activating")
        imp.add_argument("--json", action="store_true")
        diff = sub.add_parser("diff", help="entries added, removed and changed between two versions")
        diff.add_argument("v1")
        diff.add_argument("v2")
        diff.add_argument("--json", action="store_true")
        act = sub.add_parser("activate", help="make a version the list in force")
        act.add_argument("version")
        act.add_argument("--json", action="store_true")
        ver = sub.add_parser("versions", help="list the versions")
        ver.add_argument("--json", action="store_true")

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"handle_{options['action']}")(options)

    def handle_import(self, o: dict[str, Any]) -> None:
        with progress_bar("importing the control list") as progress:
            outcome = services.import_control_list(
                entries=o["entries"],
                definitions=o["definitions"],
                notes=o["notes"],
                legal_act=o["legal_act"],
                applies_from=_date(o["applies_from"]),
                source=o["source"],
                activate=not o["draft"],
                progress=progress,
            )
        v = outcome.version
        data = {
            "version": v.pk,
            "legal_act": v.legal_act,
            "applies_from": v.applies_from.isoformat(),
            "entries": v.entry_count,
            "status": "draft" if o["draft"] else "active",
            "diff": outcome.diff.to_json() if outcome.diff else None,
            "affected": outcome.affected,
        }
        if o["json"]:
            self.stdout.write(dumps(data))
            return
        self.stdout.write(
            f"version {v.pk} imported: {v.entry_count} entries, {v.legal_act}, {data['status']}"
        )
        if outcome.diff:
            self._print_diff(outcome.diff)
        for label, objs in outcome.affected.items():
            self.stdout.write(f"{label} affected: {len(objs)}")
            for obj in objs[:50]:
                self.stdout.write(f"  {obj}")

    def _print_diff(self, diff: ListDiff) -> None:
        self.stdout.write(
            f"added {len(diff.added)}, removed {len(diff.removed)}, changed {len(diff.changed)}"
        )
        for code in diff.added:
            self.stdout.write(f"  + {code}")
        for code in diff.removed:
            self.stdout.write(f"  - {code}")
        for change in diff.changed:
            self.stdout.write(f"  ~ {change.code} ({', '.join(change.fields)})")

    def handle_diff(self, o: dict[str, Any]) -> None:
        diff = services.diff_versions(services.version_by_ref(o["v1"]), services.version_by_ref(o["v2"]))
        if o["json"]:
            self.stdout.write(dumps(diff.to_json()))
        else:
            self._print_diff(diff)

    def handle_activate(self, o: dict[str, Any]) -> None:
        version = services.version_by_ref(o["version"])
        affected = services.activate_version(version)
        if o["json"]:
            self.stdout.write(dumps({"version": version.pk, "status": "active", "affected": affected}))
            return
        self.stdout.write(f"version {version.pk} is now active")
        for label, objs in affected.items():
            self.stdout.write(f"{label} affected: {len(objs)}")
            for obj in objs[:50]:
                self.stdout.write(f"  {obj}")

    def handle_versions(self, o: dict[str, Any]) -> None:
        rows = [
            {
                "id": v.pk,
                "legal_act": v.legal_act,
                "applies_from": v.applies_from.isoformat(),
                "status": v.status,
                "entries": v.entry_count,
            }
            for v in ControlListVersion.objects.all()
        ]
        if o["json"]:
            self.stdout.write(dumps(rows))
            return
        for r in rows:
            self.stdout.write(
                f"{r['id']:>4}  {r['status']:<10} {r['applies_from']}  {r['entries']:>5}  {r['legal_act']}"
            )
