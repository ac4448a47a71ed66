from __future__ import annotations

from django.contrib import admin

from dualuse.transparency.models import DecisionRecord, Penalty


@admin.register(DecisionRecord)
class DecisionRecordAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("public_id", "member_state", "year", "decision", "pub_entry", "pub_destination", "level")
    list_filter = ("year", "member_state", "decision", "level", "cyber_surveillance")
    readonly_fields = [f.name for f in DecisionRecord._meta.fields]


@admin.register(Penalty)
class PenaltyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("member_state", "decided_on", "infringement", "sanction", "amount_eur", "final")
    list_filter = ("member_state", "final", "sanction")
    readonly_fields = [f.name for f in Penalty._meta.fields]
