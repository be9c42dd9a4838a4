"""Garbage in the address never breaks a page, never echoes unescaped, and is pointed out."""

import random
import string
from urllib.parse import quote

import pytest

from .conftest import SITE_LANGUAGES, public_urls, soup

MARKER = '<script>alert("x")</script>'
NAMES = ["danger", "who", "what", "age", "q", "open", "page", "several", "x", "", "what[]"]
PIECES = [
    "yes",
    "no",
    "parent",
    "threats",
    "12-17",
    "now",
    "1",
    "-1",
    "99999999999999999999",
    MARKER,
    "%00",
    "%ff%fe",
    "\u202e",
    "😀",
    "'; DROP TABLE x;--",
    "../../etc/passwd",
    "a" * 5000,
    " ",
    "%",
    "&",
    "=",
    "#",
    "\\",
    "null",
    "true",
]


def malformed_queries(count, seed=20261124):
    generator = random.Random(seed)
    queries = []
    for _ in range(count):
        pairs = []
        for _ in range(generator.randint(1, 6)):
            name = generator.choice(NAMES + ["".join(generator.choices(string.printable, k=5))])
            value = "".join(generator.choices(PIECES, k=generator.randint(0, 3)))
            pairs.append(f"{quote(name, safe='%')}={quote(value, safe='%')}")
        queries.append("&".join(pairs))
    return queries


@pytest.mark.django_db
@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_hundreds_of_malformed_query_strings_never_cause_a_server_error(client, seeded, language):
    queries = malformed_queries(300)
    urls = public_urls(language)
    for index, query in enumerate(queries):
        url = urls[index % len(urls)].split("?")[0] + "?" + query
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        assert MARKER.encode() not in response.content, url


@pytest.mark.django_db
@pytest.mark.parametrize("language", SITE_LANGUAGES)
def test_every_public_url_survives_every_malformed_query(client, seeded, language):
    for url in public_urls(language):
        for query in malformed_queries(12, seed=len(url)):
            response = client.get(url.split("?")[0] + "?" + query)
            assert response.status_code in (200, 400, 404), (url, query)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/find-help/results/?who=alien",
        "/en/find-help/results/?age=7",
        "/en/find-help/what/?danger=perhaps",
        "/en/all-help/?what=" + quote(MARKER),
        "/en/find-help/results/?utm_source=poster",
    ],
)
def test_unknown_answers_are_ignored_with_a_visible_note(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 200
    note = soup(response).select_one(".note[role=status]")
    assert note.get_text() == "Part of the link was not understood and has been left out."


@pytest.mark.django_db
def test_valid_answers_show_no_note(client, seeded):
    page = soup(client.get("/en/find-help/results/?danger=no&who=parent&what=threats&age=12-17"))
    assert not page.select_one(".note[role=status]")


@pytest.mark.django_db
def test_search_text_is_shown_escaped_and_cut_to_length(client, seeded):
    response = client.get("/en/all-help/?q=" + quote(MARKER + "a" * 500))
    assert response.status_code == 200
    assert MARKER.encode() not in response.content
    field = soup(response).find("input", id="q")
    assert field["value"].startswith('<script>alert("x")</script>')
    assert len(field["value"]) == 100


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/nl/alle-hulp/%00/",
        "/nl/alle-hulp/" + "a" * 3000 + "/",
        "/en/information/../../etc/passwd",
        "/en/all-help/<script>/",
        "/xx/",
        "/nl/hulp-zoeken/onbekend/",
    ],
)
def test_odd_paths_give_not_found(client, seeded, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"), [("nl", "Deze link werkt niet"), ("en", "This link does not work")]
)
def test_an_oversized_query_string_is_refused_with_400(client, language, title):
    response = client.get(f"/{language}/hulp-zoeken/resultaten/?q=" + "a" * 3000)
    assert response.status_code == 400
    page = soup(response)
    assert page.h1.get_text() == title
    assert page.select_one(".emergency a[href='tel:112']")


@pytest.mark.django_db
def test_an_oversized_form_body_is_refused(client):
    response = client.post(
        "/nl/alle-hulp/helpwanted/klopt-er-iets-niet/", {"message": "x" * 600_000}
    )
    assert response.status_code == 400
