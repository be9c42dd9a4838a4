"""The open data: the published listings as an Open Referral HSDS 3.0 API and download, as
a partner's developer uses them (resources/api.py, resources/hsds.py)."""

import csv
import io
import json
import re
import zipfile
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry
from referencing import Resource as Schema
from referencing.jsonschema import DRAFT202012

from resources import hsds
from resources.models import Audience, BullyingType, ContactChannel, Organization, Resource

from .conftest import soup
from .hsds_schemas import ITEM_SCHEMAS, LISTS, OBJECT_OF, errors, page_errors
from .test_admin_editing import open_change_form
from .test_query_counts import add_resources

API = "/api/hsds/"
LANGUAGES = ["nl", "en"]


def get(client, path, **headers):
    """GET an address of the API; headers by name: accept_language="en"."""
    meta = {f"HTTP_{name.upper()}": value for name, value in headers.items()}
    return client.get(API + path, **meta)


def data(client, path, **headers):
    response = get(client, path, **headers)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def ids(client, collection, language):
    page = data(client, f"{collection}?per_page=200&lang={language}")
    return [item["id"] for item in page["contents"]]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_response_is_valid_hsds(client, language):
    for path in LISTS:
        separator = "&" if "?" in path else "?"
        for size in (200, 3):
            page = data(client, f"{path}{separator}per_page={size}&lang={language}")
            assert page["contents"], path
            assert page_errors(page, ITEM_SCHEMAS[path]) == [], path
            assert page["size"] == len(page["contents"]) <= size
    for collection, single in OBJECT_OF.items():
        for object_id in ids(client, collection, language):
            found = data(client, f"{collection}/{object_id}?lang={language}")
            assert errors(ITEM_SCHEMAS[single], found) == [], (collection, object_id)
            assert found["id"] == object_id


@pytest.mark.django_db
def test_a_full_service_keeps_what_the_listing_says(client):
    kindertelefoon = Resource.objects.get(slug="kindertelefoon")
    service = data(client, f"services/{kindertelefoon.uuid}?lang=en")
    assert service["name"] == kindertelefoon.name_en
    assert service["description"].startswith(kindertelefoon.summary_en)
    assert service["organization"]["name"] == "De Kindertelefoon"
    assert (service["minimum_age"], service["maximum_age"]) == (8, 18)
    assert service["url"] == "https://www.kindertelefoon.nl/"
    assert service["assured_date"] == kindertelefoon.last_verified.isoformat()
    assert {phone["number"] for phone in service["phones"]} == {"0800-0432", "116 111"}
    # The hours: every day 11:00-21:00, as an RRULE-style weekly schedule per channel.
    phone = next(s for s in service["schedules"] if s["attending_type"] == "phone")
    assert (phone["freq"], phone["byday"], phone["opens_at"], phone["closes_at"]) == (
        "WEEKLY",
        "MO,TU,WE,TH,FR,SA,SU",
        "11:00",
        "21:00",
    )
    chat = next(s for s in service["schedules"] if s["attending_type"] == "online")
    assert chat["schedule_link"].startswith("https://")
    assert any(option["amount_description"] == "Free" for option in service["cost_options"])
    assert [language["code"] for language in service["languages"]] == ["nl"]
    # Who it is for and what it helps with: terms of our own taxonomies, with the link's meaning.
    links = {(a["link_type"], a["taxonomy_term"]["code"]) for a in service["attributes"]}
    assert ("made_for", "young-person") in links
    assert {a["taxonomy_term"]["taxonomy_id"] for a in service["attributes"]} <= {
        str(hsds.AUDIENCES),
        str(hsds.BULLYING_TYPES),
    }


@pytest.mark.django_db
def test_an_organisation_runs_several_services(client):
    offlimits = Organization.objects.get(slug="offlimits")
    found = data(client, f"organizations/{offlimits.uuid}")
    names = {service["name"] for service in found["services"]}
    assert names == {"Helpwanted", "Offlimits"}
    listed = data(client, f"services?organization_id={offlimits.uuid}")
    assert {service["name"] for service in listed["contents"]} == names


@pytest.mark.django_db
def test_an_address_to_visit_is_a_service_at_a_location(client):
    page = data(client, "service_at_locations")
    mdra = Resource.objects.get(slug="meldpunt-discriminatie-amsterdam")
    here = [item for item in page["contents"] if item["service_id"] == str(mdra.uuid)]
    assert len(here) == 1
    address = here[0]["location"]["addresses"][0]
    assert (address["address_1"], address["city"], address["country"]) == (
        "Hobbemakade 29-H",
        "Amsterdam",
        "NL",
    )
    assert here[0]["service"]["name"] == mdra.name_nl


