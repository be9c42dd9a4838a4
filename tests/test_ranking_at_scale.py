"""With many resources the database ranks a narrow list (ranked_for with `top`); the first
results must still be exactly those of the pure ranking, for every answer."""

from datetime import time

import pytest
from django.utils import translation

from resources.models import Audience, BullyingType, Kind, OpeningHours, Resource

from .test_ranking_sql import assert_database_ranks_as_the_pure_ranking

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
    # Every other crisis line keeps office hours: open in the afternoon, closed at night.
    OpeningHours.objects.bulk_create(
        OpeningHours(resource=listing, weekday=day, opens=time(9), closes=time(17))
        for n, listing in enumerate(listings)
        if n % 26 == 0
        for day in range(7)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_with_hundreds_of_listings_the_top_results_equal_the_pure_ranking(language):
    add_listings(400)
    everything = list(Resource.objects.with_details())
    with translation.override(language):
        assert_database_ranks_as_the_pure_ranking(everything)
