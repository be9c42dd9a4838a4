"""Staff login: locked after repeated failures, strong passwords, no addresses recorded."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

LOGIN = "/admin/login/?next=/admin/"


def log_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


@pytest.mark.django_db
def test_account_is_locked_after_five_failed_logins(make_staff):
    make_staff("editor")
    client = Client()
    for _ in range(4):
        assert log_in(client, "editor", "wrong password!!").status_code == 200
    response = log_in(client, "editor", "wrong password!!")
    assert response.status_code == 429
    # Even the right password is refused now, from any browser.
    response = log_in(Client(), "editor", "correct horse battery")
    assert response.status_code == 429
    assert "Dit account is een uur geblokkeerd" in response.content.decode()


@pytest.mark.django_db
def test_lockout_is_per_account(make_staff):
    make_staff("editor")
    make_staff("other")
    client = Client()
    for _ in range(5):
        log_in(client, "editor", "wrong password!!")
    response = log_in(client, "other", "correct horse battery")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_good_login_works_and_failed_attempts_keep_no_address(make_staff):
    make_staff("editor")
    client = Client(REMOTE_ADDR="203.0.113.9")
    log_in(client, "editor", "wrong password!!")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [None]
    assert log_in(client, "editor", "correct horse battery").status_code == 302
    assert not AccessAttempt.objects.exists()  # reset after a good login


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Kort1!", "12 tekens"),
        ("password1234", "te algemeen"),
        ("123456789012345", "alleen cijfers"),
    ],
)
def test_weak_passwords_are_refused(password, reason):
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        validate_password(password)
    assert any(reason in message for message in error.value.messages), error.value.messages


def test_a_long_uncommon_password_is_accepted():
    validate_password("fietsbel-grachten-regenjas")
