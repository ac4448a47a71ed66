"""/api/v1/cooperation/: denial notices, matching, consultations, catch-all notifications, votes, the list.

Every handler reads through `for_user` (out of scope is a 404) and writes through `services`.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router

from dualuse.accounts.models import Organisation
from dualuse.cooperation import services
from dualuse.cooperation.access import is_exporter
from dualuse.cooperation.models import (
    CatchAllNotification,
    Consultation,
    DenialNotice,
    EUListEntry,
    EUListProposal,
    GrantDespiteDenial,
    is_commission,
    is_state_user,
)
from dualuse.cooperation.schemas import (
    AnswerIn,
    BlockerOut,
    CatchAllIn,
    CatchAllOutAuthority,
    CatchAllOutExporter,
    ConsultationIn,
    ConsultationOut,
    DecideIn,
    DenialNoticeDetailOut,
    DenialNoticeIn,
    DenialNoticeOut,
    EntryReviewIn,
    EUListEntryOut,
    ExtendIn,
    ExtensionIn,
    GrantDespiteIn,
    GrantDespiteOut,
    InformIn,
    LocationConsultationIn,
    MatchIn,
    MatchOut,
    ProposalOut,
    ReviewIn,
    VoteIn,
    VoteOut,
)
from dualuse.core.auth import require_user
from dualuse.licensing.models import Application

router = Router()


def _plain(items: list[Any] | None) -> list[dict[str, Any]] | None:
    return None if items is None else [i.dict() for i in items]


# --- denial notices ---------------------------------------------------------------------------


@router.get("/denial-notices", response=list[DenialNoticeOut], summary="Denial notices shared by all states")
def list_denials(request: HttpRequest, status: str = "") -> Any:
    notices = DenialNotice.objects.for_user(require_user(request))
    return notices.filter(status=status) if status else notices


@router.post("/denial-notices", response={201: DenialNoticeOut}, summary="Notify a refusal (Art 16(1))")
def create_denial(request: HttpRequest, payload: DenialNoticeIn) -> Any:
    data = payload.dict()
    notice = services.notify_denial(
        acting_user=require_user(request),
        items=data["items"],
        parties=data["parties"],
        reasons=data["reasons"],
        criteria=data["criteria"],
        basis=data["basis"],
        destination=data["destination"],
        activity=data["activity"],
        denied_on=data["denied_on"],
    )
    return 201, notice


@router.post(
    "/denial-notices/match", response=list[MatchOut], summary="Essentially identical refusals (Art 2(22))"
)
def match_denials(request: HttpRequest, payload: MatchIn) -> Any:
    user = require_user(request)
    if not (is_state_user(user) or is_commission(user)):
        raise Http404("not found")
    case = services.transaction_from_plain(_plain(payload.items), _plain(payload.parties))
    return [m.to_json() for m in services.find_matches(case, exclude_state=payload.exclude_state.upper())]


@router.get("/denial-notices/{pk}", response=DenialNoticeDetailOut)
def get_denial(request: HttpRequest, pk: int) -> Any:
    user = require_user(request)
    notice = get_object_or_404(DenialNotice.objects.for_user(user), pk=pk)
    overrides = [
        {"member_state": o.member_state, "reason": o.reason, "recorded_at": o.recorded_at.isoformat()}
        for o in GrantDespiteDenial.objects.for_user(user).filter(denial_notice=notice)
    ]
    data = {f: getattr(notice, f) for f in DenialNoticeOut.model_fields}
    return {**data, "reviews": list(notice.reviews.all()), "overrides": overrides}


@router.post(
    "/denial-notices/{pk}/review", response=DenialNoticeOut, summary="Revoke, amend or renew (Art 16(2))"
)
def review_denial(request: HttpRequest, pk: int, payload: ReviewIn) -> Any:
    user = require_user(request)
    notice = get_object_or_404(DenialNotice.objects.for_user(user), pk=pk)
    return services.review_denial(
        notice,
        acting_user=user,
        action=payload.action,
        note=payload.note,
        items=_plain(payload.items),
        parties=_plain(payload.parties),
        reasons=payload.reasons,
    )


# --- cases: matches, blockers, consultations --------------------------------------------------


def _case(user: Any, pk: int) -> Application:
    return get_object_or_404(Application.objects.for_user(user).select_related("authority"), pk=pk)


@router.get("/applications/{pk}/matches", response=list[MatchOut], summary="Refusals matching this case")
def case_matches(request: HttpRequest, pk: int) -> Any:
    user = require_user(request)
    application = _case(user, pk)
    if is_exporter(user):
        raise Http404("not found")
    return [m.to_json() for m in services.matches_for_application(application)]


@router.get("/applications/{pk}/blockers", response=list[BlockerOut], summary="What stops a grant now")
def case_blockers(request: HttpRequest, pk: int) -> Any:
    user = require_user(request)
    application = _case(user, pk)
    if is_exporter(user):
        raise Http404("not found")
    return [b.to_json() for b in services.granting_blockers(application)]


@router.post("/applications/{pk}/grant-despite-denial", response={201: GrantDespiteOut})
def grant_despite(request: HttpRequest, pk: int, payload: GrantDespiteIn) -> Any:
    user = require_user(request)
    application = _case(user, pk)
    notice = get_object_or_404(DenialNotice.objects.for_user(user), pk=payload.denial_notice)
    return 201, services.grant_despite_denial(application, notice, acting_user=user, reason=payload.reason)


def consultation_json(c: Consultation) -> dict[str, Any]:
    data = {f: getattr(c, f) for f in ConsultationOut.model_fields if f != "overdue"}
    data["overdue"] = services.is_overdue(c)
    return data


@router.get("/consultations", response=list[ConsultationOut])
def list_consultations(request: HttpRequest) -> Any:
    return [consultation_json(c) for c in Consultation.objects.for_user(require_user(request))]


@router.post("/consultations", response={201: ConsultationOut}, summary="Consult the denying state (Art 16)")
def create_consultation(request: HttpRequest, payload: ConsultationIn) -> Any:
    user = require_user(request)
    application = _case(user, payload.application)
    notice = get_object_or_404(DenialNotice.objects.for_user(user), pk=payload.denial_notice)
    c = services.request_consultation(application, notice, acting_user=user, question=payload.question)
    return 201, consultation_json(c)


@router.post("/consultations/location", response={201: ConsultationOut}, summary="Art 14(1) consultation")
def create_location_consultation(request: HttpRequest, payload: LocationConsultationIn) -> Any:
    user = require_user(request)
    application = _case(user, payload.application)
    c = services.request_location_consultation(application, acting_user=user, question=payload.question)
    return 201, consultation_json(c)


@router.get("/consultations/{pk}", response=ConsultationOut)
def get_consultation(request: HttpRequest, pk: int) -> Any:
    return consultation_json(get_object_or_404(Consultation.objects.for_user(require_user(request)), pk=pk))


@router.post("/consultations/{pk}/answer", response=ConsultationOut)
def answer_consultation(request: HttpRequest, pk: int, payload: AnswerIn) -> Any:
    user = require_user(request)
    c = get_object_or_404(Consultation.objects.for_user(user), pk=pk)
    return consultation_json(
        services.answer_consultation(c, acting_user=user, answer=payload.answer, text=payload.text)
    )


@router.post("/consultations/{pk}/extend", response=ConsultationOut)
def extend_consultation(request: HttpRequest, pk: int, payload: ExtendIn) -> Any:
    user = require_user(request)
    c = get_object_or_404(Consultation.objects.for_user(user), pk=pk)
    return consultation_json(
        services.extend_consultation(c, acting_user=user, days=payload.days, reason=payload.reason)
    )


# --- the catch-all and the votes --------------------------------------------------------------


def catch_all_json(n: CatchAllNotification, user: Any) -> dict[str, Any]:
    if is_exporter(user):
        return {f: getattr(n, f) for f in CatchAllOutExporter.model_fields}
    data = {f: getattr(n, f) for f in CatchAllOutAuthority.model_fields if f != "proposal_id"}
    data["proposal_id"] = getattr(getattr(n, "proposal", None), "pk", None)
    return data


@router.get("/catch-all-notifications", response=list[CatchAllOutAuthority | CatchAllOutExporter])
def list_catch_all(request: HttpRequest) -> Any:
    user = require_user(request)
    return [
        catch_all_json(n, user)
        for n in CatchAllNotification.objects.for_user(user).select_related("proposal")
    ]


@router.post("/catch-all-notifications", response={201: CatchAllOutExporter}, summary="Notify (Art 5(2))")
def create_catch_all(request: HttpRequest, payload: CatchAllIn) -> Any:
    user = require_user(request)
    n = services.notify_catch_all(acting_user=user, data=payload.dict())
    return 201, {f: getattr(n, f) for f in CatchAllOutExporter.model_fields}


@router.post(
    "/catch-all-notifications/inform",
    response={201: CatchAllOutAuthority},
    summary="Inform an exporter (Art 5(1))",
)
def inform_exporter(request: HttpRequest, payload: InformIn) -> Any:
    user = require_user(request)
    exporter = get_object_or_404(Organisation.objects.filter(kind="exporter"), pk=payload.exporter)
    data = payload.dict()
    n = services.inform_exporter(
        acting_user=user, exporter=exporter, data=data, share_entities=payload.share_entities
    )
    return 201, catch_all_json(n, user)


@router.get("/catch-all-notifications/{pk}", response=CatchAllOutAuthority | CatchAllOutExporter)
def get_catch_all(request: HttpRequest, pk: int) -> Any:
    user = require_user(request)
    return catch_all_json(get_object_or_404(CatchAllNotification.objects.for_user(user), pk=pk), user)


@router.post(
    "/catch-all-notifications/{pk}/decide", response=CatchAllOutAuthority, summary="Decide (Art 5(2), 5(4))"
)
def decide_catch_all(request: HttpRequest, pk: int, payload: DecideIn) -> Any:
    user = require_user(request)
    n = get_object_or_404(CatchAllNotification.objects.for_user(user), pk=pk)
    n = services.decide_catch_all(
        n,
        acting_user=user,
        required=payload.required,
        reason=payload.reason,
        share_entities=payload.share_entities,
    )
    return catch_all_json(CatchAllNotification.objects.select_related("proposal").get(pk=n.pk), user)


def proposal_json(p: EUListProposal, user: Any) -> dict[str, Any]:
    entry = EUListEntry.objects.filter(proposal=p).first()
    return {
        "id": p.pk,
        "reference": p.reference,
        "rule": p.rule,
        "rule_label": p.get_rule_display(),
        "notifying_state": p.notifying_state,
        "opened_on": p.opened_on,
        "status": p.status,
        "outcome": p.outcome,
        "result": p.result,
        "decided_at": p.decided_at,
        "notification": catch_all_json(p.notification, user),
        "votes": list(p.votes.all()),
        "entry": entry.reference if entry else None,
    }


@router.get("/proposals", response=list[ProposalOut], summary="EU-wide list proposals under review")
def list_proposals(request: HttpRequest) -> Any:
    user = require_user(request)
    return [
        proposal_json(p, user) for p in EUListProposal.objects.for_user(user).select_related("notification")
    ]


@router.get("/proposals/{pk}", response=ProposalOut)
def get_proposal(request: HttpRequest, pk: int) -> Any:
    user = require_user(request)
    return proposal_json(get_object_or_404(EUListProposal.objects.for_user(user), pk=pk), user)


@router.post("/proposals/{pk}/votes", response={201: VoteOut}, summary="Your state's vote")
def vote(request: HttpRequest, pk: int, payload: VoteIn) -> Any:
    user = require_user(request)
    p = get_object_or_404(EUListProposal.objects.for_user(user), pk=pk)
    return 201, services.cast_vote(p, acting_user=user, choice=payload.choice, comment=payload.comment)


@router.post("/proposals/{pk}/extension", response=VoteOut, summary="More time (Art 5(5))")
def extension(request: HttpRequest, pk: int, payload: ExtensionIn) -> Any:
    user = require_user(request)
    p = get_object_or_404(EUListProposal.objects.for_user(user), pk=pk)
    return services.request_extension(p, acting_user=user, days=payload.days, reason=payload.reason)


@router.post(
    "/proposals/{pk}/close", response=ProposalOut, summary="Count the votes once every deadline passed"
)
def close(request: HttpRequest, pk: int) -> Any:
    user = require_user(request)
    p = get_object_or_404(EUListProposal.objects.for_user(user), pk=pk)
    return proposal_json(services.close_proposal(p, acting_user=user), user)


# --- the EU-wide list (public) ----------------------------------------------------------------


@router.get("/eu-list", response=list[EUListEntryOut], summary="The EU-wide cyber-surveillance list (public)")
def eu_list(request: HttpRequest) -> Any:
    return [services.entry_json(e) for e in EUListEntry.objects.for_user(request.user)]


@router.get("/eu-list/{reference}", response=EUListEntryOut)
def eu_list_entry(request: HttpRequest, reference: str) -> Any:
    return services.entry_json(
        get_object_or_404(EUListEntry.objects.for_user(request.user), reference=reference)
    )


@router.post("/eu-list/{reference}/review", response=EUListEntryOut, summary="Renew or withdraw (Art 5(7))")
def review_entry(request: HttpRequest, reference: str, payload: EntryReviewIn) -> Any:
    user = require_user(request)
    entry = get_object_or_404(EUListEntry.objects.for_user(user), reference=reference)
    return services.entry_json(
        services.review_entry(entry, acting_user=user, action=payload.action, note=payload.note)
    )
