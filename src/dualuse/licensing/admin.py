"""Read-mostly admin: state changes go through the services (and the audit log), never through the admin."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from dualuse.licensing.models import (
    Application,
    Decision,
    Denial,
    GeneralAuthorisationRegistration,
    Licence,
    LicenceUse,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(ReadOnlyAdmin):
    list_display = ("id", "exporter", "authority", "type", "activity", "status", "submitted_at")
    list_filter = ("status", "type", "activity")
    search_fields = ("search_text",)


@admin.register(Licence)
class LicenceAdmin(ReadOnlyAdmin):
    list_display = ("number", "holder", "status", "valid_from", "valid_until")
    list_filter = ("status", "member_state")
    search_fields = ("number",)


@admin.register(LicenceUse)
class LicenceUseAdmin(ReadOnlyAdmin):
    list_display = ("licence", "line", "quantity", "value_eur", "shipped_on", "customs_reference")


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("application", "outcome", "status", "proposed_by", "reviewed_by")


@admin.register(Denial)
class DenialAdmin(ReadOnlyAdmin):
    list_display = ("application", "member_state", "denied_on", "revoked_at")


@admin.register(GeneralAuthorisationRegistration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ("code", "exporter", "status", "acknowledge_by")
