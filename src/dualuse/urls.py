from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView

from dualuse.accounts import views as account_views
from dualuse.accounts.throttle import ThrottledLoginView
from dualuse.api import api
from dualuse.controllist import views as controllist_views

urlpatterns = [
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", ThrottledLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", account_views.account, name="account"),
    path("controllist/", controllist_views.tree, name="controllist-tree"),
    path("controllist/search/", controllist_views.search_page, name="controllist-search"),
    path("controllist/entries/<str:code>/", controllist_views.entry_page, name="controllist-entry"),
    path("classify/", controllist_views.classify_page, name="classify"),
]

for module in ("screening", "determination", "licensing", "cooperation", "diligence", "transparency"):
    try:
        urlpatterns.append(path("", include(f"dualuse.{module}.urls")))
    except ModuleNotFoundError as exc:
        if exc.name != f"dualuse.{module}.urls":
            raise
