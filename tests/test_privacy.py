"""No trace of visitors: no cookies, nothing in the database, nothing in the logs."""

import logging

import pytest
from django.apps import apps
from django.test import Client

from .conftest import SITE_LANGUAGES, public_urls

VISITOR_ADDRESS = "198.51.100.23"
SECRET_ANSWERS = "who=parent&what=images&age=12-17&q=geheimwoord"


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def visit_everything(client):
    for language in SITE_LANGUAGES:
        for url in public_urls(language):
            client.get(url.split("?")[0] + "?" + SECRET_ANSWERS)
    client.get("/nl/bestaat-niet/?" + SECRET_ANSWERS)  # 404
    client.get("/nl/?" + "x" * 5000)  # 400


@pytest.mark.django_db
def test_public_pages_set_no_cookies_only_the_feedback_form_sets_csrf(client):
    for language in SITE_LANGUAGES:
        for url in public_urls(language):
            assert not client.get(url).cookies, url
    form = client.get("/en/all-help/helpwanted/report-a-mistake/")
    assert set(form.cookies) == {"csrftoken"}


@pytest.mark.django_db
def test_visits_leave_no_row_in_any_table():
    before = row_counts()
    visit_everything(Client(REMOTE_ADDR=VISITOR_ADDRESS))
    assert row_counts() == before


@pytest.mark.django_db
def test_logs_hold_no_address_no_query_string_no_answer(caplog):
    caplog.set_level(logging.DEBUG)
    visit_everything(Client(REMOTE_ADDR=VISITOR_ADDRESS))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert caplog.records  # the 404 and the 400 are logged, so the check is not empty
    assert VISITOR_ADDRESS not in logged
    for secret in ["geheimwoord", "who=parent", "what=images", "12-17"]:
        assert secret not in logged
