"""Migrations 0016 and 0017: an existing site gets the seed's search words for the kinds
of bullying (where staff have none: 0014 gave them the field) and for the audiences."""

from resources.models import Audience, BullyingType

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


def test_migration_0017_gives_the_seeded_audiences_search_words(
    transactional_db,
):
    Audience.objects.all().delete()
    Audience.history.all().delete()
    before = [("resources", "0016_search_words_for_seeded_types")]
    with at_migration(before) as old:
        OldAudience = old.get_model("resources", "Audience")
        OldAudience.objects.create(slug="parent", name_nl="ouders", answer_nl="Ik ben ouder")
        OldAudience.objects.create(slug="adult", name_nl="volwassenen", answer_nl="Ik")
        after = migrate([("resources", "0017_audience_search_words")])
        NewAudience = after.get_model("resources", "Audience")
        parent = NewAudience.objects.get(slug="parent")
        assert "mijn kind" in parent.search_words_nl
        assert "my child" in parent.search_words_en
        assert "mijn ex" in NewAudience.objects.get(slug="adult").search_words_nl


def test_migration_0018_gives_school_staff_the_words_teachers_use_and_keeps_staff_words(
    transactional_db,
):
    Audience.objects.all().delete()
    Audience.history.all().delete()
    before = [("resources", "0017_audience_search_words")]
    with at_migration([("resources", "0016_search_words_for_seeded_types")]) as old:
        OldAudience = old.get_model("resources", "Audience")
        OldAudience.objects.create(slug="school-staff", name_nl="leraren", answer_nl="Ik werk")
        at_0017 = migrate(before).get_model("resources", "Audience")
        staff = at_0017.objects.get(slug="school-staff")
        assert staff.search_words_nl.startswith("mijn leerling")  # as 0017 gave them
        at_0017.objects.filter(slug="school-staff").update(search_words_en="teacher")
        after = migrate([("resources", "0018_school_staff_search_words")])
        staff = after.get_model("resources", "Audience").objects.get(slug="school-staff")
        assert "een leerling" in staff.search_words_nl.split(", ")
        assert staff.search_words == staff.search_words_nl
        assert staff.search_words_en == "teacher"  # staff's own words stay
        back = migrate(before)
        staff = back.get_model("resources", "Audience").objects.get(slug="school-staff")
        assert "een leerling" not in staff.search_words_nl
