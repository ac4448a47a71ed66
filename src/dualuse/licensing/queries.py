"""Read side of the workbench and the case page: scoped, with a fixed number of queries whatever the rows.

Every queryset starts from `for_user`; the pages, the API and benchmarks/cases.py all use these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from dualuse.core.models import AuditEvent
from dualuse.licensing.models import (
    Application,
    ApplicationLine,
    Assessment,
    Decision,
    Document,
    Licence,
    Party,
    Question,
)
from dualuse.licensing.workflow import DECIDED, FINAL, Status

PAGE_SIZE = 25
QUEUES: dict[str, str] = {
    "all": "All cases",
    "new": "New",
    "mine": "Assigned to me",
    "awaiting_information": "Awaiting information",
    "in_consultation": "In consultation",
    "countersign": "Awaiting countersignature",
    "overdue": "Overdue",
}
_REFERENCE = re.compile(r"^(?:APP-)?0*(\d{1,12})$", re.IGNORECASE)
_OPEN = ~Q(status__in=[s.value for s in FINAL])


def queue_filter(queue: str, user: Any, today: date) -> Q:
    if queue == "new":
        return Q(status=Status.SUBMITTED)
    if queue == "mine":
        return Q(assigned_officer_id=user.pk) & _OPEN
    if queue == "awaiting_information":
        return Q(status=Status.AWAITING_INFORMATION)
    if queue == "in_consultation":
        return Q(status=Status.IN_CONSULTATION)
    if queue == "countersign":
        return Q(status=Status.DECISION_PROPOSED)
    if queue == "overdue":
        return Q(target_date__lt=today) & _OPEN
    return Q()


def queue_counts(user: Any, today: date) -> dict[str, int]:
    """All queue sizes in one query."""
    counts = Application.objects.for_user(user).aggregate(
        **{name: Count("pk", filter=queue_filter(name, user, today)) for name in QUEUES}
    )
    return {name: int(counts[name] or 0) for name in QUEUES}


@dataclass(frozen=True, slots=True)
class CaseFilters:
    queue: str = "all"
    q: str = ""
    status: str = ""
    type: str = ""
    activity: str = ""
    destination: str = ""
    entry: str = ""

    def params(self) -> dict[str, str]:
        return {
            k: v
            for k, v in (
                ("queue", self.queue),
                ("q", self.q),
                ("status", self.status),
                ("type", self.type),
                ("activity", self.activity),
                ("destination", self.destination),
                ("entry", self.entry),
            )
            if v
        }


def search(user: Any, filters: CaseFilters, today: date | None = None) -> QuerySet[Application]:
    day = today or timezone.localdate()
    queryset = Application.objects.for_user(user).filter(queue_filter(filters.queue, user, day))
    text = filters.q.strip()
    if text:
        match = _REFERENCE.match(text)
        if match:
            queryset = queryset.filter(Q(pk=int(match.group(1))) | Q(search_text__contains=text.lower()))
        else:
            queryset = queryset.filter(search_text__contains=text.lower()[:100])
    if filters.status in {s.value for s in Status}:
        queryset = queryset.filter(status=filters.status)
    if filters.type:
        queryset = queryset.filter(type=filters.type)
    if filters.activity:
        queryset = queryset.filter(activity=filters.activity)
    lines = ApplicationLine.objects.filter(application=OuterRef("pk"))
    if filters.destination:
        queryset = queryset.filter(Exists(lines.filter(destination=filters.destination.upper()[:2])))
    if filters.entry:
        queryset = queryset.filter(Exists(lines.filter(entry_code__startswith=filters.entry.strip()[:40])))
    return queryset


def case_page(
    user: Any, filters: CaseFilters, page_number: int = 1, today: date | None = None
) -> Page[Application]:
    """One page of cases: the rows with exporter and officer, their lines' codes and destinations."""
    queryset = (
        search(user, filters, today)
        .select_related("exporter", "assigned_officer")
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=ApplicationLine.objects.only(
                    "id", "application_id", "entry_code", "destination", "position"
                ),
            )
        )
        .only(
            "id",
            "status",
            "type",
            "activity",
            "title",
            "submitted_at",
            "target_date",
            "exporter__name",
            "assigned_officer__username",
            "exporter_id",
            "assigned_officer_id",
        )
        .order_by("-pk")
    )
    paginator = Paginator(queryset, PAGE_SIZE)
    return paginator.get_page(page_number)


@dataclass(slots=True)
class CaseView:
    """Everything the officer needs on one page."""

    application: Application
    lines: list[ApplicationLine]
    parties: list[Party]
    documents: list[Document]
    questions: list[Question]
    assessments: list[Assessment]
    decisions: list[Decision]
    history: list[AuditEvent]
    licence: Licence | None
    precedents: dict[int, list[ApplicationLine]] = field(default_factory=dict)
    cyber_surveillance: bool = False


def case_queryset() -> QuerySet[Application]:
    return Application.objects.select_related("exporter", "authority", "assigned_officer", "created_by")


def case_view(application: Application, *, for_authority: bool) -> CaseView:
    lines = list(application.lines.select_related("control_entry"))
    licence = Licence.objects.filter(application=application).prefetch_related("lines").first()
    view = CaseView(
        application=application,
        lines=lines,
        parties=list(application.parties.all()),
        documents=list(application.documents.all()),
        questions=list(application.questions.select_related("asked_by", "answered_by")),
        assessments=[],
        decisions=[],
        history=[],
        licence=licence,
        cyber_surveillance=any(line.cyber_surveillance for line in lines),
    )
    if for_authority:
        view.assessments = list(application.assessments.select_related("assessed_by"))
        view.decisions = list(application.decisions.select_related("proposed_by", "reviewed_by"))
        about = Q(object_type="licensing.application", object_id=str(application.pk))
        if licence is not None:
            about |= Q(object_type="licensing.licence", object_id=str(licence.pk))
        view.history = list(AuditEvent.objects.filter(about).order_by("seq")[:200])
        view.precedents = precedents(application, lines)
    else:
        view.decisions = list(application.decisions.filter(status="countersigned"))
    return view


def precedents(
    application: Application, lines: list[ApplicationLine], limit: int = 5
) -> dict[int, list[ApplicationLine]]:
    """DESIGN §5: earlier assessed lines of the same entry and destination, at this authority (one query)."""
    pairs = {(line.entry_code, line.destination) for line in lines if line.entry_code}
    if not pairs:
        return {}
    candidates = (
        ApplicationLine.objects.filter(
            application__authority_id=application.authority_id,
            application__status__in=[s.value for s in DECIDED],
            entry_code__in={code for code, _ in pairs},
            destination__in={d for _, d in pairs},
        )
        .exclude(application_id=application.pk)
        .select_related("application")
        .order_by("-application__decided_at")[:200]
    )
    found: dict[tuple[str, str], list[ApplicationLine]] = {}
    for candidate in candidates:
        key = (candidate.entry_code, candidate.destination)
        if key in pairs and len(found.setdefault(key, [])) < limit:
            found[key].append(candidate)
    return {line.pk: found.get((line.entry_code, line.destination), []) for line in lines}
