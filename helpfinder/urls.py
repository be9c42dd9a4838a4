from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", views.choose_language, name="root"),
    *i18n_patterns(path("", include("resources.urls")), prefix_default_language=True),
]
