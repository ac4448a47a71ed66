"""Due-diligence records: create, new version, attach to an application, the Art 5(2) hand-over."""

from __future__ import annotations

import logging
from datetime import date
from functools import partial
from typing import Any

from django.db import transaction

from dualuse.cooperation.services.catchall import notify_catch_all
from dualuse.core import audit
from dualuse.core.errors import DomainError, Problem
from dualuse.core.models import Verb
from dualuse.diligence import access, notify
from dualuse.diligence.errors import InvalidRecord, NotAllowed
from dualuse.diligence.models import DueDiligenceRecord, NotificationStatus, RecordVersion
from dualuse.diligence.steps import Conclusion, clean_record, flags_raised
from dualuse.screening.services.screening import party_query, screen_party

RETENTION_YEARS = 5  # Art 27(3)
logger = logging.getLogger("dualuse.diligence")


def retain_until(transaction_date: date) -> date:
    """Art 27(3): at least five years from the end of the calendar year of the export."""
    return date(transaction_date.year + RETENTION_YEARS, 12, 31)


def _validated(content: Any) -> dict[str, Any]:
    cleaned, problems = clean_record(content)
    if problems:
        shown = "; ".join(str(p) for p in problems[:10])
        raise InvalidRecord(f"the record is incomplete: {shown}", field=problems[0].where, problems=problems)
    return cleaned


def _screen_stakeholders(content: dict[str, Any], acting_user: Any) -> dict[str, Any]:
    """Step 3.3: screen the end user and every intermediary named (one a line) against the lists in
    force; a failure to screen is recorded, never hidden."""
    names = [(content["end_user_name"], "end user")]
    names += [
        (line.strip(), "intermediary")
        for line in content.get("intermediaries", "").splitlines()
        if line.strip()
    ]
    results = []
    for name, role in names[:10]:
        try:
            query = party_query(name, country=content["destination"] or None)
            run = screen_party(query, acting_user=acting_user)
        except DomainError as exc:
            results.append({"name": name, "role": role, "status": "not_run", "note": exc.message})
            continue
        results.append(
            {
                "name": name,
                "role": role,
                "status": "hits" if run.hit_count else "clear",
                "screening": run.pk,
                "hits": [h.get("caption", "") for h in run.hits[:5]],
            }
        )
    return {"parties": results}


def _apply(record: DueDiligenceRecord, content: dict[str, Any]) -> None:
    record.coverage = content["coverage"]
    record.entry_code = content["entry_code"]
    record.destination = content["destination"]
    record.conclusion = content["conclusion"]


def _starts_notification(record: DueDiligenceRecord, content: dict[str, Any]) -> bool:
    """Art 5(2): a "notify" conclusion starts the catch-all notification, once per record."""
    if content["conclusion"] == Conclusion.NOTIFY and record.notification_status == NotificationStatus.NONE:
        record.notification_status = NotificationStatus.PENDING
        return True
    return False


def create_record(
    content: Any, *, reference: str, transaction_date: date, acting_user: Any, application: Any = None
) -> DueDiligenceRecord:
    access.access_record_write(acting_user)
    reference = (reference or "").strip()
    if not reference or len(reference) > 120:
        raise InvalidRecord(
            "give your transaction reference (at most 120 characters)",
            field="reference",
            problems=[Problem("reference", "is required")],
        )
    cleaned = _validated(content)
    if application is not None and application.exporter_id != acting_user.organisation_id:
        raise NotAllowed("a record is attached to the exporter's own applications only", field="application")
    cleaned["screening"] = _screen_stakeholders(cleaned, acting_user)
    with transaction.atomic():
        record = DueDiligenceRecord(
            exporter_id=acting_user.organisation_id,
            created_by=acting_user,
            reference=reference,
            application=application,
            version=1,
            transaction_date=transaction_date,
            retain_until=retain_until(transaction_date),
        )
        _apply(record, cleaned)
        notifies = _starts_notification(record, cleaned)
        record.save()
        if notifies:
            transaction.on_commit(partial(hand_over_notification, record.pk))
        RecordVersion.objects.create(record=record, number=1, content=cleaned, created_by=acting_user)
        audit.record(
            acting_user,
            Verb.DILIGENCE_SAVED,
            record,
            data={"version": 1, "conclusion": record.conclusion, "coverage": record.coverage},
        )
    return record


