"""Public pages from the cache, invalidated by a content version kept in the database.

Every change to public content (a save, a delete, a changed list of audiences) raises
ContentVersion.number in the same database transaction. Cached pages and cached lists
carry the version in their key, and each public request reads the version first (one
small query), so after a staff save the next request on every instance and every worker
renders fresh, whatever the cache: local memory per process, or Redis shared.

Pages say what is open now, so a cached page is rendered again once its minute is over.
Under load, one request does that while the others still get the copy from the minute
before (never from an older content version), and after an edit the others wait for the
one fresh rendering: no pile of requests rendering the same page at once, and "open now"
is at most about a minute old.

Django's own cache middleware is not used: its key prefix is fixed at start-up, so it
cannot follow the content version, and it sends max-age, which would let browsers show a
page from before an edit. Pages here are sent with "no-cache", an ETag and Last-Modified
(the time the page was rendered), so browsers and proxies revalidate every time and get
304 Not Modified while the page is unchanged (ConditionalGetMiddleware). Last-Modified
counts whole seconds; the ETag, which browsers send along and which takes precedence,
tells apart two versions rendered within the same second.
"""

import functools
import hashlib
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.translation import get_language

from .models import Advice, Audience, BullyingType, ContentVersion, OpeningHours, Page, Resource

CONTENT_MODELS = [Resource, OpeningHours, Audience, BullyingType, Advice, Page]
M2M_THROUGH = [
    Resource.audiences.through,
    Resource.also_for.through,
    Resource.bullying_types.through,
    Resource.general_types.through,
    Advice.bullying_types.through,
    Advice.audiences.through,
]


@functools.cache
def version_query():
    """The SQL of the one query every public request makes, built by the ORM once:
    building it takes ten times longer than running it."""
    return ContentVersion.objects.filter(pk=1).values_list("number").query.sql_with_params()


def current_version():
    sql, params = version_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return row[0] if row else 0


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


# Lists every page needs (audiences, pages, advice, the ranking's candidates), in this
# process's memory: (content version, language, name) -> value. Read on every request, so
# kept here rather than in the shared cache: no copy, no pickling (the candidates of
# 10,000 listings are about 4 MB, 0.2 s to unpickle). Each process builds them once per
# content version; the content version read per request keeps them right everywhere.
_lists = {}
_building = threading.RLock()  # one thread builds, the others wait (memory at peak)


def versioned(request, name, build):
    """`build()` once per content version and language in this process; kept after that.
    Lists of content versions before the last two are dropped when a new one is built."""
    version = request_version(request)
    key = (version, get_language(), name)
    value = _lists.get(key)
    if value is None:
        with _building:
            value = _lists.get(key)
            if value is None:
                value = build()
                _lists[key] = value
                for stale in [k for k in _lists if k[0] < version - 1]:
                    del _lists[stale]
    return value


def forget_lists():
    """Tests: content rolled back to an earlier state keeps its version number."""
    _lists.clear()


# How long one request may take to render a page before another one tries, and how long
# other requests for the same new page wait for it rather than render it too.
RENDER_LOCK_SECONDS = 10
RENDER_WAIT_SECONDS = 2


class PublicPageCacheMiddleware:
    """Whole pages for visitors without a session: /nl/…, /en/…, keyed by the content
    version and the full path with its query string, re-rendered every minute."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{request_version(request)}:{request.method}:{path}"
        now = time.time()
        minute = int(now // 60)
        stored = cache.get(key)
        if stored is not None and stored[0] == minute:
            return self.rebuild(stored[1])
        # One request renders the page; cache.add is atomic, in local memory and in Redis.
        rendering = f"{key}:rendering:{minute}"
        if not cache.add(rendering, True, RENDER_LOCK_SECONDS):
            if stored is not None:  # from an earlier minute, same content version
                return self.rebuild(stored[1])
            stored = self.wait_for(key, rendering)  # new content: wait for the fresh page
            if stored is not None:
                return self.rebuild(stored[1])
        response = self.get_response(request)
        if self.is_cacheable_response(response):
            patch_cache_control(response, no_cache=True)
            response["Last-Modified"] = http_date(now)
            set_response_etag(response)
            page = (response.status_code, list(response.items()), response.content)
            cache.set(key, (minute, page), settings.HELPFINDER_PAGE_CACHE_SECONDS)
        cache.delete(rendering)  # done; a page that is not kept is not waited for
        return response

    @staticmethod
    def wait_for(key, rendering):
        """The page another request is rendering; None when it is done without keeping
        one (an error, a page with a cookie) or takes too long."""
        deadline = time.monotonic() + RENDER_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.01)
            stored = cache.get(key)
            if stored is not None or cache.get(rendering) is None:
                return stored
        return None

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
