"""Public pages from the cache, invalidated by a content version kept in the database.

Every change to public content (a save, a delete, a changed list of audiences) raises
ContentVersion.number in the same database transaction. Cached pages and cached lists
carry the version in their key, and each public request reads the version first (one
small query), so after a staff save the next request on every instance and every worker
renders fresh, whatever the cache: local memory per process, or Redis shared.

Django's own cache middleware is not used: its key prefix is fixed at start-up, so it
cannot follow the content version, and it sends max-age, which would let browsers show a
page from before an edit. Pages here are sent with "no-cache" and an ETag instead
(ConditionalGetMiddleware), so browsers and proxies revalidate every time.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from .models import Advice, Audience, BullyingType, ContentVersion, OpeningHours, Page, Resource

CONTENT_MODELS = [Resource, OpeningHours, Audience, BullyingType, Advice, Page]
M2M_THROUGH = [
    Resource.audiences.through,
    Resource.bullying_types.through,
    Advice.bullying_types.through,
]


def current_version():
    return ContentVersion.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def bump_version(**kwargs):
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def connect_signals():
    for model in CONTENT_MODELS:
        post_save.connect(bump_version, sender=model, dispatch_uid=f"bump-save-{model.__name__}")
        post_delete.connect(bump_version, sender=model, dispatch_uid=f"bump-del-{model.__name__}")
    for through in M2M_THROUGH:
        m2m_changed.connect(
            bump_version, sender=through, dispatch_uid=f"bump-m2m-{through.__name__}"
        )


def request_version(request):
    """The content version, read once per request."""
    if not hasattr(request, "content_version"):
        request.content_version = current_version()
    return request.content_version


def versioned(request, name, build):
    """`build()` once per content version and language; from the cache after that."""
    key = f"data:{request_version(request)}:{get_language()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.HELPFINDER_DATA_CACHE_SECONDS)
    return value


class PublicPageCacheMiddleware:
    """Whole pages for visitors without a session: /nl/…, /en/…, keyed by the content
    version, the minute (pages say "open now") and the full path with its query string."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        minute = int(time.time() // 60)
        key = f"page:{request_version(request)}:{minute}:{request.method}:{path}"
        stored = cache.get(key)
        if stored is not None:
            return self.rebuild(stored)
        response = self.get_response(request)
        if self.is_cacheable_response(response):
            patch_cache_control(response, no_cache=True)
            stored = (response.status_code, list(response.items()), response.content)
            cache.set(key, stored, settings.HELPFINDER_PAGE_CACHE_SECONDS)
        return response

    def is_cacheable_request(self, request):
        return (
            settings.HELPFINDER_PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and request.path.startswith(self.prefixes)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES  # staff may see drafts
        )

    @staticmethod
    def is_cacheable_response(response):
        return response.status_code == 200 and not response.cookies and not response.streaming

    @staticmethod
    def rebuild(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response
