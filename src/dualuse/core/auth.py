"""API authentication: a per-user bearer token (stored hashed) or the browser session (with CSRF)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from dualuse.accounts.services import user_for_token
from dualuse.core.errors import NotAuthenticated


class SessionOrToken:
    """Accept `Authorization: Bearer du_…` or a logged-in session. With `optional=True`, anonymous
    callers pass through (public endpoints); handlers that need a user call `require_user`."""

    def __init__(self, *, optional: bool = False) -> None:
        self.optional = optional
        self._bearer = _Bearer()
        self._session = _Session()

    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get("Authorization", "")
        if header.lower().startswith("bearer "):
            user = self._bearer(request)
            if user:
                request.user = user  # type: ignore[assignment]
                request._dualuse_token = True  # type: ignore[attr-defined]
                return user
            return None  # a wrong token is never treated as anonymous: 401
        user = self._session(request)
        if user:
            return user
        if self.optional:
            return _ANONYMOUS_OK
        return None


class _Bearer(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return user_for_token(token)


class _Session(APIKeyCookie):
    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return user
        return None


class _AnonymousOk:
    """A truthy marker: ninja treats a falsy auth result as 401."""

    def __bool__(self) -> bool:
        return True


_ANONYMOUS_OK = _AnonymousOk()


def acting_user(request: HttpRequest) -> Any:
    return request.user


def require_user(request: HttpRequest) -> Any:
    user = request.user
    if not user.is_authenticated:
        raise NotAuthenticated("log in or send `Authorization: Bearer <token>`")
    return user
