from __future__ import annotations

from django.urls import path

from dualuse.diligence import views

urlpatterns = [
    path("diligence/", views.records, name="diligence-records"),
    path("diligence/records/new/", views.record_new, name="diligence-record-new"),
    path("diligence/records/<int:pk>/", views.record_detail, name="diligence-record"),
    path("diligence/programme/", views.programme, name="diligence-programme"),
    path("evidence/", views.evidence_list, name="evidence-list"),
    path("evidence/new/", views.evidence_new, name="evidence-new"),
    path("evidence/<int:pk>/", views.evidence_detail, name="evidence-detail"),
    path(
        "evidence/<int:pk>/documents/<int:document_id>/",
        views.evidence_document,
        name="evidence-document",
    ),
    path("evidence/cases/<int:application_id>/", views.case_evidence, name="evidence-case"),
]
