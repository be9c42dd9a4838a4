"""A staff member's edit survives a database failure during its save: the answer (503)
holds the posted form, to be posted again when the database is back. Passwords and
one-time codes are never written into that page."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from resources.models import Audience, Resource

from .conftest import form_values, soup
from .test_database_down import assert_emergency_page

MARKUP = '<b>"x"</b> & <script>alert(1)</script>'


@pytest.fixture
def staff_browser(make_staff):
    """A logged-in editor's browser, in English, with CSRF checked as in production, that
    gets the server's error response instead of the exception behind it."""
    browser = Client(
        enforce_csrf_checks=True, raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en"
    )
    browser.force_login(make_staff("editor"))
    return browser


@contextmanager
def database_down():
    """Every query fails, as when PostgreSQL restarts: the first one is the session's."""
    down = OperationalError("server closed the connection unexpectedly")
    with (
        mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=down),
        mock.patch("django.db.backends.utils.CursorWrapper.executemany", side_effect=down),
    ):
        yield


def save_fails():
    """The database fails in the middle of the save (after the permission checks)."""
    return mock.patch("resources.saving.begin_edit", side_effect=OperationalError("timeout"))


def session_lookup_fails():
    return mock.patch(
        "django.contrib.sessions.backends.db.SessionStore.load",
        side_effect=OperationalError("could not connect to server"),
    )


def open_change_form(browser, resource):
    url = reverse("admin:resources_resource_change", args=[resource.pk])
    return url, form_values(soup(browser.get(url)).find("form", id="resource_form"))


def posted(data):
    """The (name, value) pairs a browser sends for `data`, in order."""
    return [(name, value) for name, values in data.items() for value in values]


def kept_form(response):
    return soup(response).find("form", id="unsaved-form")


def hidden_inputs(form):
    return [(tag["name"], tag["value"]) for tag in form.find_all("input", type="hidden")]


def assert_not_saved_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    page = soup(response)
    assert page.select_one(".errornote").get_text() == (
        "Your change was not saved: the database did not answer."
    )
    # The site's CSP allows no inline script or style.
    assert not [tag for tag in page.find_all("script") if not tag.get("src")]
    assert not page.find_all("style") and not page.find_all(style=True)
    assert b"Traceback" not in response.content and b"OperationalError" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("failure", [save_fails, session_lookup_fails, database_down])
def test_an_edit_the_database_failed_to_save_is_kept_and_saves_when_it_is_back(
    staff_browser, failure
):
    resource = Resource.objects.get(slug="kindertelefoon")
    url, data = open_change_form(staff_browser, resource)
    url += "?_changelist_filters=status__exact%3Dpublished"  # the list the editor came from
    data["name_nl"] = [f"De Kindertelefoon {MARKUP}"]
    data["name_en"] = [f"The Children's Phone {MARKUP}"]
    data["description_en"] = ["First line.\r\n\r\n- a list item\r\n- another one"]
    audiences = [str(pk) for pk in Audience.objects.values_list("pk", flat=True)]
    data["audiences"] = audiences  # a many-to-many select: several values, one name
    assert "contact_channels-TOTAL_FORMS" in data and "csrfmiddlewaretoken" in data

    with failure():
        response = staff_browser.post(url, data)

    assert_not_saved_page(response)
    assert Resource.objects.get(pk=resource.pk).name_nl == "De Kindertelefoon"
    form = kept_form(response)
    assert (form["method"], form["action"]) == ("post", url)
    assert hidden_inputs(form) == posted(data)
    assert "&lt;script&gt;" in response.content.decode()
    assert "<script>alert(1)" not in response.content.decode()
    assert "Your change is still on this page" in soup(response).get_text()

    # The database is back: the browser posts the page's form, and the edit is saved.
    again = staff_browser.post(form["action"], form_values(form))
    assert again.status_code == 302, soup(again).select(".errorlist")
    resource.refresh_from_db()
    assert resource.name_nl == f"De Kindertelefoon {MARKUP}"
    assert resource.name_en == f"The Children's Phone {MARKUP}"
    assert resource.description_en == "First line.\r\n\r\n- a list item\r\n- another one"
    assert sorted(str(pk) for pk in resource.audiences.values_list("pk", flat=True)) == sorted(
        audiences
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "not_saved", "kept", "button"),
    [
        (
            "nl",
            "Je wijziging is niet opgeslagen: de database gaf geen antwoord.",
            "Je wijziging staat nog op deze pagina: "
            "wacht een minuut en klik dan op Opnieuw opslaan.",
            "Opnieuw opslaan",
        ),
        (
            "en",
            "Your change was not saved: the database did not answer.",
            "Your change is still on this page: wait a minute, then click Save again.",
            "Save again",
        ),
    ],
)
def test_the_page_speaks_the_staff_members_language(
    staff_browser, language, not_saved, kept, button
):
    staff_browser.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    url, data = open_change_form(staff_browser, Resource.objects.get(slug="kindertelefoon"))
    with save_fails():
        response = staff_browser.post(url, data)
    page = soup(response)
    assert response.status_code == 503
    assert page.html["lang"] == language
    assert page.select_one(".errornote").get_text() == not_saved
    assert kept in page.get_text()
    assert page.find("input", type="submit")["value"] == button


