"""The results for a set of answers: the ranked listings a visitor sees, and the fallback
when nothing fits. Used by the results page and by the staff preview in the admin."""

from . import triage
from .models import Kind, Resource

RESULTS_SHOWN = 10
BEST_SHOWN = 3  # "Best for you"; the rest of RESULTS_SHOWN fold away under "More help"


def matches_for(answers, now, limit=RESULTS_SHOWN):
    """(matches, fallback): the best `limit` listings for `answers` at `now`, ranked by
    triage.rank; when none fits, the general lines that help everyone (fallback True)."""
    ages = triage.AGE_BANDS.get(answers.age)
    candidates = Resource.objects.rankable(answers.danger, answers.who, ages)
    matches = triage.rank(answers, candidates, now)[:limit]
    if matches:
        return matches, False
    everyone = triage.Answers(danger="yes", age=answers.age)
    general = Resource.objects.filter(
        kind__in=[Kind.EMERGENCY, Kind.HELPLINE], audiences=None, also_for=None
    ).rankable(ages=ages)
    return triage.rank(everyone, general, now)[:limit], True
