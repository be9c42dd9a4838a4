"""A backup restores every resource in both languages, with its history."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from resources.models import ContentVersion, Resource
from resources.roles import EDITORS


def snapshot():
    resources = {
        r.slug: (r.name_nl, r.name_en, r.summary_nl, r.summary_en) for r in Resource.objects.all()
    }
    history = {
        r.slug: [
            (h.history_type, h.name_nl, h.name_en, str(h.history_user)) for h in r.history.all()
        ]
        for r in Resource.objects.all()
    }
    hours = {r.slug: r.weekly_periods() for r in Resource.objects.prefetch_related("opening_hours")}
    return resources, history, hours


@pytest.mark.django_db(transaction=True)  # flush on PostgreSQL needs no open transaction
def test_backup_wipe_restore_keeps_every_resource_its_languages_and_history(
    tmp_path, committed_seed, make_staff
):
    editor = make_staff("editor")
    resource = Resource.objects.get(slug="helpwanted")
    resource.name_en = "Helpwanted (changed by an editor)"
    resource._history_user = editor
    resource.save()
    before = snapshot()
    backup = tmp_path / "helpfinder.json.gz"

    call_command("backup", str(backup), stdout=StringIO())
    call_command("flush", interactive=False, verbosity=0)
    assert Resource.objects.count() == 0
    version_after_wipe = (
        ContentVersion.objects.filter(pk=1).values_list("number", flat=True).first()
    )
    call_command("restore", str(backup), stdout=StringIO())

    assert snapshot() == before
    assert before[1]["helpwanted"][0][2:] == ("Helpwanted (changed by an editor)", "editor")
    assert ContentVersion.objects.get(pk=1).number != version_after_wipe
    assert User.objects.get(username="editor").groups.get().name == EDITORS


@pytest.mark.django_db
def test_restore_refuses_a_database_that_has_content(tmp_path):
    backup = tmp_path / "helpfinder.json"
    call_command("backup", str(backup), stdout=StringIO())
    Resource.objects.filter(slug="helpwanted").update(name_nl="Bewerkt na de backup")
    with pytest.raises(CommandError, match="a restore goes into an empty one"):
        call_command("restore", str(backup), stdout=StringIO())
    assert Resource.objects.get(slug="helpwanted").name_nl == "Bewerkt na de backup"
