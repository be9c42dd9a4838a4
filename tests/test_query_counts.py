"""Pages cost the same number of database queries with 10 or 200 resources."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import Audience, BullyingType, ContactChannel, Page, Resource

PAGES = [
    "/nl/hulp-zoeken/resultaten/?danger=yes&who=parent&what=threats&age=12-17",
    "/nl/alle-hulp/?who=parent&what=threats",
    "/en/all-help/?q=help&open=now",
    "/nl/alle-hulp/?q=hulp&who=parent",
    "/nl/zoeken/?q=hulp+bij+pesten",  # matches every listing this test adds
    "/en/search/?q=whatsapp",  # a kind of bullying: its listings as the triage ranks them
    "/en/",
    "/en/all-help/listing-3/",
    "/nl/informatie/hulp-in-amsterdam/",  # names listings: [[kindertelefoon]], ...
    "/en/information/test-references/",  # names the listings this test adds
    "/nl/poster/parent/",
]


CHANNELS = [
    {"kind": "phone", "address": "0800-0432", "hours": "week", "week": "mo-fr 09:00-17:00"},
    {"kind": "chat", "address": "https://example.org/", "via_website": True, "hours": "always"},
    {"kind": "website", "address": "https://example.org/"},
]


def add_resources(count):
    audiences = list(Audience.objects.all())
    types = list(BullyingType.objects.all())
    resources = Resource.objects.bulk_create(
        Resource(
            slug=f"listing-{number}",
            kind="helpline",
            status="published",
            name_nl=f"Hulp {number}",
            name_en=f"Help {number}",
            summary_nl="Hulp bij pesten.",
            summary_en="Help with bullying.",
        )
        for number in range(count)
    )
    Resource.audiences.through.objects.bulk_create(
        Resource.audiences.through(resource=resource, audience=audience)
        for number, resource in enumerate(resources)
        for audience in audiences[number % 3 : number % 3 + 2]
    )
    Resource.bullying_types.through.objects.bulk_create(
        Resource.bullying_types.through(resource=resource, bullyingtype=bullying_type)
        for number, resource in enumerate(resources)
        for bullying_type in types[number % 5 : number % 5 + 2]
    )
    ContactChannel.objects.bulk_create(
        ContactChannel(resource=resource, position=position, **fields)
        for resource in resources
        for position, fields in enumerate(CHANNELS)
    )


def queries_for(client, url):
    """Queries to render the page: not from the page cache, site-wide lists warm."""
    client.get(url)  # fills the cached lists (audiences, types, pages) for this version
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in context.captured_queries]


def add_page_naming(count):
    """A page that names `count` of the added listings with references."""
    Page.objects.update_or_create(
        slug_nl="test-references",
        defaults={
            "slug_en": "test-references",
            "title_nl": "Test",
            "summary_nl": "Test",
            "status": "published",
            "body_nl": " ".join(f"[[listing-{number}]]" for number in range(count)),
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow_with_the_number_of_resources(client, settings, url):
    settings.HELPFINDER_PAGE_CACHE_SECONDS = 0
    add_resources(10)
    add_page_naming(10)
    few = queries_for(client, url)
    add_resources_more(190)
    add_page_naming(200)
    many = queries_for(client, url)
    assert len(few) == len(many), many
    assert len(many) <= 6, many


def add_resources_more(count):
    Resource.objects.filter(slug__startswith="listing-").delete()
    add_resources(10 + count)
