"""The directory: every published resource, filters, search, open now, pages."""

from datetime import datetime

import pytest

from resources.hours import AMSTERDAM
from resources.models import Resource
from resources.sitedata import open_at

from .conftest import form_values, soup


def names(response):
    return [card.h2.get_text(strip=True) for card in soup(response).select("article.card")]


@pytest.mark.django_db
def test_directory_lists_every_published_resource_and_no_draft(client, seeded):
    response = client.get("/en/all-help/")
    shown = names(response)
    assert len(shown) == min(Resource.objects.published().count(), 20)
    assert "Meldknop.nl" not in shown
    assert shown[0] == "112 (emergency number)"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "note", "link"),
    [
        (
            "/en/all-help/?q=zzzqqq",
            "Nothing matches. Try another word or fewer choices.",
            "/en/all-help/",
        ),
        (
            "/nl/alle-hulp/?q=zzzqqq",
            "Niets gevonden. Probeer een ander woord of minder keuzes.",
            "/nl/alle-hulp/",
        ),
    ],
)
def test_a_search_that_finds_nothing_says_so_and_offers_the_whole_list(
    client, seeded, url, note, link
):
    response = client.get(url)
    assert names(response) == []
    shown = soup(response).select_one("main p.note")
    assert shown.get_text(" ", strip=True).startswith(note)
    assert shown.a["href"] == link
    assert not soup(client.get(link)).select_one("main p.note")


@pytest.mark.django_db
def test_the_choices_beside_search_are_folded_away_until_one_is_used(client, seeded):
    def choices(url):
        return soup(client.get(url)).select_one("form.filters details")

    folded = choices("/nl/alle-hulp/")
    assert folded.summary.get_text() == "Meer keuzes: voor wie, leeftijd, wat er gebeurt"
    assert not folded.has_attr("open")
    assert folded.select_one("select[name=who]") and folded.select_one("input[name=open]")
    assert not choices("/nl/alle-hulp/?q=school").has_attr("open")
    for query in ["who=parent", "age=12-17", "what=threats", "open=now"]:
        assert choices(f"/en/all-help/?{query}").has_attr("open"), query


@pytest.mark.django_db
def test_filter_by_audience_keeps_resources_for_everyone(client, seeded):
    shown = names(client.get("/en/all-help/?who=school-staff"))
    assert "School & Veiligheid (school safety expertise)" in shown
    assert "Helpwanted" in shown  # for everyone
    assert "Ouders & Onderwijs (school questions for parents)" not in shown


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_filter_form_sent_as_it_is_shows_everything_without_a_warning(client, seeded, language):
    first = client.get(f"/{language}/" + ("alle-hulp/" if language == "nl" else "all-help/"))
    sent = form_values(soup(first).find("form", class_="filters"))
    assert sent == {"q": [""], "who": [""], "age": [""]}
    response = client.get(first.wsgi_request.path, sent)
    assert not soup(response).select(".note")
    assert names(response) == names(first)


@pytest.mark.django_db
def test_filter_by_type_and_age(client, seeded):
    shown = names(client.get("/en/all-help/?what=hate&age=18-plus"))
    assert "Discrimination Reporting Centre Amsterdam (MDRA)" in shown
    assert "Victim Support Netherlands (Slachtofferhulp)" not in shown  # other kinds only
    assert "De Kindertelefoon (child helpline)" not in shown  # ages 8 to 18


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/all-help/?q=sextortion", "Helpwanted"),
        ("/nl/alle-hulp/?q=discriminatie", "Meldpunt Discriminatie Regio Amsterdam"),
        ("/nl/alle-hulp/?q=KINDERMISHANDELING", "Veilig Thuis Amsterdam-Amstelland"),
    ],
)
def test_search_finds_words_in_the_active_language(client, seeded, url, expected):
    assert expected in names(client.get(url))


