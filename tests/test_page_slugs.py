"""Information pages have an address in each language (/nl/informatie/wat-is-cyberpesten/,
/en/information/what-is-cyberbullying/). Addresses out there keep working: an address a page
has in another language, or had before, leads to its address now (301), never to a draft."""

import json
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resources.models import Page
from resources.saving import save_content

from .conftest import PAGE_SLUGS, form_values, soup
from .migrating import at_migration, migrate

BEFORE = [("resources", "0010_contact_channels")]
AFTER = [("resources", "0011_page_slug_per_language")]


def page(english_slug):
    return Page.objects.get(slug_en=english_slug)


def rename(page, **slugs):
    """A staff edit of the page's addresses, with its history record."""
    with save_content(page):
        for name, slug in slugs.items():
            setattr(page, name, slug)
        page.save()


def change_form(client, page):
    url = reverse("admin:resources_page_change", args=[page.pk])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    return url, form_values(soup(response).find("form", id="page_form"))


def errors_of(response, field):
    """The messages next to one field of an admin form."""
    row = soup(response).select_one(f".field-{field}")
    return [item.get_text() for item in row.select(".errorlist li")] if row else []


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "url", "title"), [
    ("nl", "/nl/informatie/wat-is-cyberpesten/", "Wat is cyberpesten?"),
    ("en", "/en/information/what-is-cyberbullying/", "What is cyberbullying?"),
])  # fmt: skip
def test_a_page_answers_at_its_address_in_each_language(client, seeded, language, url, title):
    response = client.get(url)
    assert response.status_code == 200
    assert soup(response).h1.get_text() == title
    assert page("what-is-cyberbullying").url_in(language) == url


@pytest.mark.django_db
@pytest.mark.parametrize(("dutch", "english"), PAGE_SLUGS.items())
def test_the_old_english_address_of_a_dutch_page_leads_to_its_dutch_address(
    client, seeded, dutch, english
):
    response = client.get(f"/nl/informatie/{english}/")
    assert response.status_code == 301
    assert response["Location"] == f"/nl/informatie/{dutch}/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_a_redirect_keeps_the_query_string(client, seeded):
    response = client.get("/nl/informatie/what-is-cyberbullying/?utm_source=poster&x=%C3%A9")
    assert response.status_code == 301
    assert response["Location"] == "/nl/informatie/wat-is-cyberpesten/?utm_source=poster&x=%C3%A9"


@pytest.mark.django_db
def test_the_dutch_address_in_english_leads_to_the_english_address(client, seeded):
    response = client.get("/en/information/privacyverklaring/")
    assert response.status_code == 301
    assert response["Location"] == "/en/information/privacy/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/nl/informatie/bestaat-niet/", "/en/information/no-such-page/"])
