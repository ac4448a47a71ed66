"""Demo data: a compliance programme, a due-diligence record that ends in "notify", and accepted
civil-society evidence an officer sees on cases to Myanmar or with the named end user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dualuse.accounts.models import User
from dualuse.diligence import services
from dualuse.diligence.models import DueDiligenceRecord, Evidence
from dualuse.diligence.steps import ICP_ELEMENTS, RED_FLAGS

NOTIFY_RECORD = {
    "coverage": "meets_definition",
    "coverage_reason": "Not listed in Annex I, but specially designed for covert location tracking of persons.",
    "item_description": "Mobile-network location analytics platform with subscriber tracking module",
    "capabilities": "Tracks the location of named subscribers covertly from operator data.",
    "misuse_risks": "Tracking of journalists and protesters.",
    "end_user_name": "Golden Eagle Trading",
    "end_user_type": "reseller for the Ministry of Home Affairs",
    "end_use": "Stated: network quality analysis.",
    "intermediaries": "",
    "destination": "MM",
    "arms_embargo": True,
    "repression_sanctions": True,
    "human_rights_situation": "UN fact-finding mission reports on surveillance of activists (2024).",
    "red_flags": {
        f.code: {
            "answer": "yes"
            if f.code in {"abusive_end_user", "evasive_end_use", "security_end_user"}
            else "no",
            "note": "See the NGO report and our call notes."
            if f.code in {"abusive_end_user", "evasive_end_use", "security_end_user"}
            else "",
        }
        for f in RED_FLAGS
    },
    "mitigations": [],
    "mitigation_note": "",
    "conclusion": "notify",
    "conclusion_reason": "We are aware of an intended use in connection with internal repression (Art 5(2)).",
}


def load_demo(log: Callable[[str], None]) -> None:
    exporter = User.objects.filter(username="exporter").first()
    ngo = User.objects.filter(username="ngo").first()
    officer = User.objects.filter(username="officer-de").first()
    if exporter is None or ngo is None or officer is None:
        return
    if not DueDiligenceRecord.objects.filter(exporter_id=exporter.organisation_id).exists():
        services.save_programme(
            {
                e.code: {"status": "in_place", "evidence": f"Policy document, section {e.number} (2025)."}
                for e in ICP_ELEMENTS
            },
            acting_user=exporter,
        )
        services.create_record(
            NOTIFY_RECORD, reference="PO-2026-0042", transaction_date=date(2026, 1, 15), acting_user=exporter
        )
        log("diligence: a compliance programme and a due-diligence record concluding 'notify'")
    if not Evidence.objects.exists():
        drafts = [
            services.EvidenceDraft(
                subject="destination",
                title="Surveillance of activists in Myanmar",
                summary="Documented use of phone location tracking against protesters since 2021.",
                observed_on=date(2025, 5, 1),
                country="MM",
                sources=("https://example.org/report-mm",),
            ),
            services.EvidenceDraft(
                subject="end_user",
                title="Golden Eagle Trading supplies the security services",
                summary="Company records show Golden Eagle Trading reselling interception kits to the police.",
                observed_on=date(2025, 8, 12),
                party_name="Golden Eagle Trading LLC",
                country="MM",
                sources=("Registry extract 2025-08",),
            ),
        ]
        for draft in drafts:
            evidence = services.submit_evidence(draft, acting_user=ngo)
            services.moderate_evidence(evidence, accept=True, note="Sources checked.", acting_user=officer)
        log("diligence: two accepted items of civil-society evidence")
