"""Every public page, in both languages: it works, it says which language it is in, it has
the exit button and the emergency numbers, and it sets no cookies."""

import pytest
from django.conf import settings

from .conftest import AFTERNOON, LANGUAGES, RESULTS_QUERY, SITE_LANGUAGES, public_urls, soup

# In the footer, not on the home page: the privacy and accessibility statements.
FOOTER_ONLY = ("/privacy/", "/privacyverklaring/", "/accessibility/", "/toegankelijkheid/")
ALL_PAGES = [(language, url) for language in SITE_LANGUAGES for url in public_urls(language)]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "url"), ALL_PAGES)
def test_every_public_page_works_in_its_language(client, seeded, language, url):
    response = client.get(url)
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == language
    assert page.find("h1").get_text(strip=True)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "url"), ALL_PAGES)
def test_every_public_page_has_the_exit_button_first_and_sets_no_cookie(
    client, seeded, language, url
):
    response = client.get(url)
    page = soup(response)
    exit_link = page.select_one("header a.exit")
    assert exit_link["href"] == settings.HELPFINDER_EXIT_URL
    assert exit_link["rel"] == ["noreferrer"]
    assert page.find("script", src="/static/js/site.js").has_attr("defer")
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "url"), ALL_PAGES)
def test_every_public_page_shows_the_emergency_numbers(client, seeded, visit_at, language, url):
    visit_at(AFTERNOON)  # De Kindertelefoon is open
    strip = soup(client.get(url)).select_one(".emergency")
    assert strip.find("a", href="tel:112")
    assert strip.find("a", href="tel:+318000432").get_text() == "0800-0432"
    assert "21:00" in strip.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "url"), ALL_PAGES)
def test_links_out_carry_no_referrer(client, seeded, language, url):
    for link in soup(client.get(url)).find_all("a", href=True):
        if link["href"].startswith(("http://", "https://")):
            assert link.get("rel") == ["noreferrer"], link


@pytest.mark.django_db
def test_language_switch_keeps_the_page_and_the_answers(client, seeded):
    page = soup(client.get("/en/find-help/results/?" + RESULTS_QUERY))
    switch = page.select_one("nav.languages a")
    assert switch["href"] == "/nl/hulp-zoeken/resultaten/?" + RESULTS_QUERY
    assert switch["hreflang"] == "nl" and switch.get_text(strip=True) == "Nederlands"
    back = soup(client.get(switch["href"])).select_one("nav.languages a")
    assert back["href"] == "/en/find-help/results/?" + RESULTS_QUERY


@pytest.mark.django_db
def test_pages_name_their_other_language_versions(client, seeded):
    page = soup(client.get("/nl/alle-hulp/kindertelefoon/"))
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate")}
    assert set(alternates) == {*SITE_LANGUAGES, "x-default"}  # one for every language
    assert {code: alternates[code] for code in ["nl", "en"]} == {
        "nl": "http://testserver/nl/alle-hulp/kindertelefoon/",
        "en": "http://testserver/en/all-help/kindertelefoon/",
    }


@pytest.mark.django_db
def test_path_words_are_translated(client, seeded):
    assert client.get("/nl/hulp-zoeken/").status_code == 200
    assert client.get("/en/find-help/").status_code == 200
    assert client.get("/en/hulp-zoeken/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/nl/alle-hulp/bestaat-niet/", "Pagina niet gevonden"),
        ("/en/all-help/does-not-exist/", "Page not found"),
        ("/nl/alle-hulp/meldknop/", "Pagina niet gevonden"),  # a draft
        ("/en/information/no-such-page/", "Page not found"),
    ],
)
def test_unknown_and_draft_pages_give_a_translated_404(client, seeded, settings, url, title):
    settings.DEBUG = False
    response = client.get(url)
    assert response.status_code == 404
    page = soup(response)
    assert page.find("h1").get_text() == title
    assert page.select_one("header a.exit")
    assert page.select_one(".emergency a[href='tel:112']")


@pytest.mark.django_db
def test_home_offers_a_start_button_and_a_direct_entry_for_all_five_audiences(client, seeded):
    page = soup(client.get("/en/"))
    assert page.find("a", string="Start: find help")["href"] == "/en/find-help/"
    entries = {a.get_text(strip=True): a["href"] for a in page.select(".entries a")}
    assert entries == {
        "I am being bullied": "/en/find-help/?who=young-person",
        "I am a parent or carer": "/en/find-help/?who=parent",
        "I work at a school": "/en/find-help/?who=school-staff",
        "I am worried about someone else": "/en/find-help/?who=worried",
        "I am an adult and I am being bullied": "/en/find-help/?who=adult",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_information_pages_are_reachable_from_home_and_footer(client, seeded, language):
    page = soup(client.get(f"/{language}/"))
    info_links = {a["href"] for a in page.select("main .links a")}
    footer_links = {a["href"] for a in page.select("footer a")}
    for url in public_urls(language):
        if "/information/" in url or "/informatie/" in url:
            assert url in footer_links
            if not url.endswith(FOOTER_ONLY):
                assert url in info_links


@pytest.mark.django_db
def test_resource_page_shows_everything_about_it(client, seeded):
    page = soup(client.get("/nl/alle-hulp/meldpunt-discriminatie-amsterdam/"))
    text = page.get_text(" ", strip=True)
    assert page.find("a", href="tel:+31206385551")
    assert page.find("a", href="mailto:discriminatie@mdra.nl")
    osm = page.find("a", string="Bekijk op OpenStreetMap")
    assert osm["href"] == "https://www.openstreetmap.org/search?query=Hobbemakade+29-H%2C+Amsterdam"
    assert osm["rel"] == ["noreferrer"]
    assert "Deze gegevens zijn voor het laatst gecontroleerd op 23 november 2026." in text
    assert not page.find("iframe")


@pytest.mark.django_db
def test_resource_page_gives_each_way_to_get_in_touch_with_its_own_hours(client, seeded):
    page = soup(client.get("/en/all-help/veilig-thuis/"))
    ways = {
        term.get_text(): term.find_next_sibling("dd").get_text(" ", strip=True)
        for term in page.select("dl.contact dt")
    }
    assert "0800-2000" in ways["Phone"] and "Open day and night, every day" in ways["Phone"]
    # The chat keeps other hours, that the facts give only as "usually": not known.
    assert "Open day and night" not in ways["Chat"]
    assert "Opening hours not known" in ways["Chat"] and "usually on weekdays" in ways["Chat"]
    assert "via de website" not in ways["Chat"]
    card = page.select("p.hours")
    assert [line.get_text(" ", strip=True) for line in card] == [
        "Phone: open day and night",
        "Chat: opening hours not known. Check the hours on their website",
    ]
    assert card[1].a["href"] == "https://www.veiligthuis.nl/"
