"""A backup restores every resource in both languages, with its ways to get in touch and
the history of both, also of listings deleted since."""

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from resources.importexport import current_channels
from resources.models import ContactChannel, ContentVersion, Resource
from resources.models.channel import channel_values
from resources.roles import EDITORS
from resources.saving import save_content


def snapshot():
    # The open data's ids (uuid) and who runs a listing survive too: partners keep them.
    resources = {
        r.slug: (r.name_nl, r.name_en, r.summary_nl, r.summary_en, r.uuid, str(r.organization))
        for r in Resource.objects.select_related("organization")
    }
    history = {
        r.slug: [
            (h.history_type, h.name_nl, h.name_en, str(h.history_user)) for h in r.history.all()
        ]
        for r in Resource.objects.all()
    }
    channels = {
        r.slug: channel_values(r.contact_channels.all())
        for r in Resource.objects.prefetch_related("contact_channels")
    }
    channel_history = [
        (h.id, h.resource_id, h.history_type, h.address, h.week, h.note_nl, h.note_en)
        for h in ContactChannel.history.order_by("history_id")
    ]
    deleted = sorted(Resource.history.filter(history_type="-").values_list("slug", "name_en"))
    return resources, history, channels, channel_history, deleted


@pytest.mark.django_db(transaction=True)  # flush on PostgreSQL needs no open transaction
def test_backup_wipe_restore_keeps_every_resource_its_languages_and_history(
    tmp_path, committed_seed, make_staff
):
    editor = make_staff("editor")
    resource = Resource.objects.get(slug="helpwanted")
    with save_content(resource):
        resource.name_en = "Helpwanted (changed by an editor)"
        resource._history_user = editor
        resource.save()
        resource.set_channels(
            [
                *current_channels(resource),
                {
                    "kind": "whatsapp",
                    "address": "https://wa.me/31612345678",
                    "via_website": False,
                    "hours": "week",
                    "week": "mo-fr 09:00-17:00",
                    "note_nl": "Alleen berichten.",
                    "note_en": "Messages only.",
                    "cost": "free",
                },
            ]
        )
    # A listing deleted since: its history, and its channels' history, name it by id.
    Resource.objects.get(slug="offlimits").delete()
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
    whatsapp = before[2]["helpwanted"][-1]
    assert (whatsapp["week"], whatsapp["note_nl"], whatsapp["note_en"]) == (
        "mo-fr 09:00-17:00",
        "Alleen berichten.",
        "Messages only.",
    )
    assert ("offlimits", "Offlimits") in before[4]
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
