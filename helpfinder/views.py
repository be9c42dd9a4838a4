import sys
from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control, never_cache

from resources.sitemaps import SITEMAPS

from . import unsaved
from .cache import state as cache_state

RETRY_AFTER_SECONDS = 30
ROBOTS_MAX_AGE = 24 * 60 * 60  # seconds: crawlers read robots.txt about daily anyway
SITEMAP_MAX_AGE = 60 * 60  # seconds: a new listing reaches search engines within the hour


def choose_language(request):
    """/ goes to /nl/, /en/, ... by what the browser asks for; Dutch when it asks for none."""
    response = redirect("resources:home")  # LocaleMiddleware has activated the language
    patch_vary_headers(response, ["Accept-Language"])
    return response


@never_cache
def healthz(request):
    """For load balancers: 200 while this instance can serve visitors, 503 when it cannot
    (its database does not answer). The cache is reported, never a reason for 503: without
    it pages come from the database ("redis", "away" or "local", helpfinder/cache.py)."""
    state = {"cache": cache_state(caches["default"])}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down", **state}, status=503)
    return JsonResponse({"status": "ok", "database": "up", **state})


def security_txt(request):
    """RFC 9116: where to report a vulnerability."""
    expires = (timezone.now() + timedelta(days=365)).replace(microsecond=0)
    lines = [
        f"Contact: {settings.HELPFINDER_SECURITY_CONTACT}",
        f"Expires: {expires.isoformat()}",
        f"Preferred-Languages: {', '.join(code for code, _name in settings.LANGUAGES)}",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache_control(max_age=ROBOTS_MAX_AGE)
def robots_txt(request):
    """For search engines: every public page may be crawled, the admin not; the sitemap
    at its absolute address on this host (robots.txt allows no relative one)."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache_control(max_age=SITEMAP_MAX_AGE)
def sitemap_xml(request):
    """Every public page in every language, with its alternates (resources/sitemaps.py)."""
    return sitemap(request, sitemaps=SITEMAPS)


def server_error(request):
    """handler500. When the database is down, public pages still show the emergency
    numbers and the exit button, in the visitor's language, with 503 and Retry-After; a
    staff member's admin form that could not be saved comes back to be posted again
    (unsaved.py). Renders templates that do not touch the database."""
    database_down = isinstance(sys.exc_info()[1], DatabaseError)
    if database_down and unsaved.is_admin_post(request):
        response = unsaved.not_saved(request, status=503)  # in the staff member's language
    else:
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            if database_down:
                response = render(request, "emergency.html", status=503)
            else:
                response = render(request, "500.html", status=500)
    if database_down:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return render(request, "400.html", status=400)
