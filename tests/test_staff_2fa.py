"""Two-factor login for staff (always on in production): password plus a TOTP code."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import form_values, soup, totp_code

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def two_factor(settings):
    settings.HELPFINDER_STAFF_2FA = True


def log_in(client, **fields):
    data = form_values(soup(client.get(LOGIN)).find("form", id="login-form"))
    data.update({name: [value] for name, value in fields.items()})
    return client.post(LOGIN, data)


@pytest.mark.django_db
def test_enrol_prints_a_qr_code_and_creates_a_device(make_staff):
    make_staff("editor")
    out = StringIO()
    call_command("enrol_totp", "editor", stdout=out)
    device = TOTPDevice.objects.get(user__username="editor")
    assert device.confirmed
    assert device.config_url in out.getvalue()
    assert "█" in out.getvalue() or "▀" in out.getvalue()  # the QR code
    with pytest.raises(CommandError, match="already has a device"):
        call_command("enrol_totp", "editor", stdout=StringIO())
    call_command("enrol_totp", "editor", "--replace", stdout=StringIO())
    assert TOTPDevice.objects.filter(user__username="editor").count() == 1
    with pytest.raises(CommandError, match="No staff account"):
        call_command("enrol_totp", "nobody", stdout=StringIO())


@pytest.mark.django_db
def test_the_login_form_asks_for_the_code_in_dutch(two_factor):
    page = soup(Client().get(LOGIN))
    assert page.find("label", attrs={"for": "id_code"}).get_text() == (
        "Code uit je authenticator-app:"
    )
    assert page.find("input", attrs={"name": "code"})["autocomplete"] == "one-time-code"


@pytest.mark.django_db
def test_password_alone_is_not_enough(two_factor, make_staff):
    make_staff("editor")
    call_command("enrol_totp", "editor", stdout=StringIO())
    client = Client()
    response = log_in(client, username="editor", password="correct horse battery")
    assert response.status_code == 200
    assert soup(response).select(".errorlist")
    assert b"correct horse battery" not in response.content  # the password is not echoed
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_wrong_code_is_refused_with_a_reason(two_factor, make_staff):
    make_staff("editor")
    call_command("enrol_totp", "editor", stdout=StringIO())
    device = TOTPDevice.objects.get(user__username="editor")
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = log_in(client, username="editor", password="correct horse battery", code=wrong)
    assert soup(response).select_one(".errornote").get_text(strip=True) == (
        "This code is not right. Enter the code your app shows now."
    )
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_staff_without_an_authenticator_app_are_told_what_to_do(two_factor, make_staff):
    make_staff("editor")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = log_in(client, username="editor", password="correct horse battery", code="123456")
    assert "has no authenticator app yet" in soup(response).select_one(".errornote").get_text()


@pytest.mark.django_db
def test_password_and_the_code_from_the_app_log_in(two_factor, make_staff):
    make_staff("editor")
    call_command("enrol_totp", "editor", stdout=StringIO())
    device = TOTPDevice.objects.get(user__username="editor")
    client = Client()
    response = log_in(
        client,
        username="editor",
        password="correct horse battery",
        code=totp_code(device),
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_session_without_the_second_factor_does_not_reach_the_admin(two_factor, make_staff):
    client = Client()
    client.force_login(make_staff("editor"))  # password only, as if 2FA were skipped
    response = client.get("/admin/resources/resource/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
