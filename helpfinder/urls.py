from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views

handler400 = "helpfinder.views.bad_request"
handler500 = "helpfinder.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("admin/", admin.site.urls),
    path("api/hsds/", include("resources.api_urls")),
    path("", views.choose_language, name="root"),
    *i18n_patterns(path("", include("resources.urls")), prefix_default_language=True),
]
