"""CSV export and import of resources, both languages, with a preview, all or nothing."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resources.importexport import translated_columns
from resources.languages import columns
from resources.models import Resource

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


def test_translated_columns_come_in_the_order_of_the_model_in_every_process():
    # modeltranslation keeps the translated fields in a set: its order changes with
    # PYTHONHASHSEED, so the export would too.
    fields = ["name", "summary", "description", "how_it_works", "hours_note", "contact_note"]
    fields.append("best_at")
    expected = [name for field in fields for name in columns(field)]
    assert translated_columns() == expected


@pytest.mark.django_db
def test_export_has_both_languages_audiences_and_opening_hours(editor_client):
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
    assert kindertelefoon["opening_hours"] == "; ".join(
        f"{day} 11:00-21:00" for day in ["mo", "tu", "we", "th", "fr", "sa", "su"]
    )
    assert kindertelefoon["phone"] == "0800-0432"


@pytest.mark.django_db
def test_import_shows_a_preview_and_applies_only_after_confirming(editor_client):
    rows = export_rows(editor_client)
    for row in rows:
        if row["slug"] == "helpwanted":
            row["summary_en"] = "Help with online abuse, checked again."
            row["opening_hours"] = "mo 09:00-17:00; fr 09:00-12:00"
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
    assert "mo 09:00-17:00; fr 09:00-12:00" in cells
    assert (
        Resource.objects.get(slug="helpwanted").summary_en
        != "Help with online abuse, checked again."
    )

    confirm = page.find("form", action=lambda url: url and "process_import" in url)
    response = editor_client.post(confirm["action"], form_values(confirm))
    assert response.status_code == 302

    helpwanted = Resource.objects.get(slug="helpwanted")
    assert helpwanted.summary_en == "Help with online abuse, checked again."
    assert [
        (h.weekday, f"{h.opens:%H:%M}", f"{h.closes:%H:%M}") for h in helpwanted.opening_hours.all()
    ] == [
        (0, "09:00", "17:00"),
        (4, "09:00", "12:00"),
    ]
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


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("phone", "12345", "met een streepje na het netnummer"),
        ("opening_hours", "maandag 9-5", "is not like 'mo 09:00-17:00'"),
        ("name_en", "", "Om te publiceren vul je in: de naam in het Engels."),
        ("audiences", "aliens", "aliens"),
        ("general_types", "gossip", "gossip"),
        ("route", "sideways", "sideways"),
        ("min_age", "30", "De jongste leeftijd mag niet hoger zijn dan de oudste leeftijd."),
    ],
)
def test_one_bad_row_means_nothing_is_imported(editor_client, column, value, message):
    rows = export_rows(editor_client)
    before = {r.slug: (r.summary_nl, r.version) for r in Resource.objects.all()}
    for row in rows:
        if row["slug"] == "helpwanted":
            row["summary_nl"] = "Een goede wijziging die niet mag landen."
        if row["slug"] == "kindertelefoon":
            row[column] = value
    response = upload(editor_client, rows)
    page = soup(response)
    assert message in page.get_text()
    assert not page.find("form", action=lambda url: url and "process_import" in url)
    after = {r.slug: (r.summary_nl, r.version) for r in Resource.objects.all()}
    assert after == before
