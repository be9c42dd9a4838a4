"""Keeping facts fresh: who checked what when, and what needs checking again."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from resources.models import Resource

from .conftest import soup


def age_everything(days):
    Resource.objects.update(last_verified=timezone.localdate() - timedelta(days=days))


@pytest.mark.django_db
def test_needs_review_lists_facts_older_than_the_limit(settings):
    settings.HELPFINDER_REVIEW_AFTER_DAYS = 180
    age_everything(10)
    Resource.objects.filter(slug="helpwanted").update(last_verified=date(2020, 1, 1))
    Resource.objects.filter(slug="offlimits").update(last_verified=None)
    assert set(Resource.objects.needs_review().values_list("slug", flat=True)) == {
        "helpwanted",
        "offlimits",
    }
    settings.HELPFINDER_REVIEW_AFTER_DAYS = 5
    assert Resource.objects.needs_review().count() == Resource.objects.count()


@pytest.mark.django_db
def test_admin_index_counts_and_filter_lists_what_needs_review(editor_client):
    age_everything(10)
    Resource.objects.filter(slug__in=["helpwanted", "113"]).update(last_verified=date(2020, 1, 1))
    index = soup(editor_client.get("/admin/"))
    link = index.select_one("#attention a")
    assert link.get_text() == "2 hulpbronnen niet gecontroleerd in de afgelopen 180 dagen"
    listing = soup(editor_client.get(link["href"]))
    names = {row.select_one("th a").get_text() for row in listing.select("#result_list tbody tr")}
    assert names == {"Helpwanted", "113 Zelfmoordpreventie"}


@pytest.mark.django_db
def test_mark_as_checked_today_records_the_date_and_the_editor(editor_client):
    Resource.objects.update(last_verified=date(2020, 1, 1))
    selected = Resource.objects.filter(slug__in=["helpwanted", "113"])
    versions = dict(selected.values_list("slug", "version"))
    response = editor_client.post(
        "/admin/resources/resource/",
        {"action": "mark_checked_today", "_selected_action": [r.pk for r in selected]},
        follow=True,
    )
    assert "2 hulpbronnen gemarkeerd als vandaag gecontroleerd." in response.content.decode()
    for resource in Resource.objects.filter(slug__in=["helpwanted", "113"]):
        assert resource.last_verified == timezone.localdate()
        assert resource.verified_by.username == "editor"
        assert resource.version == versions[resource.slug] + 1
        assert resource.history.latest().history_user.username == "editor"
    assert Resource.objects.get(slug="kindertelefoon").last_verified == date(2020, 1, 1)


@pytest.mark.django_db
def test_changing_the_check_date_in_the_form_records_who_checked(editor_client):
    from .test_admin_editing import open_change_form

    resource = Resource.objects.get(slug="helpwanted")
    url, data = open_change_form(editor_client, resource)
    data["last_verified"] = [timezone.localdate().isoformat()]
    assert editor_client.post(url, data).status_code == 302
    resource.refresh_from_db()
    assert resource.verified_by.username == "editor"


@pytest.mark.django_db
def test_needs_review_command_prints_what_to_check_and_nothing_when_all_is_fresh():
    age_everything(10)
    out = StringIO()
    call_command("needs_review", stdout=out)
    assert out.getvalue() == ""

    Resource.objects.filter(slug="helpwanted").update(last_verified=date(2020, 1, 1))
    out = StringIO()
    call_command("needs_review", "--base-url", "https://hulp.example.nl", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "1 hulpbron niet gecontroleerd in de afgelopen 180 dagen:"
    pk = Resource.objects.get(slug="helpwanted").pk
    assert lines[1] == (
        "- Helpwanted [Gepubliceerd], laatst gecontroleerd op 2020-01-01 door ?: "
        f"https://hulp.example.nl/admin/resources/resource/{pk}/change/"
    )
