from __future__ import annotations

from django.urls import path

from dualuse.screening import views

urlpatterns = [
    path("screening/", views.screen_page, name="screening"),
    path("screening/screenings/<int:pk>/", views.screening_detail, name="screening-detail"),
    path(
        "screening/screenings/<int:pk>/dispositions/", views.disposition_create, name="screening-disposition"
    ),
    path("screening/bulk/", views.bulk_page, name="screening-bulk"),
    path("screening/bulk/<int:pk>/", views.bulk_detail, name="screening-bulk-detail"),
    path("screening/bulk/<int:pk>/result.csv", views.bulk_result, name="screening-bulk-result"),
    path("screening/lists/", views.lists_page, name="screening-lists"),
]
