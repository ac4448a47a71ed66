"""The licensing API at /api/v1/licensing/: exporter routes, authority routes and the public licence check.

Each route admits one audience: exporter routes refuse other roles (403), authority routes refuse
non-officers and unverified sessions (403), and every object comes through `for_user` (404 if out of scope).
"""

from ninja import Router

from dualuse.licensing.api import authority, exporter, licences, ugea

router = Router()
router.add_router("", exporter.router)
router.add_router("", authority.router)
router.add_router("", licences.router)
router.add_router("", ugea.router)

__all__ = ["router"]
