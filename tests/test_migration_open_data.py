"""Migration 0019: every existing listing, audience and kind of bullying gets its own
open-data id, and its history records the same one."""

from resources.models import Audience, BullyingType, Resource

from .migrating import at_migration, migrate

BEFORE = [("resources", "0018_school_staff_search_words")]
AFTER = [("resources", "0019_open_data_ids_and_organisations")]


def test_migration_0019_gives_each_existing_row_its_own_id_and_its_history_the_same(
    transactional_db,
):
    for model in (Resource, Audience, BullyingType):
        model.objects.all().delete()
        model.history.all().delete()
    with at_migration(BEFORE) as before:
        OldResource = before.get_model("resources", "Resource")
        OldHistory = before.get_model("resources", "HistoricalResource")
        for number in range(3):
            listing = OldResource.objects.create(
                slug=f"listing-{number}", kind="helpline", name_nl="Hulp", summary_nl="Hulp."
            )
            OldHistory.objects.create(
                id=listing.pk,
                slug=listing.slug,
                kind="helpline",
                name_nl="Hulp",
                summary_nl="Hulp.",
                history_date=listing.created_at,
                history_type="+",
                created_at=listing.created_at,
                updated_at=listing.updated_at,
            )
        before.get_model("resources", "Audience").objects.create(
            slug="parent", name_nl="ouders", answer_nl="Ik ben ouder"
        )
        after = migrate(AFTER)
        NewResource = after.get_model("resources", "Resource")
        ids = dict(NewResource.objects.values_list("pk", "uuid"))
        assert len(ids) == 3 and len(set(ids.values())) == 3 and None not in ids.values()
        history = after.get_model("resources", "HistoricalResource")
        for pk, given in ids.items():
            assert set(history.objects.filter(id=pk).values_list("uuid", flat=True)) == {given}
        assert NewResource.objects.get(slug="listing-0").languages == "nl"
        audience = after.get_model("resources", "Audience").objects.get(slug="parent")
        assert audience.uuid is not None
