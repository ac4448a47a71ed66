"""The exporter's writes: drafting, documents, lodging (Art 12(1)) and withdrawing an application."""

from __future__ import annotations

import hashlib
from datetime import date
from functools import partial
from typing import IO, Any

from django.conf import settings
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from dualuse.accounts.models import Organisation, OrgKind
from dualuse.controllist.models import ControlEntry, ControlListVersion
from dualuse.core import audit
from dualuse.core.calendar import add_working_days
from dualuse.core.countries import is_country, normalise_code
from dualuse.core.errors import NotFound, Problem
from dualuse.core.models import Verb
from dualuse.diligence.services.programme import has_compliance_programme
from dualuse.licensing import access, completeness, filetypes, integrations
from dualuse.licensing.errors import (
    ApplicationIncomplete,
    ApplicationNotEditable,
    DocumentRejected,
    NoCompetentAuthority,
    NotAllowed,
)
from dualuse.licensing.inputs import ApplicationInput
from dualuse.licensing.models import Application, ApplicationLine, ApplicationType, Document, Party
from dualuse.licensing.services.common import check_transition, lock_application, move
from dualuse.licensing.workflow import Actor, Status

EDITABLE = {Status.DRAFT}
DOCUMENTS_OPEN = {Status.DRAFT, Status.AWAITING_INFORMATION, Status.UNDER_ASSESSMENT}


def competent_authority(exporter: Organisation) -> Organisation:
    """Art 12(1): the competent authority of the Member State where the exporter is established."""
    authority = (
        Organisation.objects.filter(
            kind=OrgKind.AUTHORITY, member_state=normalise_code(exporter.member_state)
        )
        .order_by("pk")
        .first()
    )
    if authority is None:
        raise NoCompetentAuthority(
            f"no competent authority is registered for {exporter.member_state or 'your Member State'}"
        )
    return authority


def _write_children(application: Application, data: ApplicationInput) -> None:
    application.lines.all().delete()
    application.parties.all().delete()
    ApplicationLine.objects.bulk_create(
        ApplicationLine(
            application=application,
            position=i,
            description=line.description.strip()[:500],
            entry_code=line.entry_code.strip()[:40],
            not_listed=line.not_listed,
            quantity=line.quantity if line.quantity is not None else 0,
            unit=line.unit.strip()[:20],
            value_eur=line.value_eur if line.value_eur is not None else 0,
            destination=normalise_code(line.destination)[:2],
        )
        for i, line in enumerate(data.lines, start=1)
    )
    Party.objects.bulk_create(
        Party(
            application=application,
            role=p.role,
            kind=p.kind,
            name=p.name.strip()[:300],
            address=p.address.strip()[:500],
            country=normalise_code(p.country)[:2],
        )
        for p in data.parties
    )


def _header(application: Application, data: ApplicationInput) -> None:
    application.type, application.activity = data.type, data.activity
    application.title = data.title.strip()[:200]
    application.end_use = data.end_use.strip()
    application.project_description = data.project_description.strip()
    application.items_located_in = normalise_code(data.items_located_in)[:2]
    application.due_diligence_record_id = data.due_diligence_record_id


def create_application(data: ApplicationInput, *, acting_user: Any) -> Application:
    """A draft, filed with the competent authority of the exporter's state (Art 12(1))."""
    if not access.is_exporter(acting_user):
        raise NotAllowed("only exporter users draft applications")
    exporter = acting_user.organisation
    authority = competent_authority(exporter)
    with transaction.atomic():
        application = Application(exporter=exporter, authority=authority, created_by=acting_user)
        _header(application, data)
        application.save()
        _write_children(application, data)
        audit.record(
            acting_user,
            Verb.APPLICATION_CREATED,
            application,
            data={"lines": len(data.lines), "parties": len(data.parties)},
        )
    return application


def update_application(application: Application, data: ApplicationInput, *, acting_user: Any) -> Application:
    """Replace the draft's header, lines and parties (documents stay)."""
    access.access_exporter_action(acting_user, application.exporter_id)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        if Status(application.status) not in EDITABLE:
            raise ApplicationNotEditable(f"a {application.status_label.lower()} application cannot be edited")
        _header(application, data)
        application.save()
        _write_children(application, data)
        audit.record(
            acting_user,
            Verb.APPLICATION_CHANGED,
            application,
            data={"lines": len(data.lines), "parties": len(data.parties)},
        )
    return application


def _known_entries(codes: set[str]) -> dict[str, ControlEntry]:
    version = ControlListVersion.objects.active()
    if version is None or not codes:
        return {}
    return {e.code: e for e in ControlEntry.objects.filter(version=version, code__in=codes)}


def draft_of(application: Application) -> completeness.ApplicationDraft:
    lines = list(application.lines.all())
    return completeness.ApplicationDraft(
        type=application.type,
        activity=application.activity,
        end_use=application.end_use,
        project_description=application.project_description,
        items_located_in=application.items_located_in,
        lines=[
            completeness.LineDraft(
                line.description,
                line.entry_code,
                line.not_listed,
                line.quantity,
                line.unit,
                line.value_eur,
                line.destination,
            )
            for line in lines
        ],
        parties=[
            completeness.PartyDraft(p.role, p.kind, p.name, p.country, p.address)
            for p in application.parties.all()
        ],
        document_kinds=[d.kind for d in application.documents.all()],
    )


def problems_of(application: Application) -> list[Problem]:
    """Every problem that stops this application from being lodged (shown on the draft page, too)."""
    draft = draft_of(application)
    known = _known_entries({line.entry_code.strip() for line in draft.lines if line.entry_code.strip()})
    return completeness.problems(draft, is_entry=lambda code: code in known, is_country=is_country)


