"""Bulk screening: a CSV of parties screened as a background job, and re-runs when a list changes.

The job reads the uploaded CSV (columns `name`, and optionally `id`, `type`, `country`,
`birth_date`), screens every row against the index of the lists in force, and writes a result CSV
with one line per hit (and per bad row). A re-run after a new list version reports only the hits
that the run before it did not have.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator
from typing import IO, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from dualuse.core import audit
from dualuse.core.errors import DomainError
from dualuse.core.models import Verb
from dualuse.screening import jobs
from dualuse.screening.access import access_screening
from dualuse.screening.errors import InvalidBulkFile
from dualuse.screening.models import BulkScreening, BulkTrigger, JobStatus, ListedEntity
from dualuse.screening.services.index import current_index
from dualuse.screening.services.screening import match_party, party_query

MAX_ROWS = 200_000
PROGRESS_EVERY = 250
COLUMNS = ("id", "name", "type", "country", "birth_date")
_ALIASES = {
    "schema": "type",
    "kind": "type",
    "dob": "birth_date",
    "birthdate": "birth_date",
    "date_of_birth": "birth_date",
    "nationality": "country",
}
RESULT_COLUMNS = [
    "row",
    "id",
    "name",
    "type",
    "country",
    "birth_date",
    "entity",
    "caption",
    "score",
    "matched_name",
    "features",
    "error",
]


def _header(raw: list[str]) -> list[str]:
    cleaned = [h.strip().lstrip("\ufeff").lower().replace(" ", "_") for h in raw]
    return [_ALIASES.get(h, h) for h in cleaned]


def _rows(handle: IO[bytes]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row; the header is line 1."""
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    header = _header(next(reader, []))
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        yield reader.line_num, {h: v for h, v in zip(header, values, strict=False) if h}


def _check_upload(data: bytes, file_name: str) -> int:
    """The number of data rows; every problem with the file itself is an error before anything runs."""
    if not data:
        raise InvalidBulkFile(f"{file_name} is empty", field="file")
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise InvalidBulkFile(f"{file_name} is larger than {settings.UPLOAD_MAX_BYTES} bytes", field="file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidBulkFile(f"{file_name} is not UTF-8 text (byte {exc.start})", field="file") from exc
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = _header(next(reader, []))
        if "name" not in header:
            raise InvalidBulkFile(
                f"{file_name}: the first line must be a header with a `name` column "
                f"(and optionally {', '.join(c for c in COLUMNS if c != 'name')})",
                field="file",
            )
        count = sum(1 for values in reader if any(v.strip() for v in values))
    except csv.Error as exc:
        raise InvalidBulkFile(f"{file_name}: not a readable CSV file ({exc})", field="file") from exc
    if count == 0:
        raise InvalidBulkFile(f"{file_name} has a header but no parties", field="file")
    if count > MAX_ROWS:
        raise InvalidBulkFile(f"{file_name} has {count} rows; at most {MAX_ROWS} per file", field="file")
    return count


def create_bulk_screening(data: bytes, file_name: str, *, acting_user: Any) -> BulkScreening:
    """Store the upload and queue the job; the job runs after this transaction commits."""
    access_screening(acting_user)
    file_name = (file_name or "parties.csv").rsplit("/", 1)[-1][:300]
    total = _check_upload(data, file_name)
    path = default_storage.save(f"screening/bulk/{uuid.uuid4().hex}.csv", ContentFile(data))
    with transaction.atomic():
        job = BulkScreening.objects.create(
            organisation_id=acting_user.organisation_id,
            user=acting_user,
            file_name=file_name,
            input_file=path,
            total=total,
        )
        audit.record(
            acting_user, Verb.SCREENING_RUN, job, data={"bulk": True, "rows": total, "file": file_name}
        )
        jobs.dispatch(jobs.RUN_BULK_SCREENING, job.pk)
    return job


@jobs.job(jobs.RUN_BULK_SCREENING)
def run_bulk_screening(job_id: int) -> None:
    """Screen every row; progress is written as it goes, so the page can show it."""
    claimed = BulkScreening.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=timezone.now()
    )
    if not claimed:  # another worker has it, or it ran already (a redelivered task)
        return
    job = BulkScreening.objects.select_related("rerun_of").get(pk=job_id)
    try:
        _run(job)
    except Exception as exc:
        message = exc.message if isinstance(exc, DomainError) else f"{type(exc).__name__}: {exc}"
        BulkScreening.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, error=message[:2000], finished_at=timezone.now()
        )
        raise


