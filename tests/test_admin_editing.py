"""An editor works on a listing: both languages, ways to get in touch and their hours,
publishing, history, revert, and two editors at once."""

from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from resources.models import Audience, Resource

from .conftest import form_values, soup


def open_change_form(client, resource):
    url = reverse("admin:resources_resource_change", args=[resource.pk])
    page = soup(client.get(url))
    return url, form_values(page.find("form", id="resource_form"))


CHANNELS = "contact_channels"  # the prefix of the rows of ways to get in touch


def set_channel(data, number, **fields):
    """Fill in row `number` of the ways to get in touch, as an editor types it."""
    for name, value in fields.items():
        data[f"{CHANNELS}-{number}-{name}"] = [value]


def channel_rows(resource):
    return list(resource.contact_channels.values_list("kind", "address", "hours", "week"))


@pytest.mark.django_db
def test_change_form_has_dutch_and_english_tabs_and_loads_nothing_from_elsewhere(editor_client):
    resource = Resource.objects.get(slug="kindertelefoon")
    page = soup(editor_client.get(reverse("admin:resources_resource_change", args=[resource.pk])))
    assert page.find("input", attrs={"name": "name_nl"})["value"] == "De Kindertelefoon"
    assert page.find("input", attrs={"name": "name_en"})["value"].startswith("De Kindertelefoon")
    scripts = [tag["src"] for tag in page.find_all("script", src=True)]
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in scripts
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in scripts
    external = [url for url in scripts if url.startswith(("http", "//"))]
    external += [
        tag["href"]
        for tag in page.find_all("link", href=True)
        if tag["href"].startswith(("http", "//"))
    ]
    assert external == []


@pytest.mark.django_db
def test_editor_edits_publishes_sees_history_and_reverts(editor_client):
    resource = Resource.objects.get(slug="alles-oke-supportlijn")  # a draft
    original = (resource.name_nl, resource.name_en, resource.status)
    records_before = resource.history.count()
    url, data = open_change_form(editor_client, resource)
    data["name_nl"] = ["Alles Oké? Supportlijn voor jongvolwassenen"]
    data["name_en"] = ["Alles Oké? Supportline for young adults"]
    data["status"] = ["published"]
    # The phone's hours, typed in Dutch; "open" stays on "not known": these hours count.
    assert data[f"{CHANNELS}-0-address"] == ["0800-0450"]
    assert data[f"{CHANNELS}-0-hours"] == ["unknown"]
    set_channel(data, 0, week="ma 14:00-22:00")

    # The draft has a note for staff: publishing waits until someone checked the facts.
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "zet de datum waarop de feiten zijn gecontroleerd op vandaag" in " ".join(
        item.get_text() for item in soup(response).select(".errorlist li")
    )
    assert Resource.objects.get(pk=resource.pk).status == "draft"
    data["last_verified"] = [timezone.localdate().isoformat()]
    data["staff_note"] = ["Checked on allesoke.nl: hours 14:00-22:00, ages 18-25."]

    response = editor_client.post(url, data)
    assert response.status_code == 302, soup(response).select(".errorlist")

    # The public sees it, in both languages, with its phone's hours.
    visitor = Client()
    public = soup(visitor.get("/en/all-help/alles-oke-supportlijn/"))
    assert public.h1.get_text() == "Alles Oké? Supportline for young adults"
    phone = public.select_one("dl.contact dd").get_text(" ", strip=True)
    assert "0800-0450" in phone and "Monday 14:00–22:00" in phone
    assert soup(visitor.get("/nl/alle-hulp/alles-oke-supportlijn/")).h1.get_text() == (
        "Alles Oké? Supportlijn voor jongvolwassenen"
    )

    # One save is one version in the history, with who made it and what changed.
    assert resource.history.count() == records_before + 1
    history = editor_client.get(reverse("admin:resources_resource_history", args=[resource.pk]))
    text = soup(history).get_text(" ")
    assert "editor" in text
    assert "Alles Oké? Supportline for young adults" in text

    # Revert to the version before the edit: texts, status and the phone's hours come back.
    before = resource.history.order_by("history_date")[records_before - 1]
    revert_url = reverse("admin:resources_resource_revert", args=[resource.pk, before.history_id])
    assert revert_url in history.content.decode()
    confirm = soup(editor_client.get(revert_url))
    response = editor_client.post(revert_url, form_values(confirm.find("form", id="revert-form")))
    assert response.status_code == 302

    resource.refresh_from_db()
    assert (resource.name_nl, resource.name_en, resource.status) == original
    assert channel_rows(resource) == [("phone", "0800-0450", "unknown", "")]
    assert visitor.get("/en/all-help/alles-oke-supportlijn/").status_code == 404
    assert resource.history.count() == records_before + 2  # the revert is in the history too