@pytest.mark.django_db
def test_chosen_files_are_not_kept_and_the_page_says_so(staff_browser):
    url, data = open_change_form(staff_browser, Resource.objects.get(slug="kindertelefoon"))
    with save_fails():
        response = staff_browser.post(
            url, {**data, "leaflet": SimpleUploadedFile("a.pdf", b"%PDF")}
        )
    assert_not_saved_page(response)
    assert "The files you chose are not kept: choose them again." in soup(response).get_text()
    assert hidden_inputs(kept_form(response)) == posted(data)


@pytest.mark.django_db
def test_a_failed_login_writes_no_password_or_code_into_the_page(make_staff, settings):
    settings.HELPFINDER_STAFF_2FA = True
    make_staff("editor")
    browser = Client(raise_request_exception=False)
    login = reverse("admin:login") + "?next=/admin/"
    fields = {"username": "editor", "password": "correct horse battery", "code": "492039"}
    with database_down():
        response = browser.post(login, fields, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    content = response.content.decode()
    assert "correct horse battery" not in content and "492039" not in content
    page = soup(response)
    assert page.select_one(".errornote").get_text() == (
        "The database did not answer, so this did not go through."
    )
    assert "Try again in a minute." in page.get_text()
    assert not page.find("form", id="unsaved-form") and not page.find("input", type="hidden")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "kept"),
    [
        ("password1", False),
        ("new_password", False),
        ("otp_device", False),
        ("OTP_token", False),
        ("first_name", True),  # the control: the same form without a secret field is kept
    ],
)
def test_a_form_with_a_secret_field_is_not_written_into_the_page(make_staff, field, kept):
    browser = Client(raise_request_exception=False)
    browser.force_login(make_staff("editor"))
    url = reverse("admin:auth_user_change", args=[User.objects.get(username="editor").pk])
    data = {"csrfmiddlewaretoken": "t" * 64, "username": "editor", field: "s3cret-value"}
    with session_lookup_fails():
        response = browser.post(url, data)
    assert response.status_code == 503
    assert ("s3cret-value" in response.content.decode()) == kept
    assert bool(kept_form(response)) == kept


@pytest.mark.django_db
def test_an_authenticator_apps_secret_key_is_not_written_into_the_page(make_staff):
    browser = Client(raise_request_exception=False)
    browser.force_login(make_staff("editor"))
    url = reverse("admin:otp_totp_totpdevice_add")
    data = {"name": "phone", "key": "3132333435363738393031323334353637383930"}
    with session_lookup_fails():
        response = browser.post(url, data)
    assert response.status_code == 503
    assert data["key"] not in response.content.decode()
    assert not kept_form(response)


@pytest.mark.django_db
def test_a_get_in_the_admin_with_the_database_down_gives_the_emergency_page(staff_browser):
    with database_down():
        response = staff_browser.get(reverse("admin:resources_resource_changelist"))
    assert_emergency_page(response, "nl")
    assert not kept_form(response)


@pytest.mark.django_db
def test_a_public_post_with_the_database_down_gives_the_emergency_page():
    browser = Client(raise_request_exception=False)
    with translation.override("nl"):
        url = reverse("resources:report", kwargs={"slug": "helpwanted"})
    data = form_values(soup(browser.get(url)).find("form", class_="report"))
    data["message"] = ["Het nummer klopt niet meer."]
    with database_down():
        response = browser.post(url, data)
    assert_emergency_page(response, "nl")
    assert not kept_form(response)
    assert "Het nummer klopt niet meer." not in response.content.decode()
