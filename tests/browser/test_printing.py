"""Printed from Chromium to PDF, on A4 and on Letter: the results, a listing and the list of
all help keep every number and web address written out, with opening hours and the date
and address to check them; the exit button, navigation, buttons and forms stay off paper."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from .printing import print_to_pdf

QUERY = "danger=no&who=parent&what=images&age=12-17"
ON_SCREEN_ONLY = {
    "nl": ["Verlaat deze pagina", "Naar de inhoud", "English", "Delen", "WhatsApp"],
    "en": ["Exit this page", "Skip to content", "Nederlands", "Share", "WhatsApp"],
}
PRINTED_ON = {"nl": "Afgedrukt op", "en": "Printed on"}


def squeezed(text):
    """Text without white space: a long address may be broken over two lines on paper."""
    return re.sub(r"\s+", "", text)


def listed_addresses(url):
    """Every number, web and e-mail address of every listing the page lists, from the
    page's own data (the view's context), not from what was printed."""
    cache.clear()  # a page from the cache has no context
    response = Client().get(url)
    resources = [match.resource for match in response.context.get("best", [])]
    resources += [match.resource for match in response.context.get("more", [])]
    resources += list(response.context.get("page", []))
    if "resource" in response.context:
        resources.append(response.context["resource"])
    addresses = {channel.address for resource in resources for channel in resource.channels}
    assert addresses  # the check is not empty
    return addresses


def pages(language):
    with translation.override(language):
        return {
            "results": reverse("resources:results") + "?" + QUERY,
            "resource": reverse("resources:resource", kwargs={"slug": "kindertelefoon"}),
            "directory": reverse("resources:directory"),
        }


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_printed_pages_keep_every_number_and_address(site, open_page, language, paper):
    page = open_page("desktop")
    for name, url in pages(language).items():
        printed = print_to_pdf(page, site + url, paper=paper)
        text = squeezed(printed.text)
        missing = [a for a in listed_addresses(url) if squeezed(a) not in text]
        assert not missing, (name, missing)
        assert "112" in printed.text
        assert PRINTED_ON[language] in printed.text
        assert squeezed(site + url) in text  # where to check the details again
        shown = [words for words in ON_SCREEN_ONLY[language] if words in printed.text]
        assert not shown, (name, shown)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_printed_results_give_the_answers_and_the_hours(site, open_page, language):
    page = open_page("phone")
    printed = print_to_pdf(page, site + pages(language)["results"])
    # The answers in one line, without the link to change them.
    answers = {
        "nl": "Jouw antwoorden: Niemand nu in gevaar · Ik ben ouder of verzorger · "
        "foto's of video's gedeeld, sextortion · 12 tot en met 17 Het beste",
        "en": "Your answers: Nobody in danger now · I am a parent or carer · "
        "photos or videos shared, sextortion · 12 to 17 Best for you",
    }[language]
    assert answers in printed.text
    # Folded away on screen, on paper too: the listings under "More help".
    assert {"nl": "0800-5010", "en": "0800-5010"}[language] in printed.text
    assert {"nl": "Elke dag, dag en nacht open", "en": "Open day and night, every day"}[
        language
    ] in printed.text