@pytest.mark.django_db
def test_revert_restores_audiences_and_ways_to_get_in_touch(editor_client):
    resource = Resource.objects.get(slug="kindertelefoon")
    seeded_channels = channel_rows(resource)
    assert ("phone", "116 111", "week", "every day 11:00-21:00") in seeded_channels
    url, data = open_change_form(editor_client, resource)
    first = resource.history.count()
    data["audiences"] = []
    data["also_for"] = []
    set_channel(data, 0, week="ma-vr 11:00-21:00")  # the first phone: weekdays only
    set_channel(data, 1, DELETE="on")  # 116 111 goes
    assert editor_client.post(url, data).status_code == 302
    assert resource.history.count() == first + 1
    assert resource.audiences.count() == 0 and resource.also_for.count() == 0
    assert channel_rows(resource)[:2] == [
        ("phone", "0800-0432", "week", "mo-fr 11:00-21:00"),
        ("chat", "https://www.kindertelefoon.nl/", "week", "every day 11:00-21:00"),
    ]
    before_edit = resource.history.order_by("history_date")[first - 1]

    revert_url = reverse(
        "admin:resources_resource_revert", args=[resource.pk, before_edit.history_id]
    )
    confirm = soup(editor_client.get(revert_url))
    # Before going back, the page says what becomes of the ways to get in touch.
    now, then = confirm.select("#channels-change td")
    assert "Telefoon: 0800-0432, ma-vr 11:00-21:00" in now.get_text()
    assert "116 111" not in now.get_text()
    assert "Telefoon: 0800-0432, elke dag 11:00-21:00" in then.get_text()
    assert "Telefoon: 116 111, elke dag 11:00-21:00" in then.get_text()
    assert (
        editor_client.post(
            revert_url, form_values(confirm.find("form", id="revert-form"))
        ).status_code
        == 302
    )

    assert list(resource.audiences.values_list("slug", flat=True)) == ["young-person"]
    assert list(resource.also_for.values_list("slug", flat=True)) == ["worried"]
    assert channel_rows(resource) == seeded_channels


@pytest.mark.django_db
def test_revert_page_says_a_version_from_before_the_channels_history_keeps_them(
    editor_client,
):
    resource = Resource.objects.get(slug="kindertelefoon")
    old = resource.history.earliest()
    old.history_date = datetime(2020, 1, 1, tzinfo=UTC)  # before migration 0010
    old.save()
    revert_url = reverse("admin:resources_resource_revert", args=[resource.pk, old.history_id])
    page = soup(editor_client.get(revert_url))
    assert "blijven zoals ze nu zijn" in page.select_one("#channels-kept").get_text()
    assert not page.select("#channels-change")


@pytest.mark.django_db
def test_publishing_is_refused_with_what_is_missing(editor_client):
    resource = Resource.objects.get(slug="alles-oke-supportlijn")
    url, data = open_change_form(editor_client, resource)
    data["status"] = ["published"]
    data["name_en"] = [""]
    data["summary_en"] = [""]
    set_channel(data, 0, DELETE="on")  # its only way to get in touch
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = [item.get_text() for item in soup(response).select(".errornote, .errorlist li")]
    assert (
        "Om te publiceren vul je in: de naam in het Engels, de samenvatting in het Engels."
        in errors
    )
    assert (
        "Om te publiceren voeg je een contactmogelijkheid toe, of vul je de andere manier "
        "om contact op te nemen in." in errors
    )
    resource.refresh_from_db()
    assert resource.status == "draft"
    assert channel_rows(resource) == [("phone", "0800-0450", "unknown", "")]


