"""The EU-wide cyber-surveillance list: publication, review, downloads and the adapters that feed
determinations (a rule source) and screening (list source `eu-cyber`, as FollowTheMoney entities)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from dualuse.cooperation import access
from dualuse.cooperation.errors import CooperationInvalid, WrongState
from dualuse.cooperation.models import CatchAllRule, EntryStatus, EUListEntry, EUListProposal
from dualuse.cooperation.services.common import add_years, require_text, today
from dualuse.core import audit
from dualuse.core.models import Verb
from dualuse.determination.rules.sources import CyberSurveillanceList
from dualuse.screening.services.lists import import_list_file

SOURCE_KEY = "eu-cyber"
LAW_NOTE = (
    "Art 5(6) Regulation (EU) 2021/821 (the law): published because all Member States agreed that "
    "essentially identical transactions need an authorisation."
)
PROPOSAL_NOTE = (
    "European Parliament first-reading position of 17 January 2018 (a proposal, NOT the law): listed "
    "because no qualified majority of the other Member States objected."
)
RULE_NOTES = {CatchAllRule.ART5_6: LAW_NOTE, CatchAllRule.OBJECTION_QMV: PROPOSAL_NOTE}


def publish_entry(proposal: EUListProposal, user: Any, day: date) -> EUListEntry:
    """Called in the transaction that records a `published` / `listed` outcome."""
    notification = proposal.notification
    rule = CatchAllRule(proposal.rule)
    year_count = EUListEntry.objects.filter(reference__startswith=f"EU-CS-{day.year}-").count()
    basis = "Art 5(6)" if rule == CatchAllRule.ART5_6 else "EP 2018 first-reading position (not the law)"
    entry = EUListEntry.objects.create(
        reference=f"EU-CS-{day.year}-{year_count + 1:03d}",
        proposal=proposal,
        item_name=notification.item_name,
        item_description=notification.item_description,
        parameters=notification.parameters,
        related_entry_codes=notification.related_entry_codes,
        keywords=[notification.item_name.lower()],
        destinations=[notification.destination] if notification.destination else [],
        # Art 5(4): the entities are shared unless that is inappropriate; then they are not published either.
        entities=notification.entities if notification.share_entities else [],
        rule=rule,
        legal_basis=f"{basis}; requirement imposed by {notification.member_state} (Art 5(1)/(2), 5(4)); {proposal.reference}",
        listed_on=day,
        review_due=add_years(day, 1),  # Art 5(7): reviewed at least once a year
    )
    audit.record(user, Verb.EU_LIST_CHANGED, entry, data={"action": "published", "rule": rule.value})
    # The published entities become the screening source `eu-cyber` once this transaction commits.
    transaction.on_commit(
        partial(sync_screening_source, None), robust=True
    )  # the system re-publishes the source
    return entry


def review_entry(
    entry: EUListEntry, *, acting_user: Any, action: str, note: str, on: date | None = None
) -> EUListEntry:
    """Art 5(7): the Commission renews (another year) or withdraws a published entry.

    Under `art5_6` a renewal or an amendment needs all Member States to agree; the Commission records
    that agreement here (a new vote per renewal is not modelled).
    """
    access.access_commission(acting_user)
    if action not in {"renew", "withdraw"}:
        raise CooperationInvalid("action: expected renew or withdraw", field="action")
    note = require_text(note, "note")
    day = on or today()
    with transaction.atomic():
        entry = EUListEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.status != EntryStatus.PUBLISHED:
            raise WrongState(f"{entry.reference} is withdrawn")
        if action == "renew":
            entry.review_due = add_years(day, 1)
        else:
            entry.status = EntryStatus.WITHDRAWN
        entry.save()
        audit.record(acting_user, Verb.EU_LIST_CHANGED, entry, data={"action": action, "note": note})
        transaction.on_commit(partial(sync_screening_source, None), robust=True)
    return entry


# --- public representations ------------------------------------------------------------------


def entry_json(entry: EUListEntry) -> dict[str, Any]:
    """The public record of one entry (nothing here is confidential: it is what was published)."""
    rule = CatchAllRule(entry.rule)
    return {
        "reference": entry.reference,
        "item_name": entry.item_name,
        "item_description": entry.item_description,
        "parameters": entry.parameters,
        "related_entry_codes": entry.related_entry_codes,
        "destinations": entry.destinations,
        "entities": [
            {
                "name": e.get("name", ""),
                "country": e.get("country", ""),
                "identifiers": e.get("identifiers", {}),
            }
            for e in entry.entities
        ],
        "rule": rule.value,
        "rule_label": str(rule.label),
        "rule_note": RULE_NOTES[rule],
        "legal_basis": entry.legal_basis,
        "listed_on": entry.listed_on.isoformat(),
        "review_due": entry.review_due.isoformat(),
        "status": entry.status,
    }


CSV_FIELDS = [
    "reference",
    "item_name",
    "item_description",
    "parameters",
    "related_entry_codes",
    "destinations",
    "entities",
    "rule",
    "rule_label",
    "legal_basis",
    "listed_on",
    "review_due",
    "status",
]


def csv_text(entries: Iterable[EUListEntry]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        row = entry_json(entry)
        row["parameters"] = json.dumps(row["parameters"], ensure_ascii=False, sort_keys=True)
        row["related_entry_codes"] = ";".join(row["related_entry_codes"])
        row["destinations"] = ";".join(row["destinations"])
        row["entities"] = ";".join(
            f"{e['name']} ({e['country']})" if e["country"] else e["name"] for e in row["entities"]
        )
        writer.writerow({k: row[k] for k in CSV_FIELDS})
    return out.getvalue()


def json_document(entries: Iterable[EUListEntry]) -> dict[str, Any]:
    return {
        "list": "EU-wide cyber-surveillance list",
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "rules": {rule.value: RULE_NOTES[rule] for rule in CatchAllRule},
        "entries": [entry_json(e) for e in entries],
    }


_ID_PROPS = {"lei": "leiCode", "vat": "vatCode", "tax": "taxNumber", "inn": "innCode", "ogrn": "ogrnCode"}


def ftm_entities(entries: Iterable[EUListEntry]) -> Iterator[dict[str, Any]]:
    """FollowTheMoney: each listed entity a target `Company`, with a `Sanction` naming the entry."""
    for entry in entries:
        rule = CatchAllRule(entry.rule)
        for i, entity in enumerate(entry.entities, start=1):
            ident = f"{SOURCE_KEY}-{entry.reference.lower()}-{i}"
            props: dict[str, list[str]] = {"name": [entity.get("name", "")]}
            if entity.get("aliases"):
                props["alias"] = list(entity["aliases"])
            if entity.get("country"):
                props["country"] = [entity["country"].lower()]
            for scheme, value in (entity.get("identifiers") or {}).items():
                props.setdefault(_ID_PROPS.get(scheme.lower(), "registrationNumber"), []).append(value)
            props["notes"] = [f"{entry.reference}: {entry.item_name}. {RULE_NOTES[rule]}"]
            yield {
                "id": ident,
                "schema": "Company",
                "target": True,
                "datasets": [SOURCE_KEY],
                "properties": props,
            }
            yield {
                "id": f"{ident}-sanction",
                "schema": "Sanction",
                "datasets": [SOURCE_KEY],
                "properties": {
                    "entity": [ident],
                    "programId": [entry.reference],
                    "program": [f"EU-wide cyber-surveillance list ({rule.label})"],
                    "listingDate": [entry.listed_on.isoformat()],
                    "reason": [entry.item_name],
                    "sourceUrl": [f"/eu-list/{entry.reference}/"],
                },
            }


def ftm_lines(entries: Iterable[EUListEntry]) -> str:
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in ftm_entities(entries))


# --- adapters for the other apps --------------------------------------------------------------


def rule_sources(entries: Iterable[EUListEntry] | None = None) -> tuple[CyberSurveillanceList, ...]:
    """The published entries as determination rule sources: one per rule and destination set.

    Items on the list are non-listed cyber-surveillance items (Art 5), so they are recognised by
    their related Annex I codes, if any, and by keywords in the line's description.
    """
    rows = list(EUListEntry.objects.published() if entries is None else entries)
    groups: dict[tuple[str, frozenset[str] | None], tuple[dict[str, str], dict[str, str]]] = {}
    for entry in rows:
        if entry.status != EntryStatus.PUBLISHED:
            continue
        destinations = frozenset(entry.destinations) if entry.destinations else None
        codes, keywords = groups.setdefault((entry.rule, destinations), ({}, {}))
        for code in entry.related_entry_codes:
            codes.setdefault(code, entry.reference)
        for word in {entry.item_name.lower(), *(k.lower() for k in entry.keywords)}:
            if word.strip():
                keywords.setdefault(word.strip(), entry.reference)
    sources = []
    for (rule, destinations), (codes, keywords) in sorted(
        groups.items(), key=lambda g: (g[0][0], sorted(g[0][1] or []))
    ):
        law = rule == CatchAllRule.ART5_6
        sources.append(
            CyberSurveillanceList(
                name=SOURCE_KEY,
                mode="law" if law else "proposal",
                codes=codes,
                keywords=keywords,
                destinations=destinations,
                basis="Art 5(6)" if law else "EP 2018 first-reading position (not the law)",
            )
        )
    return tuple(sources)


def sync_screening_source(acting_user: Any = None) -> Any:
    """Import the published entities as the screening list source `eu-cyber` (a new version when changed).

    Returns the screening `ImportOutcome`, or None when nothing is published.
    """
    text = ftm_lines(EUListEntry.objects.published())
    if not text:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "eu-cyber.ftm.json"
        path.write_text(text, encoding="utf-8")
        return import_list_file(SOURCE_KEY, path, "opensanctions", acting_user=acting_user)
