"""Login throttling: after too many failures for one username or address, refuse for a while.

Counts live in Django's cache (per process by default; point CACHES at Redis for several workers).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import LoginView
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

MAX_FAILURES = 5
LOCK_SECONDS = 300


def _keys(request: HttpRequest) -> list[str]:
    username = (request.POST.get("username") or "").strip().lower()
    address = request.META.get("REMOTE_ADDR", "")
    return [f"login-fail:user:{username}", f"login-fail:addr:{address}"]


def is_locked(request: HttpRequest) -> bool:
    return any((cache.get(k) or 0) >= MAX_FAILURES for k in _keys(request))


def note_failure(request: HttpRequest) -> None:
    for key in _keys(request):
        cache.add(key, 0, LOCK_SECONDS)
        cache.incr(key)


class ThrottledLoginView(LoginView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if is_locked(request):
            form = self.get_form()
            form.add_error(None, "Too many failed attempts: try again in a few minutes.")
            return self.render_to_response(self.get_context_data(form=form), status=429)
        response = super().post(request, *args, **kwargs)
        if response.status_code == 200:  # the form was re-shown: the credentials were wrong
            note_failure(request)
        return response
