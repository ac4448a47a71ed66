from __future__ import annotations

from django.contrib import admin

from dualuse.diligence.models import ComplianceProgramme, DueDiligenceRecord, Evidence, EvidenceConsideration


@admin.register(DueDiligenceRecord)
class DueDiligenceRecordAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "number",
        "reference",
        "exporter",
        "conclusion",
        "notification_status",
        "version",
        "retain_until",
    )
    list_filter = ("conclusion", "notification_status")
    readonly_fields = [f.name for f in DueDiligenceRecord._meta.fields]


@admin.register(ComplianceProgramme)
class ComplianceProgrammeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("exporter", "complete", "version", "assessed_at")
    readonly_fields = [f.name for f in ComplianceProgramme._meta.fields]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("number", "title", "subject", "country", "status", "organisation", "submitted_at")
    list_filter = ("status", "subject", "confidentiality")
    readonly_fields = [f.name for f in Evidence._meta.fields]


@admin.register(EvidenceConsideration)
class EvidenceConsiderationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("evidence", "application", "how", "considered_by", "considered_at")
    readonly_fields = [f.name for f in EvidenceConsideration._meta.fields]