@pytest.mark.django_db
def test_one_language_per_response_never_the_other(client):
    """Each name is the one of the response's language, and no Dutch summary or
    explanation that differs from its English one is in the English data, nor the other
    way round."""
    listings = {str(listing.uuid): listing for listing in Resource.objects.published()}
    terms = {str(t.uuid): t for t in [*Audience.objects.all(), *BullyingType.objects.all()]}
    for language, other in [("nl", "en"), ("en", "nl")]:
        dataset = data(client, f"dataset.json?lang={language}")
        for service in dataset["services"]:
            assert service["name"] == getattr(listings[service["id"]], f"name_{language}")
        for term in dataset["taxonomy_terms"]:
            assert term["name"] == getattr(terms[term["id"]], f"name_{language}")
            assert term["language"] == language
        names = {
            "nl": ["Voor wie", "Soorten online pesten"],
            "en": ["Who it is for", "Kinds of cyberbullying"],
        }
        assert [taxonomy["name"] for taxonomy in dataset["taxonomies"]] == names[language]
        dumped = json.dumps(dataset, ensure_ascii=False)
        for listing in listings.values():
            for field in ("summary", "description", "how_it_works"):
                theirs = getattr(listing, f"{field}_{other}")
                if theirs and theirs != getattr(listing, f"{field}_{language}"):
                    assert theirs not in dumped, (language, listing.slug, field)


@pytest.mark.django_db
def test_language_by_header_or_parameter_dutch_by_default(client):
    kindertelefoon = Resource.objects.get(slug="kindertelefoon")
    path = f"services/{kindertelefoon.uuid}"
    assert data(client, path)["name"] == kindertelefoon.name_nl
    assert data(client, path, accept_language="en-GB,en;q=0.9")["name"] == kindertelefoon.name_en
    assert data(client, f"{path}?lang=en", accept_language="nl")["name"] == kindertelefoon.name_en
    english = get(client, path, accept_language="en")
    assert english["Content-Language"] == "en"
    assert "Accept-Language" in english["Vary"]


@pytest.mark.django_db
def test_drafts_never_appear(client):
    draft = Resource.objects.get(slug="alles-oke-supportlijn")
    assert draft.status == "draft"
    for language in LANGUAGES:
        dumped = json.dumps(data(client, f"dataset.json?lang={language}"), ensure_ascii=False)
        assert str(draft.uuid) not in dumped
        assert draft.name_nl not in dumped
        assert str(draft.uuid) not in ids(client, "services", language)
    assert get(client, f"services/{draft.uuid}").status_code == 404
    # An organisation that runs only drafts is not there either.
    only_drafts = Organization.objects.get(slug="uptalk")
    assert get(client, f"organizations/{only_drafts.uuid}").status_code == 404
    assert str(only_drafts.uuid) not in ids(client, "organizations", "nl")


@pytest.mark.django_db
def test_ids_stay_the_same_and_are_the_stored_ones(client):
    first = data(client, "dataset.json")
    Resource.objects.get(slug="kindertelefoon").save()  # a change elsewhere: new content version
    again = data(client, "dataset.json")
    assert [s["id"] for s in first["services"]] == [s["id"] for s in again["services"]]
    assert [p["id"] for s in first["services"] for p in s["phones"]] == [
        p["id"] for s in again["services"] for p in s["phones"]
    ]
    stored = {str(u) for u in Resource.objects.published().values_list("uuid", flat=True)}
    assert {s["id"] for s in first["services"]} == stored


@pytest.mark.django_db
def test_filters_by_term_taxonomy_date_and_search(client):
    parent = Audience.objects.get(slug="parent")
    by_term = data(client, f"services?per_page=200&taxonomy_term_id={parent.uuid}")
    expected = Resource.objects.published().filter(
        pk__in=Resource.objects.filter(audiences=parent).values("pk")
        | Resource.objects.filter(also_for=parent).values("pk")
    )
    assert {s["id"] for s in by_term["contents"]} == {str(r.uuid) for r in expected}
    everything = data(client, "services?per_page=200")["total_items"]
    assert by_term["total_items"] < everything
    by_taxonomy = data(client, f"services?per_page=200&taxonomy_id={hsds.BULLYING_TYPES}")
    assert 0 < by_taxonomy["total_items"] < everything
    assert data(client, "services?modified_after=2999-01-01")["empty"] is True
    assert data(client, "services?modified_after=2000-01-01T00:00:00Z")["total_items"] == everything
    found = data(client, "services?search=kindertelefoon")["contents"]
    assert found[0]["name"] == "De Kindertelefoon"
    assert data(client, "services?search=qqqxxyyzz")["empty"] is True
    terms = data(client, f"taxonomy_terms?per_page=200&taxonomy_id={hsds.AUDIENCES}")
    assert {t["code"] for t in terms["contents"]} == set(
        Audience.objects.values_list("slug", flat=True)
    )


