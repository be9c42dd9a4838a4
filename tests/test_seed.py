"""The seed data: loaded once into an empty database, never over staff edits, and correct."""

from io import StringIO

import pytest
from django.core.management import call_command

from resources.choices import Status
from resources.models import Advice, Audience, BullyingType, Page, Resource

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
PAGES = {
    "what-is-cyberbullying",
    "effects",
    "help-in-amsterdam",
    "prevention",
    "for-parents",
    "for-schools",
    "safe-browsing",
    "privacy",
    "accessibility",
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
    assert set(Page.objects.published().values_list("slug", flat=True)) == PAGES


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
        resource.full_clean()  # phone format, URLs, age range, contact when published
        for hours in resource.opening_hours.all():
            hours.full_clean()


@pytest.mark.django_db
def test_published_resources_have_both_languages_and_a_way_to_contact(seeded):
    for resource in Resource.objects.published():
        for field in ["name_nl", "name_en", "summary_nl", "summary_en"]:
            assert getattr(resource, field), f"{resource.slug}: {field} is empty"
        assert resource.has_contact, resource.slug


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


@pytest.mark.django_db
def test_unconfirmed_numbers_are_never_published(seeded):
    published = Resource.objects.published()
    numbers = set(published.values_list("phone", flat=True))
    numbers |= set(published.values_list("phone_alt", flat=True))
    assert not numbers & UNCONFIRMED_NUMBERS
    everywhere = set(Resource.objects.values_list("phone", flat=True))
    assert not everywhere & NEVER_LISTED
    assert not any(number.startswith("084") for number in everywhere)


@pytest.mark.django_db
def test_key_facts_of_the_emergency_lines(seeded):
    kindertelefoon = Resource.objects.get(slug="kindertelefoon")
    assert (kindertelefoon.phone, kindertelefoon.min_age, kindertelefoon.max_age) == (
        "0800-0432",
        8,
        18,
    )
    hours = {
        (period.weekday, f"{period.opens:%H:%M}-{period.closes:%H:%M}")
        for period in kindertelefoon.opening_hours.all()
    }
    assert hours == {(day, "11:00-21:00") for day in range(7)}
    assert Resource.objects.get(slug="112").phone == "112"
    assert Resource.objects.get(slug="veilig-thuis").phone == "0800-2000"
    assert Resource.objects.get(slug="113").open_24_7


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
