"""'Something wrong here?': the public reports a mistake; staff handle it in the admin."""

import pytest
from django.test import Client

from resources.models import Feedback, Resource

from .conftest import form_values, soup

FORM_URL = "/nl/alle-hulp/helpwanted/klopt-er-iets-niet/"
PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def post_report(client, **fields):
    page = soup(client.get(FORM_URL))
    data = form_values(page.find("form", class_="report"))
    data.update({name: [value] for name, value in fields.items()})
    return client.post(FORM_URL, data)


@pytest.mark.django_db
def test_resource_page_links_to_the_report_form(client):
    page = soup(client.get("/en/all-help/helpwanted/"))
    link = page.find("a", string="Something wrong here? Tell us.")
    assert link["href"] == "/en/all-help/helpwanted/report-a-mistake/"
    assert client.get(link["href"]).status_code == 200


@pytest.mark.django_db
def test_form_page_sets_only_the_csrf_cookie(client):
    response = client.get(FORM_URL)
    assert set(response.cookies) == {"csrftoken"}
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_a_report_lands_in_the_queue_linked_to_the_resource(client):
    response = post_report(client, message="Het nummer klopt niet meer.", contact="jan@example.nl")
    assert response.status_code == 302
    thanks = soup(client.get(response["Location"]))
    assert thanks.h1.get_text() == "Bedankt"
    feedback = Feedback.objects.get()
    assert feedback.resource == Resource.objects.get(slug="helpwanted")
    assert (feedback.message, feedback.contact, feedback.state) == (
        "Het nummer klopt niet meer.",
        "jan@example.nl",
        "open",
    )


def test_no_visitor_address_is_stored():
    field_names = {field.name for field in Feedback._meta.get_fields()}
    assert not {"ip", "ip_address", "address", "user_agent", "remote_addr"} & field_names


@pytest.mark.django_db
def test_the_honeypot_catches_bots_without_telling_them(client):
    response = post_report(client, message="Koop goedkope pillen", website="http://spam.example")
    assert response.status_code == 302
    assert not Feedback.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"message": ""}, "Dit veld is verplicht."),
        ({"message": "x" * 2001}, "niet meer dan 2000 tekens"),
        ({"message": "ok", "contact": "y" * 201}, "niet meer dan 200 tekens"),
    ],
)
def test_empty_and_overlong_reports_are_refused_with_a_reason(client, fields, error):
    response = post_report(client, **fields)
    assert response.status_code == 400
    assert error in soup(response).select_one(".report .error").get_text()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_more_than_five_reports_an_hour_from_one_address_are_refused(client):
    for number in range(5):
        assert post_report(client, message=f"Melding {number}").status_code == 302
    response = post_report(client, message="Nog een melding")
    assert response.status_code == 429
    assert "Probeer het later nog eens" in soup(response).select_one(".alert").get_text()
    assert Feedback.objects.count() == 5
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert post_report(other, message="Van iemand anders").status_code == 302


@pytest.mark.django_db
def test_behind_a_load_balancer_the_limit_counts_each_visitor_not_the_balancer(settings):
    settings.HELPFINDER_TRUSTED_PROXIES = 1
    balancer = "10.0.0.5"
    visitor = Client(REMOTE_ADDR=balancer, HTTP_X_FORWARDED_FOR="198.51.100.1")
    for number in range(5):
        assert post_report(visitor, message=f"Melding {number}").status_code == 302
    assert post_report(visitor, message="Nog een").status_code == 429
    # A visitor cannot escape the limit by sending an address of their own first.
    spoofing = Client(REMOTE_ADDR=balancer, HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.1")
    assert post_report(spoofing, message="Nog een").status_code == 429
    other = Client(REMOTE_ADDR=balancer, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert post_report(other, message="Van iemand anders").status_code == 302


@pytest.mark.django_db
def test_script_in_a_report_is_stored_as_text_and_shown_escaped_to_staff(client, editor_client):
    post_report(client, message=PAYLOAD)
    feedback = Feedback.objects.get()
    assert feedback.message == PAYLOAD
    for url in ["/admin/resources/feedback/", f"/admin/resources/feedback/{feedback.pk}/change/"]:
        html = editor_client.get(url).content.decode()
        assert PAYLOAD not in html
        assert "&lt;script&gt;" in html


@pytest.mark.django_db
def test_staff_mark_a_report_handled_and_the_contact_details_are_removed(client, editor_client):
    post_report(client, message="Openingstijden kloppen niet.", contact="06-12345678")
    feedback = Feedback.objects.get()
    response = editor_client.post(
        "/admin/resources/feedback/",
        {"action": "mark_handled", "_selected_action": [feedback.pk]},
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.state == "handled"
    assert feedback.handled_by.username == "editor"
    assert feedback.contact == ""


@pytest.mark.django_db
def test_report_form_for_unknown_or_draft_resource_is_not_found(client):
    assert client.get("/nl/alle-hulp/bestaat-niet/klopt-er-iets-niet/").status_code == 404
    assert client.get("/nl/alle-hulp/meldknop/klopt-er-iets-niet/").status_code == 404
