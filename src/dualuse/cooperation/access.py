"""Who may do what in the cooperation app: one condition per line, so tests cover each branch.

Reads are scoped by each model's `for_user`; these checks guard the writes.
"""

from __future__ import annotations

from typing import Any

from dualuse.accounts.models import OrgKind, Role
from dualuse.cooperation.errors import NotAllowed

OFFICER_ROLES = frozenset({Role.OFFICER, Role.SENIOR_OFFICER})


def _kind(user: Any) -> str:
    if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
        return ""
    return str(user.organisation.kind)


def is_officer(user: Any) -> bool:
    return _kind(user) == OrgKind.AUTHORITY and user.role in OFFICER_ROLES


def is_representative(user: Any) -> bool:
    return _kind(user) == OrgKind.AUTHORITY and user.role == Role.STATE_REPRESENTATIVE


def is_exporter(user: Any) -> bool:
    return _kind(user) == OrgKind.EXPORTER and user.role == Role.EXPORTER


def state_of(user: Any) -> str:
    return str(user.organisation.member_state) if _kind(user) else ""


def access_officer(user: Any) -> None:
    """A licensing officer or senior officer of a competent authority."""
    if not is_officer(user):
        raise NotAllowed("only a licensing officer of a competent authority may do this")


def access_officer_of_state(user: Any, state: str) -> None:
    access_officer(user)
    if state_of(user) != state:
        raise NotAllowed(f"only an officer of the {state} authority may do this")


def access_exporter(user: Any) -> None:
    if not is_exporter(user):
        raise NotAllowed("only an exporter may notify its authority (Art 5(2))")


def access_vote(user: Any, state: str) -> None:
    """Each Member State's representative votes for its own state (DESIGN §2)."""
    if not is_representative(user):
        raise NotAllowed("only a state representative may vote")
    if state_of(user) != state:
        raise NotAllowed(f"a {state_of(user)} representative cannot vote for {state}")


def access_commission(user: Any) -> None:
    if _kind(user) != OrgKind.COMMISSION:
        raise NotAllowed("only the Commission may do this")
