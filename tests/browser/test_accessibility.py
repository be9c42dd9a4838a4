"""axe-core (through axe-playwright-python) with every WCAG 2.0, 2.1 and 2.2 rule of levels
A and AA, none turned off: zero violations on every public page type in both languages at
phone and desktop size, and on the admin's change form of a resource and its preview of
results."""

from pprint import pformat

import pytest
from axe_playwright_python.sync_playwright import Axe

from resources.models import Resource

from .conftest import WCAG_TAGS, every_public_page, log_in

AXE = Axe()
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def violations(page):
    """What axe finds on the page as it is now: [(rule, help, [elements])]."""
    found = AXE.run(page, options=OPTIONS).response["violations"]
    return [
        (rule["id"], rule["help"], [", ".join(node["target"]) for node in rule["nodes"]])
        for rule in found
    ]


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_public_pages_have_no_accessibility_violations(site, open_page, language, size):
    page = open_page(size)
    found = {}
    for url in every_public_page(language):
        page.goto(site + url)
        assert page.title()  # a real page, not an empty error
        if problems := violations(page):
            found[url] = problems
    assert not found, pformat(found)


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_admin_change_form_of_a_resource_has_no_accessibility_violations(
    site, open_page, editor, locale, size
):
    page = open_page(size, locale=locale)  # the admin speaks the browser's language
    page.goto(f"{site}/admin/login/?next=/admin/")
    assert not (found := violations(page)), pformat(found)  # where every editor starts
    log_in(page, site, editor)

    resource = Resource.objects.get(slug="kindertelefoon")
    page.goto(f"{site}/admin/resources/resource/{resource.pk}/change/")
    assert page.locator("li[aria-controls='tab_id_name_en']").is_visible()
    assert not (found := violations(page)), pformat(found)
    page.locator("li[aria-controls='tab_id_name_en']").click()  # the English tab
    assert page.locator("#id_name_en").is_visible()
    assert not (found := violations(page)), pformat(found)


@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_admin_preview_of_results_has_no_accessibility_violations(site, open_page, editor, locale):
    page = open_page("desktop", locale=locale)
    log_in(page, site, editor)
    page.goto(f"{site}/admin/resources/resource/preview/?danger=maybe&what=images&moment=x")
    assert page.locator(".field-moment .errorlist").is_visible()  # a message, and the form
    assert not (found := violations(page)), pformat(found)
    page.locator("#id_moment").fill("2026-11-25T15:00")
    with page.expect_navigation():
        page.locator("#preview-form [type=submit]").click()  # the form, without any script
    assert page.locator("#preview-table tbody tr").count() > 3
    assert not (found := violations(page)), pformat(found)