@pytest.mark.django_db
def test_pages_count_right(client):
    total = data(client, "services")["total_items"]
    first = data(client, "services?per_page=5")
    assert (first["page_number"], first["size"], first["first_page"]) == (1, 5, True)
    assert first["total_pages"] == -(-total // 5)
    last = data(client, f"services?per_page=5&page={first['total_pages']}")
    assert last["last_page"] is True and last["size"] == total - 5 * (first["total_pages"] - 1)
    beyond = data(client, f"services?per_page=5&page={first['total_pages'] + 1}")
    assert beyond["contents"] == [] and beyond["empty"] is False
    every = []
    for number in range(1, first["total_pages"] + 1):
        every += [s["id"] for s in data(client, f"services?per_page=5&page={number}")["contents"]]
    assert len(every) == len(set(every)) == total


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("services?page=0", "page"),
        ("services?page=two", "page"),
        ("services?per_page=100000", "per_page"),
        ("services?taxonomy_term_id=not-a-uuid", "taxonomy_term_id"),
        ("services?modified_after=yesterday", "modified_after"),
        ("services?lang=de", "lang"),
        ("services?full=maybe", "full"),
        ("services?format=xml", "format"),
        ("services?colour=blue", "colour"),
        ("taxonomy_terms?parent_id=%00", "parent_id"),
    ],
)
def test_bad_parameters_get_400_json_saying_which(client, path, parameter):
    response = get(client, path)
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["parameter"] == parameter and body["detail"]
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "services/00000000-0000-0000-0000-000000000000",
        "services/not-an-id",
        "organizations/7",
        "taxonomy_terms/00000000-0000-0000-0000-000000000000",
        "taxonomies/x",
        "service_at_locations/%E2%9C%93",
        "nothing-here",
        "services/1/2",
    ],
)
def test_unknown_ids_and_addresses_get_404_json(client, path):
    response = get(client, path)
    assert response.status_code == 404
    assert response.json()["status"] == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"


