"""Preview results: staff answer the questions as a visitor would and see the list the site
gives, in order, with why each listing has its place."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse

from resources.admin_preview import BAND_LABELS
from resources.choices import Route
from resources.models import Resource
from resources.triage import Band

from .conftest import AFTERNOON, NIGHT, RESULTS_QUERY, form_values, soup
from .test_admin_editing import open_change_form

PREVIEW = "/admin/resources/resource/preview/"
IMAGES_QUERY = "danger=no&who=young-person&what=images&age=12-17"
KINDERTELEFOON = "De Kindertelefoon (child helpline)"
COLUMNS = ["position", "name", "band", "audience-level", "type-level", "points", "sort-weight"]


def preview(client, query="", moment=None):
    """The preview in English, as a dict of what staff see."""
    if moment is not None:
        query = f"{query}&{urlencode({'moment': moment.strftime('%Y-%m-%dT%H:%M')})}"
    response = client.get(f"{PREVIEW}?{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return soup(response)


def table(page):
    """The rows of the results table, each a dict of its cells' text."""
    return [
        {
            **{name: row.select_one(f".{name}").get_text(strip=True) for name in COLUMNS},
            "reasons": row.select_one(".reasons").get_text(strip=True),
            "shown under": row.select_one(".shown-under").get_text(strip=True),
            "link": row.select_one(".name a")["href"],
        }
        for row in page.select("#preview-table tbody tr")
    ]


def names(page):
    return [row["name"] for row in table(page)]


def change_url(slug):
    return reverse("admin:resources_resource_change", args=[Resource.objects.get(slug=slug).pk])


@pytest.mark.django_db
def test_editor_sees_helpwanted_first_for_shared_images_with_why(editor_client, visit_at):
    page = preview(editor_client, IMAGES_QUERY, moment=AFTERNOON)

    assert page.h1.get_text() == "Preview results"
    rows = table(page)
    first = rows[0]
    assert first["position"] == "1"
    assert first["name"] == "Helpwanted"
    assert first["link"] == change_url("helpwanted")
    assert (first["band"], first["audience-level"], first["type-level"]) == (
        "Regular",
        "made for",
        "specialist",
    )
    assert first["points"] == "9"
    assert first["sort-weight"] == str(Resource.objects.get(slug="helpwanted").sort_weight)
    assert "For young people being bullied" in first["reasons"]
    assert [row["shown under"] for row in rows[:4]] == ["Best for you"] * 3 + [
        "More help (folded away)"
    ]
    # A last resort comes last, and says so.
    assert rows[-1]["band"] == "Last resort"
    assert page.select_one("#preview-results h2").get_text() == (
        "Results on Wednesday 25 November 2026, 15:00 (Amsterdam time)"
    )
    assert page.select_one("#preview-fallback") is None
    assert page.select_one("#preview-ignored") is None  # the moment is the preview's own

    # The same list, in the same order, as a visitor gets on the site at that moment.
    site_link = page.select_one("#preview-site-link")
    assert site_link.get_text() == "Open this results page on the site"
    assert site_link["href"] == f"/en/find-help/results/?{IMAGES_QUERY}"
    visit_at(AFTERNOON)
    public = soup(Client().get(site_link["href"]))
    cards = [card.h2.get_text(strip=True) for card in public.select("article.card")]
    assert names(page) == cards


@pytest.mark.django_db
def test_the_form_carries_the_answers_without_javascript(editor_client):
    page = preview(editor_client, IMAGES_QUERY + "&what=threats", moment=AFTERNOON)
    form = page.find("form", id="preview-form")
    assert form["method"] == "get"
    values = form_values(form)
    assert values == {
        "danger": ["no"],
        "who": ["young-person"],
        "what": ["threats", "images"],
        "age": ["12-17"],
        "moment": ["2026-11-25T15:00"],
    }
    again = preview(editor_client, urlencode(values, doseq=True))
    assert table(again) == table(page)


@pytest.mark.django_db
def test_preview_is_linked_from_the_list_and_from_each_change_form(editor_client, make_staff):
    changelist = editor_client.get(
        reverse("admin:resources_resource_changelist"), HTTP_ACCEPT_LANGUAGE="en"
    )
    tools = soup(changelist).select_one("ul.object-tools")
    assert tools.find("a", href=PREVIEW).get_text() == "Preview results"
    assert tools.find("a", class_="import_link") is not None  # import and export stay

    change = editor_client.get(change_url("helpwanted"), HTTP_ACCEPT_LANGUAGE="en")
    link = soup(change).select_one("ul.object-tools").find("a", href=PREVIEW)
    assert link.get_text() == "Preview results"
    assert preview(editor_client).select_one("#preview-table") is not None  # nothing answered

    # Someone who may only look at the listings sees the link too (no "Add" for them).
    viewer = make_staff("viewer")
    viewer.groups.clear()
    viewer.user_permissions.add(Permission.objects.get(codename="view_resource"))
    client = Client()
    client.force_login(viewer)
    tools = soup(client.get(reverse("admin:resources_resource_changelist"))).select_one(
        "ul.object-tools"
    )
    assert tools.find("a", href=PREVIEW) is not None
    assert tools.find("a", class_="addlink") is None
    assert client.get(PREVIEW).status_code == 200


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(f"{PREVIEW}?{IMAGES_QUERY}")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=")


