"""Importing list files into versions, and comparing versions.

An import is atomic (DESIGN §4.1): the file is parsed and validated in full, then the new version is
written and switched active in one transaction. A broken or truncated file changes nothing, and the
error says where it broke; the old version stays live until the new one is complete.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from dualuse.core import audit
from dualuse.core.models import Verb
from dualuse.screening import jobs, parsers
from dualuse.screening.access import access_list_import
from dualuse.screening.errors import ListImportRejected, UnknownFormat, UnknownSource
from dualuse.screening.models import SOURCE_FORMATS, ListedEntity, ListSource, ListVersion, SourceKey
from dualuse.screening.records import Entity, ParseIssue

Progress = Callable[[str, int, int], None]  # (stage, done, total), as core.commands.progress_bar
BATCH_SIZE = 2000
SUMMARY_REFS = 500  # refs kept per kind in a version's stored diff summary; `lists diff` shows all
COMPARED_FIELDS = (
    "schema",
    "caption",
    "names",
    "birth_dates",
    "countries",
    "identifiers",
    "addresses",
    "programmes",
    "listed_on",
    "remarks",
    "gender",
)


@dataclass(slots=True)
class ListDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    changed_fields: dict[str, list[str]] = field(default_factory=dict)  # ref -> fields, when computed

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)}

    def to_json(self, limit: int | None = None) -> dict[str, Any]:
        cut = (lambda refs: refs[:limit]) if limit is not None else (lambda refs: refs)
        body: dict[str, Any] = {
            "counts": self.counts(),
            "added": cut(self.added),
            "removed": cut(self.removed),
            "changed": [{"ref": r, "fields": self.changed_fields.get(r, [])} for r in cut(self.changed)],
        }
        if limit is not None and max(self.counts().values(), default=0) > limit:
            body["truncated"] = True
        return body


@dataclass(slots=True)
class ImportOutcome:
    source: ListSource
    version: ListVersion
    diff: ListDiff | None  # None for the first version of a source
    unchanged: bool = False  # the file is the active version already: nothing was written
    warnings: list[ParseIssue] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        v = self.version
        return {
            "source": self.source.key,
            "version": v.pk,
            "file": v.file_name,
            "sha256": v.sha256,
            "entities": v.entity_count,
            "by_schema": v.count_by_schema,
            "unchanged": self.unchanged,
            "imported_at": v.imported_at.isoformat(),
            "previous": v.previous_id,
            "diff": self.diff.to_json() if self.diff else None,
            "warnings": [str(w) for w in self.warnings[:100]],
        }


def ensure_sources() -> dict[str, ListSource]:
    """The known sources exist as rows (created on first use, so a flushed database still works)."""
    existing = {s.key: s for s in ListSource.objects.all()}
    for key in SourceKey:
        if key.value not in existing:
            existing[key.value], _ = ListSource.objects.get_or_create(
                key=key.value, defaults={"name": key.label, "format": SOURCE_FORMATS[key]}
            )
    return existing


def get_source(key: str) -> ListSource:
    sources = ensure_sources()
    if key not in sources:
        raise UnknownSource(
            f"unknown list source {key!r} (known: {', '.join(sorted(sources))})", field="source"
        )
    return sources[key]


def entity_row(entity: Entity) -> dict[str, Any]:
    """A parsed entity as the JSON columns of `ListedEntity` (without version and fingerprint)."""
    return {
        "ref": entity.ref,
        "schema": str(entity.schema),
        "caption": entity.caption[:500],
        "names": [
            {
                "full": n.full,
                "quality": str(n.quality),
                "script": n.script,
                "lang": n.lang,
                "first": n.first,
                "middle": n.middle,
                "last": n.last,
            }
            for n in entity.names
        ],
        "birth_dates": [
            {"year": d.year, "month": d.month, "day": d.day, "year_to": d.year_to, "circa": d.circa}
            for d in entity.birth_dates
        ],
        "countries": list(entity.countries),
        "identifiers": [
            {"kind": i.kind, "value": i.value, "country": i.country, "valid": i.valid}
            for i in entity.identifiers
        ],
        "addresses": [{"text": a.text, "country": a.country} for a in entity.addresses],
        "programmes": list(entity.programmes),
        "listed_on": (entity.listed_on or "")[:10],
        "remarks": entity.remarks or "",
        "gender": entity.gender or "",
    }


def fingerprint(row: dict[str, Any]) -> str:
    canonical = json.dumps(
        {k: row[k] for k in ("ref", *COMPARED_FIELDS)},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _choose_format(source: ListSource, path: Path, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in parsers.FORMATS:
            raise UnknownFormat(
                f"unknown list format {fmt!r} (known: {', '.join(sorted(parsers.FORMATS))})", field="format"
            )
        return fmt
    detected = parsers.detect_format(path)
    if detected is not None and detected != source.format:
        raise ListImportRejected(
            path.name,
            [
                ParseIssue(
                    "file",
                    f"looks like a {detected} file, not {source.format} as the {source.key} source expects "
                    f"(pass --format {detected} if you mean it)",
                )
            ],
        )
    return source.format


def import_list_file(
    source_key: str,
    path: Path | str,
    fmt: str | None = None,
    *,
    acting_user: Any = None,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Parse and validate the whole file; then write it as the new active version of the source."""
    access_list_import(acting_user)
    path = Path(path)
    source = get_source(source_key)
    if not path.is_file():
        raise ListImportRejected(path.name, [ParseIssue("file", f"{path} does not exist or is not a file")])
    fmt = _choose_format(source, path, fmt)
    sha = _sha256(path)
    active = source.active_version
    if active is not None and active.sha256 == sha:
        return ImportOutcome(source, active, ListDiff(), unchanged=True)
    size = path.stat().st_size
    with path.open("rb") as handle:
        result = parsers.parse(
            fmt, handle, progress=(lambda n: progress("reading", n, size)) if progress else None
        )
    if result.issues:
        raise ListImportRejected(path.name, result.issues)
    rows = [entity_row(e) for e in result.entities]
    with transaction.atomic():
        source = ListSource.objects.select_for_update().get(pk=source.pk)
        previous = source.active_version
        version = ListVersion.objects.create(
            source=source,
            sha256=sha,
            file_name=path.name[:300],
            format=fmt,
            entity_count=len(rows),
            count_by_schema=result.count_by_schema,
            warnings=[str(w) for w in result.warnings[:1000]],
            imported_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
            previous=previous,
        )
        for start in range(0, len(rows), BATCH_SIZE):
            ListedEntity.objects.bulk_create(
                [
                    ListedEntity(version=version, fingerprint=fingerprint(r), **r)
                    for r in rows[start : start + BATCH_SIZE]
                ]
            )
            if progress:
                progress("writing", min(start + BATCH_SIZE, len(rows)), len(rows))
        diff = diff_versions(previous, version) if previous else None
        version.diff_summary = diff.to_json(limit=SUMMARY_REFS) if diff else {"counts": {"added": len(rows)}}
        version.save(update_fields=["diff_summary"])
        ListSource.objects.filter(pk=source.pk).update(active_version=version)
        source.active_version = version
        audit.record(
            acting_user,
            Verb.LIST_VERSION_IMPORTED,
            version,
            data={
                "source": source.key,
                "file": version.file_name,
                "sha256": sha,
                "entities": len(rows),
                "replaces": previous.pk if previous else None,
                "diff": version.diff_summary.get("counts", {}),
            },
        )
        # Re-screen stored bulk screenings against the new lists once this version is committed.
        jobs.dispatch(jobs.RESCREEN_AFTER_LIST_CHANGE, version.pk)
    return ImportOutcome(source, version, diff, warnings=list(result.warnings))