@pytest.mark.django_db
def test_search_for_a_word_that_is_nowhere_finds_nothing(client, seeded):
    response = client.get("/en/all-help/?q=zzyzx")
    assert names(response) == []
    assert "0 places to get help" in soup(response).get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # "gepest" (past participle) finds text that says "pesten" and "gepest".
        (
            "/nl/alle-hulp/?q=gepest",
            "Hulp op school: mentor, aanspreekpunt pesten of vertrouwenspersoon",
        ),
        # English stemming: "threatened" finds "threats".
        ("/en/all-help/?q=threatened", "Police (non-emergency)"),
    ],
)
def test_full_text_search_finds_other_forms_of_a_word(client, seeded, url, expected):
    assert expected in names(client.get(url))


@pytest.mark.django_db
def test_open_now_shows_day_and_night_lines_and_hides_unknown_hours(client, seeded):
    shown = names(client.get("/en/all-help/?open=now"))
    assert "113 Suicide Prevention" in shown
    assert "Helpwanted" not in shown  # hours not known


@pytest.mark.django_db
def test_open_at_follows_the_weekly_hours_in_amsterdam_time(seeded):
    def open_slugs(text):
        moment = datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)
        return set(Resource.objects.filter(pk__in=open_at(moment)).values_list("slug", flat=True))

    assert "kindertelefoon" in open_slugs("2026-11-24 11:00")
    assert "kindertelefoon" not in open_slugs("2026-11-24 21:00")
    assert "meld-online-discriminatie" not in open_slugs("2026-11-29 12:00")  # Sunday
    phone = Resource.objects.get(slug="helpwanted").contact_channels.get(kind="phone")
    phone.hours, phone.week = "week", "tu 20:00-24:00"
    phone.save()
    assert "helpwanted" in open_slugs("2026-11-24 23:30")


@pytest.mark.django_db
def test_long_lists_are_split_into_pages(client, seeded):
    for number in range(25):
        Resource.objects.create(
            slug=f"extra-{number}",
            kind="helpline",
            status="published",
            name_nl=f"Extra {number:02}",
            summary_nl="x",
        ).contact_channels.create(kind="website", address="https://example.org")
    total = Resource.objects.published().count()
    first = client.get("/nl/alle-hulp/?page=1")
    last_number = (total + 19) // 20
    last = client.get(f"/nl/alle-hulp/?page={last_number}")
    assert len(names(first)) == 20
    assert len(names(last)) == total - 20 * (last_number - 1)
    assert soup(first).find("a", string="Volgende")["href"] == "?page=2"
    # A page number that is not a number, or too high, still shows a page.
    assert names(client.get("/nl/alle-hulp/?page=abc")) == names(first)
    assert names(client.get("/nl/alle-hulp/?page=999")) == names(last)


@pytest.mark.django_db
def test_page_links_keep_the_filters(client, seeded):
    for number in range(25):
        Resource.objects.create(
            slug=f"extra-{number}",
            kind="helpline",
            status="published",
            name_nl=f"Extra {number:02}",
            summary_nl="x",
        ).contact_channels.create(kind="website", address="https://example.org")
    page = soup(client.get("/nl/alle-hulp/?who=parent&page=1"))
    assert page.find("a", string="Volgende")["href"] == "?who=parent&page=2"


@pytest.mark.django_db
def test_a_resource_page_names_who_it_is_for_and_what_it_does_in_the_staff_set_order(
    client, seeded
):
    page = soup(client.get("/en/all-help/helpwanted/"))
    facts = [item.get_text(strip=True) for item in page.select("ul.facts li")]
    assert facts[:4] == [
        "For: young people being bullied, parents and carers, adults being bullied",
        "Also helps: teachers and school staff, people worried about someone",
        "Specialist in: fake profile or hacked account, photos or videos shared, sextortion, "
        "personal details shared",
        "Also helps with: insults and put-downs, threats, discrimination and hate",
    ]