@pytest.mark.django_db
def test_http_for_machines(client):
    response = get(client, "services", origin="https://school.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, no-cache"
    assert response["ETag"] and response["Last-Modified"]
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert "Content-Security-Policy" in response and response["X-Content-Type-Options"] == "nosniff"
    assert not response.cookies
    again = get(client, "services", if_none_match=response["ETag"])
    assert again.status_code == 304
    preflight = client.options(API + "services", HTTP_ORIGIN="https://school.example")
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    refused = client.post(API + "services", {})
    assert refused.status_code == 405 and refused.json()["status"] == 405


@pytest.mark.django_db
def test_too_many_requests_get_429_with_retry_after(client, settings):
    settings.HELPFINDER_API_RATE = "3/m"
    for _ in range(3):
        assert get(client, "taxonomies").status_code == 200
    refused = get(client, "taxonomies")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["status"] == 429
    other = Client(REMOTE_ADDR="192.0.2.7")  # another client is not held back
    assert other.get(API + "taxonomies").status_code == 200


@pytest.mark.django_db
def test_an_edit_in_the_admin_shows_in_the_next_response(editor_client):
    public = Client()
    kindertelefoon = Resource.objects.get(slug="kindertelefoon")
    path = f"services/{kindertelefoon.uuid}?lang=en"
    before = get(public, path)
    assert before.json()["name"] == kindertelefoon.name_en
    url, form = open_change_form(editor_client, kindertelefoon)
    form["name_en"] = ["De Kindertelefoon (the child helpline)"]
    assert editor_client.post(url, form).status_code == 302
    after = get(public, path, if_none_match=before["ETag"])
    assert after.status_code == 200
    assert after.json()["name"] == "De Kindertelefoon (the child helpline)"
    listed = data(public, "services?per_page=200&lang=en")["contents"]
    assert "De Kindertelefoon (the child helpline)" in {s["name"] for s in listed}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_download_holds_what_the_api_gives(client, language):
    dataset = data(client, f"dataset.json?lang={language}")
    assert errors("compiled-service", dataset["services"][0]) == []
    for collection in ("services", "organizations", "service_at_locations", "taxonomy_terms"):
        assert dataset[collection], collection
        for item in dataset[collection]:
            assert item == data(client, f"{collection}/{item['id']}?lang={language}"), collection
        assert {item["id"] for item in dataset[collection]} == set(
            ids(client, collection, language)
        )
    assert dataset["taxonomies"] == data(client, f"taxonomies?lang={language}")["contents"]
    assert dataset["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }


@pytest.mark.django_db
def test_the_api_describes_itself_in_valid_openapi(client):
    description = data(client, "openapi.json")
    validate(description)
    assert description["openapi"].startswith("3.1")
    assert description["servers"][0]["url"] == "http://testserver/api/hsds"
    root = data(client, "")
    assert root["version"] == "3.0"
    assert root["openapi_url"] == "http://testserver/api/hsds/openapi.json"
    assert root["profile"] == "http://testserver/nl/open-data/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [("nl", ["Open data", "Licentie", "CC0 1.0"]), ("en", ["Open data", "Licence", "CC0 1.0"])],
)
def test_the_open_data_page_says_the_licence_staff_chose_and_links_the_download(
    client, settings, language, words
):
    settings.HELPFINDER_OPEN_DATA_LICENCE = "CC0 1.0"
    settings.HELPFINDER_OPEN_DATA_LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
    with_language = client.get(f"/{language}/")
    link = soup(with_language).find("a", string=re.compile("Open data"))
    page = client.get(link["href"])
    assert page.status_code == 200
    text = soup(page).get_text(" ")
    for word in words:
        assert word in text
    hrefs = [a["href"] for a in soup(page).find_all("a")]
    assert f"{reverse('hsds:dataset')}?lang=nl" in hrefs
    assert "https://creativecommons.org/publicdomain/zero/1.0/" in hrefs
    out = soup(page).find("a", href="https://creativecommons.org/publicdomain/zero/1.0/")
    assert out["rel"] == ["noreferrer"]
    assert data(client, "")["licence"]["name"] == "CC0 1.0"


def add_visits():
    """An address to visit for every listing."""
    ContactChannel.objects.bulk_create(
        ContactChannel(resource=listing, position=9, kind="visit", address="Dam 1, Amsterdam")
        for listing in Resource.objects.all()
    )


# Each address, and the most queries it may take (built afresh: the content version, the
# count, the rows and what they link to; a search first builds the site's search index).
QUERIES = {
    "services?per_page=50": 6,
    "services?per_page=50&search=hulp": 18,  # matches every listing the test adds
    "services?per_page=50&full=true": 10,
    "organizations?full=true": 10,
    "service_at_locations": 8,
    "taxonomy_terms": 4,
    "dataset.json": 15,
}


def queries(client, path):
    with CaptureQueriesContext(connection) as context:
        assert get(client, path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("path", QUERIES)
def test_queries_do_not_grow_with_the_number_of_listings(client, settings, path):
    """At 10 and at 1,000 listings, a page of the API costs the same number of queries
    (not from the cache: built each time)."""
    settings.HELPFINDER_PAGE_CACHE_SECONDS = 0
    settings.HELPFINDER_API_RATE = "1000/m"
    Resource.objects.all().delete()
    add_resources(10)
    add_visits()
    Resource.objects.update(organization=Organization.objects.first())
    few = queries(client, path)
    add_more = 990
    Resource.objects.filter(slug__startswith="listing-").delete()
    add_resources(10 + add_more)
    add_visits()
    Resource.objects.update(organization=Organization.objects.first())
    assert Resource.objects.published().count() == 1000
    many = queries(client, path)
    assert few == many
    assert many <= QUERIES[path]


@pytest.mark.django_db
def test_an_editor_adds_an_organisation_and_its_listing_becomes_its_service(editor_client):
    add = reverse("admin:resources_organization_add")
    response = editor_client.post(
        add,
        {
            "slug": "stichting-test",
            "name": "Stichting Test",
            "description_nl": "Een stichting.",
            "description_en": "A foundation.",
            "website": "https://example.org/",
        },
    )
    assert response.status_code == 302, soup(response).select(".errorlist")
    created = Organization.objects.get(slug="stichting-test")
    listing = Resource.objects.get(slug="slachtofferhulp")
    url, form = open_change_form(editor_client, listing)
    form["organization"] = [str(created.pk)]
    form["languages"] = ["Nederlands, Engels"]
    refused = editor_client.post(url, form)
    assert refused.status_code == 200
    assert "Nederlands" in " ".join(li.get_text() for li in soup(refused).select(".errorlist li"))
    form["languages"] = ["NL,en, tr"]
    assert editor_client.post(url, form).status_code == 302
    assert Resource.objects.get(pk=listing.pk).languages == "nl, en, tr"
    found = data(Client(), f"organizations/{created.uuid}?lang=en")
    assert found["description"] == "A foundation."
    assert [service["id"] for service in found["services"]] == [str(listing.uuid)]
    service = data(Client(), f"services/{listing.uuid}?lang=en")
    assert [(lang["code"], lang["name"]) for lang in service["languages"]] == [
        ("nl", "Dutch"),
        ("en", "English"),
        ("tr", "Turkish"),
    ]


@pytest.mark.django_db
def test_the_tables_download_holds_the_same_data_as_csv_files(client):
    response = get(client, "dataset.zip?lang=en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="helpfinder-hsds-en.zip"' in response["Content-Disposition"]
    dataset = data(client, "dataset.json?lang=en")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        tables = {
            name.removesuffix(".csv"): list(csv.DictReader(io.TextIOWrapper(archive.open(name))))
            for name in archive.namelist()
        }
    assert [row["id"] for row in tables["services"]] == [s["id"] for s in dataset["services"]]
    kindertelefoon = next(r for r in tables["services"] if r["name"].startswith("De Kinder"))
    assert (kindertelefoon["minimum_age"], kindertelefoon["maximum_age"]) == ("8", "18")
    phones = {(row["service_id"], row["number"]) for row in tables["phones"]}
    assert (kindertelefoon["id"], "0800-0432") in phones
    assert len(tables["phones"]) == sum(len(s["phones"]) for s in dataset["services"])
    assert {row["id"] for row in tables["organizations"]} == {
        o["id"] for o in dataset["organizations"]
    }
    terms = {row["id"] for row in tables["taxonomy_terms"]}
    assert {row["taxonomy_term_id"] for row in tables["attributes"]} <= terms
    assert tables["addresses"][0]["city"] == "Amsterdam"
    cache.clear()
    again = get(client, "dataset.zip?lang=en")  # made again: the same data, the same file
    assert again.content == response.content


@pytest.mark.django_db
def test_every_response_fits_the_apis_own_description(client):
    """What /api/hsds/openapi.json promises for each address is what it answers."""
    description = data(client, "openapi.json")
    registry = Registry().with_resource("urn:api", Schema.from_contents(description, DRAFT202012))

    def fits(template, found):
        pointer = f"/paths/{template.replace('~', '~0').replace('/', '~1')}/get/responses/200"
        schema = {"$ref": f"urn:api#{quote(pointer)}/content/application~1json/schema"}
        checker = Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
        return [error.message for error in checker.iter_errors(found)]

    kindertelefoon = Resource.objects.get(slug="kindertelefoon")
    offlimits = Organization.objects.get(slug="offlimits")
    visit = data(client, "service_at_locations")["contents"][0]["id"]
    term = Audience.objects.get(slug="parent").uuid
    for language in LANGUAGES:
        for template, path in [
            ("/", ""),
            ("/services", "services"),
            ("/services", "services?full=true&per_page=5"),
            ("/services/{id}", f"services/{kindertelefoon.uuid}"),
            ("/organizations", "organizations"),
            ("/organizations", "organizations?full=true"),
            ("/organizations/{id}", f"organizations/{offlimits.uuid}"),
            ("/service_at_locations", "service_at_locations"),
            ("/service_at_locations/{id}", f"service_at_locations/{visit}"),
            ("/taxonomies", "taxonomies"),
            ("/taxonomies/{id}", f"taxonomies/{hsds.AUDIENCES}"),
            ("/taxonomy_terms", "taxonomy_terms"),
            ("/taxonomy_terms/{id}", f"taxonomy_terms/{term}"),
            ("/dataset.json", "dataset.json"),
        ]:
            separator = "&" if "?" in path else "?"
            found = data(client, f"{path}{separator}lang={language}")
            assert fits(template, found) == [], (template, path, language)


@pytest.mark.django_db
def test_errors_speak_the_language_asked_for(client):
    dutch = get(client, "services?page=nul").json()
    assert dutch["detail"] == "page moet een heel getal zijn van 1 tot en met 1000000."
    english = get(client, "services?page=nil", accept_language="en").json()
    assert english["detail"] == "page must be a whole number from 1 to 1000000."
    # A language that is not offered is refused in the language of the header.
    assert get(client, "services?lang=fr", accept_language="en").json()["detail"] == (
        "lang must be one of: nl, en."
    )
    assert get(client, "nothing", accept_language="en").json()["detail"].startswith("No such")
