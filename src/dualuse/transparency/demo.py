"""Demo data: published decisions (the licensing demo's decided cases, and a synthetic history so the
portal has something to show) and a penalties register."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.db import transaction

from dualuse.accounts.models import User
from dualuse.transparency import services, synthetic
from dualuse.transparency.models import DecisionRecord, Penalty

PENALTIES = [
    (
        "DE",
        date(2024, 3, 12),
        "unlicensed_export",
        "fine",
        "250000",
        None,
        "Export of 5A002 encryption equipment without an authorisation.",
    ),
    (
        "DE",
        date(2025, 6, 2),
        "false_information",
        "suspended_sentence",
        None,
        10,
        "False end-use statement for machine tools.",
    ),
    (
        "FR",
        date(2024, 11, 20),
        "licence_conditions",
        "fine",
        "75000",
        None,
        "Re-export contrary to licence conditions.",
    ),
    (
        "NL",
        date(2025, 2, 14),
        "unlicensed_export",
        "confiscation",
        None,
        None,
        "Goods confiscated at the border.",
    ),
    ("SE", date(2025, 9, 30), "records", "fine", "12000", None, "Records not kept for five years (Art 27)."),
    (
        "IT",
        date(2023, 7, 7),
        "brokering",
        "imprisonment",
        None,
        18,
        "Brokering of 1C010 fibres without an authorisation.",
    ),
]


def load_demo(log: Callable[[str], None]) -> None:
    # The synthetic history has no application behind it; real demo decisions may be published already.
    if not DecisionRecord.objects.filter(application_id__isnull=True).exists():
        with transaction.atomic():
            DecisionRecord.objects.bulk_create(
                (DecisionRecord(**row) for row in synthetic.generate(3000, seed=7, exporters=60)),
                batch_size=2000,
            )
        log("transparency: 3,000 synthetic published decisions (2023-2025)")
    published = services.publish_decided()
    if published:
        log(f"transparency: published {published} decided applications")
    if not Penalty.objects.exists():
        recorder = User.objects.filter(username="commission").first()
        if recorder is None:
            return
        for state, day, infringement, sanction, amount, months, summary in PENALTIES:
            services.record_penalty(
                services.PenaltyDraft(
                    state,
                    day,
                    infringement,
                    sanction,
                    Decimal(amount) if amount else None,
                    months,
                    summary,
                    final=True,
                ),
                acting_user=recorder,
            )
        log(f"transparency: {len(PENALTIES)} penalties in the register")
