"""Migration 0012: the kinds of bullying get hints about someone else, for parents,
teachers and people worried about someone, and adults get their home-page button."""

import pytest

from resources.models import Audience, BullyingType

from .migrating import at_migration, migrate

BEFORE = [("resources", "0011_page_slug_per_language")]
AFTER = [("resources", "0012_bullyingtype_description_other")]


@pytest.fixture
def before_0012(transactional_db):
    """The database at migration 0011, without audiences or kinds of bullying."""
    for model in [Audience, BullyingType]:
        model.objects.all().delete()
        model.history.all().delete()
    with at_migration(BEFORE) as apps:
        yield apps


def test_migration_0012_words_the_seeded_kinds_for_someone_else_and_keeps_staff_words(
    before_0012,
):
    OldType = before_0012.get_model("resources", "BullyingType")
    OldAudience = before_0012.get_model("resources", "Audience")
    OldType.objects.create(
        slug="exclusion", name_nl="buitensluiten", description_nl="Je wordt buitengesloten."
    )
    OldType.objects.create(slug="stalking", name_nl="stalken", description_nl="Iemand volgt je.")
    OldAudience.objects.create(slug="adult", name_nl="volwassenen", answer_nl="Ik", position=5)
    OldAudience.objects.filter(slug="adult").update(show_on_home=False)

    after = migrate(AFTER)  # its models: today's have columns from later migrations
    NewType = after.get_model("resources", "BullyingType")

    exclusion = NewType.objects.get(slug="exclusion")
    assert (
        exclusion.description_other_nl == "Iemand wordt met opzet uit een groep of chat gehouden."
    )
    assert exclusion.description_other_en == "Someone is kept out of a group or chat on purpose."
    assert exclusion.description_nl == "Je wordt buitengesloten."  # staff's words stay
    assert not NewType.objects.get(slug="stalking").description_other_nl  # not seeded
    assert after.get_model("resources", "Audience").objects.get(slug="adult").show_on_home is True

    back = migrate(BEFORE)
    assert back.get_model("resources", "Audience").objects.get(slug="adult").show_on_home is False
