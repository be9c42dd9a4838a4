"""The results for a set of answers: the ranked listings a visitor sees, the fallback
when nothing fits, and the advice steps under them. Used by the results page and by the
staff preview in the admin."""

from . import triage
from .models import Advice, Kind, Resource

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


def advice_for(answers):
    """The "what you can do now" steps for `answers`, in order.

    Most steps speak to one kind of visitor (a young person, a parent, a teacher, ...), so
    a visitor who did not say who they are gets only the steps written for everyone, not
    the steps of all five side by side."""
    advice = Advice.objects.for_answers(
        answers.who, answers.types, triage.AGE_BANDS.get(answers.age)
    )
    if not answers.who:
        advice = advice.filter(audiences=None)
    return advice
