"""Read-mostly admin: state changes go through the services (and the audit log), not through forms."""

from __future__ import annotations

from django.contrib import admin

from dualuse.cooperation.models import (
    CatchAllNotification,
    Consultation,
    DenialNotice,
    EUListEntry,
    EUListProposal,
    GrantDespiteDenial,
    Vote,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(DenialNotice)
class DenialNoticeAdmin(ReadOnlyAdmin):
    list_display = ("reference", "member_state", "basis", "status", "notified_on", "review_due")
    list_filter = ("status", "member_state", "basis")


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyAdmin):
    list_display = ("reference", "kind", "requesting_state", "consulted_state", "status", "deadline")
    list_filter = ("kind", "status")


@admin.register(GrantDespiteDenial)
class GrantDespiteDenialAdmin(ReadOnlyAdmin):
    list_display = ("application", "denial_notice", "member_state", "recorded_at")


@admin.register(CatchAllNotification)
class CatchAllNotificationAdmin(ReadOnlyAdmin):
    list_display = ("reference", "origin", "member_state", "item_name", "destination", "status")
    list_filter = ("status", "origin")


class VoteInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Vote
    extra = 0
    can_delete = False
    readonly_fields = ("member_state", "deadline", "extension_days", "choice", "cast_at")
    fields = readonly_fields


@admin.register(EUListProposal)
class EUListProposalAdmin(ReadOnlyAdmin):
    list_display = ("reference", "rule", "notifying_state", "status", "outcome", "opened_on")
    inlines = [VoteInline]


@admin.register(EUListEntry)
class EUListEntryAdmin(ReadOnlyAdmin):
    list_display = ("reference", "item_name", "rule", "status", "listed_on", "review_due")
    list_filter = ("rule", "status")
