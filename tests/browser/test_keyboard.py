"""Everything with the keyboard alone: a skip link first, the triage, search, the language
switch and the exit; focus always visible and never under the sticky top bar (WCAG 2.2
focus not obscured)."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from resources.models import Page

from .conftest import every_public_page, log_in

# What the focused element looks like: where it is, whether the sticky top bar or anything
# else covers it, and how its focus is drawn.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const bar = document.querySelector(".top");
  const barBox = bar.getBoundingClientRect();
  const style = getComputedStyle(el);
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const onTop = document.elementFromPoint(x, y);
  return {
    key: Array.prototype.indexOf.call(document.querySelectorAll("*"), el),
    name: (el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].innerText)
           || el.innerText || el.value || el.tagName).trim().slice(0, 50),
    top: box.top, bottom: box.bottom, left: box.left, right: box.right,
    width: innerWidth, height: innerHeight,
    inBar: bar.contains(el),
    underBar: !bar.contains(el) && box.top < barBox.bottom - 1 && box.bottom > barBox.top + 1,
    covered: !(onTop && (el.contains(onTop) || onTop.contains(el))),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
  };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def tab_to(page, name, key="Tab", limit=150):
    """Press Tab until the element whose text starts with `name` has the focus."""
    pattern = re.compile(rf"^{re.escape(name)}(\s|$)")
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if now and pattern.match(now["name"]):
            return now
    raise AssertionError(f"{name!r} never got the focus on {page.url}")


def enter(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_skip_link_comes_first_and_jumps_to_the_main_content(site, open_page, size):
    page = open_page(size)
    page.goto(f"{site}/nl/alle-hulp/kindertelefoon/")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["name"] == "Naar de inhoud"
    assert skip["outline"] and not skip["covered"]
    assert skip["top"] >= 0 and skip["bottom"] - skip["top"] >= 44  # shown, and big enough
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is the first thing in the main content
    assert page.evaluate("document.activeElement.closest('main') !== null")
    assert focused(page)["name"].startswith("Bel 0800-0432")


def test_triage_with_the_keyboard_alone(site, open_page):
    page = open_page("desktop")
    page.goto(f"{site}/en/")
    tab_to(page, "Start: find help")
    enter(page)
    for answer in ["Yes, someone is in danger now", "I am being bullied", "Threats"]:
        tab_to(page, answer)
        enter(page)
    tab_to(page, "12 to 17")
    enter(page, " ")  # the space bar presses a button too
    url = urlsplit(page.url)
    assert url.path == "/en/find-help/results/"
    assert parse_qs(url.query) == {
        "danger": ["yes"],
        "who": ["young-person"],
        "what": ["threats"],
        "age": ["12-17"],
    }
    tab_to(page, "Call 112")  # and on to the first call button
    assert page.evaluate("document.activeElement.getAttribute('href')") == "tel:112"


def test_search_and_filters_with_the_keyboard_alone(site, open_page):
    page = open_page("phone")
    page.goto(f"{site}/nl/alle-hulp/")
    tab_to(page, "Zoek in deze lijst")
    page.keyboard.type("kinder")
    assert not page.locator("input[name=open]").is_visible()  # folded away on a phone
    tab_to(page, "Meer keuzes:")
    page.keyboard.press("Enter")  # unfolds the other choices
    tab_to(page, "Nu open")
    page.keyboard.press("Space")
    assert page.locator("input[name=open]").is_checked()
    page.locator("input[name=open]").focus()
    page.keyboard.press("Space")  # and off again
    tab_to(page, "Zoek in deze lijst", key="Shift+Tab")
    enter(page)  # Enter in the search field sends the form
    assert parse_qs(urlsplit(page.url).query)["q"] == ["kinder"]
    assert page.get_by_role("link", name="De Kindertelefoon", exact=True).is_visible()


def test_language_switch_and_exit_with_the_keyboard_alone(site, stand_in, open_page):
    page = open_page("desktop")
    page.goto(f"{site}/nl/hulp-zoeken/wie/?danger=no")
    tab_to(page, "English")
    enter(page)
    assert page.url == f"{site}/en/find-help/who/?danger=no"
    tab_to(page, "Exit this page", key="Shift+Tab")
    enter(page)
    assert page.url == stand_in.neutral


def test_admin_language_tabs_work_with_the_arrow_keys(site, open_page, editor):
    page = open_page("desktop", locale="nl-NL")
    log_in(page, site, editor)
    about = Page.objects.get(slug_en="what-is-cyberbullying")
    page.goto(f"{site}/admin/resources/page/{about.pk}/change/")
    page.locator("li[aria-controls='tab_id_title_nl']").focus()
    page.keyboard.press("ArrowRight")
    english = page.locator("li[aria-controls='tab_id_title_en']")
    assert english.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == (
        "tab_id_title_en"
    )
    page.locator("#id_title_en").wait_for(state="visible")  # jQuery UI switches a moment later
    assert not page.locator("#id_title_nl").is_visible()


# One page of each template; information pages share one, so the longest stands for all.
FOCUS_PAGES = {
    language: [
        url
        for url in every_public_page(language)
        if "/informatie/" not in url and "/information/" not in url
    ]
    + [{"nl": "/nl/informatie/privacyverklaring/", "en": "/en/information/privacy/"}[language]]
    for language in ["nl", "en"]
}


def walk_focus(page, key):
    """Every stop of the focus going round the page with `key`, once."""
    stops, seen = [], set()
    for _ in range(400):
        page.keyboard.press(key)
        now = focused(page)
        if now is None:  # focus went to the browser: round the page once
            if stops:
                break
            continue
        if now["key"] in seen:
            break
        seen.add(now["key"])
        stops.append(now)
    return stops


def problems_with(stop):
    found = []
    if not stop["outline"]:
        found.append("no visible focus outline")
    if stop["underBar"]:
        found.append("under the sticky top bar")
    elif stop["covered"]:
        found.append("covered by another element")
    # In view: all of it, or at least 24 pixels of a tall one (a text area shows its top).
    shown = min(stop["bottom"], stop["height"]) - max(stop["top"], 0)
    if shown < min(24, stop["bottom"] - stop["top"]) - 1:
        found.append("not scrolled into view")
    if stop["left"] < -1 or stop["right"] > stop["width"] + 1:
        found.append("outside the window sideways")
    return found


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_focus_is_always_visible_and_never_hidden_under_the_sticky_bar(
    site, open_page, language, size
):
    page = open_page(size)
    bad = []
    for url in FOCUS_PAGES[language]:
        page.goto(site + url)
        forward = walk_focus(page, "Tab")
        backward = walk_focus(page, "Shift+Tab")  # scrolling up is where a sticky bar hides
        assert len(forward) >= 8, url  # the walk went round the whole page
        assert len(backward) == len(forward), url
        for direction, stops in [("Tab", forward), ("Shift+Tab", backward)]:
            for stop in stops:
                if problems := problems_with(stop):
                    bad.append((url, direction, stop["name"], problems))
    assert not bad
