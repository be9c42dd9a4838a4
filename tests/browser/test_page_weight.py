"""The page-weight budget of every public page type, as a browser with an empty cache
loads it: HTML + CSS at most 14 kB gzipped (the first round trip of a new connection),
JavaScript at most 2 kB gzipped, at most 4 requests in all, no web fonts.

Sizes are gzip at level 6 (what a front proxy typically uses; whitenoise compresses the
static files harder, at level 9, so they are smaller still in production). Requests are
counted at the server, so that what the browser fetches by itself (the icon) counts too.
"""

import gzip
import time

import pytest

from .conftest import every_public_page

HTML_AND_CSS_BUDGET = 14_000  # bytes, gzipped
JS_BUDGET = 2_000  # bytes, gzipped
REQUEST_BUDGET = 4
ICON_PATHS = ("/static/favicon.svg", "/favicon.ico")


def gzipped(body):
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def weigh(open_page, site, server_log, url):
    page = open_page("phone")
    responses = []
    page.on("response", lambda response: responses.append(response))
    server_log.clear()
    page.goto(site + url)  # returns once the page and everything it links have loaded
    # The browser asks for the page's icon by itself, just after the page has loaded.
    deadline = time.monotonic() + 3
    while not any(path.startswith(ICON_PATHS) for path in server_log):
        if time.monotonic() > deadline:
            break
        page.wait_for_timeout(50)
    sizes = {"document": 0, "stylesheet": 0, "script": 0, "font": 0}
    css = b""
    for response in responses:
        kind = response.request.resource_type
        body = response.body()
        sizes[kind] = sizes.get(kind, 0) + gzipped(body)
        if kind == "stylesheet":
            css += body
    page.context.close()
    return {
        "html_css": sizes["document"] + sizes["stylesheet"],
        "js": sizes["script"],
        "requests": list(server_log),
        "fonts": sizes["font"] or b"@font-face" in css,
    }


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_public_page_type_is_within_the_budget(site, open_page, server_log, language):
    over = []
    for url in every_public_page(language):
        weight = weigh(open_page, site, server_log, url)
        print(
            f"{url}: HTML+CSS {weight['html_css']} B, JS {weight['js']} B, "
            f"{len(weight['requests'])} requests"
        )
        assert weight["html_css"] > 1000 and weight["js"] > 100  # the check is not empty
        if (
            weight["html_css"] > HTML_AND_CSS_BUDGET
            or weight["js"] > JS_BUDGET
            or len(weight["requests"]) > REQUEST_BUDGET
            or weight["fonts"]
        ):
            over.append((url, weight))
    assert not over
