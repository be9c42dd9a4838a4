"""The directory filters in SQL (fits_ages, for_audience, for_types) and the results rule
out listings in plain Python (triage): for every answer, both keep the same listings."""

import itertools

import pytest

from resources import triage
from resources.choices import AgeBand
from resources.models import Resource


@pytest.mark.django_db
def test_the_database_age_filter_equals_the_pure_one_for_every_age_range():
    resource = Resource.objects.get(slug="helpwanted")
    bounds = [None, 0, 8, 11, 12, 13, 14, 16, 17, 18, 19, 25]
    for low, high in itertools.product(bounds, bounds):
        if low is not None and high is not None and low > high:
            continue
        Resource.objects.filter(pk=resource.pk).update(min_age=low, max_age=high)
        resource.min_age, resource.max_age = low, high
        for age in AgeBand:
            youngest, oldest = age.ages
            in_sql = Resource.objects.filter(pk=resource.pk).fits_ages(youngest, oldest).exists()
            assert in_sql == triage.fits_age(resource, age), (low, high, age)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["young-person", "parent", "school-staff", "worried", "adult"])
def test_the_directory_audience_filter_keeps_who_the_results_would(seeded, who):
    candidates = Resource.objects.published().candidates()
    answers = triage.Answers(who=who)
    pure = {c.slug for c in candidates if triage.audience_level(answers, c) is not None}
    in_sql = set(Resource.objects.published().for_audience(who).values_list("slug", flat=True))
    assert in_sql == pure
    assert len(pure) < len(candidates)  # some listings are for other audiences


@pytest.mark.django_db
@pytest.mark.parametrize(
    "what", [("insults",), ("exclusion",), ("images",), ("hate",), ("threats", "hate")]
)
def test_the_directory_type_filter_keeps_what_the_results_would(seeded, what):
    candidates = Resource.objects.published().candidates()
    answers = triage.Answers(what=what)
    pure = {c.slug for c in candidates if triage.type_level(answers, c) is not None}
    in_sql = set(Resource.objects.published().for_types(what).values_list("slug", flat=True))
    assert in_sql == pure
    assert len(pure) < len(candidates)  # some listings help with other kinds only
