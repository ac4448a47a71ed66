"""Licensing wired to the other contexts: denials shared (Art 16), grants blocked by an essentially
identical denial, final decisions published (Art 26), the ICP required for global authorisations."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dualuse.cooperation.errors import GrantingBlocked
from dualuse.cooperation.models import DenialNotice
from dualuse.diligence.services.evidence import (
    EvidenceDraft,
    moderate_evidence,
    record_consideration,
    submit_evidence,
)
from dualuse.licensing import services
from dualuse.licensing.errors import ApplicationIncomplete, AssessmentIncomplete
from dualuse.licensing.inputs import ProposalInput
from dualuse.transparency.models import DecisionRecord
from tests.licensing import factories

pytestmark = pytest.mark.django_db


def test_a_countersigned_refusal_becomes_a_shared_denial_notice(
    exporter: Any, officer: Any, senior_officer: Any, officer_other_state: Any
) -> None:
    application = factories.proposed(exporter, officer, outcome="deny")
    services.countersign_decision(application, acting_user=senior_officer)
    notice = DenialNotice.objects.get(application=application)
    assert notice.member_state == "DE"
    assert DenialNotice.objects.for_user(officer_other_state).filter(pk=notice.pk).exists()


def test_an_essentially_identical_denial_blocks_a_grant_until_consulted(
    exporter: Any, officer: Any, senior_officer: Any, other_exporter: Any, officer_other_state: Any
) -> None:
    denied = factories.proposed(exporter, officer, outcome="deny")
    services.countersign_decision(denied, acting_user=senior_officer)
    # Art 2(22): same item and same end user, now before another Member State's authority.
    case = factories.under_assessment(other_exporter, officer_other_state)
    factories.assess_all(case, officer_other_state)
    with pytest.raises(GrantingBlocked) as caught:
        services.propose_decision(
            case, ProposalInput("grant", "fine", "", []), acting_user=officer_other_state
        )
    assert "consult_denying_state" in [p.where for p in caught.value.problems]
    case.refresh_from_db()
    assert case.status == "under_assessment"
    # A refusal is never blocked.
    services.propose_decision(
        case, ProposalInput("deny", "same as DE", "", ["cp_2"]), acting_user=officer_other_state
    )


def test_a_final_grant_is_published_without_the_exporter(
    exporter: Any, officer: Any, senior_officer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application = factories.proposed(exporter, officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.countersign_decision(application, acting_user=senior_officer)
    rows = DecisionRecord.objects.all()
    assert rows.exists()
    published = " ".join(str(v) for row in rows.values() for v in row.values())
    assert exporter.organisation.name not in published


def test_a_global_authorisation_needs_a_compliance_programme(exporter: Any, officer: Any) -> None:
    application = factories.draft(exporter, type="global")
    factories.add_statement(application, exporter)
    with pytest.raises(ApplicationIncomplete) as caught:
        services.submit_application(application, acting_user=exporter)
    assert "type" in [p.where for p in caught.value.problems]


def test_unconsidered_civil_society_evidence_blocks_the_proposal(
    exporter: Any, officer: Any, ngo: Any
) -> None:
    evidence = submit_evidence(
        EvidenceDraft(
            subject="destination",
            title="Surveillance of journalists",
            summary="A report on the misuse of interception equipment.",
            observed_on=date(2026, 9, 1),
            country="IN",
            sources=("https://example.org/report",),
        ),
        acting_user=ngo,
    )
    evidence = moderate_evidence(evidence, accept=True, note="", acting_user=officer)
    case = factories.under_assessment(exporter, officer)
    factories.assess_all(case, officer)
    with pytest.raises(AssessmentIncomplete, match="civil-society evidence"):
        services.propose_decision(case, ProposalInput("grant", "fine", "", []), acting_user=officer)
    record_consideration(evidence, case, how="weighed", note="Not about this end user.", acting_user=officer)
    services.propose_decision(case, ProposalInput("grant", "fine", "", []), acting_user=officer)
