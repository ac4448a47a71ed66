"""Navigation for the signed-in role. Links whose page is not installed are left out (resolve fails)."""

from __future__ import annotations

from functools import lru_cache

from django.http import HttpRequest
from django.urls import Resolver404, resolve

PUBLIC = [
    ("/screening/lists/", "Lists"),
    ("/eu-list/", "EU-wide list"),
    ("/transparency/", "Transparency"),
    ("/transparency/report/", "Annual report"),
    ("/transparency/penalties/", "Penalties"),
    ("/handbook/", "Handbook"),
    ("/licences/verify/", "Check a licence"),
]
BY_ROLE: dict[str, list[tuple[str, str]]] = {
    "exporter": [
        ("/determinations/", "Do I need a licence?"),
        ("/screening/", "Screening"),
        ("/screening/bulk/", "Bulk screening"),
        ("/applications/", "Applications"),
        ("/licences/", "Licences"),
        ("/ugea/", "General authorisations"),
        ("/diligence/", "Due diligence"),
        ("/diligence/programme/", "Compliance programme"),
        ("/cooperation/", "Notifications"),
    ],
    "officer": [
        ("/cases/", "Workbench"),
        ("/licences/", "Licences"),
        ("/ugea/", "UGEA"),
        ("/screening/", "Screening"),
        ("/cooperation/", "Cooperation"),
        ("/evidence/?status=submitted", "Evidence"),
    ],
    "senior_officer": [
        ("/cases/", "Workbench"),
        ("/licences/", "Licences"),
        ("/ugea/", "UGEA"),
        ("/screening/", "Screening"),
        ("/cooperation/", "Cooperation"),
        ("/evidence/?status=submitted", "Evidence"),
    ],
    "state_representative": [("/cooperation/", "Cooperation"), ("/cooperation/votes/", "Votes")],
    "commission": [
        ("/cooperation/", "Cooperation"),
        ("/screening/", "Screening"),
        ("/screening/lists/", "Lists"),
        ("/evidence/?status=submitted", "Evidence"),
    ],
    "ngo": [("/evidence/", "Evidence"), ("/evidence/new/", "Submit evidence")],
    "admin": [("/admin/", "Admin")],
}


@lru_cache(maxsize=64)
def _exists(path: str) -> bool:
    try:
        resolve(path.split("?", 1)[0])
    except Resolver404:
        return False
    return True


def links_for(role: str) -> list[dict[str, str]]:
    return [{"url": url, "label": label} for url, label in [*BY_ROLE.get(role, []), *PUBLIC] if _exists(url)]


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    role = getattr(user, "role", "") if user is not None and user.is_authenticated else ""
    return {"nav_role": role, "nav_links": links_for(role)}
