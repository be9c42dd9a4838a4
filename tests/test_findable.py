"""Search engines find every public page in both languages: /robots.txt lets them in (not
into the admin) and names the sitemap; /sitemap.xml lists every published page in Dutch
and English with its alternates; each page's <head> has a description in its language,
its canonical address and its addresses in the other languages, all absolute."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from resources.choices import Status
from resources.models import Audience, Page, Resource

from .conftest import LANGUAGES, PAGE_SLUGS, RESULTS_QUERY, public_urls, soup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HOST = "http://testserver"


# ------------------------------------------------------------------ robots.txt


@pytest.mark.django_db
def test_robots_txt_lets_crawlers_in_but_not_into_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Allow: /" in lines
    assert not any(line in ("Disallow: /", "Disallow: /nl/", "Disallow: /en/") for line in lines)


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_on_this_host(client):
    lines = client.get("/robots.txt", secure=True, HTTP_HOST="localhost").content.decode()
    assert "Sitemap: https://localhost/sitemap.xml" in lines.splitlines()


@pytest.mark.django_db
def test_robots_txt_may_be_cached_and_sets_no_cookie(client):
    response = client.get("/robots.txt")
    assert "max-age=86400" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/robots.txt", "/sitemap.xml"])
def test_no_language_prefix_and_no_redirect(client, url):
    assert client.get(url).status_code == 200
    assert client.get(f"/nl{url}").status_code == 404


# ------------------------------------------------------------------ sitemap.xml


def sitemap(client):
    """{address: {hreflang: address}} and {address: lastmod} of /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries, lastmods = {}, {}
    for url in root.findall(f"{SITEMAP}url"):
        location = url.findtext(f"{SITEMAP}loc")
        assert location not in entries, f"{location} is listed twice"
        entries[location] = {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        lastmods[location] = url.findtext(f"{SITEMAP}lastmod")
    return entries, lastmods


def in_language(language, name, **kwargs):
    with translation.override(language):
        return HOST + reverse(name, kwargs=kwargs)


@pytest.mark.django_db
def test_the_sitemap_lists_home_questions_and_list_in_both_languages(client, seeded):
    entries, _lastmods = sitemap(client)
    for name in ["resources:home", "resources:danger", "resources:directory"]:
        for language in LANGUAGES:
            assert in_language(language, name) in entries
    assert f"{HOST}/nl/hulp-zoeken/" in entries and f"{HOST}/en/find-help/" in entries


@pytest.mark.django_db
def test_the_sitemap_lists_every_published_listing_in_both_languages(client, seeded):
    entries, lastmods = sitemap(client)
    published = Resource.objects.published()
    assert published.count() > 10
    for resource in published:
        for language in LANGUAGES:
            url = in_language(language, "resources:resource", slug=resource.slug)
            assert url in entries
            assert lastmods[url] == resource.updated_at.date().isoformat()


@pytest.mark.django_db
def test_the_sitemap_lists_every_published_page_at_its_address_in_each_language(client, seeded):
    entries, lastmods = sitemap(client)
    for dutch, english in PAGE_SLUGS.items():
        page = Page.objects.get(slug_nl=dutch)
        nl, en = f"{HOST}/nl/informatie/{dutch}/", f"{HOST}/en/information/{english}/"
        assert entries[nl] == entries[en] == {"nl": nl, "en": en, "x-default": nl}
        assert lastmods[nl] == page.updated_at.date().isoformat()


@pytest.mark.django_db
def test_the_sitemap_lists_the_posters_staff_chose_in_both_languages(client, seeded):
    staff = Audience.objects.get(slug="school-staff")
    staff.has_poster = False
    staff.save()  # as in the admin: the content version changes
    entries, _lastmods = sitemap(client)
    for language in LANGUAGES:
        assert in_language(language, "resources:posters") in entries
        for slug in ["young-person", "parent"]:
            assert in_language(language, "resources:poster", audience=slug) in entries
        assert in_language(language, "resources:poster", audience="school-staff") not in entries


@pytest.mark.django_db
def test_every_sitemap_entry_has_its_alternates_and_x_default_in_dutch(client, seeded):
    entries, _lastmods = sitemap(client)
    posters = 1 + Audience.objects.filter(has_poster=True).count()
    fixed = 4  # home, the questions, the list of all help, the open data
    assert len(entries) == 2 * (
        fixed + Resource.objects.published().count() + Page.objects.published().count() + posters
    )
    for location, alternates in entries.items():
        assert set(alternates) == {"nl", "en", "x-default"}
        assert location in (alternates["nl"], alternates["en"])
        assert alternates["x-default"] == alternates["nl"]
        assert alternates["nl"].startswith(f"{HOST}/nl/")
        assert alternates["en"].startswith(f"{HOST}/en/")


@pytest.mark.django_db
def test_every_address_in_the_sitemap_answers(client, seeded):
    entries, _lastmods = sitemap(client)
    for location in entries:
        assert client.get(location.removeprefix(HOST)).status_code == 200, location


@pytest.mark.django_db
def test_drafts_never_appear_in_the_sitemap(client, seeded):
    Resource.objects.filter(slug="kindertelefoon").update(status=Status.DRAFT)
    Page.objects.filter(slug_nl="voor-ouders").update(status=Status.DRAFT)
    drafts = list(Resource.objects.filter(status=Status.DRAFT).values_list("slug", flat=True))
    assert "kindertelefoon" in drafts and len(drafts) > 1
    text = client.get("/sitemap.xml").content.decode()
    for slug in drafts:
        assert f"/{slug}/" not in text
    assert "voor-ouders" not in text and "for-parents" not in text


@pytest.mark.django_db
def test_the_sitemap_follows_a_content_change_and_may_be_cached_an_hour(client, seeded):
    response = client.get("/sitemap.xml")
    assert "max-age=3600" in response["Cache-Control"]
    Page.objects.filter(slug_en="effects").update(slug_en="what-it-does")
    assert "/en/information/what-it-does/" in client.get("/sitemap.xml").content.decode()


# ------------------------------------------------------------------ each page's <head>


def head(response):
    page = soup(response)
    description = page.find("meta", attrs={"name": "description"})
    canonical = page.find_all("link", rel="canonical")
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate")}
    return {
        "lang": page.html["lang"],
        "description": description["content"] if description else None,
        "canonical": [link["href"] for link in canonical],
        "alternates": alternates,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_has_a_description_in_its_language(client, seeded, language):
    other = {"nl": "en", "en": "nl"}[language]
    for url in public_urls(language):
        own = head(client.get(url))
        assert own["lang"] == language
        assert own["description"] and 40 <= len(own["description"]) <= 300, url
        # The same page in the other language says it in that language.
        there = head(client.get(own["alternates"][other].removeprefix(HOST)))
        assert there["description"] != own["description"], (url, own["description"])


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_information_and_listing_pages_describe_themselves_with_their_summary(
    client, seeded, language
):
    with translation.override(language):
        resource = Resource.objects.get(slug="kindertelefoon")
        page = Page.objects.get(slug_nl="voor-ouders")
        for thing in (resource, page):
            assert head(client.get(thing.get_absolute_url()))["description"] == thing.summary


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_names_itself_as_canonical_absolute(client, seeded, language):
    for url in public_urls(language):
        links = head(client.get(url))
        assert links["canonical"] == [HOST + url], url
        assert links["alternates"][language] == HOST + url


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_has_absolute_hreflang_links_and_x_default_dutch(
    client, seeded, language
):
    for url in public_urls(language):
        alternates = head(client.get(url))["alternates"]
        assert set(alternates) == {"nl", "en", "x-default"}, url
        assert alternates["nl"].startswith(f"{HOST}/nl/")
        assert alternates["en"].startswith(f"{HOST}/en/")
        assert alternates["x-default"] == alternates["nl"]
        for code in LANGUAGES:  # each answers, in its language
            response = client.get(alternates[code].removeprefix(HOST))
            assert response.status_code == 200 and head(response)["lang"] == code


@pytest.mark.django_db
def test_alternates_keep_the_answers_and_use_each_languages_slug(client, seeded):
    results = head(client.get(f"/en/find-help/results/?{RESULTS_QUERY}"))["alternates"]
    assert results["nl"] == f"{HOST}/nl/hulp-zoeken/resultaten/?{RESULTS_QUERY}"
    page = head(client.get("/nl/informatie/voor-ouders/"))["alternates"]
    assert page["en"] == f"{HOST}/en/information/for-parents/"


@pytest.mark.django_db
def test_the_visible_language_switch_stays_relative(client, seeded):
    switch = soup(client.get("/nl/informatie/voor-ouders/")).select_one("nav.languages a")
    assert switch["href"] == "/en/information/for-parents/"


@pytest.mark.django_db
def test_a_cached_page_names_the_host_it_is_served_on(client, seeded, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    first = head(client.get("/nl/", HTTP_HOST="a.example"))
    second = head(client.get("/nl/", HTTP_HOST="b.example", secure=True))
    assert first["canonical"] == ["http://a.example/nl/"]
    assert second["canonical"] == ["https://b.example/nl/"]
    assert second["alternates"]["en"] == "https://b.example/en/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", [
    "/nl/?who=%00%ff&q=<script>",
    "/en/all-help/?page=999999&open=yes&what=</script>",
    "/nl/alle-hulp/kindertelefoon/?\"><x=1",
    "/en/information/for-parents/?a=%E2%80%AE&b=%22%3E",
    "/nl/hulp-zoeken/resultaten/?danger=maybe&who=x&who=y&age=-1",
])  # fmt: skip
def test_garbage_in_the_address_never_breaks_the_head(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 200
    links = head(response)
    assert links["canonical"][0].startswith(f"{HOST}/")
    assert "<" not in links["canonical"][0] and '"' not in links["canonical"][0]
    assert set(links["alternates"]) == {"nl", "en", "x-default"}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/sitemap.xml?p=2", "/sitemap.xml?p=x", "/robots.txt?x=<"])
def test_garbage_for_robots_and_sitemap_is_never_a_server_error(client, seeded, url):
    assert client.get(url).status_code < 500
