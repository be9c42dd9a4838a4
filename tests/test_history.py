"""Every change is in the history, in both languages, and can be reverted: a listing's
ways to get in touch too."""

from datetime import datetime

import pytest

from resources.models import Audience, ContactChannel, Resource
from resources.revert import channels_kept_since, restores_channels, revert
from resources.saving import Conflict, save_content


def channel(kind="phone", address="0800-0432", hours="week", week="every day 11:00-21:00", **more):
    values = {
        "kind": kind,
        "address": address,
        "via_website": False,
        "hours": hours,
        "week": week,
        "note_nl": "",
        "note_en": "",
        "cost": "",
    }
    values.update(more)
    return values


def channels(resource):
    return [
        (c.kind, c.address, c.hours, c.week, c.note_nl or "", c.note_en or "")
        for c in resource.contact_channels.all()
    ]


def edit(resource, values=None, **fields):
    """One edit, as the admin makes it: fields, then the channels, one history record."""
    with save_content(resource):
        for name, value in fields.items():
            setattr(resource, name, value)
        resource.save()
        if values is not None:
            resource.set_channels(values)
    return resource.history.latest()


def test_revert_restores_both_languages(empty_db):
    resource = Resource.objects.create(
        slug="hulplijn", kind="helpline", name_nl="Hulplijn", name_en="Helpline", summary_nl="x"
    )
    resource.name_nl = "Verkeerde naam"
    resource.name_en = "Wrong name"
    resource.save()

    original = resource.history.earliest()
    assert (original.name_nl, original.name_en) == ("Hulplijn", "Helpline")
    original.instance.save()

    resource.refresh_from_db()
    assert (resource.name_nl, resource.name_en) == ("Hulplijn", "Helpline")
    assert resource.history.count() == 3


def test_history_records_audiences_of_each_version(empty_db):
    parent = Audience.objects.create(slug="parent", name_nl="ouders", answer_nl="Ik ben ouder")
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    resource.audiences.add(parent)
    resource.audiences.clear()

    with_parent = resource.history.all()[1]
    assert [a.audience.slug for a in with_parent.audiences.all()] == ["parent"]
    assert resource.history.latest().audiences.count() == 0


def test_one_edit_is_one_history_record_with_its_relations(empty_db):
    parent = Audience.objects.create(slug="parent", name_nl="ouders", answer_nl="Ik ben ouder")
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    before = resource.history.count()

    with save_content(resource):
        resource.name_nl = "Hulplijn"
        resource.save()
        resource.audiences.add(parent)
        resource.set_channels([channel(week="mo 09:00-17:00")])

    assert resource.history.count() == before + 1
    record = resource.history.latest()
    assert record.name_nl == "Hulplijn"
    assert [a.audience.slug for a in record.audiences.all()] == ["parent"]
    assert record.version == 2
    assert channels(resource) == [("phone", "0800-0432", "week", "mo 09:00-17:00", "", "")]


def test_an_edit_based_on_an_older_version_saves_nothing(empty_db):
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    with pytest.raises(Conflict), save_content(resource, expected_version=0):
        resource.name_nl = "Overschreven"
        resource.save()
        resource.set_channels([channel()])
    resource.refresh_from_db()
    assert (resource.name_nl, resource.version) == ("H", 1)
    assert resource.history.count() == 1
    assert channels(resource) == []


def test_the_same_channels_again_change_nothing(empty_db):
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    resource.set_channels([channel(), channel("website", "https://example.org/", "unknown", "")])
    ids = list(resource.contact_channels.values_list("pk", flat=True))
    records = ContactChannel.history.count()

    resource.set_channels([channel(), channel("website", "https://example.org/", "unknown", "")])
    assert list(resource.contact_channels.values_list("pk", flat=True)) == ids
    assert ContactChannel.history.count() == records

    resource.set_channels([channel(week="we 10:00-24:00")])
    assert channels(resource) == [("phone", "0800-0432", "week", "we 10:00-24:00", "", "")]


def test_every_change_to_a_channel_is_in_its_history_in_both_languages(empty_db):
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    edit(resource, [channel(note_nl="Gratis.", note_en="Free.")])
    edit(resource, [channel(week="mo-fr 09:00-17:00", note_nl="Gratis.", note_en="Free.")])

    records = ContactChannel.history.filter(resource_id=resource.pk).order_by("history_id")
    assert [(r.history_type, r.week, r.note_nl, r.note_en) for r in records] == [
        ("+", "every day 11:00-21:00", "Gratis.", "Free."),
        ("-", "every day 11:00-21:00", "Gratis.", "Free."),
        ("+", "mo-fr 09:00-17:00", "Gratis.", "Free."),
    ]


def test_reverting_a_listing_brings_back_its_channels_as_they_were(empty_db):
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    first = edit(
        resource,
        [
            channel(note_nl="Bel gratis.", note_en="Call for free."),
            channel("chat", "https://example.org/chat", "always", ""),
        ],
        name_en="Helpline",
    )
    edit(
        resource,
        [channel("whatsapp", "https://wa.me/31612345678", note_nl="Alleen berichten.")],
        name_en="Changed",
    )
    assert restores_channels(first)

    revert(resource, first)

    resource.refresh_from_db()
    assert resource.name_en == "Helpline"
    assert channels(resource) == [
        ("phone", "0800-0432", "week", "every day 11:00-21:00", "Bel gratis.", "Call for free."),
        ("chat", "https://example.org/chat", "always", "", "", ""),
    ]
    # The revert is itself in the history: the listing's record, its channels' records.
    assert resource.history.latest().name_en == "Helpline"
    assert ContactChannel.history.filter(resource_id=resource.pk, history_type="+").count() == 5


def test_a_revert_to_a_record_from_before_the_channels_history_keeps_today_s_channels(
    empty_db,
):
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    old = resource.history.earliest()
    edit(resource, [channel()], name_nl="Hulplijn")
    # A record from before migration 0010, when the channels were fields of the listing.
    since = channels_kept_since()
    old.history_date = datetime(2020, 1, 1, tzinfo=since.tzinfo)
    old.save()
    assert old.history_date < since
    assert not restores_channels(old)
    assert restores_channels(resource.history.latest())

    revert(resource, old)

    resource.refresh_from_db()
    assert resource.name_nl == "H"
    assert channels(resource) == [("phone", "0800-0432", "week", "every day 11:00-21:00", "", "")]


def test_only_a_listing_s_records_restore_channels(empty_db):
    audience = Audience.objects.create(slug="parent", name_nl="ouders", answer_nl="Ik ben ouder")
    assert not restores_channels(audience.history.latest())
