"""Licensing tests: the second factor is off unless a test turns it on (tests/licensing/test_otp.py)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _no_otp(settings: Any, tmp_path: Any) -> None:
    settings.REQUIRE_OTP_FOR_AUTHORITIES = False
    settings.MEDIA_ROOT = str(tmp_path / "media")
