"""CSV export and import of resources, both languages, their ways to get in touch, with a
preview, all or nothing."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resources.importexport import translated_columns
from resources.languages import columns
from resources.models import ContactChannel, Resource

from .conftest import form_values, soup

IMPORT_URL = "/admin/resources/resource/import/"
EXPORT_URL = "/admin/resources/resource/export/"


def export_rows(client):
    page = soup(client.get(EXPORT_URL))
    form = page.find("form", id=lambda value: value != "logout-form")
    data = form_values(form)
    for box in form.select("input[type=checkbox]"):
        if box.get("name") and box["name"] != "select-all-toggle":
            data[box["name"]] = ["on"]
    data["format"] = ["0"]
    response = client.post(EXPORT_URL, data)
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def to_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def upload(client, rows):
    page = soup(client.get(IMPORT_URL))
    data = form_values(page.find("form", enctype="multipart/form-data"))
    data["format"] = ["0"]
    data["import_file"] = SimpleUploadedFile("resources.csv", to_csv(rows), "text/csv")
    return client.post(IMPORT_URL, data)


def channels_of(row):
    return json.loads(row["channels"])


def history_counts():
    return Resource.history.count(), ContactChannel.history.count()


def test_translated_columns_come_in_the_order_of_the_model_in_every_process():
    # modeltranslation keeps the translated fields in a set: its order changes with
    # PYTHONHASHSEED, so the export would too.
    fields = [
        "name",
        "summary",
        "description",
        "how_it_works",
        "contact_note",
        "search_words",
        "best_at",
    ]
    expected = [name for field in fields for name in columns(field)]
    assert translated_columns() == expected


@pytest.mark.django_db
def test_export_has_both_languages_audiences_and_ways_to_get_in_touch(editor_client):
    rows = {row["slug"]: row for row in export_rows(editor_client)}
    assert len(rows) == Resource.objects.count()
    kindertelefoon = rows["kindertelefoon"]
    assert kindertelefoon["name_nl"] == "De Kindertelefoon"
    assert kindertelefoon["name_en"] == "De Kindertelefoon (child helpline)"
    assert kindertelefoon["audiences"] == "young-person"
    assert kindertelefoon["also_for"] == "worried"
    assert (kindertelefoon["crisis_only"], kindertelefoon["route"]) == ("0", "first")
    helpwanted = rows["helpwanted"]
    assert set(helpwanted["bullying_types"].split(";")) == {
        "images",
        "fake-profile",
        "personal-details",
    }
    assert set(helpwanted["general_types"].split(";")) == {"insults", "threats", "hate"}
    assert helpwanted["best_at_en"].startswith("Helps get nude photos")
    first, *_others, website = channels_of(kindertelefoon)
    assert first == {
        "kind": "phone",
        "address": "0800-0432",
        "via_website": False,
        "hours": "week",
        "week": "every day 11:00-21:00",
        "note_nl": "",
        "note_en": "",
        "cost": "free",
    }
    assert (website["kind"], website["address"]) == ("website", "https://www.kindertelefoon.nl/")
    assert "phone" not in kindertelefoon and "opening_hours" not in kindertelefoon


@pytest.mark.django_db
def test_import_shows_a_preview_and_applies_only_after_confirming(editor_client):
    rows = export_rows(editor_client)
    for row in rows:
        if row["slug"] == "helpwanted":
            row["summary_en"] = "Help with online abuse, checked again."
            channels = channels_of(row)
            channels[0].update(hours="week", week="ma 9-17; vr 9-12")  # typed in Dutch
            channels[1]["note_nl"] = "Chat met een vrijwilliger."
            row["channels"] = json.dumps(channels)
            row["general_types"] = "insults;threats;hate;exclusion"
            row["route"] = "next"
    preview = upload(editor_client, rows)
    assert preview.status_code == 200
    page = soup(preview)
    changed = page.select("table.import-preview tr.update")
    assert len(changed) == 1  # unchanged rows are left out of the preview
    for removed in changed[0].find_all("del"):  # the preview marks old text as deleted
        removed.decompose()
    cells = [cell.get_text("", strip=True) for cell in changed[0].find_all("td")]
    assert cells[1] == "helpwanted"
    assert "Help with online abuse, checked again." in cells
    assert any('"week": "mo 09:00-17:00; fr 09:00-12:00"' in cell for cell in cells)
    helpwanted = Resource.objects.get(slug="helpwanted")
    assert helpwanted.summary_en != "Help with online abuse, checked again."
    assert helpwanted.contact_channels.first().week == ""

    confirm = page.find("form", action=lambda url: url and "process_import" in url)
    response = editor_client.post(confirm["action"], form_values(confirm))
    assert response.status_code == 302

    helpwanted = Resource.objects.get(slug="helpwanted")
    assert helpwanted.summary_en == "Help with online abuse, checked again."
    phone, chat, website = helpwanted.contact_channels.all()
    assert (phone.kind, phone.hours, phone.week) == (
        "phone",
        "week",
        "mo 09:00-17:00; fr 09:00-12:00",
    )
    assert (chat.kind, chat.via_website, chat.note_nl) == (
        "chat",
        True,
        "Chat met een vrijwilliger.",
    )
    assert (website.kind, website.week) == ("website", "")
    assert {t.slug for t in helpwanted.general_types.all()} == {
        "insults",
        "threats",
        "hate",
        "exclusion",
    }
    assert helpwanted.route == "next"
    latest = helpwanted.history.latest()
    assert latest.history_user.username == "editor"
    assert latest.summary_en == "Help with online abuse, checked again."
    assert phone.history.latest().week == "mo 09:00-17:00; fr 09:00-12:00"


@pytest.mark.django_db
def test_importing_an_export_unchanged_changes_nothing(editor_client):
    rows = export_rows(editor_client)
    before = history_counts()
    channels = sorted(ContactChannel.objects.values_list("pk", "resource__slug", "address"))
    page = soup(upload(editor_client, rows))
    assert not page.select("table.import-preview tr.update, table.import-preview tr.new")
    assert not page.select(".errorlist, .validation-error-list")
    confirm = page.find("form", action=lambda url: url and "process_import" in url)
    if confirm:
        editor_client.post(confirm["action"], form_values(confirm))
    assert history_counts() == before
    assert sorted(ContactChannel.objects.values_list("pk", "resource__slug", "address")) == (
        channels
    )
    assert [channels_of(row) for row in export_rows(editor_client)] == [
        channels_of(row) for row in rows
    ]


def kindertelefoon_channels(change):
    channels = [
        {"kind": "phone", "address": "0800-0432", "hours": "week", "week": "every day 11:00-21:00"},
        {"kind": "chat", "address": "https://www.kindertelefoon.nl/", "via_website": True},
    ]
    change(channels)
    return json.dumps(channels)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (
            "channels",
            kindertelefoon_channels(lambda c: c[0].update(address="12345")),
            "Kanaal 1: address: Schrijf het nummer zoals het publiek het ziet, met een streepje",
        ),
        (
            "channels",
            kindertelefoon_channels(lambda c: c[1].update(hours="week", week="maandag 9-5")),
            "Kanaal 2: week: “maandag 9-5”: de sluitingstijd moet na de openingstijd liggen.",
        ),
        (
            "channels",
            kindertelefoon_channels(lambda c: c[1].update(adres="x")),
            "Kanaal 2: onbekend veld adres. De velden zijn: kind, address,",
        ),
        (
            "channels",
            kindertelefoon_channels(lambda c: c[0].update(kind="fax")),
            "Kanaal 1: kind: Waarde 'fax' is geen geldige keuze.",
        ),
        ("channels", '[{"kind": "phone",', "Geen JSON: "),
        (
            "channels",
            '{"kind": "phone", "address": "0800-0432"}',
            "Schrijf een lijst met één object per kanaal: [{...}, {...}].",
        ),
        ("name_en", "", "Om te publiceren vul je in: de naam in het Engels."),
        ("audiences", "aliens", "aliens"),
        ("general_types", "gossip", "gossip"),
        ("route", "sideways", "sideways"),
        ("min_age", "30", "De jongste leeftijd mag niet hoger zijn dan de oudste leeftijd."),
        ("organization", "nobody-runs-this", "nobody-runs-this"),
        ("languages", "nl, Klingon", "Geen taalcode: Klingon."),
    ],
)
def test_one_bad_row_means_nothing_is_imported(editor_client, column, value, message):
    rows = export_rows(editor_client)
    before = {r.slug: (r.summary_nl, r.version) for r in Resource.objects.all()}
    channels_before = history_counts()
    for row in rows:
        if row["slug"] == "helpwanted":
            row["summary_nl"] = "Een goede wijziging die niet mag landen."
            row["channels"] = "[]"  # a change to the channels that must not land either
        if row["slug"] == "kindertelefoon":
            row[column] = value
    response = upload(editor_client, rows)
    page = soup(response)
    assert message in page.get_text()
    assert not page.find("form", action=lambda url: url and "process_import" in url)
    after = {r.slug: (r.summary_nl, r.version) for r in Resource.objects.all()}
    assert after == before
    assert history_counts() == channels_before
    assert Resource.objects.get(slug="helpwanted").contact_channels.count() == 3


@pytest.mark.django_db
def test_a_bad_channel_is_one_error_under_channels_on_its_row(editor_client):
    rows = export_rows(editor_client)
    number = next(i for i, row in enumerate(rows, start=1) if row["slug"] == "kindertelefoon")
    rows[number - 1]["channels"] = kindertelefoon_channels(
        lambda c: c[1].update(hours="week", week="maandag 9-5", via_website="ja")
    )
    page = soup(upload(editor_client, rows))
    (invalid,) = page.select("table.import-preview tbody tr")
    assert invalid.find("td").get_text(strip=True) == str(number)
    assert invalid.select_one(".validation-error-count").get_text(strip=True) == "1"
    labels = [
        label.get_text(strip=True) for label in invalid.select(".validation-error-field-label")
    ]
    assert labels == ["channels"]
    (error,) = invalid.select(".validation-error-list li li")
    text = error.get_text(" ", strip=True)
    assert text.startswith("Kanaal 2: ")
    assert "via_website: " in text and "week: " in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("columns_added", "message"),
    [
        (["phone"], "Dit bestand heeft een kolom van vóór "),
        (["opening_hours", "hours_note_nl"], "opening_hours, hours_note_nl"),
    ],
)
def test_a_file_with_the_old_contact_columns_is_refused_with_their_names(
    editor_client, columns_added, message
):
    rows = export_rows(editor_client)
    for row in rows:
        row.update(dict.fromkeys(columns_added, ""))
        if row["slug"] == "kindertelefoon":
            row["summary_nl"] = "Gewijzigd in een oud bestand."
            row[columns_added[0]] = "0800-0000"
    before = history_counts()
    page = soup(upload(editor_client, rows))
    assert message in page.get_text()
    assert not page.find("form", action=lambda url: url and "process_import" in url)
    assert history_counts() == before
    assert Resource.objects.get(slug="kindertelefoon").summary_nl != "Gewijzigd in een oud bestand."


@pytest.mark.django_db
def test_who_runs_a_listing_and_its_languages_go_out_and_come_in_by_csv(editor_client):
    rows = export_rows(editor_client)
    helpwanted = next(row for row in rows if row["slug"] == "helpwanted")
    assert (helpwanted["organization"], helpwanted["languages"]) == ("offlimits", "nl, en")
    helpwanted["organization"] = "stop-online-shaming"
    helpwanted["languages"] = "nl, en, ar"
    page = soup(upload(editor_client, rows))
    confirm = page.find("form", action=lambda url: url and "process_import" in url)
    assert editor_client.post(confirm["action"], form_values(confirm)).status_code == 302
    changed = Resource.objects.get(slug="helpwanted")
    assert (changed.organization.slug, changed.languages) == ("stop-online-shaming", "nl, en, ar")
