"""Migration 0016: an existing site gets the seed's search words for the kinds of bullying
where staff have none, and keeps the words staff gave."""

from resources.models import BullyingType

from .migrating import at_migration, migrate

BEFORE = [("resources", "0015_drop_resource_search_index")]
AFTER = [("resources", "0016_search_words_for_seeded_types")]


def test_migration_0016_gives_the_seeded_kinds_search_words_and_keeps_staff_words(
    transactional_db,
):
    BullyingType.objects.all().delete()
    BullyingType.history.all().delete()
    with at_migration(BEFORE) as before:
        OldType = before.get_model("resources", "BullyingType")
        OldType.objects.create(slug="images", name_nl="beelden")
        OldType.objects.create(slug="exclusion", name_nl="buitensluiten", search_words_nl="app")
        OldType.objects.create(slug="stalking", name_nl="stalken")
        after = migrate(AFTER)
        NewType = after.get_model("resources", "BullyingType")
        images = NewType.objects.get(slug="images")
        assert "naaktfoto" in images.search_words_nl
        assert "nude photo" in images.search_words_en
        exclusion = NewType.objects.get(slug="exclusion")
        assert exclusion.search_words_nl == "app"  # staff's words stay
        assert "group chat" in exclusion.search_words_en  # the empty language is filled
        assert not NewType.objects.get(slug="stalking").search_words_nl  # not seeded