def _fingerprints(version: ListVersion) -> dict[str, str]:
    return dict(ListedEntity.objects.filter(version=version).values_list("ref", "fingerprint").iterator(5000))


def diff_versions(
    old: ListVersion | None, new: ListVersion, *, detail: bool = True, detail_limit: int = 200
) -> ListDiff:
    """Entities added, removed and changed (same ref, another fingerprint) from `old` to `new`."""
    before = _fingerprints(old) if old is not None else {}
    after = _fingerprints(new)
    diff = ListDiff(
        added=sorted(after.keys() - before.keys()),
        removed=sorted(before.keys() - after.keys()),
        changed=sorted(r for r in after.keys() & before.keys() if after[r] != before[r]),
    )
    if detail and old is not None and diff.changed:
        diff.changed_fields = _changed_fields(old, new, diff.changed[:detail_limit])
    return diff


def _changed_fields(old: ListVersion, new: ListVersion, refs: list[str]) -> dict[str, list[str]]:
    def rows(version: ListVersion) -> dict[str, dict[str, Any]]:
        return {
            r["ref"]: r
            for r in ListedEntity.objects.filter(version=version, ref__in=refs).values(
                "ref", *COMPARED_FIELDS
            )
        }

    before, after = rows(old), rows(new)
    return {
        ref: [f for f in COMPARED_FIELDS if before[ref][f] != after[ref][f]]
        for ref in refs
        if ref in before and ref in after
    }


def status() -> list[dict[str, Any]]:
    """Every source with its active version (or none yet)."""
    out = []
    for source in ensure_sources().values():
        v = (
            ListVersion.objects.filter(pk=source.active_version_id).first()
            if source.active_version_id
            else None
        )
        out.append(
            {
                "source": source.key,
                "name": source.name,
                "format": source.format,
                "version": v.pk if v else None,
                "file": v.file_name if v else None,
                "sha256": v.sha256 if v else None,
                "entities": v.entity_count if v else 0,
                "by_schema": v.count_by_schema if v else {},
                "imported_at": v.imported_at.isoformat() if v else None,
                "versions": ListVersion.objects.filter(source=source).count(),
            }
        )
    return sorted(out, key=lambda r: r["source"])


def latest_diffs(source_key: str | None = None) -> Iterator[tuple[ListSource, ListVersion, ListDiff]]:
    """The change each active version brought over the version before it."""
    sources = ensure_sources()
    keys = [source_key] if source_key else sorted(sources)
    for key in keys:
        source = get_source(key)
        if source.active_version_id is None:
            continue
        version = ListVersion.objects.select_related("previous").get(pk=source.active_version_id)
        yield source, version, diff_versions(version.previous, version)