def _search_text(application: Application) -> str:
    parts = [application.reference, application.exporter.name, application.title]
    parts += [p.name for p in application.parties.all()]
    parts += [f"{line.entry_code} {line.destination}" for line in application.lines.all()]
    return " ".join(parts).lower()


def _attach_checks(application: Application, acting_user: Any) -> None:
    """Screen the parties and determine the lines; results (or why not run) are stored with the case."""
    with transaction.atomic():  # a savepoint: a collaborator's database error cannot poison the submission
        screenings = integrations.screen_parties(application, acting_user=acting_user)
        for s in screenings:
            Party.objects.filter(pk=s.party_id, application=application).update(
                screening_status=s.status, screening_hits=s.hits, screening_note=s.note[:300]
            )
        determinations = integrations.determine_lines(application, acting_user=acting_user)
        for d in determinations:
            ApplicationLine.objects.filter(pk=d.line_id, application=application).update(
                determination_status=d.status, determination=d.result or {"note": d.note}
            )
    notes = {s.note for s in screenings if s.note and not s.note.startswith("screening #")}
    application.screening_note = "; ".join(sorted(notes))[:300]
    application.determination_note = "; ".join(sorted({d.note for d in determinations if d.note}))[:300]
    audit.record(
        acting_user,
        Verb.APPLICATION_SCREENED,
        application,
        data={
            "parties": {s.party_id: s.status for s in screenings},
            "lines": {d.line_id: d.status for d in determinations},
        },
    )


def submit_application(
    application: Application, *, acting_user: Any, today: date | None = None
) -> Application:
    """The exporter lodges the application with its authority (Art 12(1))."""
    access.access_exporter_action(acting_user, application.exporter_id)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        check_transition(application, Status.SUBMITTED, Actor.EXPORTER)
        problems = problems_of(application)  # all of them, not the first
        if application.type == ApplicationType.GLOBAL and not has_compliance_programme(application.exporter):
            # Art 12(4): a global authorisation presupposes an internal compliance programme.
            problems.append(
                Problem(
                    "type",
                    "a global authorisation needs your internal compliance programme "
                    "(all seven elements of Recommendation (EU) 2019/1318) on record",
                )
            )
        if problems:
            raise ApplicationIncomplete(problems)
        known = _known_entries({line.entry_code for line in application.lines.all() if line.entry_code})
        for line in application.lines.all():
            entry = known.get(line.entry_code)
            ApplicationLine.objects.filter(pk=line.pk).update(
                control_entry=entry, cyber_surveillance=bool(entry and entry.cyber_surveillance)
            )
        now = timezone.now()
        start = today or timezone.localdate()
        target = add_working_days(
            start, settings.CASE_TARGET_WORKING_DAYS, application.authority.member_state or "BE"
        )
        move(
            application,
            Status.SUBMITTED,
            Actor.EXPORTER,
            acting_user,
            Verb.APPLICATION_SUBMITTED,
            fields={"submitted_at": now, "target_date": target, "search_text": _search_text(application)},
        )
        _attach_checks(application, acting_user)
        application.save(update_fields=["screening_note", "determination_note"])
    return application


def withdraw_application(application: Application, *, acting_user: Any) -> Application:
    """The exporter withdraws before a decision (DESIGN §3)."""
    access.access_exporter_action(acting_user, application.exporter_id)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        move(
            application,
            Status.WITHDRAWN,
            Actor.EXPORTER,
            acting_user,
            Verb.APPLICATION_WITHDRAWN,
            fields={"withdrawn_at": timezone.now()},
        )
    return application


def add_document(
    application: Application, *, name: str, stream: IO[bytes], size: int, kind: str, acting_user: Any
) -> Document:
    """Store a checked document through Django's storage API (type from its bytes, size limit)."""
    access.access_exporter_action(acting_user, application.exporter_id)
    content_type, why = filetypes.check(name, stream, size, settings.UPLOAD_MAX_BYTES)  # type: ignore[arg-type]
    if content_type is None:
        raise DocumentRejected(why, field="file")
    if kind not in {c for c, _ in Document._meta.get_field("kind").choices or []}:  # type: ignore[union-attr]
        raise DocumentRejected(f"{kind!r} is not a document kind", field="kind")
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(65536), b""):
        digest.update(chunk)
    stream.seek(0)
    with transaction.atomic():
        application = lock_application(application, acting_user)
        if Status(application.status) not in DOCUMENTS_OPEN:
            raise ApplicationNotEditable(
                f"documents cannot be added to a {application.status_label.lower()} case"
            )
        document = Document(
            application=application,
            kind=kind,
            original_name=name[-200:],
            content_type=content_type,
            size=size,
            sha256=digest.hexdigest(),
            uploaded_by=acting_user,
        )
        document.file.save(name, File(stream), save=False)
        document.save()
        audit.record(
            acting_user,
            Verb.DOCUMENT_UPLOADED,
            application,
            data={"document": document.pk, "kind": kind, "sha256": document.sha256, "size": size},
        )
    return document


def remove_document(document: Document, *, acting_user: Any) -> None:
    access.access_exporter_action(acting_user, document.application.exporter_id)
    with transaction.atomic():
        application = lock_application(document.application_id, acting_user)
        if Status(application.status) != Status.DRAFT:
            raise ApplicationNotEditable("documents of a lodged application are kept")
        found = Document.objects.filter(pk=document.pk, application=application).first()
        if found is None:
            raise NotFound("no such document")
        storage, storage_name = found.file.storage, found.file.name or ""
        found.delete()
        audit.record(acting_user, Verb.DOCUMENT_REMOVED, application, data={"document": document.pk})
        if storage_name:
            transaction.on_commit(partial(storage.delete, storage_name))
