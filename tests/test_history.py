"""Every change is in the history, in both languages, and can be reverted."""

from resources.models import Audience, Resource


def test_revert_restores_both_languages(empty_db):
    resource = Resource.objects.create(
        slug="hulplijn", kind="helpline", name_nl="Hulplijn", name_en="Helpline", summary_nl="x"
    )
    resource.name_nl = "Verkeerde naam"
    resource.name_en = "Wrong name"
    resource.save()

    original = resource.history.earliest()
    assert (original.name_nl, original.name_en) == ("Hulplijn", "Helpline")
    original.instance.save()

    resource.refresh_from_db()
    assert (resource.name_nl, resource.name_en) == ("Hulplijn", "Helpline")
    assert resource.history.count() == 3


def test_history_records_audiences_of_each_version(empty_db):
    parent = Audience.objects.create(slug="parent", name_nl="ouders", answer_nl="Ik ben ouder")
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    resource.audiences.add(parent)
    resource.audiences.clear()

    with_parent = resource.history.all()[1]
    assert [a.audience.slug for a in with_parent.audiences.all()] == ["parent"]
    assert resource.history.latest().audiences.count() == 0
