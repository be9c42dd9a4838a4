"""Migration 0010 moves every listing's contact fields and opening hours to its ways to get
in touch (contact channels), with history, and loses nothing: what a channel cannot say
goes to the listing's note for staff. Undoing it is refused while channels exist."""

from datetime import time

import pytest
from django.apps import apps as django_apps
from django.db.migrations.exceptions import IrreversibleError

from resources.hours import format_week, parse_week
from resources.models import ContactChannel, ContentVersion, Resource
from resources.revert import revert

from .migrating import at_migration, migrate, migrate_to_latest

BEFORE = [("resources", "0009_audience_show_on_home")]
AFTER = [("resources", "0010_contact_channels")]
REASON = "Moved from the listing's contact fields (migration 0010)"


@pytest.fixture
def before_0010(transactional_db):
    """The database at migration 0009, empty; migrated to the latest state afterwards."""
    Resource.objects.all().delete()  # and their channels, which writes history records
    ContactChannel.history.all().delete()
    Resource.history.all().delete()
    for name in ["audiences", "also_for", "bullying_types", "general_types"]:
        # Their rows are not deleted with the records (no foreign key constraint).
        django_apps.get_model("resources", f"HistoricalResource_{name}").objects.all().delete()
    with at_migration(BEFORE) as apps:
        yield apps


def old_listing(apps, slug, hours=(), audiences=(), **fields):
    values = {"kind": "helpline", "name_nl": slug.title(), "summary_nl": "Helpt."}
    values.update(fields)
    resource = apps.get_model("resources", "Resource").objects.create(slug=slug, **values)
    OpeningHours = apps.get_model("resources", "OpeningHours")
    for weekday, opens, closes in hours:
        OpeningHours.objects.create(resource=resource, weekday=weekday, opens=opens, closes=closes)
    resource.audiences.set(audiences)
    return resource


def channels(slug):
    return [
        (c.kind, c.address, c.via_website, c.hours, c.week, c.note_nl or "", c.note_en or "")
        for c in ContactChannel.objects.filter(resource__slug=slug)
    ]


def every_day(opens, closes):
    return [(day, opens, closes) for day in range(7)]


