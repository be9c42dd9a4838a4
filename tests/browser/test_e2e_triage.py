"""The triage in a real browser, the way a visitor does it: tapping answers on a phone (or
clicking on a desktop), with and without JavaScript, in Dutch and in English."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

# What a visitor sees and taps in each language, from the home page to the results.
TRIAGE = {
    "nl": {
        "start": "Start: hulp zoeken",
        "steps": [
            ("Is iemand nu in gevaar?", "Ja, iemand is nu in gevaar"),
            ("Wie ben je?", "Ik word gepest"),
            ("Wat gebeurt er?", "Bedreiging"),
            ("Hoe oud ben je?", "12 tot en met 17"),
        ],
        "results": "Hulp voor jou",
        "results_path": "/nl/hulp-zoeken/resultaten/",
        "first": "112 (alarmnummer)",
    },
    "en": {
        "start": "Start: find help",
        "steps": [
            ("Is someone in danger right now?", "Yes, someone is in danger now"),
            ("Who are you?", "I am being bullied"),
            ("What is happening?", "Threats"),
            ("How old are you?", "12 to 17"),
        ],
        "results": "Help for you",
        "results_path": "/en/find-help/results/",
        "first": "112 (emergency number)",
    },
}
ANSWERS = {"danger": ["yes"], "who": ["young-person"], "what": ["threats"], "age": ["12-17"]}


def starts_with(text):
    """An answer's accessible name: its label, then its hint (if any)."""
    return re.compile(rf"^{re.escape(text)}(\s|$)")


def press(page, locator, size="phone"):
    """A finger on a phone, the mouse on a desktop; returns when the next page is there."""
    with page.expect_navigation():
        if size == "phone":
            locator.tap()
        else:
            locator.click()


def do_triage(page, site, language, size):
    texts = TRIAGE[language]
    page.goto(f"{site}/{language}/")
    assert page.locator("html").get_attribute("lang") == language
    press(page, page.get_by_role("link", name=texts["start"]), size)
    for question, answer in texts["steps"]:
        assert page.get_by_role("heading", level=1).inner_text() == question
        press(page, page.get_by_role("button", name=starts_with(answer)), size)
    url = urlsplit(page.url)
    assert url.path == texts["results_path"]
    assert parse_qs(url.query) == ANSWERS
    assert page.get_by_role("heading", level=1).inner_text() == texts["results"]
    first_card = page.locator("ol.cards > li").first
    assert first_card.get_by_role("heading", level=2).inner_text() == texts["first"]
    assert first_card.locator("a.call").get_attribute("href") == "tel:112"


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_whole_triage_by_tapping_ends_with_112_first_when_someone_is_in_danger(
    site, open_page, language, size
):
    page = open_page(size)
    do_triage(page, site, language, size)
    assert not page.recorder.errors


@pytest.mark.parametrize("language", ["nl", "en"])
def test_whole_triage_works_with_javascript_disabled(site, open_page, language):
    page = open_page("phone", javascript=False)
    do_triage(page, site, language, "phone")
    # The exit button is a plain link to the neutral site, so it works without JavaScript.
    assert page.locator("a.exit").get_attribute("href").endswith("/weather")


def test_language_switch_keeps_the_page_and_the_answers(site, open_page):
    page = open_page("phone")
    page.goto(f"{site}/nl/hulp-zoeken/wat/?danger=no&who=parent")
    assert page.get_by_role("heading", level=1).inner_text() == "Wat gebeurt er met je kind?"

    press(page, page.get_by_role("link", name="English"))
    assert page.url == f"{site}/en/find-help/what/?danger=no&who=parent"
    assert page.get_by_role("heading", level=1).inner_text() == "What is happening to your child?"
    assert page.locator("html").get_attribute("lang") == "en"

    # The answers given in Dutch are carried on by the next answer in English.
    press(page, page.get_by_role("button", name=starts_with("Threats")))
    url = urlsplit(page.url)
    assert url.path == "/en/find-help/age/"
    assert parse_qs(url.query) == {"danger": ["no"], "who": ["parent"], "what": ["threats"]}

    # And back to Dutch on the results: the same page, the same answers, the same first card.
    page.goto(f"{site}/en/find-help/results/?danger=yes&who=young-person&what=threats&age=12-17")
    press(page, page.get_by_role("link", name="Nederlands"))
    url = urlsplit(page.url)
    assert url.path == "/nl/hulp-zoeken/resultaten/"
    assert parse_qs(url.query) == ANSWERS
    first_card = page.locator("ol.cards > li").first
    assert first_card.get_by_role("heading", level=2).inner_text() == "112 (alarmnummer)"
