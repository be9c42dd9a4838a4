"""Staff keep a listing's ways to get in touch: hours typed in Dutch or English, copied
from one channel to another, publishing refused without a way to get in touch, the list
that shows which listings lack hours, and an admin whose sections all speak Dutch."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from resources.hours import HoursError, parse_week
from resources.models import ContactChannel, Resource

from .conftest import form_values, soup
from .test_admin_editing import CHANNELS, channel_rows, open_change_form, set_channel

ADD_URL = reverse("admin:resources_resource_add")
LIST_URL = reverse("admin:resources_resource_changelist")


def add_form(client):
    """The empty form to add a listing, with a draft's name, slug and summary filled in."""
    data = form_values(soup(client.get(ADD_URL)).find("form", id="resource_form"))
    data.update(
        name_nl=["Praatlijn Amsterdam"],
        slug=["praatlijn-amsterdam"],
        kind=["helpline"],
        summary_nl=["Bel als je gepest wordt."],
    )
    return data


def errors(response):
    return [item.get_text(" ", strip=True) for item in soup(response).select(".errorlist li")]


def week_input(page, number):
    return page.find("input", attrs={"name": f"{CHANNELS}-{number}-week"})["value"]


@pytest.mark.django_db
def test_hours_typed_in_dutch_are_stored_once_and_shown_in_the_admins_language(editor_client):
    data = add_form(editor_client)
    # Hours typed, "open" left on "not known": these are the hours.
    set_channel(data, 0, kind="phone", address="0800-0432", week="elke dag 11:00–21:00")
    assert data[f"{CHANNELS}-0-hours"] == ["unknown"]
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, errors(response)

    resource = Resource.objects.get(slug="praatlijn-amsterdam")
    assert channel_rows(resource) == [("phone", "0800-0432", "week", "every day 11:00-21:00")]
    change_url = reverse("admin:resources_resource_change", args=[resource.pk])
    dutch = soup(editor_client.get(change_url))
    assert week_input(dutch, 0) == "elke dag 11:00-21:00"
    assert dutch.select_one(f"select[name='{CHANNELS}-0-hours'] option[selected]").text == (
        "op deze tijden"
    )
    english = soup(editor_client.get(change_url, HTTP_ACCEPT_LANGUAGE="en"))
    assert week_input(english, 0) == "every day 11:00-21:00"

    # Per weekday, in English: stored the same way, shown in Dutch.
    url, data = open_change_form(editor_client, resource)
    set_channel(data, 0, week="mo-fr 9-17; sa 10:00-12:00")
    assert editor_client.post(url, data).status_code == 302
    assert channel_rows(resource)[0][3] == "mo-fr 09:00-17:00; sa 10:00-12:00"
    assert week_input(soup(editor_client.get(url)), 0) == "ma-vr 09:00-17:00; za 10:00-12:00"


@pytest.mark.django_db
def test_hours_that_cannot_be_read_are_refused_in_dutch_and_nothing_is_saved(editor_client):
    resource = Resource.objects.get(slug="kindertelefoon")
    before, records = channel_rows(resource), resource.history.count()
    url, data = open_change_form(editor_client, resource)
    data["summary_nl"] = ["Een nieuwe samenvatting."]
    set_channel(data, 0, week="ma-vr 9 tot 5")
    response = editor_client.post(url, data)
    assert response.status_code == 200

    with translation.override("nl"), pytest.raises(HoursError) as dutch:
        parse_week("ma-vr 9 tot 5")
    assert str(dutch.value) == "“ma-vr 9 tot 5”: “9 tot 5” is geen tijd zoals 09:00-17:00."
    assert str(dutch.value) in errors(response)
    assert week_input(soup(response), 0) == "ma-vr 9 tot 5"  # as typed, to correct it
    resource.refresh_from_db()
    assert channel_rows(resource) == before
    assert resource.summary_nl != "Een nieuwe samenvatting."
    assert resource.history.count() == records


@pytest.mark.django_db
def test_same_hours_as_copies_the_hours_as_filled_in_on_the_page(editor_client):
    resource = Resource.objects.get(slug="kindertelefoon")
    url, data = open_change_form(editor_client, resource)
    page = soup(editor_client.get(url))
    choices = [o.text for o in page.select(f"select[name='{CHANNELS}-2-same_as'] option")]
    assert choices == [
        "—",
        "Telefoon: 0800-0432",
        "Telefoon: 116 111",
        "Website: https://www.kindertelefoon.nl/",
        "#5",
    ]
    set_channel(data, 0, week="werkdagen 09:00-17:00")  # changed, not saved yet
    set_channel(data, 2, same_as="0", week="")  # the chat: as the first phone
    set_channel(data, 1, same_as="2")  # the second phone: as the chat, so as the first
    response = editor_client.post(url, data)
    assert response.status_code == 302, errors(response)
    assert [row[2:] for row in channel_rows(resource)[:3]] == [("week", "mo-fr 09:00-17:00")] * 3

    # Day and night is copied too; a row's own hours give way to the copy.
    url, data = open_change_form(editor_client, resource)
    set_channel(data, 0, hours="always", week="")
    set_channel(data, 1, same_as="0", week="iets onleesbaars")
    response = editor_client.post(url, data)
    assert response.status_code == 302, errors(response)
    assert [row[2:] for row in channel_rows(resource)[:2]] == [("always", "")] * 2


