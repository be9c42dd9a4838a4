"""The posters for schools, youth centres and GP waiting rooms: one A4 page per audience
that staff gave a poster, with the emergency numbers, the three contacts the triage puts
first for that audience, and a QR code that starts the questions for them."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from resources.models import Audience
from resources.results import matches_for
from resources.triage import Answers

from .conftest import LANGUAGES, form_values, soup
from .migrating import at_migration, migrate

WITH_POSTER = ["young-person", "parent", "school-staff"]  # in the seed data
TITLES = [
    ("nl", "Word je online gepest? Je staat er niet alleen voor."),
    ("en", "Being bullied online? You do not have to face it alone."),
]


def poster_url(language, slug):
    with translation.override(language):
        return reverse("resources:poster", kwargs={"audience": slug})


def index_url(language):
    with translation.override(language):
        return reverse("resources:posters")


def triage_url(language, slug, host="testserver"):
    """Where the home page's button for this audience leads, at this host."""
    with translation.override(language):
        return f"http://{host}{reverse('resources:danger')}?who={slug}"


def first_three(language, slug):
    """The triage's first three listings for someone who said only who they are."""
    with translation.override(language):
        matches, _fallback = matches_for(Answers(who=slug), timezone.now())
        return [match.resource for match in matches[:3]]


def poster_links(client, language):
    page = soup(client.get(index_url(language)))
    return [a["href"] for a in page.select("main ul a")]


def phone(listing):
    return next((c.address for c in listing.channels if c.kind == "phone"), None)


# ---------------------------------------------------------------- the index


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_index_lists_exactly_the_posters_staff_enabled(client, seeded, language):
    assert poster_links(client, language) == [poster_url(language, s) for s in WITH_POSTER]


@pytest.mark.django_db
def test_the_index_names_each_poster_by_its_audience(client, seeded):
    page = soup(client.get("/en/poster/"))
    assert [a.get_text() for a in page.select("main ul a")] == [
        "Poster for young people being bullied",
        "Poster for parents and carers",
        "Poster for teachers and school staff",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_of_every_site_page_leads_to_the_posters(client, seeded, language):
    footer = soup(client.get(f"/{language}/")).select_one("footer")
    assert footer.find("a", href=index_url(language))


# ---------------------------------------------------------------- a poster


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", WITH_POSTER)
def test_a_poster_shows_the_emergency_numbers_written_out(client, seeded, language, slug):
    strip = soup(client.get(poster_url(language, slug))).select_one("main .emergency")
    numbers = [a.get_text() for a in strip.select("a.number")]
    assert numbers == ["112", "0800-0432", "113"]  # 112 and the emergency strip's lines
    assert strip.find("a", href="tel:112")
    text = strip.get_text(" ", strip=True)
    # Their usual hours, not "open now": a poster hangs on the wall for months.
    assert "11:00–21:00" in text
    assert "open now" not in text and "nu open" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", WITH_POSTER)
def test_a_poster_shows_the_triages_first_three_contacts_with_their_numbers(
    client, seeded, language, slug
):
    expected = first_three(language, slug)
    assert len(expected) == 3
    page = soup(client.get(poster_url(language, slug)))
    contacts = page.select("main .contacts li")
    assert [li.h3.get_text() for li in contacts] == [listing.name for listing in expected]
    for item, listing in zip(contacts, expected, strict=True):
        if phone(listing):
            assert phone(listing) in item.get_text(), listing.name  # written out, not a button


@pytest.mark.django_db
def test_a_contact_without_a_phone_shows_its_web_address_written_out(client, seeded):
    page = soup(client.get("/en/poster/school-staff/"))
    ways = [way.get_text() for way in page.select("main .contacts .way")]
    assert "oktamsterdam.nl" in ways  # Parent and child adviser at primary school: no phone
    assert "www.schoolenveiligheid.nl" in ways


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "title"), TITLES)
def test_the_young_peoples_poster_speaks_to_them(client, seeded, language, title):
    page = soup(client.get(poster_url(language, "young-person")))
    assert page.html["lang"] == language
    assert page.h1.get_text() == title


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", WITH_POSTER)
def test_the_qr_code_is_inline_svg_to_the_triage_for_this_audience(client, seeded, language, slug):
    response = client.get(poster_url(language, slug))
    page = soup(response)
    svg = page.select_one("main svg.qr")
    assert svg.find("path")  # drawn here, not an image from elsewhere
    assert not page.find("img")
    assert not [tag for tag in svg.find_all(True) if tag.has_attr("style")]  # strict CSP
    url = triage_url(language, slug)
    assert svg.title.get_text() == {"nl": "QR-code", "en": "QR code"}[language] + f": {url}"
    assert page.select_one("main .url").get_text() == url.removeprefix("http://")


@pytest.mark.django_db
def test_the_qr_code_leads_to_the_same_link_as_the_home_page_button(client, seeded):
    home = soup(client.get("/nl/"))
    button = home.find("a", href=lambda href: href and href.endswith("?who=parent"))
    poster = soup(client.get("/nl/poster/parent/"))
    assert poster.select_one("main .url").get_text() == "testserver" + button["href"]


