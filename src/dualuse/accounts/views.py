from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from dualuse.accounts import services
from dualuse.accounts.models import ApiToken


@login_required
def account(request: HttpRequest) -> HttpResponse:
    new_token = ""
    if request.method == "POST" and request.POST.get("action") == "create_token":
        name = (request.POST.get("name") or "API token").strip()[:100]
        _, new_token = services.create_token(request.user, name)  # type: ignore[arg-type]
    elif request.method == "POST" and request.POST.get("action") == "revoke_token":
        token = get_object_or_404(ApiToken.objects.for_user(request.user), pk=request.POST.get("token_id"))
        services.revoke_token(token, acting_user=request.user)  # type: ignore[arg-type]
        messages.success(request, gettext("Token revoked."))
        return redirect("/accounts/")
    tokens = ApiToken.objects.for_user(request.user).filter(revoked_at__isnull=True)
    return render(request, "accounts/account.html", {"tokens": tokens, "new_token": new_token})