@pytest.mark.django_db
def test_second_editor_cannot_overwrite_the_first(make_staff):
    anna, bram = Client(), Client()
    anna.force_login(make_staff("anna"))
    bram.force_login(make_staff("bram"))
    resource = Resource.objects.get(slug="helpwanted")
    url, anna_data = open_change_form(anna, resource)
    _, bram_data = open_change_form(bram, resource)

    anna_data["summary_nl"] = ["Anna's nieuwe samenvatting."]
    assert anna.post(url, anna_data).status_code == 302

    bram_data["summary_nl"] = ["Bram's samenvatting, die niets mag overschrijven."]
    response = bram.post(url, bram_data)
    assert response.status_code == 200
    page = soup(response)
    message = page.select_one(".errornote + ul.errorlist, ul.errorlist.nonfield").get_text()
    assert "Iemand anders heeft dit opgeslagen terwijl jij het aan het bewerken was" in message
    history_link = page.find("a", string=lambda s: s and "Bekijk hun wijziging" in s)
    assert history_link["href"] == reverse("admin:resources_resource_history", args=[resource.pk])
    assert page.find("textarea", attrs={"name": "summary_nl"}) or page.find(
        "input",
        attrs={"name": "summary_nl", "value": "Bram's samenvatting, die niets mag overschrijven."},
    )
    resource.refresh_from_db()
    assert resource.summary_nl == "Anna's nieuwe samenvatting."

    # After reloading, Bram can make his change on top of Anna's.
    _, fresh = open_change_form(bram, resource)
    fresh["summary_nl"] = ["Bram's samenvatting, na het herladen."]
    assert bram.post(url, fresh).status_code == 302
    resource.refresh_from_db()
    assert resource.summary_nl == "Bram's samenvatting, na het herladen."


@pytest.mark.django_db
def test_revert_is_refused_when_someone_saved_in_between(editor_client):
    resource = Resource.objects.get(slug="helpwanted")
    seeded = resource.history.earliest()
    revert_url = reverse("admin:resources_resource_revert", args=[resource.pk, seeded.history_id])
    confirm = form_values(soup(editor_client.get(revert_url)).find("form", id="revert-form"))
    Resource.objects.filter(pk=resource.pk).update(summary_nl="Tussendoor gewijzigd.", version=9)
    response = editor_client.post(revert_url, confirm, follow=True)
    assert "Iemand anders heeft dit opgeslagen" in response.content.decode()
    resource.refresh_from_db()
    assert resource.summary_nl == "Tussendoor gewijzigd."


@pytest.mark.django_db
def test_staff_can_preview_a_draft_the_public_cannot_see(editor_client):
    response = editor_client.get("/nl/alle-hulp/meldknop/")
    assert response.status_code == 200
    assert "alleen medewerkers zien deze pagina" in soup(response).select_one(".draft").get_text()
    assert Client().get("/nl/alle-hulp/meldknop/").status_code == 404


@pytest.mark.django_db
def test_admin_speaks_dutch_by_default_and_english_when_asked(editor_client):
    dutch = soup(editor_client.get("/admin/"))
    assert dutch.html["lang"] == "nl"
    assert "Hulp bij online pesten: beheer" in dutch.get_text()
    english = soup(editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "Help with online bullying: management" in english.get_text()
    assert "Django administration" not in english.get_text()


@pytest.mark.django_db
def test_an_editor_decides_which_audiences_have_a_button_on_the_home_page(editor_client):
    def home_buttons():
        return [a.get_text(strip=True) for a in soup(Client().get("/en/")).select(".entries a")]

    def set_shown(slug, shown):
        audience = Audience.objects.get(slug=slug)
        url = reverse("admin:resources_audience_change", args=[audience.pk])
        data = form_values(soup(editor_client.get(url)).find("form", id="audience_form"))
        assert data.get("show_on_home") == (None if shown else ["on"])
        if shown:
            data["show_on_home"] = ["on"]
        else:
            del data["show_on_home"]
        response = editor_client.post(url, data)
        assert response.status_code == 302, soup(response).select(".errorlist")

    assert home_buttons()[-1] == "I am an adult and I am being bullied"
    set_shown("adult", False)
    assert "I am an adult and I am being bullied" not in home_buttons()
    set_shown("parent", False)
    assert "I am a parent or carer" not in home_buttons()
    set_shown("adult", True)
    assert home_buttons()[-1] == "I am an adult and I am being bullied"
