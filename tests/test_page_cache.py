"""Public pages come from the cache, and any content change is visible on the next request."""

import time
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import http_date

from resources.contentcache import PublicPageCacheMiddleware
from resources.models import Advice, Audience, ContactChannel, Page, Resource

from .conftest import soup
from .test_admin_editing import open_change_form

URL = "/en/all-help/kindertelefoon/"


MINUTE = 1_000_000 * 60  # a moment at the start of a minute, for time.time()


def at(seconds):
    return mock.patch("resources.contentcache.time.time", return_value=MINUTE + seconds)


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response, len(context)


@pytest.mark.django_db
def test_a_repeated_visit_is_served_from_the_cache_with_one_query(client):
    # Within one minute: a page is rendered again once its minute is over ("open now").
    with at(1):
        first, first_queries = queries(client, URL)
    with at(50):
        again, again_queries = queries(client, URL)
    assert again.content == first.content
    assert first_queries > 1
    assert again_queries == 1  # the content version


@pytest.mark.django_db
def test_pages_are_revalidated_by_browsers_with_an_etag(client):
    response = client.get(URL)
    assert "no-cache" in response["Cache-Control"]
    etag = response["ETag"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304


@pytest.mark.django_db
def test_a_staff_save_in_the_admin_is_on_the_very_next_public_page(client, editor_client):
    assert "De Kindertelefoon (child helpline)" in client.get(URL).content.decode()
    resource = Resource.objects.get(slug="kindertelefoon")
    url, data = open_change_form(editor_client, resource)
    data["name_en"] = ["The Kindertelefoon, renamed"]
    assert editor_client.post(url, data).status_code == 302
    assert soup(client.get(URL)).h1.get_text() == "The Kindertelefoon, renamed"


def change_hours():
    phone = ContactChannel.objects.filter(resource__slug="kindertelefoon", kind="phone").first()
    phone.hours, phone.week = "week", "every day 10:00-21:00"
    phone.save()


def add_audience():
    resource = Resource.objects.get(slug="kindertelefoon")
    resource.audiences.add(Audience.objects.get(slug="adult"))


def rename_page():
    page = Page.objects.get(slug_en="privacy")
    page.title_en = "Privacy, updated"
    page.save()


def rename_advice():
    advice = Advice.objects.get(slug="block-and-report")  # a step for every visitor
    advice.title_en = "Report it, and block"
    advice.save()


def delete_resource():
    Resource.objects.get(slug="113").delete()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "url", "text", "shown_after"),
    [
        (change_hours, URL, "10:00–21:00", True),
        (add_audience, URL, "adults being bullied", True),
        (rename_page, "/en/", "Privacy, updated", True),
        (rename_advice, "/en/find-help/results/", "Report it, and block", True),
        (delete_resource, "/en/all-help/", "113 Suicide Prevention", False),
    ],
)
def test_every_kind_of_content_change_refreshes_cached_pages(
    client, change, url, text, shown_after
):
    before = client.get(url).content.decode()
    change()
    after = client.get(url).content.decode()
    assert (text in before, text in after) == (not shown_after, shown_after)


@pytest.mark.django_db
def test_open_now_is_not_older_than_a_minute(client):
    with mock.patch("resources.contentcache.time.time", return_value=1_000_000 * 60):
        _, first = queries(client, URL)
        _, cached = queries(client, URL)
    with mock.patch("resources.contentcache.time.time", return_value=1_000_001 * 60):
        _, next_minute = queries(client, URL)
    assert cached == 1 and next_minute > 1


@pytest.mark.django_db
def test_logged_in_staff_bypass_the_cache_and_drafts_never_leak(client, editor_client):
    draft = "/en/all-help/meldknop/"
    assert editor_client.get(draft).status_code == 200
    assert client.get(draft).status_code == 404
    _, staff_queries = queries(editor_client, URL)
    _, again = queries(editor_client, URL)
    assert again == staff_queries > 1


@pytest.mark.django_db
def test_the_feedback_form_is_never_cached(client):
    url = reverse("resources:report", kwargs={"slug": "helpwanted"})
    first = client.get(url)
    second = client.get(url)
    assert "csrftoken" in first.cookies and "csrftoken" in second.cookies


@pytest.mark.django_db
def test_browsers_revalidate_with_last_modified_and_see_an_edit_at_once(client):
    with at(1):
        first = client.get(URL)
    assert first["Last-Modified"] == http_date(MINUTE + 1)
    with at(20):
        unchanged = client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert unchanged.status_code == 304 and unchanged.content == b""
    rename_kindertelefoon("The Kindertelefoon, renamed")
    with at(30):
        edited = client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert edited.status_code == 200
    assert soup(edited).h1.get_text() == "The Kindertelefoon, renamed"


def rename_kindertelefoon(name):
    resource = Resource.objects.get(slug="kindertelefoon")
    resource.name_en = name
    resource.save()


@pytest.mark.django_db
def test_while_a_page_is_rendered_again_others_get_last_minutes_copy_never_an_older_edit(
    client,
):
    with at(1):
        client.get(URL)
    # The next minute, another request is already rendering the page again (under load).
    with at(61), mock.patch("resources.contentcache.cache.add", return_value=False):
        response, count = queries(client, URL)
        assert count == 1  # last minute's copy, at once
        assert soup(response).h1.get_text() == "De Kindertelefoon (child helpline)"
        rename_kindertelefoon("The Kindertelefoon, renamed")
        response, count = queries(client, URL)
        assert count > 1  # an edit is never hidden behind an older copy
        assert soup(response).h1.get_text() == "The Kindertelefoon, renamed"


def render_slowly(status=200, seconds=0.3):
    """A view that takes a while and counts how often it ran (no database: threads)."""
    from django.http import HttpResponse

    calls = []

    def view(request):
        calls.append(request.path)
        time.sleep(seconds)
        return HttpResponse(f"page {len(calls)}", status=status)

    return view, calls


def same_page_at_once(view, count=4):
    """`count` requests for one new page at the same moment, each in its own thread."""
    from django.test import RequestFactory

    middleware = PublicPageCacheMiddleware(view)
    with (
        mock.patch("resources.contentcache.current_version", return_value=7),
        ThreadPoolExecutor(count) as pool,
    ):
        futures = [
            pool.submit(middleware, RequestFactory().get("/nl/alle-hulp/")) for _ in range(count)
        ]
        return [future.result(timeout=10) for future in futures]


def test_after_an_edit_requests_for_the_same_page_wait_for_one_rendering():
    view, calls = render_slowly()
    responses = same_page_at_once(view)
    assert len(calls) == 1
    assert {(r.status_code, r.content) for r in responses} == {(200, b"page 1")}


def test_a_page_that_is_not_kept_is_rendered_by_each_waiting_request():
    view, calls = render_slowly(status=404)
    responses = same_page_at_once(view, count=3)
    assert len(calls) == 3  # the waiters were let go, not left hanging
    assert {r.status_code for r in responses} == {404}
