"""Every public page, as the browser loads it: no request to any other host (no CDN, no
fonts, no trackers), nothing refused by the Content-Security-Policy, no script errors."""

from urllib.parse import urlsplit

import pytest

from .conftest import every_public_page


@pytest.mark.parametrize("language", ["nl", "en"])
def test_public_pages_ask_nothing_of_any_other_host_and_break_no_policy(
    site, open_page, server_log, language
):
    page = open_page("phone")
    for url in every_public_page(language):
        page.goto(site + url)  # returns once the page and everything it links have loaded
    recorder = page.recorder
    own_host = urlsplit(site).netloc
    elsewhere = [url for url in recorder.requests if urlsplit(url).netloc != own_host]
    assert not elsewhere
    # The check saw real traffic: the pages, their style sheet and script.
    assert len(recorder.requests) > len(every_public_page(language))
    assert any(url.endswith("/static/css/site.css") for url in recorder.requests)
    assert any(url.endswith("/static/js/site.js") for url in recorder.requests)
    # The server answered every page (and the icon, which the browser asks for by itself).
    assert set(every_public_page(language)) < set(server_log)
    assert not recorder.csp_violations
    assert not recorder.errors