def save_version(record: DueDiligenceRecord, content: Any, *, acting_user: Any) -> DueDiligenceRecord:
    """A new immutable version; the earlier ones stay as they were (Art 27 records)."""
    access.access_record_write(acting_user, record.exporter_id)
    cleaned = _validated(content)
    cleaned["screening"] = _screen_stakeholders(cleaned, acting_user)
    with transaction.atomic():
        record = DueDiligenceRecord.objects.select_for_update().get(pk=record.pk)
        record.version += 1
        _apply(record, cleaned)
        notifies = _starts_notification(record, cleaned)
        record.save()
        if notifies:
            transaction.on_commit(partial(hand_over_notification, record.pk))
        RecordVersion.objects.create(
            record=record, number=record.version, content=cleaned, created_by=acting_user
        )
        audit.record(
            acting_user,
            Verb.DILIGENCE_SAVED,
            record,
            data={"version": record.version, "conclusion": record.conclusion},
        )
    return record


def attach_record(record: DueDiligenceRecord, application: Any, *, acting_user: Any) -> DueDiligenceRecord:
    """Attach the record to one of the exporter's applications (DESIGN §3: part of the case file)."""
    access.access_record_write(acting_user, record.exporter_id)
    if application.exporter_id != record.exporter_id:
        raise NotAllowed("a record is attached to the exporter's own applications only", field="application")
    with transaction.atomic():
        DueDiligenceRecord.objects.filter(pk=record.pk).update(application=application)
        record.application = application
        audit.record(acting_user, Verb.DILIGENCE_SAVED, record, data={"attached_to": application.pk})
    return record


def records_for_application(application: Any) -> list[DueDiligenceRecord]:
    """The records attached to a case (the caller scoped the application)."""
    return list(DueDiligenceRecord.objects.filter(application_id=application.pk).order_by("pk"))


def pending_notifications() -> list[DueDiligenceRecord]:
    """Records concluding "notify" whose Art 5(2) notification has not reached the cooperation app."""
    return list(
        DueDiligenceRecord.objects.filter(notification_status=NotificationStatus.PENDING).order_by("pk")
    )


def mark_notification_sent(record: DueDiligenceRecord, reference: str, *, acting_user: Any = None) -> None:
    """Called once the cooperation app has created the catch-all notification for this record."""
    with transaction.atomic():
        DueDiligenceRecord.objects.filter(pk=record.pk).update(
            notification_status=NotificationStatus.SENT, notification_reference=str(reference)[:60]
        )
        audit.record(acting_user, Verb.DILIGENCE_SAVED, record, data={"notification": str(reference)[:60]})


def notification_data(record: DueDiligenceRecord) -> tuple[Any, dict[str, Any]]:
    """The latest version as the cooperation app's catch-all notification (who notifies, and what)."""
    version = record.versions.select_related("created_by").order_by("-number").first()
    if version is None:
        raise InvalidRecord(f"{record.number} has no version")
    c = version.content
    entities = [{"role": "end_user", "name": c["end_user_name"], "country": c["destination"]}]
    entities += [
        {"role": "other", "name": line.strip(), "country": c["destination"]}
        for line in c.get("intermediaries", "").splitlines()
        if line.strip()
    ]
    concern = (
        f"{c['conclusion_reason']}\n\nHuman-rights situation: {c['human_rights_situation']}\n"
        f"Red flags raised: {', '.join(flags_raised(c)) or 'none'}\nDue-diligence record {record.number} "
        f"v{version.number} ({record.reference})."
    )
    data = {
        "item_name": c["item_description"][:200],
        "item_description": f"{c['item_description']}\n\n{c['capabilities']}",
        "concern": concern,
        "destination": c["destination"],
        "entities": entities,
        "related_entry_codes": [c["entry_code"]] if c.get("entry_code") else [],
    }
    return version.created_by, data


def notify_cooperation(record: DueDiligenceRecord) -> str:
    """Art 5(2) through the cooperation app: its catch-all notification, from the record's last author."""
    user, data = notification_data(record)
    notification = notify_catch_all(acting_user=user, data=data)
    return f"CA-{notification.pk}"


def hand_over_notification(record_id: int) -> None:
    """After commit: create the catch-all notification (the registered handler, by default the
    cooperation app's `notify_catch_all`). A failure leaves the record pending, never a 500."""
    handler = notify.current_handler() or notify_cooperation
    record = DueDiligenceRecord.objects.get(pk=record_id)
    if record.notification_status != NotificationStatus.PENDING:
        return
    try:
        reference = handler(record)
    except DomainError as exc:
        logger.warning("record %s: the Art 5(2) notification was not created: %s", record.number, exc.message)
        return
    if reference:
        mark_notification_sent(record, str(reference))
