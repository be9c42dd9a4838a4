"""The seed data: loaded once into an empty database, never over staff edits, and correct."""

from io import StringIO

import pytest
from django.core.management import call_command

from resources.choices import HOURS_KINDS, ChannelKind, Cost, Hours, Status
from resources.models import Advice, Audience, BullyingType, ContactChannel, Page, Resource

from .conftest import PAGE_SLUGS

AUDIENCES = {"young-person", "parent", "school-staff", "worried", "adult"}
BULLYING_TYPES = {
    "insults",
    "threats",
    "fake-profile",
    "exclusion",
    "images",
    "personal-details",
    "hate",
}
# Marked unverified or not to be listed in ../shared/facts/amsterdam-resources.md.
UNCONFIRMED_NUMBERS = {"0800-0450", "0900-1450", "0900-8020", "088-0767 000", "0900-0767"}
NEVER_LISTED = {"0800-1608", "0800-8020"}


def seed():
    out = StringIO()
    call_command("seed", stdout=out)
    return out.getvalue()


def test_seed_loads_the_amsterdam_data_into_an_empty_database(empty_db):
    assert "Seed data loaded" in seed()
    assert Resource.objects.count() >= 20
    assert Resource.objects.published().count() >= 15
    assert set(Audience.objects.values_list("slug", flat=True)) == AUDIENCES
    assert set(BullyingType.objects.values_list("slug", flat=True)) == BULLYING_TYPES
    published = Page.objects.published()
    assert set(published.values_list("slug_nl", "slug_en")) == set(PAGE_SLUGS.items())
    # Who runs what: one organisation may run several listings.
    runs = Resource.objects.filter(organization__slug="offlimits").values_list("slug", flat=True)
    assert set(runs) == {"offlimits", "helpwanted"}
    assert Resource.objects.get(slug="helpwanted").languages == "nl, en"


@pytest.mark.django_db
def test_running_seed_again_keeps_staff_edits(seeded):
    resource = Resource.objects.get(slug="kindertelefoon")
    resource.summary_nl = "Door een medewerker aangepast."
    resource.save()
    count = Resource.objects.count()

    assert "Content already exists: nothing loaded, nothing changed." in seed()

    resource.refresh_from_db()
    assert resource.summary_nl == "Door een medewerker aangepast."
    assert Resource.objects.count() == count


def test_seed_leaves_a_partly_filled_database_alone(empty_db):
    Audience.objects.create(slug="own", name_nl="eigen", answer_nl="Eigen")
    assert "nothing loaded" in seed()
    assert Resource.objects.count() == 0


@pytest.mark.django_db
def test_seeded_version_is_the_first_entry_in_the_history(seeded):
    for resource in Resource.objects.all():
        assert resource.history.count() == 1
        first = resource.history.earliest()
        assert first.name_nl == resource.name_nl and first.name_en == resource.name_en
        assert first.audiences.count() == resource.audiences.count()


@pytest.mark.django_db
def test_every_resource_passes_validation(seeded):
    for resource in Resource.objects.all():
        resource.full_clean()  # age range, texts when published
        for channel in resource.contact_channels.all():
            before = channel.week
            channel.full_clean()  # phone format, URLs, e-mail, hours
            assert channel.week == before, f"{resource.slug}: write the hours as format_week does"


@pytest.mark.django_db
def test_published_resources_have_both_languages_and_a_way_to_contact(seeded):
    for resource in Resource.objects.published():
        for field in ["name_nl", "name_en", "summary_nl", "summary_en"]:
            assert getattr(resource, field), f"{resource.slug}: {field} is empty"
        assert resource.contact_channels.exists() or resource.contact_note_nl, resource.slug


@pytest.mark.django_db
def test_channels_are_numbered_in_order_from_zero(seeded):
    for resource in Resource.objects.all():
        positions = [channel.position for channel in resource.contact_channels.all()]
        assert positions == list(range(len(positions))), resource.slug


@pytest.mark.django_db
def test_unknown_hours_are_named_in_the_note_for_staff(seeded):
    """Where a phone, chat or visit shows "hours not known", staff know what to check."""
    for resource in Resource.objects.with_channels_without_hours():
        assert "hours" in resource.staff_note.lower(), resource.slug