@pytest.mark.django_db
def test_channels_that_copy_each_others_hours_are_refused(editor_client):
    resource = Resource.objects.get(slug="kindertelefoon")
    before = channel_rows(resource)
    url, data = open_change_form(editor_client, resource)
    set_channel(data, 0, same_as="1")
    set_channel(data, 1, same_as="0")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    message = "Deze nemen hun tijden van elkaar over: vul de tijden in bij een van de twee."
    assert errors(response).count(message) == 2
    assert channel_rows(resource) == before


@pytest.mark.django_db
def test_a_website_cannot_take_hours_from_a_phone(editor_client):
    resource = Resource.objects.get(slug="kindertelefoon")
    before = channel_rows(resource)
    url, data = open_change_form(editor_client, resource)
    set_channel(data, 3, same_as="0")  # row 3 is the website
    response = editor_client.post(url, data)
    assert response.status_code == 200
    refusal = "Een website of e-mailadres heeft geen openingstijden"
    assert any(refusal in error for error in errors(response))
    assert channel_rows(resource) == before


@pytest.mark.django_db
def test_publishing_without_a_way_to_get_in_touch_is_refused_with_the_reason(editor_client):
    refusal = (
        "Om te publiceren voeg je een contactmogelijkheid toe, of vul je de andere manier "
        "om contact op te nemen in."
    )
    data = add_form(editor_client)
    data.update(
        status=["published"], name_en=["Talk line Amsterdam"], summary_en=["Call if bullied."]
    )
    set_channel(data, 0, note_nl="")  # the empty row stays empty
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert refusal in errors(response)
    assert not Resource.objects.filter(slug="praatlijn-amsterdam").exists()

    # The other way to get in touch is enough.
    data["contact_note_nl"] = ["Vraag je mentor om het nummer."]
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, errors(response)
    assert Resource.objects.get(slug="praatlijn-amsterdam").status == "published"

    # Deleting every channel of a published listing is refused the same way.
    helpwanted = Resource.objects.get(slug="helpwanted")
    before = channel_rows(helpwanted)
    url, data = open_change_form(editor_client, helpwanted)
    for number in range(len(before)):
        set_channel(data, number, DELETE="on")
    response = editor_client.post(url, data)
    assert refusal in errors(response)
    assert channel_rows(helpwanted) == before


def listed(client, query=""):
    """{name: text of the "ways to get in touch" cell} of the listings on the list."""
    page = soup(client.get(LIST_URL + query))
    return {
        row.select_one("th a").get_text(): row.select_one(".field-hours_not_known").get_text(
            strip=True
        )
        for row in page.select("#result_list tbody tr")
    }


@pytest.mark.django_db
def test_the_list_shows_how_many_channels_lack_hours_and_filters_on_it(editor_client):
    rows = listed(editor_client)
    assert rows["Helpwanted"] == "2 zonder tijden"  # phone and chat; the website keeps none
    assert rows["De Kindertelefoon"] == ""
    ContactChannel.objects.filter(resource__slug="helpwanted", kind="chat").update(hours="always")
    assert listed(editor_client)["Helpwanted"] == "1 zonder tijden"

    page = soup(editor_client.get(LIST_URL))
    filter_text = page.select_one("#changelist-filter").get_text(" ", strip=True)
    assert "Op tijden van contactmogelijkheden" in filter_text
    some, every = (
        listed(editor_client, "?channel_hours=unknown"),
        listed(editor_client, "?channel_hours=known"),
    )
    assert "Helpwanted" in some and "De Kindertelefoon" not in some
    assert "De Kindertelefoon" in every and "Helpwanted" not in every
    assert all(some.values()) and not any(every.values())
    assert len(some) + len(every) == Resource.objects.count()


def add_listings(count):
    for number in range(count):
        resource = Resource.objects.create(
            slug=f"lijn-{number}", kind="helpline", name_nl=f"Lijn {number}", summary_nl="Hulp."
        )
        resource.contact_channels.create(kind="phone", address="0800-0432")
        resource.contact_channels.create(kind="chat", address="https://example.org/")


@pytest.mark.django_db
def test_the_list_costs_the_same_queries_however_many_listings(editor_client):
    def queries():
        editor_client.get(LIST_URL)
        with CaptureQueriesContext(connection) as context:
            assert editor_client.get(LIST_URL).status_code == 200
        return len(context.captured_queries)

    few = queries()
    add_listings(40)
    assert queries() == few


@pytest.mark.django_db
def test_the_dutch_admin_names_login_protection_and_two_step_login_in_dutch():
    client = Client()
    client.force_login(User.objects.create_superuser("root", password="correct horse battery"))
    index = soup(client.get("/admin/"))
    text = index.select_one("#content-main").get_text(" ", strip=True)
    for english in ["AXES", "Access attempt", "Access log", "Access failure", "OTP_TOTP", "TOTP"]:
        assert english.lower() not in text.lower(), english
    sections = [caption.get_text(strip=True) for caption in index.select("caption")]
    assert "Inlogbeveiliging" in sections and "Inloggen in twee stappen" in sections
    for name in [
        "Mislukte inlogpogingen",
        "Mislukte inlogpogingen (logboek)",
        "In- en uitloggen (logboek)",
        "Authenticator-apps",
    ]:
        assert index.find("a", string=name), name

    english = soup(client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en"))
    assert english.find("a", string="Failed login attempts")
    assert english.find("a", string="Authenticator apps")


@pytest.mark.django_db
def test_the_names_of_other_packages_models_need_no_migration():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())  # exits if any
