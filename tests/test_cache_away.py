"""When Redis is away (stopped, or taking connections and answering nothing), every public
page still comes, from the database and this process's memory; the feedback form still
counts reports per process; /healthz says so with 200; and when Redis is back, the site
uses it again by itself. Against a real redis-server the test starts on its own port."""

import time

import pytest

from helpfinder import cache as fallback
from resources.models import Feedback

from .conftest import LANGUAGES, public_urls, soup
from .faults import RedisServer
from .test_feedback import post_report

pytestmark = pytest.mark.processes  # starts redis-server

RETRY_SECONDS = 0.5  # instead of 5, so that the tests need not wait


@pytest.fixture
def redis_server(settings, monkeypatch):
    """The site's cache on a redis-server of this test, as DJANGO_CACHE_URL sets it."""
    server = RedisServer().start()
    settings.CACHES = {
        "default": {
            "BACKEND": "helpfinder.cache.RedisWithFallback",
            "LOCATION": server.url,
            "KEY_PREFIX": "test",
            "OPTIONS": {"socket_connect_timeout": 1.0, "socket_timeout": 1.0},
        }
    }
    monkeypatch.setattr(fallback, "RETRY_SECONDS", RETRY_SECONDS)
    fallback._away_until.clear()
    yield server
    server.stop()  # SIGKILL ends a paused redis-server too
    fallback._away_until.clear()


def visit_all(client, languages=LANGUAGES):
    """Every public page type; (url, status, seconds) each."""
    seen = []
    for language in languages:
        for url in public_urls(language):
            started = time.monotonic()
            response = client.get(url)
            seen.append((url, response, time.monotonic() - started))
    return seen


def health(client):
    response = client.get("/healthz")
    return response.status_code, response.json()["cache"]


@pytest.mark.django_db
def test_pages_are_kept_in_redis_while_it_answers(client, redis_server):
    client.get("/nl/")
    client.get("/nl/")
    assert redis_server.keys() > 0
    assert redis_server.hits() > 0
    assert health(client) == (200, "redis")


@pytest.mark.django_db
def test_with_redis_stopped_every_public_page_comes_from_the_database(client, redis_server):
    visit_all(client, ["nl"])  # lists built, as on a running site
    redis_server.stop()
    for url, response, _seconds in visit_all(client):
        assert response.status_code == 200, url
        assert soup(response).h1, url
    assert health(client) == (200, "away")


@pytest.mark.django_db
def test_a_redis_that_answers_nothing_costs_one_timeout_not_one_per_call(
    client, redis_server, monkeypatch
):
    monkeypatch.setattr(fallback, "RETRY_SECONDS", 5)  # as deployed
    visit_all(client, ["nl"])
    redis_server.pause()  # takes connections, answers nothing: every call would time out
    started = time.monotonic()
    seen = visit_all(client)  # about 50 pages, each with several calls to the cache
    elapsed = time.monotonic() - started
    assert all(response.status_code == 200 for _url, response, _seconds in seen)
    waited = [url for url, _response, seconds in seen if seconds >= 1.0]  # the timeout
    # One timeout, then this process uses its memory for 5 s, then tries once again.
    assert len(waited) <= 1 + elapsed // 5, (waited, elapsed)


@pytest.mark.django_db
def test_when_redis_is_back_the_site_uses_it_again_without_a_restart(client, redis_server, caplog):
    redis_server.stop()
    assert client.get("/en/").status_code == 200
    assert health(client) == (200, "away")
    redis_server.start()  # same port, empty, as after a restart
    time.sleep(RETRY_SECONDS + 0.1)
    assert health(client) == (200, "redis")
    client.get("/en/")
    client.get("/en/")
    assert redis_server.keys() > 0
    assert redis_server.hits() > 0  # the second visit was a cache hit, in Redis
    said = [record.getMessage() for record in caplog.records if record.name == "helpfinder.cache"]
    assert said == [
        f"Redis at {redis_server.url} did not answer (ConnectionError): using this process's "
        f"memory, trying again in {RETRY_SECONDS:g} s.",
        f"Redis at {redis_server.url} answers again: using it.",
    ]


@pytest.mark.django_db
def test_a_paused_redis_is_used_again_when_it_answers(client, redis_server):
    redis_server.pause()
    assert client.get("/nl/").status_code == 200
    redis_server.resume()
    time.sleep(RETRY_SECONDS + 0.1)
    client.get("/nl/")
    client.get("/nl/")
    assert redis_server.hits() > 0


@pytest.mark.django_db
def test_while_redis_is_away_the_feedback_form_counts_reports_in_this_process(client, redis_server):
    """Reports are not refused because the cache is away (a wrong phone number must reach
    staff), and a sender is still stopped after five an hour, per process, as on a site
    without Redis."""
    redis_server.stop()
    for number in range(5):
        response = post_report(client, message=f"Het nummer klopt niet ({number}).")
        assert response.status_code == 302
    assert Feedback.objects.count() == 5
    response = post_report(client, message="Nog een.")
    assert response.status_code == 429
    assert Feedback.objects.count() == 5
