"""/accounts/otp/: set up a TOTP device (django-otp) and verify a code, so authority pages open.

Authority users need a second factor (DESIGN §2); `access.otp_satisfied` checks the session.
"""

from __future__ import annotations

from base64 import b32encode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/cases/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return "/"
    return target


@login_required
def otp_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = confirmed or TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    if request.method == "POST":
        token = "".join(ch for ch in request.POST.get("token", "") if ch.isdigit())[:8]
        if token and device.verify_token(token):
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Second factor verified."))
            return redirect(_next(request))
        messages.error(request, _("That code is not valid; check your authenticator's clock and try again."))
    return render(
        request,
        "licensing/otp.html",
        {
            "device": device,
            "setup": not device.confirmed,
            "secret": b32encode(device.bin_key).decode(),
            "config_url": device.config_url,
            "next": _next(request),
        },
    )