def test_an_unknown_address_is_not_found(client, seeded, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_an_address_staff_renamed_in_the_admin_leads_to_the_new_one(client, seeded, editor_client):
    assert client.get("/en/information/privacy/").status_code == 200  # now in the page cache
    privacy = page("privacy")
    url, data = change_form(editor_client, privacy)
    assert data["slug_nl"] == ["privacyverklaring"] and data["slug_en"] == ["privacy"]
    data["slug_en"] = ["privacy-statement"]
    response = editor_client.post(url, data)
    assert response.status_code == 302, soup(response).select(".errorlist")

    old = client.get("/en/information/privacy/")  # not the page from the cache
    assert old.status_code == 301
    assert old["Location"] == "/en/information/privacy-statement/"
    assert soup(client.get(old["Location"])).h1.get_text() == "Privacy statement"
    assert client.get("/nl/informatie/privacyverklaring/").status_code == 200
    assert privacy.history.count() == 2  # the seeded version and the rename


@pytest.mark.django_db
def test_an_address_renamed_twice_leads_to_the_newest(client, seeded):
    effects = page("effects")
    rename(effects, slug_nl="gevolgen")
    rename(effects, slug_nl="wat-pesten-doet")
    for old in ["wat-cyberpesten-met-je-doet", "gevolgen", "effects"]:
        response = client.get(f"/nl/informatie/{old}/")
        assert response["Location"] == "/nl/informatie/wat-pesten-doet/", old


@pytest.mark.django_db
def test_an_address_another_page_took_over_leads_to_that_page(client, seeded):
    rename(page("effects"), slug_nl="gevolgen")
    rename(page("prevention"), slug_nl="wat-cyberpesten-met-je-doet")
    response = client.get("/nl/informatie/wat-cyberpesten-met-je-doet/")
    assert response.status_code == 200
    assert soup(response).h1.get_text() == page("prevention").title_nl


@pytest.mark.django_db
def test_the_old_address_of_a_draft_is_not_found_for_the_public_but_staff_preview_it(
    client, seeded, editor_client
):
    parents = page("for-parents")
    parents.status = "draft"
    rename(parents, slug_nl="voor-ouders-en-verzorgers")
    for url in [
        "/nl/informatie/voor-ouders/",  # its old address
        "/nl/informatie/for-parents/",  # its address in the other language
        "/nl/informatie/voor-ouders-en-verzorgers/",
        "/en/information/for-parents/",
    ]:
        assert client.get(url).status_code == 404, url

    moved = editor_client.get("/nl/informatie/voor-ouders/")
    assert moved.status_code == 301
    assert moved["Location"] == "/nl/informatie/voor-ouders-en-verzorgers/"
    preview = soup(editor_client.get(moved["Location"]))
    assert preview.select_one("p.draft")


@pytest.mark.django_db
def test_language_switch_and_alternates_name_the_page_in_the_other_language(client, seeded):
    dutch = soup(client.get("/nl/informatie/wat-is-cyberpesten/?x=1"))
    switch = dutch.select_one("nav.languages a")
    assert switch["hreflang"] == "en"
    assert switch["href"] == "/en/information/what-is-cyberbullying/?x=1"
    links = dutch.find_all("link", rel="alternate")
    alternates = {link["hreflang"]: link["href"] for link in links}
    assert alternates["nl"] == "http://testserver/nl/informatie/wat-is-cyberpesten/?x=1"
    assert alternates["en"] == "http://testserver/en/information/what-is-cyberbullying/?x=1"

    english = soup(client.get("/en/information/safe-browsing/"))
    assert english.select_one("nav.languages a")["href"] == (
        "/nl/informatie/veilig-deze-site-bekijken/"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_home_and_footer_link_each_page_at_its_address_in_the_language(client, seeded, language):
    home = soup(client.get(f"/{language}/"))
    footer = {a["href"] for a in home.select("footer a")}
    for info in Page.objects.published():
        assert info.url_in(language) in footer


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "path"),
    [
        ("nl", "/nl/informatie/wat-is-cyberpesten/"),
        ("en", "/en/information/what-is-cyberbullying/"),
    ],
)
def test_view_on_site_in_the_admin_opens_the_page_in_the_admin_s_language(
    seeded, editor_client, language, path
):
    about = page("what-is-cyberbullying")
    form = soup(
        editor_client.get(change_form(editor_client, about)[0], HTTP_ACCEPT_LANGUAGE=language)
    )
    view_on_site = form.select_one("a.viewsitelink")["href"]
    response = editor_client.get(view_on_site, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    assert response["Location"].endswith(path)


@pytest.mark.django_db
def test_a_page_without_an_english_slug_uses_its_dutch_one_in_english(client, seeded):
    schools = page("for-schools")
    rename(schools, slug_en=None)
    assert schools.url_in("en") == "/en/information/voor-scholen/"
    response = client.get("/en/information/voor-scholen/")
    assert response.status_code == 200
    assert soup(response).h1.get_text() == schools.title_en
    # Its former English address leads there too (from the history).
    assert client.get("/en/information/for-schools/")["Location"] == schools.url_in("en")


@pytest.mark.django_db
def test_two_pages_cannot_have_one_address_in_a_language(seeded, editor_client):
    url, data = change_form(editor_client, page("effects"))
    data["slug_en"] = ["privacy"]
    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    [message] = errors_of(response, "slug_en")
    assert "Privacy statement" in message and "privacy" in message and "English" in message
    assert page("effects").slug_en == "effects"  # nothing saved


@pytest.mark.django_db
def test_a_page_without_an_english_slug_cannot_take_another_page_s_english_address(
    seeded, editor_client
):
    url, data = change_form(editor_client, page("effects"))
    data["slug_nl"] = ["privacy"]  # free in Dutch; in English the address of another page
    data["slug_en"] = [""]
    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    [message] = errors_of(response, "slug_nl")
    assert "Privacy statement" in message and "English" in message


@pytest.mark.django_db
def test_the_same_slug_in_two_languages_of_one_page_is_fine(seeded, editor_client):
    url, data = change_form(editor_client, page("help-in-amsterdam"))
    data["slug_nl"] = ["help-in-amsterdam"]
    response = editor_client.post(url, data)
    assert response.status_code == 302, soup(response).select(".errorlist")


@pytest.mark.django_db
def test_a_revert_to_an_address_another_page_has_now_is_refused(seeded, editor_client):
    effects = page("effects")
    seeded_version = effects.history.earliest()
    rename(effects, slug_nl="gevolgen")
    rename(page("prevention"), slug_nl="wat-cyberpesten-met-je-doet")
    revert = reverse("admin:resources_page_revert", args=[effects.pk, seeded_version.history_id])
    confirm = soup(editor_client.get(revert, HTTP_ACCEPT_LANGUAGE="en"))
    response = editor_client.post(
        revert, form_values(confirm.find("form", id="revert-form")), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    error = soup(editor_client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en"))
    assert "wat-cyberpesten-met-je-doet" in error.select_one(".messagelist .error").get_text()
    effects.refresh_from_db()
    assert effects.slug_nl == "gevolgen"


@pytest.mark.django_db
def test_the_seeded_history_is_one_record_per_page_with_its_addresses(seeded):
    for info in Page.objects.all():
        [record] = info.history.all()
        assert (record.slug_nl, record.slug_en) == (info.slug_nl, info.slug_en)


@pytest.mark.django_db
def test_a_page_costs_as_many_queries_as_before_and_a_redirect_a_few_more(client, settings):
    settings.HELPFINDER_PAGE_CACHE_SECONDS = 0
    for language in ["nl", "en"]:
        client.get(f"/{language}/")  # the lists every page needs, for this content version

    def queries(url, status):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == status
        return len(context.captured_queries)

    # The content version and the page; for a page that names listings ([[kindertelefoon]],
    # ...), one more for all of them.
    assert queries("/en/information/privacy/", 200) == 2
    assert queries("/nl/informatie/wat-is-cyberpesten/", 200) == 3
    assert queries("/en/information/what-is-cyberbullying/", 200) == 3
    assert queries("/nl/informatie/what-is-cyberbullying/", 301) <= 3
    assert queries("/nl/informatie/does-not-exist/", 404) <= 4


@pytest.mark.django_db(transaction=True)  # flush on PostgreSQL needs no open transaction
def test_a_backup_keeps_every_address_and_the_old_ones(client, tmp_path, committed_seed):
    rename(page("effects"), slug_nl="gevolgen", slug_en="what-it-does")
    backup = tmp_path / "helpfinder.json.gz"
    call_command("backup", str(backup), stdout=StringIO())
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(backup), stdout=StringIO())

    assert (page("what-it-does").slug_nl, page("privacy").slug_nl) == (
        "gevolgen",
        "privacyverklaring",
    )
    assert client.get("/nl/informatie/gevolgen/").status_code == 200
    assert client.get("/en/information/effects/")["Location"] == "/en/information/what-it-does/"


@pytest.mark.django_db
def test_a_backup_from_before_addresses_per_language_is_refused(tmp_path):
    backup = tmp_path / "old.json"
    call_command("backup", str(backup), stdout=StringIO())
    objects = json.loads(backup.read_text())
    for entry in objects:
        if entry["model"] == "resources.page":
            entry["fields"] = {
                k: v for k, v in entry["fields"].items() if not k.startswith("slug_")
            }
    backup.write_text(json.dumps(objects))
    with pytest.raises(CommandError, match="before information pages had an address"):
        call_command("restore", str(backup), stdout=StringIO())


# ---------------------------------------------------------------- migration 0011


@pytest.fixture
def before_0011(transactional_db):
    """The database at migration 0010 without pages; the latest state afterwards."""
    Page.objects.all().delete()
    Page.history.all().delete()
    with at_migration(BEFORE) as apps:
        yield apps


SEEDED = {english: dutch for dutch, english in PAGE_SLUGS.items()}


def test_migration_0011_gives_the_seeded_pages_dutch_slugs_and_keeps_the_english_ones(
    before_0011,
):
    apps = before_0011
    OldPage = apps.get_model("resources", "Page")
    History = apps.get_model("resources", "HistoricalPage")
    texts = {"title_nl": "Titel", "summary_nl": "Kort.", "body_nl": "Tekst."}
    for position, slug in enumerate([*SEEDED, "own-page", "voor-ouders-oud"]):
        created = OldPage.objects.create(slug=slug, position=position, **texts)
        History.objects.create(
            id=created.pk,
            slug=slug,
            position=position,
            updated_at=created.updated_at,
            history_date=datetime(2026, 11, 23, tzinfo=UTC),
            history_type="+",
            **texts,
        )
    # A record from before a page was renamed: its old address leads to it (history).
    renamed = OldPage.objects.get(slug="voor-ouders-oud")
    History.objects.create(
        id=renamed.pk,
        slug="for-parents-old",
        position=0,
        updated_at=renamed.updated_at,
        history_date=datetime(2026, 11, 1, tzinfo=UTC),
        history_type="+",
        **texts,
    )

    migrate(AFTER)

    addresses = dict(Page.objects.values_list("slug_en", "slug_nl"))
    assert addresses == {**SEEDED, "own-page": "own-page", "voor-ouders-oud": "voor-ouders-oud"}
    records = set(Page.history.values_list("slug_en", "slug_nl"))
    assert records == {*addresses.items(), ("for-parents-old", "for-parents-old")}
    assert Page.objects.at("for-parents-old", "nl").first() is None
    assert Page.objects.moved_from("for-parents-old").slug_en == "voor-ouders-oud"

    # Back: one slug again, the English one.
    back = migrate(BEFORE)
    slugs = set(back.get_model("resources", "Page").objects.values_list("slug", flat=True))
    assert slugs == set(addresses)
    old_records = back.get_model("resources", "HistoricalPage").objects
    assert set(old_records.values_list("slug", flat=True)) == {*addresses, "for-parents-old"}


def test_migration_0011_leaves_a_dutch_slug_that_another_page_has_to_that_page(before_0011):
    OldPage = before_0011.get_model("resources", "Page")
    texts = {"title_nl": "Titel", "summary_nl": "Kort.", "body_nl": "Tekst."}
    OldPage.objects.create(slug="for-parents", position=1, **texts)
    OldPage.objects.create(slug="voor-ouders", position=2, **texts)  # made by staff

    migrate(AFTER)

    assert dict(Page.objects.values_list("slug_en", "slug_nl")) == {
        "for-parents": "for-parents",
        "voor-ouders": "voor-ouders",
    }
