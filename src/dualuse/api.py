"""The JSON API at /api/v1/: one router per app, domain errors mapped to HTTP once."""

from __future__ import annotations

import logging
from importlib import import_module
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from dualuse.controllist.api import router as controllist_router
from dualuse.core.auth import SessionOrToken
from dualuse.core.errors import DomainError

api = NinjaAPI(
    title="dualuse API",
    version="1",
    description="EU dual-use export controls (Regulation (EU) 2021/821). Authenticate with a per-user token: "
    "`Authorization: Bearer du_…` (create one on your account page), or a browser session.",
    urls_namespace="api",
    auth=SessionOrToken(optional=True),
)
api.add_router("/controllist/", controllist_router, tags=["control list"])


def _mount_optional_routers() -> None:
    """Routers of apps that are installed; each app owns its own router module."""
    for app, prefix, tag in [
        ("dualuse.controllist.classify_api", "/", "classification"),
        ("dualuse.screening.api", "/screening/", "screening"),
        ("dualuse.determination.api", "/", "determination"),
        ("dualuse.licensing.api", "/licensing/", "licensing"),
        ("dualuse.cooperation.api", "/cooperation/", "cooperation"),
        ("dualuse.transparency.api", "/transparency/", "transparency"),
        ("dualuse.diligence.api", "/diligence/", "diligence"),
    ]:
        app_label = app.rsplit(".", 1)[0]
        if app_label not in settings.INSTALLED_APPS:
            continue
        try:
            module = import_module(app)
        except ModuleNotFoundError as exc:
            if exc.name == app:
                continue
            raise
        api.add_router(prefix, module.router, tags=[tag])


_mount_optional_routers()


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(request, exc.to_json(), status=exc.status)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = []
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "payload", "query", "path")]
        problems.append({"field": ".".join(loc) or "-", "message": err.get("msg", "is invalid")})
    message = "; ".join(f"{p['field']}: {p['message']}" for p in problems) or "invalid input"
    return api.create_response(
        request, {"code": "invalid_input", "message": message, "problems": problems}, status=400
    )


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request,
        {"code": "not_authenticated", "message": "log in or send `Authorization: Bearer <token>`"},
        status=401,
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"code": "not_found", "message": str(exc) or "not found"}, status=404)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"code": "http_error", "message": str(exc)}, status=exc.status_code)


@api.exception_handler(Exception)
def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logging.getLogger("dualuse.api").exception("unexpected error on %s", request.path)
    body: dict[str, Any] = {
        "code": "internal_error",
        "message": "an unexpected error occurred; it has been logged",
    }
    return api.create_response(request, body, status=500)
