"""The posters as Chromium prints them and as a phone reads them: exactly one A4 page with
112, the emergency lines and the first three contacts' numbers, no exit button; and a QR
code that a decoder reads as the triage's address for that audience on this site."""

import io
import unicodedata

import pytest
import zxingcpp
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from resources import questionnaire
from resources.posters import answers_for, audience_with_poster
from resources.results import matches_for

from .printing import print_to_pdf

WITH_POSTER = ["young-person", "parent", "school-staff"]
VARIANTS = [(language, slug) for language in ["nl", "en"] for slug in WITH_POSTER]
EXIT_WORDS = ["Exit", "Verlaat", "Snel weg"]  # the exit button, in either language
# What a visitor sees first after scanning: the first question, of three, since "Who are
# you?" is answered already (as after the home page's button for them).
FIRST_OF_THREE = {"nl": "Vraag 1 van 3", "en": "Question 1 of 3"}


def urls(site, language, slug):
    """The poster's address, and where its QR code must lead, on this live server."""
    with translation.override(language):
        poster = reverse("resources:poster", kwargs={"audience": slug})
        triage = reverse("resources:danger") + f"?who={slug}"
    return site + poster, site + triage


def first_three(language, slug):
    """The triage's first three for this audience: (name, how to reach it written out: the
    phone number, or without one the web address, or None)."""
    with translation.override(language):
        matches, _fallback = matches_for(answers_for(audience_with_poster(slug)), timezone.now())
        return [(match.resource.name, way(match.resource)) for match in matches[:3]]


def way(listing):
    by_kind = {}
    for channel in listing.channels:
        by_kind.setdefault(channel.kind, channel.address)
    if "phone" in by_kind:
        return by_kind["phone"]
    if "website" in by_kind:
        return by_kind["website"].removeprefix("https://").removesuffix("/")
    return None


@pytest.mark.parametrize(("language", "slug"), VARIANTS)
def test_a_poster_prints_on_exactly_one_a4_page_with_every_number(site, open_page, language, slug):
    page = open_page("desktop")
    poster, _triage = urls(site, language, slug)
    printed = print_to_pdf(page, poster, paper="A4")
    assert printed.pages == 1
    text = unicodedata.normalize("NFKC", printed.text)  # the PDF's ligatures: "ﬁ" is "fi"
    assert "112" in text
    assert "0800-0432" in text and "113" in text  # the emergency strip's lines
    contacts = first_three(language, slug)
    assert len(contacts) == 3 and any(found for _name, found in contacts)
    for name, found in contacts:
        assert name in text
        if found:
            assert found in text  # written out: a printed button is no use
    for word in EXIT_WORDS:
        assert word not in text


def qr_code_text(page):
    """What a phone's camera reads in the poster's QR code, as it is on the screen."""
    png = page.locator("main svg.qr").screenshot()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(found) == 1, found
    return found[0].text


@pytest.mark.parametrize(("language", "slug"), VARIANTS)
def test_the_qr_code_leads_to_the_questions_for_this_audience_on_this_site(
    site, open_page, language, slug
):
    page = open_page("desktop")
    poster, triage = urls(site, language, slug)
    page.goto(poster)
    assert qr_code_text(page) == triage
    assert page.locator("main .url").inner_text() == triage.split("://", 1)[1]
    page.goto(triage)  # the phone opens it
    assert page.url == triage
    assert page.locator(".step").inner_text() == FIRST_OF_THREE[language]
    with translation.override(language):
        danger = str(questionnaire.get("danger").text_for(slug))
    assert page.locator("h1").inner_text() == danger  # spoken to this audience


def test_on_screen_the_exit_button_is_there_and_in_print_it_is_not(site, open_page):
    page = open_page("phone")
    poster, _triage = urls(site, "nl", "young-person")
    page.goto(poster)
    exit_button = page.get_by_role("link", name="Snel weg")
    assert exit_button.is_visible()
    page.emulate_media(media="print")
    assert not exit_button.is_visible()
    assert not page.locator("nav").first.is_visible()
    assert page.locator("main svg.qr").is_visible()
