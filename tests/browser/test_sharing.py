"""Send or keep, in Chromium: without JavaScript the address to copy and the e-mail and
WhatsApp links; with it also the phone's own share sheet (where the browser has one) and
the print dialog. Sharing asks nothing of the server and leaves no cookie."""

import pytest
from django.urls import reverse
from django.utils import translation

RESULTS = "danger=no&who=parent&what=images&age=12-17"

# A phone's share sheet, standing in for navigator.share: it records what it was given.
FAKE_SHARE_SHEET = """
window.shared = [];
navigator.share = function (data) { window.shared.push(data); return Promise.resolve(); };
window.print = function () { window.printed = (window.printed || 0) + 1; };
"""


def results_url(language):
    with translation.override(language):
        return reverse("resources:results") + "?" + RESULTS


@pytest.mark.parametrize("language", ["nl", "en"])
def test_without_javascript_the_address_and_links_are_there(site, open_page, language):
    page = open_page("phone", javascript=False)
    page.goto(site + results_url(language))
    share = page.locator("section.share")
    assert share.get_by_role("textbox").input_value() == site + results_url(language)
    assert share.get_by_role("link", name="WhatsApp").is_visible()
    assert share.locator("a[href^='mailto:']").is_visible()
    assert share.get_by_role("button").count() == 0  # no button that could not work


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_share_sheet_gets_this_page_and_the_server_hears_nothing(
    site, open_page, server_log, language
):
    page = open_page("phone")
    page.add_init_script(FAKE_SHARE_SHEET)
    url = site + results_url(language)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    heard = len(server_log)
    name = {"nl": "Delen", "en": "Share"}[language]
    page.locator("section.share").get_by_role("button", name=name).click()
    printed = {"nl": "Afdrukken", "en": "Print"}[language]
    page.locator("section.share").get_by_role("button", name=printed).click()
    shared = page.evaluate("window.shared")
    assert shared == [{"title": page.title(), "url": url}]
    assert page.evaluate("window.printed") == 1
    page.wait_for_timeout(200)
    assert len(server_log) == heard  # nothing was sent to the site
    assert page.context.cookies() == []


def test_without_a_share_sheet_its_button_stays_hidden(site, open_page):
    page = open_page("desktop")
    page.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    page.goto(site + results_url("en"))
    assert page.evaluate("'share' in navigator") is False
    share = page.locator("section.share")
    assert not share.locator("#share-button").is_visible()
    assert share.get_by_role("button", name="Print").is_visible()