def _run(job: BulkScreening) -> None:
    active = current_index()
    job.list_versions.set(active.version_ids)
    previous = {tuple(k) for k in job.rerun_of.hit_keys} if job.rerun_of else None
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(RESULT_COLUMNS)
    keys: list[list[str]] = []
    reported = errors = done = 0
    with default_storage.open(job.input_file, "rb") as handle:
        for line, row in _rows(handle):
            row_id = (row.get("id") or "").strip() or str(line)
            base = [
                line,
                row_id,
                row.get("name", ""),
                row.get("type", ""),
                row.get("country", ""),
                row.get("birth_date", ""),
            ]
            try:
                query = party_query(
                    row.get("name"),
                    row.get("type") or None,
                    row.get("country") or None,
                    row.get("birth_date") or None,
                )
            except DomainError as exc:
                errors += 1
                if previous is None:  # a re-run reports what is new; bad rows were reported the first time
                    writer.writerow([*base, "", "", "", "", "", exc.message])
            else:
                for hit in match_party(query, index=active):
                    keys.append([row_id, hit.ref])
                    if previous is not None and (row_id, hit.ref) in previous:
                        continue
                    reported += 1
                    name = hit.explanation.get("name", {})
                    matched = name.get("matched", "") if isinstance(name, dict) else ""
                    features = "; ".join(f"{k}" for k in hit.explanation if k != "name")
                    writer.writerow([*base, hit.ref, "", f"{hit.score:.4f}", matched, features, ""])
            done += 1
            if done % PROGRESS_EVERY == 0:
                BulkScreening.objects.filter(pk=job.pk).update(done=done)
    path = default_storage.save(
        f"screening/results/{uuid.uuid4().hex}.csv",
        ContentFile(_with_captions(out.getvalue(), active.version_ids).encode("utf-8")),
    )
    BulkScreening.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE,
        done=done,
        total=done,
        result_file=path,
        hit_keys=keys,
        hit_count=len(keys),
        new_hit_count=reported,
        row_errors=errors,
        finished_at=timezone.now(),
    )


def _with_captions(text: str, version_ids: list[int]) -> str:
    """Fill the caption column (one query for all hit entities, not one per hit)."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    refs = {r[6] for r in rows[1:] if r[6]}
    if not refs:
        return text
    captions = dict(
        ListedEntity.objects.filter(version_id__in=version_ids, ref__in=refs).values_list("ref", "caption")
    )
    out = io.StringIO()
    writer = csv.writer(out)
    for i, r in enumerate(rows):
        if i and r[6]:
            r[7] = captions.get(r[6], "")
        writer.writerow(r)
    return out.getvalue()


def result_bytes(job: BulkScreening) -> bytes:
    with default_storage.open(job.result_file, "rb") as handle:
        return bytes(handle.read())


@jobs.job(jobs.RESCREEN_AFTER_LIST_CHANGE)
def rescreen_after_list_change(version_id: int) -> list[int]:
    """Queue a re-run of the latest finished run of every bulk screening that did not use this version."""
    superseded = BulkScreening.objects.filter(rerun_of=OuterRef("pk")).exclude(status=JobStatus.FAILED)
    heads = (
        BulkScreening.objects.filter(status=JobStatus.DONE)
        .exclude(Exists(superseded))
        .exclude(list_versions__pk=version_id)
    )
    created = []
    for head in heads:
        with transaction.atomic():
            job = BulkScreening.objects.create(
                organisation_id=head.organisation_id,
                user_id=head.user_id,
                file_name=head.file_name,
                input_file=head.input_file,
                total=head.total,
                trigger=BulkTrigger.LIST_CHANGE,
                rerun_of=head,
            )
            audit.record(
                None,
                Verb.SCREENING_RUN,
                job,
                data={"bulk": True, "rerun_of": head.pk, "list_version": version_id},
            )
            jobs.dispatch(jobs.RUN_BULK_SCREENING, job.pk)
        created.append(job.pk)
    return created
