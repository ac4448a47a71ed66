"""Demo data: applications of the demo exporters in every interesting state, made through the services
(so the audit log and the licence counters are real). Safe to run twice: skipped when present."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from dualuse.accounts.models import User
from dualuse.controllist.models import ControlListVersion
from dualuse.licensing import considerations, filetypes, services
from dualuse.licensing.completeness import LineDraft, PartyDraft
from dualuse.licensing.inputs import ApplicationInput, AssessmentInput, ProposalInput, UseInput
from dualuse.licensing.models import Application, Licence


def _input(
    title: str, code: str, destination: str, end_user: str, *, cyber: bool = False
) -> ApplicationInput:
    listed = ControlListVersion.objects.active() is not None
    return ApplicationInput(
        type="individual",
        activity="export",
        title=title,
        end_use=f"{title}: installed and operated by the end user at its own site, no re-export.",
        lines=[
            LineDraft(
                title,
                code if listed else "",
                not listed,
                Decimal("10"),
                "pieces",
                Decimal("250000.00"),
                destination,
            )
        ],
        parties=[
            PartyDraft(
                "end_user", "government" if cyber else "commercial", end_user, destination, "Main street 1"
            ),
            PartyDraft("consignee", "commercial", f"{end_user} Logistics", destination, "Harbour road 2"),
        ],
    )


def _lodged(user: User, data: ApplicationInput) -> Application:
    application = services.create_application(data, acting_user=user)
    services.add_document(
        application,
        name="end-use-statement.pdf",
        stream=io.BytesIO(filetypes.sample("pdf")),
        size=len(filetypes.sample("pdf")),
        kind="end_use_statement",
        acting_user=user,
    )
    return services.submit_application(application, acting_user=user)


def _assess_all(application: Application, officer: User, finding: str = "no_concern") -> None:
    cyber = application.lines.filter(cyber_surveillance=True).exists()
    for c in considerations.required(cyber):
        services.record_assessment(
            application,
            AssessmentInput(
                c.code,
                finding if c.code in {"cp_2", "cp_7", "human_rights"} else "no_concern",
                f"Demo reasoning for {c.basis}.",
                "Application file, end-use statement.",
            ),
            acting_user=officer,
        )


def load_demo(say: Callable[[str], None]) -> None:
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=["exporter", "exporter-se", "officer-de", "senior-de", "officer-se"]
        ).select_related("organisation")
    }
    exporter, officer, senior = users.get("exporter"), users.get("officer-de"), users.get("senior-de")
    if exporter is None or officer is None or senior is None:
        say("licensing: demo users missing, skipped")
        return
    if Application.objects.filter(exporter=exporter.organisation).exists():
        say("licensing: demo applications already present")
        return
    draft = services.create_application(
        ApplicationInput(
            title="Thermal camera cores (draft)",
            lines=[
                LineDraft(
                    "Uncooled thermal imaging cores", "6A003.b.4", False, Decimal("50"), "pieces", None, ""
                )
            ],
        ),
        acting_user=exporter,
    )
    _lodged(exporter, _input("Pressure transducers for a refinery", "2B230", "IN", "Bharat Process Ltd"))

    waiting = _lodged(
        exporter, _input("Frequency changers for a research lab", "3A225", "BR", "Instituto Tecnico")
    )
    services.start_assessment(waiting, acting_user=officer)
    services.ask_question(
        waiting, text="Please send the end user's signed end-use statement in English.", acting_user=officer
    )

    granted = _lodged(exporter, _input("Network monitoring probes", "5A001.j", "NO", "Nordnett AS"))
    services.start_assessment(granted, acting_user=officer)
    _assess_all(granted, officer)
    services.propose_decision(
        granted,
        ProposalInput(
            "grant_with_conditions",
            "No concern on any criterion.",
            "No re-export without prior consent.",
            [],
            24,
        ),
        acting_user=officer,
    )
    services.countersign_decision(granted, acting_user=senior)
    licence = Licence.objects.get(application=granted)
    line = licence.lines.first()
    if line is not None:
        services.record_use(
            licence,
            UseInput(line.pk, Decimal("2"), Decimal("50000.00"), timezone.localdate(), "26DE000000000001A1"),
            acting_user=exporter,
        )

    denied = _lodged(
        exporter,
        _input("IMSI catchers for a police unit", "5A001.f", "BY", "State Security Unit", cyber=True),
    )
    services.start_assessment(denied, acting_user=officer)
    _assess_all(denied, officer, "refusal_ground")
    services.propose_decision(
        denied,
        ProposalInput("deny", "Clear risk of use for internal repression.", "", ["cp_2", "art15_1_d"]),
        acting_user=officer,
    )
    services.countersign_decision(denied, acting_user=senior)

    proposed = _lodged(
        exporter, _input("Machine tools for a gearbox plant", "2B001", "CN", "Shenyang Gear Co")
    )
    services.start_assessment(proposed, acting_user=officer)
    _assess_all(proposed, officer)
    services.propose_decision(
        proposed, ProposalInput("grant", "No concern identified.", validity_months=12), acting_user=officer
    )
    services.register_ugea("EU001", acting_user=exporter, today=timezone.localdate() - timedelta(days=3))
    say(
        f"licensing: 6 applications (draft {draft.reference} … proposed {proposed.reference}), licence {licence.number}"
    )
