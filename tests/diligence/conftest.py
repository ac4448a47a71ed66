"""Diligence tests: the second factor is off unless a test turns it on; uploads go to a temporary
storage directory."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from dualuse.accounts.models import Organisation
from dualuse.accounts.services import create_user
from dualuse.diligence import services
from dualuse.diligence.models import Evidence

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _no_otp_and_tmp_media(settings: Any, tmp_path: Any) -> None:
    settings.REQUIRE_OTP_FOR_AUTHORITIES = False
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def other_ngo(db: Any) -> Any:
    org, _ = Organisation.objects.get_or_create(name="Other NGO", kind="ngo")
    return create_user(username="ngo-b", password="correct-horse-battery", organisation=org, role="ngo")


@pytest.fixture
def state_representative(db: Any) -> Any:
    org, _ = Organisation.objects.get_or_create(
        name="Authority DE", defaults={"kind": "authority", "member_state": "DE"}
    )
    return create_user(
        username="rep-de", password="correct-horse-battery", organisation=org, role="state_representative"
    )


@pytest.fixture
def make_evidence(db: Any) -> Callable[..., Evidence]:
    """Evidence about Golden Eagle Trading (MM) through the service, with one PDF unless told."""

    def make(ngo: Any, *, documents: list[tuple[str, bytes]] | None = None, **changes: Any) -> Evidence:
        fields: dict[str, Any] = {
            "subject": "end_user",
            "title": "Golden Eagle supplies the police",
            "summary": "Company records show reselling of interception kits to the police.",
            "observed_on": date(2025, 5, 1),
            "country": "MM",
            "party_name": "Golden Eagle Trading LLC",
            "sources": ("https://example.org/r",),
            **changes,
        }
        files = [("report.pdf", PDF)] if documents is None else documents
        uploads = [services.Upload(name, io.BytesIO(data), len(data)) for name, data in files]
        return services.submit_evidence(services.EvidenceDraft(**fields), acting_user=ngo, uploads=uploads)

    return make
