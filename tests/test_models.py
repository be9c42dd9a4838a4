"""Translated fields, their fallback, and the constraints that keep bad rows out."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from resources.choices import Status
from resources.languages import codes, column, translated_fields
from resources.models import OpeningHours, Resource
from resources.models.listing import CONTACT_DETAILS, TRANSLATED_CONTACT_DETAILS


def make_resource(**fields):
    values = {
        "slug": "test",
        "kind": "helpline",
        "name_nl": "Hulplijn",
        "summary_nl": "Helpt.",
        "summary_en": "Helps.",
    }
    # A language after Dutch and English has its texts: these tests are about those two.
    for code in [code for code in codes() if code not in ("nl", "en")]:
        values.update({column("name", code): "Hulplijn", column("summary", code): "Helpt."})
    values.update(fields)
    return Resource(**values)


def test_english_page_shows_dutch_text_where_english_is_missing(empty_db):
    make_resource(name_nl="Hulplijn", name_en="", summary_en=None).save()  # a draft
    resource = Resource.objects.get()
    with translation.override("en"):
        assert resource.name == "Hulplijn"
        assert resource.summary == "Helpt."


def test_each_language_shows_its_own_text_when_both_exist(empty_db):
    make_resource(name_en="Helpline").save()
    resource = Resource.objects.get()
    with translation.override("en"):
        assert resource.name == "Helpline"
    with translation.override("nl"):
        assert resource.name == "Hulplijn"


def test_order_by_name_falls_back_to_dutch_in_english(empty_db):
    make_resource(slug="b", name_nl="Bravo", name_en="").save()
    make_resource(slug="a", name_nl="Zulu", name_en="Alpha").save()
    make_resource(slug="c", name_nl="Charlie", name_en=None).save()
    with translation.override("en"):
        names = [r.name for r in Resource.objects.by_weight_and_name()]
    assert names == ["Alpha", "Bravo", "Charlie"]


def test_youngest_age_above_oldest_is_refused_with_a_clear_error(empty_db):
    resource = make_resource(min_age=18, max_age=12)
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "De jongste leeftijd mag niet hoger zijn dan de oudste leeftijd." in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        resource.save()


def test_published_resource_without_any_contact_is_refused(empty_db):
    resource = make_resource(status=Status.PUBLISHED, name_en="Helpline")
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    message = "Een gepubliceerde hulpbron heeft minstens één manier van contact nodig"
    assert message in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        resource.save()


@pytest.mark.parametrize(
    "contact",
    [
        {"phone": "0800-0432"},
        {"chat_url": "https://example.org/chat"},
        {"whatsapp_url": "https://wa.me/31612345678"},
        {"website": "https://example.org"},
        {"email": "help@example.org"},
        {"street_address": "Hobbemakade 29-H"},
        {"contact_note_nl": "Vraag het je mentor."},
    ],
)
def test_any_one_way_to_contact_is_enough_to_publish(contact, empty_db):
    resource = make_resource(status=Status.PUBLISHED, name_en="Helpline", **contact)
    resource.full_clean()
    resource.save()
    assert Resource.objects.published().count() == 1


def test_the_model_knows_which_contact_details_translation_py_translates():
    # The constraint is built before translation.py registers the translated fields.
    translated = set(CONTACT_DETAILS) & set(translated_fields(Resource))
    assert set(TRANSLATED_CONTACT_DETAILS) == translated


def test_draft_without_contact_is_allowed(empty_db):
    make_resource().save()
    assert Resource.objects.published().count() == 0


def test_empty_english_contact_note_does_not_count_as_contact(empty_db):
    resource = make_resource(status=Status.PUBLISHED, contact_note_nl="", contact_note_en="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        resource.save()


def test_duplicate_slug_is_refused(empty_db):
    make_resource().save()
    duplicate = make_resource(name_nl="Andere")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_opening_hours_must_close_after_they_open(empty_db):
    resource = make_resource()
    resource.save()
    hours = OpeningHours(resource=resource, weekday=0, opens="17:00", closes="09:00")
    with pytest.raises(ValidationError) as error:
        hours.full_clean()
    assert "De sluitingstijd moet na de openingstijd liggen." in str(error.value)
    OpeningHours(resource=resource, weekday=0, opens="20:00", closes="00:00").full_clean()


def test_badly_written_phone_number_is_refused(empty_db):
    resource = make_resource(phone="08000432")
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "met een streepje na het netnummer" in str(error.value)


def test_resource_url_is_in_the_active_language(empty_db):
    resource = make_resource(slug="kindertelefoon")
    with translation.override("nl"):
        assert resource.get_absolute_url() == "/nl/alle-hulp/kindertelefoon/"
    with translation.override("en"):
        assert resource.get_absolute_url() == "/en/all-help/kindertelefoon/"


def test_publishing_needs_name_and_summary_in_every_language(empty_db):
    resource = make_resource(status=Status.PUBLISHED, phone="0800-0432", summary_en="  ")
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert error.value.messages == [
        "Om te publiceren vul je in: de naam in het Engels, de samenvatting in het Engels."
    ]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert error.value.messages == [
        "To publish, fill in: the name in English, the summary in English."
    ]


def test_a_line_only_for_a_crisis_must_be_a_crisis_line(empty_db):
    resource = make_resource(crisis_only=True, is_crisis=False)
    with pytest.raises(ValidationError) as error:
        resource.full_clean()
    assert "moet ook als crisislijn gemarkeerd zijn" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        resource.save()
    make_resource(crisis_only=True, is_crisis=True).save()
