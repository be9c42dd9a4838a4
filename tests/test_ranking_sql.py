"""The database ranks like resources.triage.rank does, so only the best rows are fetched."""

import itertools

import pytest
from django.utils import translation

from resources import triage
from resources.models import Resource
from resources.views import RESULTS_SHOWN, best_candidates

DANGER = [None, "yes", "no"]
WHO = [None, "young-person", "parent", "school-staff", "worried", "adult"]
WHAT = [(), ("threats",), ("exclusion",), ("images", "hate"), ("not-sure",)]
AGE = [None, "under-12", "12-17", "18-plus"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_database_top_results_equal_the_pure_ranking_for_every_answer(language):
    everything = list(Resource.objects.with_details())
    with translation.override(language):
        for danger, who, what, age in itertools.product(DANGER, WHO, WHAT, AGE):
            answers = triage.Answers(danger=danger, who=who, what=what, age=age)
            expected = [m.resource.slug for m in triage.rank(answers, everything)][:RESULTS_SHOWN]
            fetched = [m.resource.slug for m in triage.rank(answers, best_candidates(answers))]
            assert fetched == expected, answers
