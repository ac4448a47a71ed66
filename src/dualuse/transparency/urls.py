from __future__ import annotations

from django.urls import path

from dualuse.transparency import views

urlpatterns = [
    path("transparency/", views.portal, name="transparency-portal"),
    path("transparency/decisions.csv", views.download_csv, name="transparency-csv"),
    path("transparency/decisions.json", views.download_json, name="transparency-json"),
    path("transparency/report/", views.report_index, name="transparency-reports"),
    path("transparency/report/<int:year>/", views.report_page, name="transparency-report"),
    path("transparency/report/<int:year>.pdf", views.report_pdf, name="transparency-report-pdf"),
    path("transparency/penalties/", views.penalties, name="transparency-penalties"),
    path("transparency/penalties/new/", views.penalty_new, name="transparency-penalty-new"),
    path("handbook/", views.handbook_index, name="handbook"),
    path("handbook/<slug:slug>/", views.handbook_article, name="handbook-article"),
]