def test_every_contact_field_hours_and_note_become_channels_and_nothing_is_lost(before_0010):
    apps = before_0010
    parent = apps.get_model("resources", "Audience").objects.create(
        slug="test-parent", name_nl="ouders", answer_nl="Ik ben ouder"
    )
    versions = apps.get_model("resources", "ContentVersion").objects.filter(pk=1)
    version_before = versions.values_list("number", flat=True).first() or 0
    old_listing(
        apps,
        "kindertelefoon",
        hours=every_day(time(11), time(21)),
        phone="0800-0432",
        phone_alt="116 111",
        chat_url="https://www.kindertelefoon.nl/",  # the same as the website
        website="https://www.kindertelefoon.nl",
        hours_note_nl="Ook in de vakanties.",
        hours_note_en="Also in the holidays.",
        staff_note="Niets aan de hand.",
    )
    old_listing(
        apps,
        "overlap",
        audiences=[parent],
        hours=[
            (0, time(9), time(17)),
            (0, time(12), time(20)),  # overlaps the one before
            (1, time(9), time(12)),
            (1, time(12), time(17)),  # follows it: two periods, as before
            (2, time(20), time(0)),  # until midnight
            (4, time(9), time(17)),
            (4, time(9), time(17)),  # the same row twice
            (5, time(10, 0, 30), time(12)),  # to the second
            (7, time(9), time(17)),  # no such day
        ],
        phone="020-123 45 67",
        chat_url="https://chat.example.org/",
        website="https://example.org/",
    )
    old_listing(
        apps,
        "always",
        hours=[(0, time(9), time(17))],
        open_24_7=True,
        phone="113",
        whatsapp_url="https://wa.me/31612345678",
        hours_note_en="Answered by volunteers.",
    )
    old_listing(
        apps,
        "web-only",
        hours=[(day, time(9), time(17)) for day in range(5)],
        website="https://web.example.org/",
        email="help@example.org",
        hours_note_nl="We antwoorden binnen twee werkdagen.",
    )
    old_listing(
        apps,
        "no-contact",
        status="published",
        name_en="No contact",
        summary_en="Helps.",
        contact_note_nl="Vraag het je mentor.",
        hours_note_nl="Alleen op schooldagen.",
        postcode="1012 AB",
        city="Amsterdam",
        staff_note="Bestaande notitie.",
    )
    old_listing(
        apps,
        "visit",
        hours=[(day, time(9), time(17)) for day in range(5)],
        phone="020-555 55 55",
        email="balie@example.org",
        street_address="Hobbemakade 29-H",
        postcode="1071 XS",
        city="Amsterdam",
    )

    migrate(AFTER)

    daily, weekdays = "every day 11:00-21:00", "mo-fr 09:00-17:00"
    holidays = ("Ook in de vakanties.", "Also in the holidays.")
    kindertelefoon = "https://www.kindertelefoon.nl"
    assert channels("kindertelefoon") == [
        ("phone", "0800-0432", False, "week", daily, *holidays),
        ("phone", "116 111", False, "week", daily, "", ""),
        ("chat", f"{kindertelefoon}/", True, "week", daily, "", ""),
        ("website", kindertelefoon, False, "unknown", "", "", ""),
    ]
    week = "; ".join(
        [
            "mo 09:00-20:00",
            "tu 09:00-12:00, 12:00-17:00",
            "we 20:00-24:00",
            "fr 09:00-17:00",
            "sa 10:00-12:00",
        ]
    )
    assert channels("overlap") == [
        ("phone", "020-123 45 67", False, "week", week, "", ""),
        ("chat", "https://chat.example.org/", False, "week", week, "", ""),
        ("website", "https://example.org/", False, "unknown", "", "", ""),
    ]
    assert channels("always") == [
        ("phone", "113", False, "always", "", "", "Answered by volunteers."),
        ("whatsapp", "https://wa.me/31612345678", False, "always", "", "", ""),
    ]
    answer = "We antwoorden binnen twee werkdagen."
    assert channels("web-only") == [
        ("email", "help@example.org", False, "unknown", "", answer, ""),
        ("website", "https://web.example.org/", False, "unknown", "", "", ""),
    ]
    assert channels("no-contact") == []
    assert channels("visit") == [
        ("phone", "020-555 55 55", False, "week", weekdays, "", ""),
        ("visit", "Hobbemakade 29-H, 1071 XS Amsterdam", False, "week", weekdays, "", ""),
        ("email", "balie@example.org", False, "unknown", "", "", ""),
    ]

    # Every text of hours is as the site writes it, and passes the site's own checks.
    for channel in ContactChannel.objects.all():
        if channel.week:
            assert format_week(parse_week(channel.week)) == channel.week
        channel.full_clean(exclude=["address"])  # the test's numbers need not be real

    # What no channel can hold is in the note for staff, after what was there.
    notes = dict(Resource.objects.values_list("slug", "staff_note"))
    assert notes["kindertelefoon"] == "Niets aan de hand."
    assert notes["visit"] == ""
    overlap = notes["overlap"]
    assert overlap.startswith("Migration 0010 moved the contact fields")
    assert "overlapped on mo were joined: 09:00-17:00, 12:00-20:00 became 09:00-20:00" in overlap
    assert "day number 7, not a day of the week: 09:00:00-17:00:00" in overlap
    assert "to the second, moved to the minute: sa 10:00:30-12:00:00" in overlap
    assert "with opening hours too: mo 09:00-17:00" in notes["always"]
    assert "place to visit to give them to: mo-fr 09:00-17:00" in notes["web-only"]
    no_contact = notes["no-contact"]
    assert no_contact.startswith("Bestaande notitie.\n\nMigration 0010")
    assert "Postcode and city without a street, so not a place to visit: 1012 AB Amsterdam" in (
        no_contact
    )
    assert "Note on the opening hours (nl): Alleen op schooldagen." in no_contact

    # Each channel has its first history record; each changed note, a record of the listing.
    # Read with the tables as the code reads them today (the later migrations applied:
    # today's Resource has columns from them, such as search_words, 0014).
    migrate_to_latest()
    for channel in ContactChannel.objects.all():
        record = channel.history.get()
        assert (record.history_type, record.history_change_reason) == ("+", REASON)
        assert (record.kind, record.address, record.week, record.note_nl) == (
            channel.kind,
            channel.address,
            channel.week,
            channel.note_nl,
        )
    changed = {r.slug for r in Resource.history.filter(history_change_reason=REASON)}
    assert changed == {"overlap", "always", "web-only", "no-contact"}
    listing = Resource.objects.get(slug="overlap")
    record = listing.history.latest()
    assert (record.staff_note, record.version) == (listing.staff_note, 2)
    # Only the slug: today's Audience has columns from later migrations (has_poster, 0013).
    assert list(record.audiences.values_list("audience__slug", flat=True)) == ["test-parent"]

    # Reverting to that record keeps the listing's audiences and channels.
    revert(listing, record)
    assert [a.slug for a in listing.audiences.all()] == ["test-parent"]
    assert channels("overlap")[0][4] == week

    # Cached pages showed the old fields.
    assert ContentVersion.objects.get(pk=1).number > version_before


def test_undoing_the_migration_without_channels_brings_the_old_fields_back(before_0010):
    # before_0010 undid it (the seed's channels and their history removed first).
    Resource = before_0010.get_model("resources", "Resource")
    assert {"phone", "open_24_7", "hours_note_nl"} <= {f.name for f in Resource._meta.fields}
    assert before_0010.get_model("resources", "OpeningHours").objects.count() == 0


def test_undoing_the_migration_is_refused_while_there_are_channels(committed_seed):
    assert ContactChannel.objects.exists()  # the seed data
    count = ContactChannel.objects.count()
    try:
        with pytest.raises(IrreversibleError, match="cannot be undone while there are ways"):
            migrate(BEFORE)
    finally:  # the later migrations were undone before this one refused: redo them
        migrate_to_latest()
    assert ContactChannel.objects.count() == count
    assert Resource.objects.filter(slug="kindertelefoon").exists()
