"""Demo data (`dualuse demo`): a French denial notice, a German case that matches it with the
consultation of France under way, and an Art 5(2) catch-all notification whose EU-list proposal is
in voting. Idempotent: run twice, nothing doubles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.db import transaction

from dualuse.accounts.models import Organisation, User
from dualuse.cooperation import services
from dualuse.cooperation.models import CatchAllNotification, DenialNotice
from dualuse.licensing.models import Application, ApplicationLine, Party

END_USER = {
    "role": "end_user",
    "name": "Orion Security Solutions LLC",
    "country": "AE",
    "identifiers": {"registration": "DXB-774411"},
}


def load(say: Callable[[str], None]) -> None:
    if DenialNotice.objects.filter(reasons__startswith="[demo]").exists():
        say("cooperation: already loaded")
        return
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["officer-fr", "officer-de", "exporter", "rep-fr"])
    }
    if len(users) < 4:
        say("cooperation: demo users missing, skipped")
        return
    with transaction.atomic():
        notice = services.notify_denial(
            acting_user=users["officer-fr"],
            items=[
                {
                    "entry_code": "5A001.f",
                    "description": "IMSI catcher, vehicle-mounted",
                    "parameters": {"bands": "GSM/UMTS/LTE", "range": "2 km"},
                }
            ],
            parties=[END_USER],
            reasons="[demo] Clear risk of use in internal repression (Common Position 2008/944, criterion 2).",
            criteria=["cp_2"],
            destination="AE",
            denied_on=date(2025, 3, 14),
        )
        say(f"cooperation: denial notice {notice.reference}")
        _consultation(notice, users, say)
        n = services.notify_catch_all(
            acting_user=users["exporter"],
            data={
                "item_name": "Lawful-intercept mediation platform",
                "item_description": "Software platform that collects and analyses data retained by telecom operators.",
                "concern": "Our due diligence found the end user is the security service named in UN reports on arbitrary detention.",
                "destination": "AE",
                "entities": [{"name": "Orion Security Solutions LLC", "country": "AE"}],
                "parameters": {"interfaces": "ETSI LI HI2/HI3"},
            },
        )
        services.decide_catch_all(
            n,
            acting_user=users["officer-de"],
            required=True,
            reason="[demo] Authorisation required under Art 5(1): serious risk of internal repression.",
        )
        proposal = CatchAllNotification.objects.get(pk=n.pk).proposal
        services.cast_vote(proposal, acting_user=users["rep-fr"], choice="yes", comment="[demo] FR agrees.")
        say(f"cooperation: catch-all {n.reference}, proposal {proposal.reference} in voting")


def _consultation(notice: DenialNotice, users: dict[str, User], say: Callable[[str], None]) -> None:
    """A German case for the same end user and item: its consultation of France is under way."""
    officer = users["officer-de"]
    exporter = Organisation.objects.filter(name="Acme Sensors GmbH").first()
    if exporter is None or officer.organisation is None:
        return
    application = Application.objects.create(
        exporter=exporter,
        authority=officer.organisation,
        created_by=users["exporter"],
        title="[demo] Network test equipment to the UAE",
        end_use="Network testing",
        status="under_assessment",
    )
    ApplicationLine.objects.create(
        application=application,
        description="IMSI catcher",
        entry_code="5A001.f",
        quantity=Decimal(2),
        value_eur=Decimal("480000.00"),
        destination="AE",
    )
    Party.objects.create(
        application=application, role="end_user", name="Orion Security Solutions L.L.C.", country="AE"
    )
    consultation = services.request_consultation(
        application,
        notice,
        acting_user=officer,
        question="[demo] Do you consider this essentially identical?",
    )
    say(f"cooperation: consultation {consultation.reference} (answer by {consultation.deadline})")
