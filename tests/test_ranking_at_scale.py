"""With many resources the database ranks a narrow list (ranked_for with `top`); the first
results must still be exactly those of the pure ranking, for every answer."""

import itertools

import pytest
from django.utils import translation

from resources import triage
from resources.models import Audience, BullyingType, Kind, Resource
from resources.views import RESULTS_SHOWN, best_candidates

from .test_ranking_sql import AGE, DANGER, WHAT, WHO

KINDS = [Kind.HELPLINE, Kind.MUNICIPAL, Kind.SCHOOL, Kind.PROFESSIONAL, Kind.REPORTING]
AGES = [(None, None), (8, 18), (12, 23), (4, 12), (18, None)]


def add_listings(count):
    """Listings of every shape: crisis lines, emergency numbers, ages, sort weights,
    for everyone or for some audiences and kinds of bullying."""
    audiences = list(Audience.objects.all())
    types = list(BullyingType.objects.all())
    listings = Resource.objects.bulk_create(
        Resource(
            slug=f"listing-{n}",
            kind=Kind.EMERGENCY if n % 61 == 0 else KINDS[n % len(KINDS)],
            status="published",
            name_nl=f"Hulp {n * 7919 % count}",
            name_en=f"Help {n * 104729 % count}" if n % 9 else "",  # some fall back to Dutch
            summary_nl="Hulp bij pesten.",
            summary_en="Help with bullying.",
            phone="0800-0432",
            is_crisis=n % 13 == 0,
            sort_weight=n % 3,
            min_age=AGES[n % len(AGES)][0],
            max_age=AGES[n % len(AGES)][1],
        )
        for n in range(count)
    )
    Resource.audiences.through.objects.bulk_create(
        Resource.audiences.through(resource=listing, audience=audience)
        for n, listing in enumerate(listings)
        if n % 5  # one in five is for everyone
        for audience in audiences[n % 4 : n % 4 + 2]
    )
    Resource.bullying_types.through.objects.bulk_create(
        Resource.bullying_types.through(resource=listing, bullyingtype=bullying_type)
        for n, listing in enumerate(listings)
        if n % 4  # one in four helps with every kind
        for bullying_type in types[n % 6 : n % 6 + 2]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_with_hundreds_of_listings_the_top_results_equal_the_pure_ranking(language):
    add_listings(400)
    everything = list(Resource.objects.with_details())
    with translation.override(language):
        for danger, who, what, age in itertools.product(DANGER, WHO, WHAT, AGE):
            answers = triage.Answers(danger=danger, who=who, what=what, age=age)
            expected = [m.resource.slug for m in triage.rank(answers, everything)][:RESULTS_SHOWN]
            fetched = [m.resource.slug for m in triage.rank(answers, best_candidates(answers))]
            assert fetched == expected, answers
