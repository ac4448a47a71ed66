"""Who may do what in the transparency app (DESIGN §2). Reading is public; writing is not."""

from __future__ import annotations

from typing import Any

from dualuse.accounts.models import OrgKind, Role
from dualuse.transparency.errors import NotAllowed


def access_penalty_record(user: Any, member_state: str) -> None:
    """An officer of the state's competent authority, or the Commission, records a penalty."""
    if not getattr(user, "is_authenticated", False) or user.organisation_id is None:
        raise NotAllowed("only a competent authority or the Commission records penalties")
    org = user.organisation
    if org.kind == OrgKind.COMMISSION and user.role == Role.COMMISSION:
        return
    if org.kind != OrgKind.AUTHORITY or user.role not in {Role.OFFICER, Role.SENIOR_OFFICER}:
        raise NotAllowed("only a competent authority or the Commission records penalties")
    if org.member_state != member_state:
        raise NotAllowed("an authority records the penalties of its own Member State")
