from __future__ import annotations

from django.contrib import admin

from dualuse.screening.models import (
    BulkScreening,
    Disposition,
    ListedEntity,
    ListSource,
    ListVersion,
    Screening,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Versions, entities and screening records change only through services (atomic, audited)."""

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(ListSource)
class ListSourceAdmin(ReadOnlyAdmin):
    list_display = ["key", "name", "format", "active_version"]


@admin.register(ListVersion)
class ListVersionAdmin(ReadOnlyAdmin):
    list_display = ["pk", "source", "file_name", "entity_count", "imported_at"]
    list_filter = ["source"]


@admin.register(ListedEntity)
class ListedEntityAdmin(ReadOnlyAdmin):
    list_display = ["ref", "caption", "schema", "version"]
    list_filter = ["schema", "version__source"]
    search_fields = ["ref", "caption"]


@admin.register(Screening)
class ScreeningAdmin(ReadOnlyAdmin):
    list_display = ["pk", "name", "organisation", "hit_count", "created_at"]
    list_filter = ["organisation"]


@admin.register(Disposition)
class DispositionAdmin(ReadOnlyAdmin):
    list_display = ["pk", "entity_ref", "decision", "organisation", "decided_by", "decided_at"]


@admin.register(BulkScreening)
class BulkScreeningAdmin(ReadOnlyAdmin):
    list_display = [
        "pk",
        "file_name",
        "organisation",
        "status",
        "done",
        "total",
        "new_hit_count",
        "created_at",
    ]