@pytest.mark.django_db
def test_staff_without_permission_to_view_resources_is_refused(make_staff):
    clerk = make_staff("clerk")
    clerk.groups.clear()
    clerk.user_permissions.add(Permission.objects.get(codename="view_feedback"))
    client = Client()
    client.force_login(User.objects.get(pk=clerk.pk))
    assert client.get(f"{PREVIEW}?{IMAGES_QUERY}").status_code == 403
    changelist = client.get(reverse("admin:resources_feedback_changelist"))
    assert PREVIEW not in changelist.content.decode()


@pytest.mark.django_db
def test_garbage_values_are_named_and_left_out(editor_client):
    page = preview(
        editor_client,
        "danger=maybe&who=martian&what=images&what=%3Cscript%3E&colour=red&age=12-17",
        moment=AFTERNOON,
    )
    note = page.select_one("#preview-ignored").get_text()
    assert note.startswith("Not understood, so left out: ")
    for name in ["danger", "who", "what", "colour"]:
        assert name in note
    values = form_values(page.find("form", id="preview-form"))
    assert (values["danger"], values["who"], values["what"]) == ([""], [""], ["images"])
    assert names(page)[0] == "Helpwanted"  # the answers that were understood still count


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment",
    [
        "tomorrow",
        "2026-02-30T10:00",
        "2026-11-25T25:00",
        "0001-01-01T00:00",
        "9999-12-31T23:59",
        "2026-03-29T02:30",  # does not exist in Amsterdam: the clocks go forward
    ],
)
def test_a_bad_moment_gives_a_message_not_an_error(editor_client, moment):
    page = preview(editor_client, f"{IMAGES_QUERY}&{urlencode({'moment': moment})}")
    assert page.select_one(".errornote").get_text() == "Please correct the error below."
    assert page.select_one(".field-moment .errorlist").get_text(strip=True)
    assert page.select_one("#preview-results") is None  # no list for a moment not understood
    assert form_values(page.find("form", id="preview-form"))["moment"] == [moment]


@pytest.mark.django_db
def test_the_moment_decides_where_a_closed_crisis_line_goes(editor_client, visit_at):
    afternoon = table(preview(editor_client, RESULTS_QUERY, moment=AFTERNOON))
    assert [row["name"] for row in afternoon[:2]] == ["112 (emergency number)", KINDERTELEFOON]
    assert [row["band"] for row in afternoon[:2]] == ["Emergency number", "Crisis line, open now"]

    night = table(preview(editor_client, RESULTS_QUERY, moment=NIGHT))
    assert KINDERTELEFOON not in [row["name"] for row in night[:3]]
    kindertelefoon = next(row for row in night if row["name"] == KINDERTELEFOON)
    assert kindertelefoon["band"] == "Crisis line, closed now"

    # Without a moment the preview is for now.
    visit_at(NIGHT)
    page = preview(editor_client, RESULTS_QUERY)
    assert names(page)[:3] == [row["name"] for row in night[:3]]
    heading = page.select_one("#preview-results h2").get_text()
    assert heading == "Results now (Wednesday 25 November 2026, 23:30, Amsterdam time)"


@pytest.mark.django_db
def test_a_self_harm_answer_shows_the_line_for_suicidal_thoughts_first(editor_client):
    rows = table(preview(editor_client, "danger=self-harm&who=young-person&age=12-17"))
    assert (rows[0]["name"], rows[0]["band"]) == (
        "113 Suicide Prevention",
        "Line for suicidal thoughts",
    )
    assert rows[0]["link"] == change_url("113")


@pytest.mark.django_db
def test_an_edit_in_the_admin_shows_in_the_preview(editor_client):
    assert names(preview(editor_client, IMAGES_QUERY, moment=AFTERNOON))[0] == "Helpwanted"

    # Made a last resort in the change form: no longer first while a first contact fits.
    url, data = open_change_form(editor_client, Resource.objects.get(slug="helpwanted"))
    data["route"] = [Route.LAST]
    assert editor_client.post(url, data).status_code == 302
    rows = table(preview(editor_client, IMAGES_QUERY, moment=AFTERNOON))
    assert rows[0]["name"] == KINDERTELEFOON
    helpwanted = next(row for row in rows if row["name"] == "Helpwanted")
    assert helpwanted["band"] == "Last resort"
    assert "If other help did not work" in helpwanted["reasons"]

    # Back to a draft through the change form: gone from the list.
    url, data = open_change_form(editor_client, Resource.objects.get(slug="helpwanted"))
    data["status"] = ["draft"]
    assert editor_client.post(url, data).status_code == 302
    assert "Helpwanted" not in names(preview(editor_client, IMAGES_QUERY, moment=AFTERNOON))


@pytest.mark.django_db
def test_when_nothing_fits_the_preview_says_the_visitor_gets_the_general_lines(editor_client):
    Resource.objects.exclude(slug="112").update(status="draft")  # and 112 is not for "no"
    page = preview(editor_client, IMAGES_QUERY)
    note = page.select_one("#preview-fallback").get_text()
    assert note.startswith("No listing fits all these answers.")
    assert [(row["name"], row["band"]) for row in table(page)] == [
        ("112 (emergency number)", "Emergency number")
    ]


def test_every_group_has_words_for_staff():
    assert set(BAND_LABELS) == set(Band)
