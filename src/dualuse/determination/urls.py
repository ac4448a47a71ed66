from django.urls import path

from dualuse.determination import views

urlpatterns = [
    path("determinations/", views.index, name="determination-index"),
    path("determinations/new/", views.start, name="determination-start"),
    path("determinations/new/suggest/", views.suggest, name="determination-suggest"),
    path("determinations/new/<str:step>/", views.step, name="determination-step"),
    path("determinations/<int:pk>/", views.detail, name="determination-detail"),
]
