from __future__ import annotations

from django.urls import path

from dualuse.cooperation import views

urlpatterns = [
    path("cooperation/", views.desk, name="cooperation-desk"),
    path("cooperation/denials/<int:pk>/", views.denial_page, name="cooperation-denial"),
    path("cooperation/consultations/<int:pk>/", views.consultation_page, name="cooperation-consultation"),
    path("cooperation/notifications/new/", views.notification_new, name="cooperation-notification-new"),
    path("cooperation/notifications/<int:pk>/", views.notification_page, name="cooperation-notification"),
    path("cooperation/proposals/<int:pk>/", views.proposal_page, name="cooperation-proposal"),
    path("eu-list/", views.eu_list_page, name="eu-list"),
    path("eu-list/eu-list.csv", views.eu_list_csv, name="eu-list-csv"),
    path("eu-list/eu-list.json", views.eu_list_json, name="eu-list-json"),
    path("eu-list/eu-list.ftm.json", views.eu_list_ftm, name="eu-list-ftm"),
    path("eu-list/<str:reference>/", views.eu_list_entry_page, name="eu-list-entry"),
]
