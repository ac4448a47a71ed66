"""Civil-society evidence: submission, moderation, relevance to a case, and the officer's record that
it was considered. Submissions are never deleted: a rejected item stays with its reason."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any, cast

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from dualuse.core import audit
from dualuse.core.countries import is_country, normalise_code
from dualuse.core.errors import Problem
from dualuse.core.models import Verb
from dualuse.diligence import access
from dualuse.diligence.errors import (
    AlreadyModerated,
    EvidenceNotAccepted,
    InvalidConsideration,
    InvalidEvidence,
)
from dualuse.diligence.models import (
    Confidentiality,
    Evidence,
    EvidenceConsideration,
    EvidenceDocument,
    EvidenceStatus,
    HowConsidered,
)
from dualuse.diligence.relevance import CaseFacts, EvidenceFacts, Subject, relevant

# Magic bytes of the document types we accept; the uploaded name and type are not trusted.
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


@dataclass(frozen=True, slots=True)
class EvidenceDraft:
    subject: str
    title: str
    summary: str
    observed_on: date | None
    country: str = ""
    party_name: str = ""
    entry_code: str = ""
    sources: tuple[str, ...] = ()
    confidentiality: str = Confidentiality.AUTHORITIES


@dataclass(frozen=True, slots=True)
class Upload:
    name: str
    stream: IO[bytes]
    size: int


@dataclass
class CaseEvidence:
    """One accepted item of evidence relevant to a case, why, and what the officer recorded."""

    evidence: Evidence
    reasons: list[str]
    consideration: EvidenceConsideration | None = None
    documents: list[EvidenceDocument] = field(default_factory=list)


def _sniff(stream: IO[bytes]) -> str | None:
    head = stream.read(16)
    stream.seek(0)
    for magic, content_type in _SIGNATURES:
        if head.startswith(magic):
            return content_type
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text/plain"


def _check(draft: EvidenceDraft, uploads: list[Upload]) -> list[Problem]:
    problems: list[Problem] = []
    if draft.subject not in {s.value for s in Subject}:
        problems.append(Problem("subject", "must be destination, end_user or item_type"))
    if not draft.title.strip() or len(draft.title) > 200:
        problems.append(Problem("title", "is required (at most 200 characters)"))
    if len(draft.summary.strip()) < 20:
        problems.append(Problem("summary", "describe the evidence in at least 20 characters"))
    if draft.observed_on is None:
        problems.append(Problem("observed_on", "give the date the evidence speaks of"))
    elif draft.observed_on > timezone.localdate():
        problems.append(Problem("observed_on", "cannot be in the future"))
    if draft.country and not is_country(draft.country):
        problems.append(Problem("country", f"{draft.country!r} is not an ISO 3166-1 alpha-2 country code"))
    if draft.subject == Subject.DESTINATION and not draft.country:
        problems.append(Problem("country", "evidence about a destination names the country"))
    if draft.subject == Subject.END_USER and len(draft.party_name.strip()) < 2:
        problems.append(Problem("party_name", "evidence about an end user names it"))
    if draft.subject == Subject.ITEM_TYPE and not draft.entry_code.strip():
        problems.append(
            Problem("entry_code", "evidence about an item type gives an Annex I entry (e.g. 5A001)")
        )
    if draft.confidentiality not in {c.value for c in Confidentiality}:
        problems.append(Problem("confidentiality", "must be public or authorities"))
    if not draft.sources and not uploads:
        problems.append(Problem("sources", "give at least one source or a document"))
    for upload in uploads:
        if upload.size > settings.UPLOAD_MAX_BYTES:
            problems.append(
                Problem("documents", f"{upload.name}: larger than {settings.UPLOAD_MAX_BYTES} bytes")
            )
        elif _sniff(upload.stream) is None:
            problems.append(Problem("documents", f"{upload.name}: only PDF, PNG, JPEG or plain text"))
    return problems


def submit_evidence(
    draft: EvidenceDraft, *, acting_user: Any, uploads: list[Upload] | None = None
) -> Evidence:
    access.access_evidence_submit(acting_user)
    uploads = uploads or []
    draft = EvidenceDraft(
        subject=draft.subject,
        title=draft.title.strip(),
        summary=draft.summary.strip(),
        observed_on=draft.observed_on,
        country=normalise_code(draft.country) if draft.country else "",
        party_name=" ".join(draft.party_name.split())[:300],
        entry_code=draft.entry_code.strip()[:40],
        sources=tuple(s.strip()[:1000] for s in draft.sources if s.strip())[:50],
        confidentiality=draft.confidentiality,
    )
    problems = _check(draft, uploads)
    if problems:
        raise InvalidEvidence("; ".join(str(p) for p in problems), field=problems[0].where, problems=problems)
    with transaction.atomic():
        evidence = Evidence.objects.create(
            organisation_id=acting_user.organisation_id,
            submitted_by=acting_user,
            subject=draft.subject,
            country=draft.country,
            party_name=draft.party_name,
            entry_code=draft.entry_code,
            title=draft.title,
            summary=draft.summary,
            sources="\n".join(draft.sources),
            observed_on=cast(date, draft.observed_on),  # _check refused a missing date
            confidentiality=draft.confidentiality,
        )
        for upload in uploads:
            digest = hashlib.sha256()
            for chunk in iter(lambda u=upload: u.stream.read(65536), b""):  # type: ignore[misc]
                digest.update(chunk)
            upload.stream.seek(0)
            content_type = _sniff(upload.stream) or "application/octet-stream"
            document = EvidenceDocument(
                evidence=evidence,
                original_name=upload.name[-200:],
                size=upload.size,
                content_type=content_type,
                sha256=digest.hexdigest(),
            )
            document.file.save(upload.name, File(upload.stream), save=False)
            document.save()
        audit.record(
            acting_user,
            Verb.EVIDENCE_CHANGED,
            evidence,
            data={"action": "submitted", "subject": draft.subject, "documents": len(uploads)},
        )
    return evidence


def moderate_evidence(evidence: Evidence, *, accept: bool, note: str, acting_user: Any) -> Evidence:
    """An authority or the Commission accepts or declines a submission (with a reason the NGO sees)."""
    access.access_evidence_moderate(acting_user)
    note = (note or "").strip()
    if not accept and not note:
        raise InvalidEvidence("say why the evidence is not accepted", field="note")
    with transaction.atomic():
        evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
        if evidence.status != EvidenceStatus.SUBMITTED:
            raise AlreadyModerated(
                f"{evidence.number} was already moderated ({evidence.get_status_display()})"
            )
        evidence.status = EvidenceStatus.ACCEPTED if accept else EvidenceStatus.REJECTED
        evidence.moderation_note = note[:5000]
        evidence.moderated_by = acting_user
        evidence.moderated_at = timezone.now()
        evidence.save(update_fields=["status", "moderation_note", "moderated_by", "moderated_at"])
        audit.record(acting_user, Verb.EVIDENCE_CHANGED, evidence, data={"action": evidence.status})
    return evidence


def case_facts(application: Any) -> CaseFacts:
    lines = list(application.lines.all())
    parties = list(application.parties.all())
    destinations = {line.destination for line in lines if line.destination}
    destinations |= {p.country for p in parties if p.country}
    return CaseFacts(
        destinations=frozenset(normalise_code(d) for d in destinations),
        parties=tuple((p.name, p.country) for p in parties),
        entry_codes=frozenset(line.entry_code for line in lines if line.entry_code),
    )


def evidence_for_case(application: Any) -> list[CaseEvidence]:
    """Accepted evidence that concerns the case (by country, party name, entry code), each with the
    reasons and the consideration recorded so far. The caller has scoped the application."""
    facts = case_facts(application)
    candidates = (
        Evidence.objects.accepted()
        .filter(Q(country__in=facts.destinations) | ~Q(party_name="") | ~Q(entry_code=""))
        .prefetch_related("documents")
    )
    by_id = {e.pk: e for e in candidates}
    found = relevant(
        ((e.pk, EvidenceFacts(e.subject, e.country, e.party_name, e.entry_code)) for e in by_id.values()),
        facts,
    )
    considered = {
        c.evidence_id: c
        for c in EvidenceConsideration.objects.filter(application_id=application.pk).select_related(
            "considered_by"
        )
    }
    return [
        CaseEvidence(by_id[pk], why, considered.get(pk), list(by_id[pk].documents.all())) for pk, why in found
    ]


def missing_considerations(application: Any) -> list[Evidence]:
    """Relevant evidence without a recorded consideration: licensing blocks a decision proposal on it."""
    return [item.evidence for item in evidence_for_case(application) if item.consideration is None]


def record_consideration(
    evidence: Evidence, application: Any, *, how: str, note: str, acting_user: Any
) -> EvidenceConsideration:
    """The officer records that an item of evidence was considered on this case, and how (one record
    per item and case; a later call replaces the answer, the audit log keeps every one)."""
    access.access_consideration(acting_user, application.authority_id)
    if how not in {h.value for h in HowConsidered}:
        raise InvalidConsideration("how must be relied_on, weighed or not_applicable", field="how")
    note = (note or "").strip()
    if len(note) < 5:
        raise InvalidConsideration("say how the evidence was considered (a short note)", field="note")
    if evidence.status != EvidenceStatus.ACCEPTED:
        raise EvidenceNotAccepted(f"{evidence.number} has not been accepted by a moderator")
    with transaction.atomic():
        consideration, created = EvidenceConsideration.objects.update_or_create(
            evidence=evidence,
            application_id=application.pk,
            defaults={"how": how, "note": note[:5000], "considered_by": acting_user},
        )
        audit.record(
            acting_user,
            Verb.EVIDENCE_CHANGED,
            evidence,
            data={
                "action": "considered",
                "application": application.pk,
                "how": how,
                "created": created,
            },
        )
    return consideration
