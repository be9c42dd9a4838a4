"""Property-based fuzzing (hypothesis): whatever arrives, no server error, no unescaped echo."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import SITE_LANGUAGES, public_urls

# A piece of markup that must never come back unescaped, wherever it was put.
DANGER = '"><script>hf(1)</script>'
PATHS = sorted({url.split("?")[0] for language in SITE_LANGUAGES for url in public_urls(language)})
PATHS.append("/nl/alle-hulp/helpwanted/klopt-er-iets-niet/")
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(min_size=0, max_size=80)
names = st.sampled_from(["danger", "who", "what", "age", "q", "open", "page", "several"]) | text
values = st.one_of(
    text,
    st.sampled_from(["yes", "no", "parent", "threats", "12-17", "now", "2", "-1", "9" * 30]),
    text.map(lambda t: t + DANGER),
)


def check(response):
    assert response.status_code < 500, response.status_code
    assert DANGER.encode() not in response.content


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@FUZZ
@given(path=st.sampled_from(PATHS), pairs=st.lists(st.tuples(names, values), max_size=8))
def test_any_query_string_on_any_public_url(browser, path, pairs):
    query = "&".join(f"{quote(n, safe='')}={quote(v, safe='')}" for n, v in pairs)
    check(browser.get(f"{path}?{query}"))


@pytest.mark.django_db
@FUZZ
@given(
    path=st.sampled_from(["/nl/zoeken/", "/en/search/", "/nl/alle-hulp/", "/en/all-help/"]),
    words=st.text(max_size=400) | text.map(lambda t: t + DANGER) | st.just("a" * 5000),
)
def test_any_search_text_in_any_alphabet_and_of_any_length(browser, path, words):
    check(browser.get(path, {"q": words}))


@pytest.mark.django_db
@FUZZ
@given(raw=st.binary(max_size=300))
def test_any_raw_bytes_as_query_string(browser, raw):
    check(browser.get("/nl/hulp-zoeken/resultaten/", QUERY_STRING=raw.decode("latin-1")))


@pytest.mark.django_db
@FUZZ
@given(path=st.text(max_size=120))
def test_any_path(browser, path):
    check(browser.get("/" + quote(path, safe="/")))
    check(browser.get("/nl/alle-hulp/" + quote(path, safe="") + "/"))


@pytest.mark.django_db
@FUZZ
@given(
    language=st.text(max_size=200),
    host=st.text(max_size=100) | st.sampled_from(["testserver", "evil.example", "", "[::1]"]),
)
def test_any_accept_language_and_host_header(browser, language, host):
    for path in ["/", "/nl/", "/en/all-help/"]:
        response = browser.get(path, HTTP_ACCEPT_LANGUAGE=language, HTTP_HOST=host)
        assert response.status_code < 500
    assert browser.get("/", HTTP_ACCEPT_LANGUAGE=language).status_code == 302


@pytest.mark.django_db
@FUZZ
@given(
    message=st.text(max_size=2100) | text.map(lambda t: t + DANGER),
    contact=st.text(max_size=220),
    website=st.sampled_from(["", "http://spam.example"]) | st.text(max_size=20),
    extra=st.dictionaries(text, text, max_size=3),
)
def test_any_feedback_form_body(browser, message, contact, website, extra):
    data = {**extra, "message": message, "contact": contact, "website": website}
    response = browser.post("/nl/alle-hulp/helpwanted/klopt-er-iets-niet/", data)
    assert response.status_code in (302, 400, 429)
    assert DANGER.encode() not in response.content