@pytest.mark.django_db
def test_a_poster_links_only_its_own_style_sheet(client, seeded):
    page = soup(client.get("/nl/poster/young-person/"))
    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert sheets == ["/static/css/poster.css"]
    assert not page.find("footer")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/nl/poster/adult/",  # an audience without a poster
        "/en/poster/worried/",
        "/nl/poster/bestaat-niet/",
        "/en/poster/young-person/extra/",
        "/nl/poster/%00/",
        "/nl/poster/<script>/",
        "/nl/poster/" + "a" * 3000 + "/",
        "/nl/poster/young-person%2F..%2F/",
        "/en/poster/..%2F..%2Fetc%2Fpasswd/",
    ],
)
def test_unknown_disabled_and_garbage_posters_are_not_found(client, seeded, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_a_query_string_on_a_poster_changes_nothing(client, seeded):
    plain = client.get("/en/poster/parent/")
    odd = client.get("/en/poster/parent/?who=alien&what=%3Cscript%3E&age=7")
    assert odd.status_code == 200
    assert soup(odd).select_one("main").get_text() == soup(plain).select_one("main").get_text()


@pytest.mark.django_db
def test_an_audience_added_by_staff_gets_the_general_title(client, seeded):
    Audience.objects.create(
        slug="bystander", name_nl="omstanders", answer_nl="Ik zag het gebeuren", has_poster=True
    )
    page = soup(client.get("/en/poster/bystander/"))
    assert page.h1.get_text() == "Bullied online? This is where to find help."
    assert len(page.select("main .contacts li")) == 3


# ---------------------------------------------------------------- staff and the cache


def toggle_poster(editor_client, slug, on):
    """Tick or untick "poster for this group" on the audience's change form, and save."""
    audience = Audience.objects.get(slug=slug)
    url = reverse("admin:resources_audience_change", args=[audience.pk])
    data = form_values(soup(editor_client.get(url)).find("form", id="audience_form"))
    assert "has_poster" in data or not audience.has_poster  # the box is on the form
    if on:
        data["has_poster"] = ["on"]
    else:
        data.pop("has_poster", None)
    assert editor_client.post(url, data).status_code == 302


@pytest.mark.django_db
def test_staff_enabling_a_poster_shows_it_on_the_very_next_request(client, editor_client, settings):
    assert settings.HELPFINDER_PAGE_CACHE_SECONDS > 0  # the page cache is on
    assert client.get("/en/poster/adult/").status_code == 404
    assert poster_url("en", "adult") not in poster_links(client, "en")  # now cached
    toggle_poster(editor_client, "adult", on=True)
    assert poster_url("en", "adult") in poster_links(client, "en")
    page = soup(client.get("/en/poster/adult/"))
    assert page.h1.get_text() == "Being bullied online as an adult? Help is there."


@pytest.mark.django_db
def test_staff_disabling_a_poster_takes_it_away_on_the_very_next_request(client, editor_client):
    assert client.get("/nl/poster/parent/").status_code == 200
    assert poster_url("nl", "parent") in poster_links(client, "nl")
    toggle_poster(editor_client, "parent", on=False)
    assert poster_links(client, "nl") == [
        poster_url("nl", "young-person"),
        poster_url("nl", "school-staff"),
    ]
    assert client.get("/nl/poster/parent/").status_code == 404


@pytest.mark.django_db
def test_a_cached_poster_never_prints_another_hosts_address(client, seeded):
    first = soup(client.get("/nl/poster/parent/", HTTP_HOST="localhost"))
    second = soup(client.get("/nl/poster/parent/"))  # testserver
    assert first.select_one(".url").get_text() == "localhost/nl/hulp-zoeken/?who=parent"
    assert second.select_one(".url").get_text() == "testserver/nl/hulp-zoeken/?who=parent"


# ---------------------------------------------------------------- the migration

BEFORE = [("resources", "0012_bullyingtype_description_other")]
AFTER = [("resources", "0013_audience_has_poster")]


@pytest.fixture
def before_0013(transactional_db):
    """The database at migration 0012, without audiences."""
    Audience.objects.all().delete()
    Audience.history.all().delete()
    with at_migration(BEFORE) as apps:
        yield apps


def test_migration_0013_gives_the_first_three_audiences_a_poster_and_their_history_too(
    before_0013,
):
    OldAudience = before_0013.get_model("resources", "Audience")
    OldHistory = before_0013.get_model("resources", "HistoricalAudience")
    for position, slug in enumerate(["young-person", "parent", "school-staff", "adult"]):
        OldAudience.objects.create(slug=slug, name_nl=slug, answer_nl=slug, position=position)
        OldHistory.objects.create(
            id=position + 1,
            slug=slug,
            name_nl=slug,
            answer_nl=slug,
            position=position,
            history_date=timezone.now(),
            history_type="+",
        )

    migrate(AFTER)

    with_poster = set(Audience.objects.filter(has_poster=True).values_list("slug", flat=True))
    assert with_poster == {"young-person", "parent", "school-staff"}
    in_history = Audience.history.filter(has_poster=True).values_list("slug", flat=True)
    assert set(in_history) == {"young-person", "parent", "school-staff"}
    # Only these columns: today's Audience has columns from later migrations (0017).
    assert not Audience.history.filter(slug="adult").values_list("has_poster", flat=True).get()

    back = migrate(BEFORE)  # and back: the column goes, nothing else changes
    assert back.get_model("resources", "Audience").objects.count() == 4
