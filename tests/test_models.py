"""Translated fields, their fallback, and the constraints and rules that keep bad rows out:
of listings and of their ways to get in touch."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from resources.choices import Status
from resources.languages import codes, column, columns, translated_fields
from resources.models import ContactChannel, Resource
from resources.models.channel import channel_fields


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


NO_WAY = "Om te publiceren voeg je een contactmogelijkheid toe, of vul je de andere manier"


def test_published_resource_without_any_contact_is_refused(empty_db):
    resource = make_resource(status=Status.PUBLISHED, name_en="Helpline")
    resource.full_clean()
    with pytest.raises(ValidationError) as error:
        resource.check_way_to_get_in_touch(has_channels=False)
    assert NO_WAY in str(error.value)
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            resource.check_way_to_get_in_touch(has_channels=False)
        assert "To publish, add a way to get in touch" in str(error.value)


@pytest.mark.parametrize(
    "contact",
    [
        {"kind": "phone", "address": "0800-0432"},
        {"kind": "chat", "address": "https://example.org/chat", "via_website": True},
        {"kind": "whatsapp", "address": "https://wa.me/31612345678"},
        {"kind": "website", "address": "https://example.org"},
        {"kind": "email", "address": "help@example.org"},
        {"kind": "visit", "address": "Hobbemakade 29-H, 1071 XS Amsterdam"},
    ],
)
def test_any_one_way_to_get_in_touch_is_enough_to_publish(contact, empty_db):
    resource = make_resource(status=Status.PUBLISHED, name_en="Helpline")
    resource.full_clean()
    resource.save()
    channel = ContactChannel(resource=resource, **contact)
    channel.full_clean()
    channel.save()
    resource.check_way_to_get_in_touch(resource.contact_channels.exists())
    assert Resource.objects.published().count() == 1


def test_the_other_way_to_get_in_touch_is_enough_to_publish(empty_db):
    resource = make_resource(status=Status.PUBLISHED, contact_note_nl="Vraag het je mentor.")
    resource.check_way_to_get_in_touch(has_channels=False)


def test_a_channel_s_note_is_in_every_language_its_history_and_the_csv_read():
    assert translated_fields(ContactChannel) == ["note"]
    assert set(columns("note")) <= set(channel_fields())


def test_draft_without_contact_is_allowed(empty_db):
    make_resource().save()
    make_resource(slug="other").check_way_to_get_in_touch(has_channels=False)
    assert Resource.objects.published().count() == 0


def test_an_english_note_alone_does_not_count_as_a_way_to_get_in_touch(empty_db):
    # Dutch visitors would see no way: English falls back to Dutch, not the other way.
    resource = make_resource(status=Status.PUBLISHED, contact_note_nl="", contact_note_en="x")
    with pytest.raises(ValidationError) as error:
        resource.check_way_to_get_in_touch(has_channels=False)
    assert NO_WAY in str(error.value)
    resource.contact_note_nl = "   "
    with pytest.raises(ValidationError):
        resource.check_way_to_get_in_touch(has_channels=False)


def test_duplicate_slug_is_refused(empty_db):
    make_resource().save()
    duplicate = make_resource(name_nl="Andere")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def phone(resource, **fields):
    values = {"kind": "phone", "address": "0800-0432", "hours": "week"}
    values.update(fields)
    return ContactChannel(resource=resource, **values)


def test_opening_hours_must_close_after_they_open(empty_db):
    resource = make_resource()
    resource.save()
    with pytest.raises(ValidationError) as error:
        phone(resource, week="ma 17:00-09:00").full_clean()
    assert "de sluitingstijd moet na de openingstijd liggen." in str(error.value)
    until_midnight = phone(resource, week="ma 20-24")
    until_midnight.full_clean()
    assert until_midnight.week == "mo 20:00-24:00"


def test_hours_that_overlap_are_refused(empty_db):
    resource = make_resource()
    resource.save()
    with pytest.raises(ValidationError) as error:
        phone(resource, week="mo 09:00-17:00; mo 12:00-20:00").full_clean()
    assert "overlappen" in str(error.value)


def test_a_channel_open_at_set_hours_has_its_hours_and_only_then(empty_db):
    resource = make_resource()
    resource.save()
    with pytest.raises(ValidationError) as error:
        phone(resource, week="").full_clean()
    assert "Vul de tijden in, of kies een ander antwoord" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        phone(resource, week="").save()
    with pytest.raises(IntegrityError), transaction.atomic():
        phone(resource, hours="always", week="every day 09:00-17:00").save()


def test_badly_written_phone_number_is_refused(empty_db):
    resource = make_resource()
    resource.save()
    with pytest.raises(ValidationError) as error:
        phone(resource, address="08000432", hours="unknown").full_clean()
    assert "met een streepje na het netnummer" in str(error.value)


def test_resource_url_is_in_the_active_language(empty_db):
    resource = make_resource(slug="kindertelefoon")
    with translation.override("nl"):
        assert resource.get_absolute_url() == "/nl/alle-hulp/kindertelefoon/"
    with translation.override("en"):
        assert resource.get_absolute_url() == "/en/all-help/kindertelefoon/"


def test_publishing_needs_name_and_summary_in_every_language(empty_db):
    resource = make_resource(status=Status.PUBLISHED, summary_en="  ")
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
