"""Importing, activating and comparing control-list versions (Art 17: the Commission amends Annex I)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from dualuse.controllist import formats, hooks
from dualuse.controllist.errors import ImportRejected, NoActiveVersion, UnknownEntry
from dualuse.controllist.models import (
    ControlEntry,
    ControlListVersion,
    Definition,
    GeneralNote,
    VersionStatus,
)
from dualuse.core import audit
from dualuse.core.models import Verb

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class ImportOutcome:
    version: ControlListVersion
    diff: formats.ListDiff | None
    affected: dict[str, list[str]]


def _read_lines(path: Path, label: str) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise ImportRejected([formats.ImportProblem(str(path), 0, "-", f"{label} file not found")]) from exc
    except UnicodeDecodeError as exc:
        raise ImportRejected(
            [formats.ImportProblem(str(path), 0, "-", f"not UTF-8 text ({exc.reason})")]
        ) from exc


def parse_files(entries: Path, definitions: Path | None, notes: Path | None) -> formats.ParsedList:
    parsed = formats.ParsedList()
    parsed.entries, problems = formats.parse_entries(_read_lines(entries, "entries"), entries.name)
    parsed.problems.extend(problems)
    if definitions is not None:
        parsed.definitions, problems = formats.parse_definitions(
            _read_lines(definitions, "definitions"), definitions.name
        )
        parsed.problems.extend(problems)
    if notes is not None:
        parsed.notes, problems = formats.parse_notes(_read_lines(notes, "notes"), notes.name)
        parsed.problems.extend(problems)
    if not parsed.entries and not parsed.problems:
        parsed.problems.append(formats.ImportProblem(entries.name, 0, "-", "the file holds no entries"))
    return parsed


def _fingerprint(paths: Iterable[Path | None]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path is not None:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def import_control_list(
    *,
    entries: Path,
    definitions: Path | None,
    notes: Path | None,
    legal_act: str,
    applies_from: date,
    source: str = "",
    activate: bool = True,
    acting_user: Any = None,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Validate every file in full, then write the new version in one transaction (all or nothing)."""
    if not legal_act.strip():
        raise ImportRejected([formats.ImportProblem("arguments", 0, "legal_act", "is required")])
    parsed = parse_files(entries, definitions, notes)
    if parsed.problems:
        raise ImportRejected(parsed.problems)
    total = len(parsed.entries)
    with transaction.atomic():
        previous = ControlListVersion.objects.active()
        version = ControlListVersion.objects.create(
            legal_act=legal_act.strip(),
            applies_from=applies_from,
            source=source,
            sha256=_fingerprint([entries, definitions, notes]),
            entry_count=total,
            previous=previous,
        )
        batch: list[ControlEntry] = []
        for done, row in enumerate(parsed.entries, start=1):
            batch.append(
                ControlEntry(
                    version=version,
                    code=row.code,
                    parent_code=row.parent or "",
                    entry=row.entry,
                    level=row.level,
                    category=row.category,
                    group=row.group,
                    part=row.part,
                    text=row.text,
                    notes=row.notes,
                    technical_notes=row.technical_notes,
                    defined_terms=row.defined_terms,
                    regimes=row.regimes,
                    not_used=row.not_used,
                    cyber_surveillance=row.cyber_surveillance,
                    position=row.position,
                )
            )
            if len(batch) >= 1000:
                ControlEntry.objects.bulk_create(batch)
                batch.clear()
                if progress:
                    progress("entries", done, total)
        ControlEntry.objects.bulk_create(batch)
        if progress:
            progress("entries", total, total)
        seen_slugs: set[str] = set()
        definitions_rows = []
        for d in parsed.definitions:
            slug = slugify(d.term)[:200] or "term"
            while slug in seen_slugs:
                slug = f"{slug}-x"[:200]
            seen_slugs.add(slug)
            definitions_rows.append(
                Definition(version=version, term=d.term, slug=slug, categories=d.categories, text=d.text)
            )
        Definition.objects.bulk_create(definitions_rows)
        GeneralNote.objects.bulk_create(
            GeneralNote(version=version, kind=n.kind, title=n.title, text=n.text, position=i)
            for i, n in enumerate(parsed.notes)
        )
        diff = diff_versions(previous, version) if previous else None
        if diff is not None:
            version.diff_summary = diff.to_json()
            version.save(update_fields=["diff_summary"])
        audit.record(
            acting_user,
            Verb.CONTROL_LIST_IMPORTED,
            version,
            data={"legal_act": version.legal_act, "entries": total, "sha256": version.sha256},
        )
        affected: dict[str, list[str]] = {}
        if activate:
            affected = activate_version(version, acting_user=acting_user)
    return ImportOutcome(version=version, diff=diff, affected=affected)


def activate_version(version: ControlListVersion, *, acting_user: Any = None) -> dict[str, list[str]]:
    """Make `version` the list in force; returns stored objects whose classification the change affects."""
    with transaction.atomic():
        previous = (
            ControlListVersion.objects.select_for_update()
            .filter(status=VersionStatus.ACTIVE)
            .exclude(pk=version.pk)
        )
        old = previous.first()
        previous.update(status=VersionStatus.SUPERSEDED)
        ControlListVersion.objects.filter(pk=version.pk).update(
            status=VersionStatus.ACTIVE, activated_at=timezone.now()
        )
        version.refresh_from_db()
        diff = diff_versions(old, version) if old else None
        affected = hooks.affected_by(diff) if diff else {}
        audit.record(
            acting_user,
            Verb.CONTROL_LIST_ACTIVATED,
            version,
            data={"replaces": old.pk if old else None, "affected": {k: len(v) for k, v in affected.items()}},
        )
    return affected


def _entry_map(version: ControlListVersion) -> dict[str, dict[str, object]]:
    rows = ControlEntry.objects.filter(version=version).values("code", *formats.COMPARED_FIELDS)
    return {r["code"]: r for r in rows}


def diff_versions(old: ControlListVersion, new: ControlListVersion) -> formats.ListDiff:
    return formats.diff_entries(_entry_map(old), _entry_map(new))


def active_version() -> ControlListVersion:
    version = ControlListVersion.objects.active()
    if version is None:
        raise NoActiveVersion("no control list is active yet: import one with `dualuse controllist import`")
    return version


def get_entry(code: str, *, version: ControlListVersion | None = None) -> ControlEntry:
    version = version or active_version()
    entry = ControlEntry.objects.filter(version=version, code=code.strip()).first()
    if entry is None:
        raise UnknownEntry(f"{code!r} is not an entry of {version.legal_act}", field="code")
    return entry


def version_by_ref(ref: str) -> ControlListVersion:
    """A version by its id, or by 'active'."""
    if ref == "active":
        return active_version()
    try:
        return ControlListVersion.objects.get(pk=int(ref))
    except (ValueError, ControlListVersion.DoesNotExist) as exc:
        raise UnknownEntry(f"no control-list version {ref!r}", field="version") from exc
