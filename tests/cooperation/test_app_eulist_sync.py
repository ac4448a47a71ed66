"""A change to the EU-wide list reaches screening (source `eu-cyber`) once it commits, whoever made it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dualuse.cooperation.models import EUListEntry
from dualuse.cooperation.services import eulist
from dualuse.screening.models import ListSource

pytestmark = pytest.mark.django_db


def test_renewing_an_entry_resyncs_the_screening_source(
    commission: Any, django_capture_on_commit_callbacks: Any
) -> None:
    entry = EUListEntry.objects.create(
        reference="EU-CS-2026-950",
        item_name="persona management",
        item_description="Covert persona management",
        entities=[{"name": "Nightjar Analytics Ltd", "country": "AE"}],
        rule="art5_6",
        legal_basis="Art 5(6)",
        listed_on=date(2026, 1, 10),
        review_due=date(2027, 1, 10),
    )
    with django_capture_on_commit_callbacks(execute=True):
        eulist.review_entry(entry, acting_user=commission, action="renew", note="All states agreed to renew.")
    source = ListSource.objects.get(key="eu-cyber")
    assert source.active_version is not None
    assert source.active_version.entity_count == 1
