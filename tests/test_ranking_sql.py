"""The database ranks like resources.triage.rank does, so only the best rows are fetched."""

import itertools

import pytest
from django.utils import translation

from resources import triage
from resources.models import Resource
from resources.views import RESULTS_SHOWN, best_candidates

from .conftest import AFTERNOON, NIGHT

DANGER = [None, "yes", "no"]
WHO = [None, "young-person", "parent", "school-staff", "worried", "adult"]
WHAT = [(), ("threats",), ("exclusion",), ("images", "hate"), ("not-sure",)]
AGE = [None, "under-12", "12-17", "18-plus"]
MOMENTS = [AFTERNOON, NIGHT]  # De Kindertelefoon, a crisis line, open and closed


def assert_database_ranks_as_the_pure_ranking(everything):
    for now, danger, who, what, age in itertools.product(MOMENTS, DANGER, WHO, WHAT, AGE):
        answers = triage.Answers(danger=danger, who=who, what=what, age=age)
        ranked = triage.rank(answers, everything, now)
        expected = [m.resource.slug for m in ranked][:RESULTS_SHOWN]
        fetched = [
            m.resource.slug for m in triage.rank(answers, best_candidates(answers, now), now)
        ]
        assert fetched == expected, (now, answers)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_database_top_results_equal_the_pure_ranking_for_every_answer(language):
    everything = list(Resource.objects.with_details())
    with translation.override(language):
        assert_database_ranks_as_the_pure_ranking(everything)


@pytest.mark.django_db
def test_in_danger_at_night_the_database_puts_the_closed_crisis_line_after_the_open_ones():
    answers = triage.Answers(danger="yes", who="young-person", what=("threats",), age="12-17")
    ranked = [m.resource.slug for m in triage.rank(answers, best_candidates(answers, NIGHT), NIGHT)]
    assert ranked[0] == "112"
    assert ranked.index("kindertelefoon") > max(ranked.index("113"), ranked.index("veilig-thuis"))


@pytest.mark.django_db
def test_the_database_age_filter_equals_the_pure_one_for_every_age_range():
    resource = Resource.objects.get(slug="helpwanted")
    bounds = [None, 0, 8, 11, 12, 13, 14, 16, 17, 18, 19, 25]
    for low, high in itertools.product(bounds, bounds):
        if low is not None and high is not None and low > high:
            continue
        Resource.objects.filter(pk=resource.pk).update(min_age=low, max_age=high)
        resource.min_age, resource.max_age = low, high
        for age, (youngest, oldest) in triage.AGE_BANDS.items():
            in_sql = Resource.objects.filter(pk=resource.pk).fits_ages(youngest, oldest).exists()
            assert in_sql == triage.fits_age(resource, age), (low, high, age)
