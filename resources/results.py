"""The results for a set of answers: the ranked listings a visitor sees, and the fallback
when nothing fits. Used by the results page and by the staff preview in the admin.

The ranking reads the published listings as triage.Candidate, built from the database
once per content version and language and kept in each process (sitedata.candidates,
and for each audience and age group sitedata.candidates_for); the cards show them too.
So a new set of answers costs no query for the listings."""

from . import triage
from .choices import Kind
from .questionnaire import IN_DANGER
from .sitedata import candidates, candidates_for

RESULTS_SHOWN = 10
BEST_SHOWN = 3  # "Best for you"; the rest of RESULTS_SHOWN fold away under "More help"


def matches_for(answers, now, limit=RESULTS_SHOWN):
    """(matches, fallback): the best `limit` published listings for `answers` at `now`,
    ranked by triage.rank; when none fits, the general lines that help everyone
    (fallback True)."""
    matches = triage.rank(answers, candidates_for(answers), now, limit)
    fallback = not matches
    if fallback:
        everyone = triage.Answers(danger=IN_DANGER, age=answers.age)
        general = [c for c in candidates() if c.kind in GENERAL_KINDS and not for_some(c)]
        matches = triage.rank(everyone, general, now, limit)
    return matches, fallback


GENERAL_KINDS = (Kind.EMERGENCY, Kind.HELPLINE)


def for_some(candidate):
    """Names the audiences it is for (not for everyone)."""
    return bool(candidate.audience_names or candidate.also_names)
