"""Pages: the cooperation desk for authorities and the Commission, the exporter's Art 5(2) notification,
voting by each state's representative, and the public EU-wide list with its downloads."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dualuse.cooperation import access, services
from dualuse.cooperation.models import (
    CatchAllNotification,
    CatchAllRule,
    Consultation,
    ConsultationKind,
    ConsultationStatus,
    DenialNotice,
    DenialStatus,
    EUListEntry,
    EUListProposal,
    GrantDespiteDenial,
    NotificationStatus,
    ProposalStatus,
    VoteChoice,
    is_commission,
    is_state_user,
)
from dualuse.cooperation.services.consultations import ANSWERS
from dualuse.cooperation.services.eulist import RULE_NOTES
from dualuse.core.countries import country_choices
from dualuse.core.errors import DomainError

VOTE_LABELS = {
    CatchAllRule.ART5_6: [
        (VoteChoice.YES, "Agree: the requirement should apply to essentially identical transactions"),
        (VoteChoice.NO, "Do not agree"),
        (VoteChoice.ABSTAIN, "Abstain (counts as not agreeing)"),
    ],
    CatchAllRule.OBJECTION_QMV: [
        (VoteChoice.NO, "Object to the listing"),
        (VoteChoice.YES, "Do not object"),
        (VoteChoice.ABSTAIN, "Abstain (not an objection)"),
    ],
}


def _error(request: HttpRequest, exc: DomainError) -> None:
    detail = "; ".join(str(p) for p in exc.problems[:10])
    messages.error(request, f"{exc.message}{': ' + detail if detail else ''}")


def _signed_in(request: HttpRequest) -> bool:
    return bool(request.user.is_authenticated)


def desk(request: HttpRequest) -> HttpResponse:
    if not _signed_in(request):
        return redirect_to_login(request.get_full_path())
    user = request.user
    state = access.state_of(user)
    context: dict[str, Any] = {
        "is_exporter": access.is_exporter(user),
        "is_state": is_state_user(user),
        "is_commission": is_commission(user),
        "state": state,
        "notifications": CatchAllNotification.objects.for_user(user)[:50],
    }
    if is_state_user(user) or is_commission(user):
        consultations = list(Consultation.objects.for_user(user)[:100])
        for c in consultations:
            c.overdue = services.is_overdue(c)  # type: ignore[attr-defined]
        context.update(
            denials=DenialNotice.objects.for_user(user).filter(status=DenialStatus.VALID)[:100],
            to_answer=[
                c for c in consultations if c.consulted_state == state and c.status == ConsultationStatus.OPEN
            ],
            consultations=consultations,
            proposals=EUListProposal.objects.for_user(user).select_related("notification")[:50],
            overrides=GrantDespiteDenial.objects.for_user(user).select_related("denial_notice")[:50],
        )
    return render(request, "cooperation/desk.html", context)


def denial_page(request: HttpRequest, pk: int) -> HttpResponse:
    if not _signed_in(request):
        return redirect_to_login(request.get_full_path())
    notice = get_object_or_404(DenialNotice.objects.for_user(request.user), pk=pk)
    may_review = access.is_officer(request.user) and access.state_of(request.user) == notice.member_state
    if request.method == "POST" and may_review:
        try:
            services.review_denial(
                notice,
                acting_user=request.user,
                action=request.POST.get("action", ""),
                note=request.POST.get("note", ""),
            )
        except DomainError as exc:
            _error(request, exc)
        else:
            messages.success(request, _("Review recorded."))
            return redirect("cooperation-denial", pk=notice.pk)
    context = {
        "notice": notice,
        "may_review": may_review and notice.status == DenialStatus.VALID,
        "reviews": notice.reviews.all(),
        "overrides": GrantDespiteDenial.objects.for_user(request.user).filter(denial_notice=notice),
    }
    return render(
        request, "cooperation/denial.html", context, status=400 if request.method == "POST" else 200
    )


def consultation_page(request: HttpRequest, pk: int) -> HttpResponse:
    if not _signed_in(request):
        return redirect_to_login(request.get_full_path())
    c = get_object_or_404(Consultation.objects.for_user(request.user), pk=pk)
    may_answer = (
        access.is_officer(request.user)
        and access.state_of(request.user) == c.consulted_state
        and c.status != ConsultationStatus.ANSWERED
    )
    if request.method == "POST" and may_answer:
        try:
            if request.POST.get("extend"):
                services.extend_consultation(
                    c,
                    acting_user=request.user,
                    days=_int(request.POST.get("days")),
                    reason=request.POST.get("reason", ""),
                )
            else:
                services.answer_consultation(
                    c,
                    acting_user=request.user,
                    answer=request.POST.get("answer", ""),
                    text=request.POST.get("text", ""),
                )
        except DomainError as exc:
            _error(request, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("cooperation-consultation", pk=c.pk)
    answers = [(a.value, a.label) for a in ANSWERS[ConsultationKind(c.kind)]]
    context = {"c": c, "overdue": services.is_overdue(c), "may_answer": may_answer, "answers": answers}
    return render(
        request, "cooperation/consultation.html", context, status=400 if request.method == "POST" else 200
    )


def _int(raw: Any) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 0


def _lines(raw: str) -> list[str]:
    return [line.strip() for line in raw.splitlines() if line.strip()]


def _notification_data(post: Any) -> dict[str, Any]:
    entities = []
    for line in _lines(post.get("entities", "")):
        name, _, country = line.partition(";")
        entities.append({"role": "end_user", "name": name.strip(), "country": country.strip()})
    parameters = {}
    for line in _lines(post.get("parameters", "")):
        name, _, value = line.partition(":")
        if name.strip() and value.strip():
            parameters[name.strip()] = value.strip()
    return {
        "item_name": post.get("item_name", ""),
        "item_description": post.get("item_description", ""),
        "concern": post.get("concern", ""),
        "destination": post.get("destination", ""),
        "related_entry_codes": post.get("related_entry_codes", ""),
        "parameters": parameters,
        "entities": entities,
    }


def notification_new(request: HttpRequest) -> HttpResponse:
    if not _signed_in(request):
        return redirect_to_login(request.get_full_path())
    if not access.is_exporter(request.user):
        raise Http404("only exporters notify here")
    if request.method == "POST":
        try:
            n = services.notify_catch_all(acting_user=request.user, data=_notification_data(request.POST))
        except DomainError as exc:
            _error(request, exc)
        else:
            messages.success(
                request, _("%(reference)s sent to your competent authority.") % {"reference": n.reference}
            )
            return redirect("cooperation-notification", pk=n.pk)
    context = {"countries": country_choices(), "form": request.POST}
    return render(
        request, "cooperation/notification_new.html", context, status=400 if request.method == "POST" else 200
    )


def notification_page(request: HttpRequest, pk: int) -> HttpResponse:
    if not _signed_in(request):
        return redirect_to_login(request.get_full_path())
    n = get_object_or_404(CatchAllNotification.objects.for_user(request.user), pk=pk)
    may_decide = (
        access.is_officer(request.user)
        and n.authority_id == getattr(request.user, "organisation_id", None)
        and n.status == NotificationStatus.NOTIFIED
    )
    if request.method == "POST" and may_decide:
        try:
            services.decide_catch_all(
                n,
                acting_user=request.user,
                required=request.POST.get("required") == "yes",
                reason=request.POST.get("reason", ""),
                share_entities=request.POST.get("share_entities") == "on",
            )
        except DomainError as exc:
            _error(request, exc)
        else:
            messages.success(request, _("Decision recorded."))
            return redirect("cooperation-notification", pk=n.pk)
    proposal = None
    if not access.is_exporter(request.user):
        proposal = EUListProposal.objects.filter(notification=n).first()
    context = {
        "n": n,
        "may_decide": may_decide,
        "proposal": proposal,
        "is_exporter": access.is_exporter(request.user),
        "rule": CatchAllRule(_current_rule()),
    }
    return render(
        request, "cooperation/notification.html", context, status=400 if request.method == "POST" else 200
    )


def _current_rule() -> str:
    return str(settings.CATCH_ALL_RULE)


def proposal_page(request: HttpRequest, pk: int) -> HttpResponse:
    if not _signed_in(request):
        return redirect_to_login(request.get_full_path())
    p = get_object_or_404(EUListProposal.objects.for_user(request.user).select_related("notification"), pk=pk)
    state = access.state_of(request.user)
    my_vote = p.votes.filter(member_state=state).first() if access.is_representative(request.user) else None
    may_vote = my_vote is not None and not my_vote.choice and p.status == ProposalStatus.VOTING
    if request.method == "POST":
        try:
            if request.POST.get("close"):
                services.close_proposal(p, acting_user=request.user)
            elif request.POST.get("extend"):
                services.request_extension(
                    p,
                    acting_user=request.user,
                    days=_int(request.POST.get("days")),
                    reason=request.POST.get("reason", ""),
                )
            else:
                services.cast_vote(
                    p,
                    acting_user=request.user,
                    choice=request.POST.get("choice", ""),
                    comment=request.POST.get("comment", ""),
                )
        except DomainError as exc:
            _error(request, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("cooperation-proposal", pk=p.pk)
    votes = list(p.votes.all())
    context = {
        "p": p,
        "n": p.notification,
        "votes": votes,
        "cast": sum(1 for v in votes if v.choice),
        "my_vote": my_vote,
        "may_vote": may_vote,
        "choices": VOTE_LABELS[CatchAllRule(p.rule)],
        "answer": p.result.get("answer", {}),
        "population": p.result.get("population", {}),
        "entry": EUListEntry.objects.filter(proposal=p).first(),
    }
    return render(
        request, "cooperation/proposal.html", context, status=400 if request.method == "POST" else 200
    )


# --- the public EU-wide list -----------------------------------------------------------------


def eu_list_page(request: HttpRequest) -> HttpResponse:
    entries = EUListEntry.objects.for_user(request.user)
    notes = RULE_NOTES
    return render(request, "cooperation/eu_list.html", {"entries": entries, "notes": notes})


def eu_list_entry_page(request: HttpRequest, reference: str) -> HttpResponse:
    entry = get_object_or_404(EUListEntry.objects.for_user(request.user), reference=reference)
    data = services.entry_json(entry)
    return render(request, "cooperation/eu_list_entry.html", {"entry": entry, "data": data})


def _download(body: str, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def eu_list_csv(request: HttpRequest) -> HttpResponse:
    return _download(
        services.csv_text(EUListEntry.objects.published()), "text/csv; charset=utf-8", "eu-list.csv"
    )


def eu_list_json(request: HttpRequest) -> HttpResponse:
    body = json.dumps(services.json_document(EUListEntry.objects.published()), ensure_ascii=False, indent=1)
    return _download(body, "application/json", "eu-list.json")


def eu_list_ftm(request: HttpRequest) -> HttpResponse:
    return _download(
        services.ftm_lines(EUListEntry.objects.published()), "application/x-ndjson", "eu-list.ftm.json"
    )
