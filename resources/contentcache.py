"""The cache of public content, in one place: the content version, the lists every page
needs, and whole public pages.

Every change to public content (a save, a delete, a changed list of audiences) raises
ContentVersion.number in the same database transaction: content_changed(), connected here
to the signals of CONTENT_MODELS and of their many-to-many fields. Paths that send no
signals (bulk_create, loaddata of a backup, which brings its own old number) call it
themselves. Cached pages and cached lists carry the version in their key, and each public
request reads the version once (current_version(), one small query), so after a staff save
the next request on every instance and every worker renders fresh, whatever the cache:
local memory per process, or Redis shared.

Pages say what is open now, so a cached page is rendered again once its minute is over.
Under load, one request does that while the others still get the copy from the minute
before (never from an older content version), and after an edit the other requests in
the same process wait for that one fresh rendering: no pile of requests rendering the
same page at once, and "open now" is at most about a minute old.

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
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date
from django.utils.translation import get_language

from .languages import codes
from .models import (
    Advice,
    Audience,
    BullyingType,
    ContactChannel,
    ContentVersion,
    Organization,
    Page,
    Resource,
)

# Everything the public sees. Contact channels before listings: when the seed writes each
# object's first history record, a listing's record includes its channels.
CONTENT_MODELS = [Audience, BullyingType, Organization, ContactChannel, Resource, Advice, Page]


@functools.cache
def version_query():
    """The SQL of the one query every public request makes, built by the ORM once:
    building it takes ten times longer than running it."""
    return ContentVersion.objects.filter(pk=1).values_list("number").query.sql_with_params()


# The version this request read, so that every list and the page itself come from one
# version: {"version": n} for the length of a request (the middleware), None outside
# requests (commands, tests), where each call reads the database.
_this_request = ContextVar("content_version_of_this_request", default=None)


def current_version():
    """The content version: read once per request, kept for the rest of it."""
    remembered = _this_request.get()
    if remembered is not None and "version" in remembered:
        return remembered["version"]
    sql, params = version_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    version = row[0] if row else 0
    if remembered is not None:
        remembered["version"] = version
    return version


def content_changed(**signal_arguments):
    """Makes every cached page and list stale, everywhere, when the transaction commits."""
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    remembered = _this_request.get()
    if remembered is not None:
        remembered.clear()  # this request reads the new number from now on


def connect_signals():
    for model in CONTENT_MODELS:
        uid = f"content-changed-{model.__name__}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}-{field.name}",
            )


# Lists every page needs (audiences, pages, advice, the ranking's candidates), in this
# process's memory: (content version, language, name) -> value. Read on every request, so
# kept here rather than in the shared cache: no copy, no pickling (the candidates of
# 10,000 listings are about 4 MB, 0.2 s to unpickle). Each process builds them once per
# content version; the content version read per request keeps them right everywhere.
_lists = {}
_building = threading.RLock()  # one thread builds, the others wait (memory at peak)


def per_version(name, build):
    """`build()` once per content version and language in this process; kept after that.
    Lists of content versions before the last two are dropped when a new one is built."""
    version = current_version()
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


# How long one request may take to render a page before a request in another process
# renders it too, and how long other requests in this process wait for it.
RENDER_LOCK_SECONDS = 10
RENDER_WAIT_SECONDS = 2

# Pages this process is rendering now: cache key -> an Event set when done. Requests for
# the same new page wait on it instead of rendering it too. Other processes (or
# instances) do not wait: Django's cache has no blocking wait, and polling it would hold
# a worker thread; each of them renders the new page at most once.
_rendering = {}
_rendering_lock = threading.Lock()


class PublicPageCacheMiddleware:
    """Whole pages for visitors without a session: /nl/…, /en/…, keyed by the content
    version and the full address (scheme, host, path and query string), re-rendered every
    minute. For every request, it keeps the content version read first for the rest of
    the request."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(f"/{code}/" for code in codes())

    def __call__(self, request):
        remembered = _this_request.set({})
        try:
            if self.is_cacheable_request(request):
                return self.cached(request)
            return self.get_response(request)
        finally:
            _this_request.reset(remembered)

    def cached(self, request):
        # The whole address, host and scheme too: a page names its canonical address, its
        # other languages' absolute addresses (resources/findable.py) and the address to
        # share, and a poster prints this site's address as its QR code.
        path = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        key = f"page:{current_version()}:{request.method}:{path}"
        now = time.time()
        minute = int(now // 60)
        stored = cache.get(key)
        if stored is not None and stored[0] == minute:
            return self.rebuild(stored[1])
        with _rendering_lock:
            done = _rendering.get(key)
            if done is None:
                done = _rendering[key] = threading.Event()
                mine = True
            else:
                mine = False
        if not mine:
            if stored is None:  # new content: wait for the fresh page
                done.wait(RENDER_WAIT_SECONDS)
                stored = cache.get(key)
            if stored is not None:
                return self.rebuild(stored[1])
            return self.get_response(request)  # not kept (an error, a cookie) or too slow
        try:
            return self.render(request, key, now, minute, stored)
        finally:
            with _rendering_lock:
                del _rendering[key]
            done.set()

    def render(self, request, key, now, minute, stored):
        # Across processes, one request renders a page again while the others serve the
        # copy from the minute before; cache.add is atomic, in local memory and in Redis.
        rendering = f"{key}:rendering:{minute}"
        first = cache.add(rendering, True, RENDER_LOCK_SECONDS)
        if not first and stored is not None:
            return self.rebuild(stored[1])  # from an earlier minute, same content version
        response = self.get_response(request)
        if self.is_cacheable_response(response):
            patch_cache_control(response, no_cache=True)
            response["Last-Modified"] = http_date(now)
            set_response_etag(response)
            page = (response.status_code, list(response.items()), response.content)
            cache.set(key, (minute, page), settings.HELPFINDER_PAGE_CACHE_SECONDS)
        if first:
            cache.delete(rendering)
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
