"""Tests in a real browser: Debian's Chromium through Playwright, against Django's live
server with the seed data committed.

One browser for all the tests in this folder (it is closed when they are done, so that
Playwright's event loop is gone before other tests touch the database), a fresh context
(no cookies, no cache, no history) for each page a test opens.

Without Chromium (or without Java and vnu.jar, for the HTML check) these tests are skipped
with one line saying how to install it; with HELPFINDER_REQUIRE_BROWSER=1 (CI sets it)
they fail instead, so CI never passes without them.
"""

import html
import os
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.core.signals import request_started
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from devtools import chromium
from tests.conftest import LANGUAGES, public_urls, totp_code

REQUIRED = os.environ.get("HELPFINDER_REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes"}

# The rules axe-core checks: WCAG 2.0, 2.1 and 2.2, levels A and AA. No rule is turned off.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


# tryfirst: before pytest's own hook deselects by marker (-m "not browser", make test-fast).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test (this hook sees the whole session's tests)."""
    folder = Path(__file__).parent
    for item in items:
        if folder in item.path.parents:
            item.add_marker(pytest.mark.browser)


class Unavailable(pytest.skip.Exception):
    """A tool these tests need (Chromium, Java, vnu.jar) is not installed."""


def unavailable(reason):
    """Skip, saying how to install what is missing; fail instead where it is required."""
    if REQUIRED:
        pytest.fail(f"{reason} (required: HELPFINDER_REQUIRE_BROWSER is set)", pytrace=False)
    raise Unavailable(reason)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Tests skipped for one missing tool make one line in the summary, not one per test."""
    report = yield
    if call.excinfo is not None and call.excinfo.errisinstance(Unavailable):
        report.longrepr = (__file__, None, f"Skipped: {call.excinfo.value.msg}")
    return report


def every_public_page(language):
    """One URL of every public page type: public_urls() plus the 404 page and the feedback
    form with its thank-you page."""
    with translation.override(language):
        report = reverse("resources:report", kwargs={"slug": "kindertelefoon"})
        thanks = reverse("resources:report_thanks", kwargs={"slug": "kindertelefoon"})
    not_found = {"nl": "/nl/bestaat-niet/", "en": "/en/does-not-exist/"}[language]
    return [*public_urls(language), report, thanks, not_found]


ALL_PUBLIC_PAGES = [url for language in LANGUAGES for url in every_public_page(language)]


# ------------------------------------------------------------------ the browser


@pytest.fixture(scope="package")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable('Browser tests need Playwright: .venv/bin/pip install -e ".[dev]"')
    if chromium.chromium_path() is None:
        unavailable(f"Browser tests need Chromium: {chromium.INSTALL_HINT}")
    # Playwright's sync API keeps an event loop running in this thread; Django refuses
    # database calls from a thread with a running loop unless told that this is safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = chromium.launch(playwright)
            yield launched
            launched.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class Recorder:
    """What one browser context did: every request it made, and what the console said."""

    requests: list = field(default_factory=list)
    console: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def attach(self, context):
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("console", lambda message: self.console.append(message.text))
        context.on("weberror", lambda error: self.errors.append(str(error.error)))

    @property
    def csp_violations(self):
        return [text for text in self.console if "Content Security Policy" in text]


@pytest.fixture
def open_page(browser):
    """open_page(size="phone"|"desktop", javascript=True) -> a new page in a fresh context;
    page.recorder holds what it did. Contexts are closed when the test ends."""
    contexts = []

    def open_page(size="phone", javascript=True, **options):
        context = browser.new_context(
            **chromium.SIZES[size], java_script_enabled=javascript, **options
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        recorder = Recorder()
        recorder.attach(context)
        page = context.new_page()
        page.recorder = recorder
        return page

    yield open_page
    for context in contexts:
        context.close()


# ------------------------------------------------------------------ the site


class StandIn:
    """A tiny site on another host name and port, standing in for the rest of the web: a
    start page that links to the help site, and the neutral page "Exit" goes to."""

    def __init__(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def start_page(self, target):
        return f"{self.url}/start?{urlencode({'next': target})}"

    @property
    def neutral(self):
        return f"{self.url}/weather"

    @staticmethod
    def handler():
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlsplit(self.path)
                if url.path == "/start":
                    target = html.escape(parse_qs(url.query)["next"][0])
                    body = f'<title>Start</title><h1>Start</h1><a id="go" href="{target}">Go</a>'
                elif url.path == "/weather":
                    body = "<title>Weather</title><h1>Weather in Amsterdam</h1>"
                else:
                    self.send_error(404)
                    return
                data = f"<!doctype html><html lang=en>{body}</html>".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="package")
def stand_in():
    site = StandIn()
    yield site
    site.stop()


@pytest.fixture
def site(live_server, committed_seed, stand_in, settings):
    """The help site in the live server, with the seed data and "Exit this page" going to
    the stand-in's neutral page. Returns the site's base URL (http://localhost:port)."""
    settings.HELPFINDER_EXIT_URL = stand_in.neutral
    return live_server.url


@pytest.fixture
def server_log():
    """Every request the live server receives (path and query string), the ones the browser
    makes by itself (like the icon) included, which the page's own events do not show."""
    seen = []
    lock = threading.Lock()

    def record(sender, environ, **kwargs):
        query = environ.get("QUERY_STRING", "")
        with lock:
            seen.append(environ["PATH_INFO"] + (f"?{query}" if query else ""))

    request_started.connect(record, weak=False, dispatch_uid="browser-tests-server-log")
    yield seen
    request_started.disconnect(dispatch_uid="browser-tests-server-log")


# ------------------------------------------------------------------ staff


@pytest.fixture
def editor(make_staff, settings):
    """An editor who logs in as in production: password plus the code from the app.
    Returns the editor's authenticator device."""
    settings.HELPFINDER_STAFF_2FA = True
    user = make_staff("editor")
    return TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)


def log_in(page, site, device):
    """Through the real login form, as the editor types it."""
    page.goto(f"{site}/admin/login/?next=/admin/")
    page.locator("#id_username").fill(device.user.username)
    page.locator("#id_password").fill("correct horse battery")
    page.locator("#id_code").fill(str(totp_code(device)).zfill(device.digits))
    with page.expect_navigation():
        page.locator("#login-form [type=submit]").click()
    assert page.url == f"{site}/admin/", page.locator(".errornote").all_inner_texts()
