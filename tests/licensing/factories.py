"""Applications in a given state, made through the services (so every row is one a user could make)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

from dualuse.licensing import considerations, filetypes, services
from dualuse.licensing.completeness import LineDraft, PartyDraft
from dualuse.licensing.inputs import ApplicationInput, AssessmentInput, ProposalInput
from dualuse.licensing.models import Application, Licence


def application_input(
    *,
    code: str = "2B230",
    destination: str = "IN",
    quantity: str = "10",
    value: str = "1000.00",
    end_user: str = "Bharat Process Ltd",
    **extra: Any,
) -> ApplicationInput:
    fields: dict[str, Any] = {
        "type": "individual",
        "activity": "export",
        "title": "Pressure transducers",
        "end_use": "Process control in a refinery; no re-export.",
        "lines": [
            LineDraft(
                "Pressure transducers",
                code,
                not code,
                Decimal(quantity),
                "pieces",
                Decimal(value),
                destination,
            )
        ],
        "parties": [PartyDraft("end_user", "commercial", end_user, destination, "1 Main Road")],
    }
    fields.update(extra)
    return ApplicationInput(**fields)


def draft(exporter: Any, **kwargs: Any) -> Application:
    return services.create_application(application_input(**kwargs), acting_user=exporter)


def add_statement(application: Application, exporter: Any) -> None:
    body = filetypes.sample("pdf")
    services.add_document(
        application,
        name="statement.pdf",
        stream=io.BytesIO(body),
        size=len(body),
        kind="end_use_statement",
        acting_user=exporter,
    )


def submitted(exporter: Any, **kwargs: Any) -> Application:
    application = draft(exporter, **kwargs)
    add_statement(application, exporter)
    return services.submit_application(application, acting_user=exporter)


def under_assessment(exporter: Any, officer: Any, **kwargs: Any) -> Application:
    application = submitted(exporter, **kwargs)
    return services.start_assessment(application, acting_user=officer)


def assess_all(application: Application, officer: Any, finding: str = "no_concern") -> None:
    cyber = application.lines.filter(cyber_surveillance=True).exists()
    for c in considerations.required(cyber):
        services.record_assessment(
            application, AssessmentInput(c.code, finding, f"reasoning {c.code}"), acting_user=officer
        )


def proposed(exporter: Any, officer: Any, outcome: str = "grant", **kwargs: Any) -> Application:
    application = under_assessment(exporter, officer, **kwargs)
    assess_all(application, officer)
    criteria = ["cp_2"] if outcome == "deny" else []
    conditions = "No re-export." if outcome == "grant_with_conditions" else ""
    services.propose_decision(
        application, ProposalInput(outcome, "because", conditions, criteria), acting_user=officer
    )
    application.refresh_from_db()
    return application


def licensed(
    exporter: Any, officer: Any, senior: Any, *, today: date | None = None, **kwargs: Any
) -> Licence:
    application = proposed(exporter, officer, **kwargs)
    services.countersign_decision(application, acting_user=senior, today=today)
    return Licence.objects.get(application=application)
