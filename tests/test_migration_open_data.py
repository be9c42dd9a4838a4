"""Migrations 0019 and 0020: every existing listing, audience and kind of bullying gets
its own open-data id, and its history records the same one; an existing site gets the
seed's organisations where staff chose none."""

from resources.models import Audience, BullyingType, Organization, Resource

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


def test_migration_0020_gives_an_existing_site_the_seeds_organisations_and_keeps_staffs(
    transactional_db,
):
    for model in (Resource, Organization):
        model.objects.all().delete()
        model.history.all().delete()
    with at_migration(AFTER) as before:
        OldResource = before.get_model("resources", "Resource")
        OldHistory = before.get_model("resources", "HistoricalResource")
        for slug in ("helpwanted", "offlimits", "kindertelefoon", "own-listing"):
            listing = OldResource.objects.create(
                slug=slug, kind="helpline", name_nl=slug, summary_nl="Hulp."
            )
            OldHistory.objects.create(
                id=listing.pk,
                uuid=listing.uuid,
                slug=slug,
                kind="helpline",
                name_nl=slug,
                summary_nl="Hulp.",
                history_date=listing.created_at,
                history_type="+",
                created_at=listing.created_at,
                updated_at=listing.updated_at,
            )
        staffs = before.get_model("resources", "Organization").objects.create(
            slug="eigen-keuze", name="Eigen keuze", description_nl="Door staf gekozen."
        )
        OldResource.objects.filter(slug="kindertelefoon").update(organization=staffs)
        after = migrate([("resources", "0020_seed_organisations")])
        NewResource = after.get_model("resources", "Resource")
        run_by = dict(NewResource.objects.values_list("slug", "organization__slug"))
        assert run_by == {
            "helpwanted": "offlimits",
            "offlimits": "offlimits",
            "kindertelefoon": "eigen-keuze",  # staff's choice stays
            "own-listing": None,
        }
        NewOrganization = after.get_model("resources", "Organization")
        assert set(NewOrganization.objects.values_list("slug", flat=True)) == {
            "offlimits",
            "eigen-keuze",
        }  # only the organisations of listings this site has
        offlimits = NewOrganization.objects.get(slug="offlimits")
        assert offlimits.description_en.startswith("National centre of expertise")
        assert (
            after.get_model("resources", "HistoricalOrganization")
            .objects.filter(id=offlimits.pk)
            .count()
            == 1
        )
        history = after.get_model("resources", "HistoricalResource")
        helpwanted = NewResource.objects.get(slug="helpwanted")
        assert set(
            history.objects.filter(id=helpwanted.pk).values_list("organization_id", flat=True)
        ) == {offlimits.pk}  # a revert keeps who runs it
        assert helpwanted.languages == "nl, en"
        assert NewResource.objects.get(slug="offlimits").languages == "nl"
