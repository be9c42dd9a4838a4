"""Every change is in the history, in both languages, and can be reverted."""

from datetime import time

import pytest

from resources.models import Audience, OpeningHours, Resource
from resources.saving import Conflict, save_content


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


def hours(resource):
    return [
        (h.weekday, f"{h.opens:%H:%M}", f"{h.closes:%H:%M}") for h in resource.opening_hours.all()
    ]


def test_one_edit_is_one_history_record_with_its_relations(empty_db):
    parent = Audience.objects.create(slug="parent", name_nl="ouders", answer_nl="Ik ben ouder")
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    before = resource.history.count()

    with save_content(resource):
        resource.name_nl = "Hulplijn"
        resource.save()
        resource.audiences.add(parent)
        resource.set_weekly_periods([(0, time(9), time(17))])

    assert resource.history.count() == before + 1
    record = resource.history.latest()
    assert record.name_nl == "Hulplijn"
    assert [a.audience.slug for a in record.audiences.all()] == ["parent"]
    assert record.version == 2
    assert hours(resource) == [(0, "09:00", "17:00")]


def test_an_edit_based_on_an_older_version_saves_nothing(empty_db):
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    with pytest.raises(Conflict), save_content(resource, expected_version=0):
        resource.name_nl = "Overschreven"
        resource.save()
    resource.refresh_from_db()
    assert (resource.name_nl, resource.version) == ("H", 1)
    assert resource.history.count() == 1


def test_the_same_opening_hours_again_change_nothing(empty_db):
    resource = Resource.objects.create(slug="h", kind="helpline", name_nl="H", summary_nl="x")
    resource.set_weekly_periods([(1, time(9), time(12)), (0, time(9), time(17))])
    ids = sorted(resource.opening_hours.values_list("pk", flat=True))
    records = OpeningHours.history.count()

    resource.set_weekly_periods([(0, time(9), time(17)), (1, time(9), time(12))])
    assert sorted(resource.opening_hours.values_list("pk", flat=True)) == ids
    assert OpeningHours.history.count() == records

    resource.set_weekly_periods([(2, time(10), time(0))])
    assert hours(resource) == [(2, "10:00", "00:00")]
