"""Navigation for the signed-in role. Links whose page is not installed are left out (resolve fails)."""

from __future__ import annotations

from functools import lru_cache

from django.http import HttpRequest
from django.urls import Resolver404, resolve
from django.utils.translation import gettext, gettext_noop

PUBLIC = [
    ("/screening/lists/", gettext_noop("Lists")),
    ("/eu-list/", gettext_noop("EU-wide list")),
    ("/transparency/", gettext_noop("Transparency")),
    ("/transparency/report/", gettext_noop("Annual report")),
    ("/transparency/penalties/", gettext_noop("Penalties")),
    ("/handbook/", gettext_noop("Handbook")),
    ("/licences/verify/", gettext_noop("Check a licence")),
]
CASEWORK = [
    ("/cases/", gettext_noop("Workbench")),
    ("/licences/", gettext_noop("Licences")),
    ("/ugea/", gettext_noop("UGEA")),
    ("/screening/", gettext_noop("Screening")),
    ("/cooperation/", gettext_noop("Cooperation")),
    ("/evidence/?status=submitted", gettext_noop("Evidence")),
]
BY_ROLE: dict[str, list[tuple[str, str]]] = {
    "exporter": [
        ("/determinations/", gettext_noop("Do I need a licence?")),
        ("/screening/", gettext_noop("Screening")),
        ("/screening/bulk/", gettext_noop("Bulk screening")),
        ("/applications/", gettext_noop("Applications")),
        ("/licences/", gettext_noop("Licences")),
        ("/ugea/", gettext_noop("General authorisations")),
        ("/diligence/", gettext_noop("Due diligence")),
        ("/diligence/programme/", gettext_noop("Compliance programme")),
        ("/cooperation/", gettext_noop("Notifications")),
    ],
    "officer": CASEWORK,
    "senior_officer": CASEWORK,  # countersigning happens on the same case pages
    "state_representative": [
        ("/cooperation/", gettext_noop("Cooperation")),
        ("/cooperation/votes/", gettext_noop("Votes")),
    ],
    "commission": [
        ("/cooperation/", gettext_noop("Cooperation")),
        ("/screening/", gettext_noop("Screening")),
        ("/screening/lists/", gettext_noop("Lists")),
        ("/evidence/?status=submitted", gettext_noop("Evidence")),
    ],
    "ngo": [("/evidence/", gettext_noop("Evidence")), ("/evidence/new/", gettext_noop("Submit evidence"))],
    "admin": [("/admin/", gettext_noop("Admin"))],
}


@lru_cache(maxsize=64)
def _exists(path: str) -> bool:
    try:
        resolve(path.split("?", 1)[0])
    except Resolver404:
        return False
    return True


def _links(pairs: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"url": url, "label": gettext(label)} for url, label in pairs if _exists(url)]


def links_for(role: str) -> list[dict[str, str]]:
    return _links([*BY_ROLE.get(role, []), *PUBLIC])


def navigation(request: HttpRequest) -> dict[str, object]:
    """The role's own pages in the main bar; the public pages in a second, quieter row."""
    user = getattr(request, "user", None)
    role = getattr(user, "role", "") if user is not None and user.is_authenticated else ""
    return {"nav_role": role, "nav_links": _links(BY_ROLE.get(role, [])), "public_links": _links(PUBLIC)}
