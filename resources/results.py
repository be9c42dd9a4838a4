"""The results for a set of answers: the ranked listings a visitor sees, and the fallback
when nothing fits. Used by the results page and by the staff preview in the admin.

The ranking reads the published listings as triage.Candidate, built from the database
once per content version and language and kept in the cache (sitedata.candidates); only
the listings shown are then read in full. So a new set of answers costs two small queries,
whatever the number of listings."""

from dataclasses import replace

from . import triage
from .models import Kind, Resource
from .sitedata import candidates

RESULTS_SHOWN = 10
BEST_SHOWN = 3  # "Best for you"; the rest of RESULTS_SHOWN fold away under "More help"


def matches_for(request, answers, now, limit=RESULTS_SHOWN):
    """(matches, fallback): the best `limit` published listings for `answers` at `now`,
    ranked by triage.rank, each match's resource a Resource with its opening hours; when
    none fits, the general lines that help everyone (fallback True)."""
    everything = candidates(request)
    matches = triage.rank(answers, everything, now, limit)
    fallback = not matches
    if fallback:
        everyone = triage.Answers(danger="yes", age=answers.age)
        general = [c for c in everything if c.kind in GENERAL_KINDS and not for_some(c)]
        matches = triage.rank(everyone, general, now, limit)
    return in_full(matches), fallback


GENERAL_KINDS = (Kind.EMERGENCY, Kind.HELPLINE)


def for_some(candidate):
    """Names the audiences it is for (not for everyone)."""
    return bool(candidate.audience_names or candidate.also_names)


def in_full(matches):
    """The matches with their Resource (and its opening hours) in place of the Candidate."""
    wanted = [match.resource.pk for match in matches]
    found = Resource.objects.filter(pk__in=wanted).with_details().in_bulk()
    return [replace(m, resource=found[m.resource.pk]) for m in matches if m.resource.pk in found]
