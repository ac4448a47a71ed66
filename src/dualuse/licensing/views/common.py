"""Page helpers: who may open a page, domain errors as messages, small parsers for form fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect

from dualuse.core.errors import DomainError
from dualuse.licensing import access

View = Callable[..., HttpResponseBase]


def _login(request: HttpRequest) -> HttpResponseBase:
    return redirect_to_login(request.get_full_path())


def exporter_page(view: View) -> View:
    """Exporter users only: others get a 403 page (and anonymous users the login form)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return _login(request)
        if not access.is_exporter(request.user):
            raise PermissionDenied("exporter users only")
        return view(request, *args, **kwargs)

    return wrapper


def officer_page(view: View) -> View:
    """Licensing officers and senior officers, after their second factor."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return _login(request)
        if not access.is_case_officer(request.user):
            raise PermissionDenied("licensing officers only")
        if not access.otp_satisfied(request):
            return redirect("/accounts/otp/?" + urlencode({"next": request.get_full_path()}))
        return view(request, *args, **kwargs)

    return wrapper


def party_page(view: View) -> View:
    """Exporters and (verified) officers; the object itself is scoped by for_user in the view."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return _login(request)
        if access.is_exporter(request.user):
            return view(request, *args, **kwargs)
        return officer_page(view)(request, *args, **kwargs)

    return wrapper


def run(request: HttpRequest, action: Callable[[], Any], success: str, back: str) -> HttpResponse:
    """Call a service; a domain error becomes a message (with every problem) on the page we return to."""
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    messages.success(request, success)
    return redirect(back)


def decimal_or_none(raw: str | None) -> Decimal | None:
    text = (raw or "").strip().replace(" ", "").replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() and abs(value) < Decimal("1e13") else None


def date_or_none(raw: str | None) -> date | None:
    try:
        return date.fromisoformat((raw or "").strip())
    except ValueError:
        return None


def int_or_none(raw: str | None) -> int | None:
    text = (raw or "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None
