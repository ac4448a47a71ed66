"""Demo data: organisations and users for every role, then each app's own demo data.

Apps register a loader in their AppConfig.ready(); `dualuse demo` calls them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

DemoLoader = Callable[[Callable[[str], None]], None]
_loaders: list[tuple[str, DemoLoader]] = []


def register(label: str, loader: DemoLoader) -> None:
    if all(existing != label for existing, _ in _loaders):
        _loaders.append((label, loader))


def loaders() -> list[tuple[str, DemoLoader]]:
    return list(_loaders)


DEMO_ORGANISATIONS: list[dict[str, Any]] = [
    {"name": "Acme Sensors GmbH", "kind": "exporter", "member_state": "DE"},
    {"name": "Nordlys Telecom AB", "kind": "exporter", "member_state": "SE"},
    {"name": "BAFA (DE competent authority)", "kind": "authority", "member_state": "DE"},
    {"name": "SBDU (FR competent authority)", "kind": "authority", "member_state": "FR"},
    {"name": "ISP (SE competent authority)", "kind": "authority", "member_state": "SE"},
    {"name": "European Commission, DG TRADE", "kind": "commission", "member_state": ""},
    {"name": "Surveillance Watch (NGO)", "kind": "ngo", "member_state": ""},
]

# Demo passwords are printed by `dualuse demo`; never use the demo data in production.
DEMO_USERS: list[dict[str, str]] = [
    {"username": "exporter", "organisation": "Acme Sensors GmbH", "role": "exporter"},
    {"username": "exporter-se", "organisation": "Nordlys Telecom AB", "role": "exporter"},
    {"username": "officer-de", "organisation": "BAFA (DE competent authority)", "role": "officer"},
    {"username": "senior-de", "organisation": "BAFA (DE competent authority)", "role": "senior_officer"},
    {"username": "rep-de", "organisation": "BAFA (DE competent authority)", "role": "state_representative"},
    {"username": "officer-fr", "organisation": "SBDU (FR competent authority)", "role": "officer"},
    {"username": "senior-fr", "organisation": "SBDU (FR competent authority)", "role": "senior_officer"},
    {"username": "rep-fr", "organisation": "SBDU (FR competent authority)", "role": "state_representative"},
    {"username": "officer-se", "organisation": "ISP (SE competent authority)", "role": "officer"},
    {"username": "rep-se", "organisation": "ISP (SE competent authority)", "role": "state_representative"},
    {"username": "commission", "organisation": "European Commission, DG TRADE", "role": "commission"},
    {"username": "ngo", "organisation": "Surveillance Watch (NGO)", "role": "ngo"},
]


def demo_password(username: str) -> str:
    return f"demo-{username}-2021"