@pytest.mark.django_db
def test_a_chat_on_the_website_says_so(seeded):
    """The facts never give a direct chat link: a chat is a page of a website. And no
    chat that is not on the website goes to the website's own address."""
    for chat in ContactChannel.objects.filter(kind=ChannelKind.CHAT):
        assert chat.via_website, chat.resource.slug
    for website in ContactChannel.objects.filter(kind=ChannelKind.WEBSITE):
        same = website.resource.contact_channels.filter(
            kind=ChannelKind.CHAT, address=website.address
        )
        assert not same.filter(via_website=False).exists(), website.resource.slug


@pytest.mark.django_db
def test_websites_and_email_keep_no_hours(seeded):
    no_hours = ContactChannel.objects.exclude(kind__in=HOURS_KINDS)
    assert not no_hours.exclude(hours=Hours.UNKNOWN, week="").exists()


@pytest.mark.django_db
def test_every_resource_records_its_source_and_check_date(seeded):
    for resource in Resource.objects.all():
        assert resource.source_url.startswith(("https://", "http://")), resource.slug
        assert resource.last_verified is not None, resource.slug


@pytest.mark.django_db
def test_drafts_tell_staff_what_to_check(seeded):
    drafts = Resource.objects.filter(status=Status.DRAFT)
    assert drafts.exists()
    for resource in drafts:
        assert len(resource.staff_note) > 20, resource.slug


def phones(resources):
    return set(
        ContactChannel.objects.filter(resource__in=resources, kind=ChannelKind.PHONE).values_list(
            "address", flat=True
        )
    )


@pytest.mark.django_db
def test_unconfirmed_numbers_are_never_published(seeded):
    assert not phones(Resource.objects.published()) & UNCONFIRMED_NUMBERS
    everywhere = phones(Resource.objects.all())
    assert not everywhere & NEVER_LISTED
    assert not any(number.startswith("084") for number in everywhere)


def channels_of(slug):
    return [
        (c.kind, c.address, c.via_website, c.hours, c.week, c.cost)
        for c in ContactChannel.objects.filter(resource__slug=slug)
    ]


@pytest.mark.django_db
def test_key_facts_of_the_emergency_lines(seeded):
    kindertelefoon = Resource.objects.get(slug="kindertelefoon")
    assert (kindertelefoon.min_age, kindertelefoon.max_age) == (8, 18)
    daily = ("week", "every day 11:00-21:00", Cost.FREE)
    assert channels_of("kindertelefoon") == [
        ("phone", "0800-0432", False, *daily),
        ("phone", "116 111", False, *daily),
        ("chat", "https://www.kindertelefoon.nl/", True, *daily),
        ("website", "https://www.kindertelefoon.nl/", False, "unknown", "", ""),
    ]
    assert channels_of("112") == [("phone", "112", False, "always", "", Cost.FREE)]
    assert channels_of("113")[:3] == [
        ("phone", "113", False, "always", "", Cost.FREE),
        ("phone", "0800-0113", False, "always", "", Cost.FREE),
        ("chat", "https://www.113.nl/", True, "always", "", Cost.FREE),
    ]
    assert channels_of("veilig-thuis") == [
        ("phone", "0800-2000", False, "always", "", Cost.FREE),
        # Usually weekdays 09:00-17:00: in the note, not as hours that would say "open now".
        ("chat", "https://www.veiligthuis.nl/", True, "unknown", "", ""),
        ("website", "https://www.020veiligthuis.nl/", False, "unknown", "", ""),
    ]
    # The line's own hours are not known; 08:00-22:00 is when the police call back.
    police = ContactChannel.objects.get(resource__slug="politie-geen-spoed", kind="phone")
    assert (police.address, police.hours, police.cost) == ("0900-8844", "unknown", "")
    assert "08:00" in police.note_nl and "08:00" in police.note_en


@pytest.mark.django_db
def test_every_bullying_type_has_its_own_advice(seeded):
    for slug in BULLYING_TYPES:
        assert Advice.objects.filter(bullying_types__slug=slug).exists(), slug
    assert Advice.objects.filter(bullying_types__isnull=True).count() >= 3


@pytest.mark.django_db
def test_advice_and_pages_are_written_in_both_languages(seeded):
    for advice in Advice.objects.all():
        assert advice.title_nl and advice.title_en and advice.body_nl and advice.body_en
    for page in Page.objects.all():
        assert page.title_nl and page.title_en and page.summary_nl and page.summary_en
        assert page.body_nl and page.body_en
