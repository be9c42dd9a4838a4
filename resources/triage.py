"""The triage: a visitor's answers in, the right contacts out, best first, with reasons.

Everything here is plain Python without database access, so the rules can be read and
tested on their own. The answers travel in the query string (URL contract in DESIGN.md):

    danger=yes|self-harm|no   who=<audience slug>   what=<bullying type slug> (repeatable)
    age=under-12|12-17|18-plus

The ranking (rank) is defined here once. Each listing says, per audience, whether it is
made for them, also helps them or is not for them; per kind of bullying, whether it is a
specialist (acts on it) or gives general help; its place in a route (first contact, next
step, last resort); and whether it is a crisis line, only for a crisis, or the line for
suicidal thoughts. From that:

1. Not shown at all: drafts; a listing that serves at most one year of the age group; a
   listing that names audiences but not this visitor's; a listing that names kinds of
   bullying but none of those chosen; 112 when nobody is in danger.
2. Then by Band (lowest first), so that a crisis answer decides what leads: danger=yes
   puts 112 first, then the crisis lines that fit, open ones before closed ones;
   danger=self-harm puts the line for suicidal thoughts first, then the crisis lines that
   are open (the Kindertelefoon for young people), then 112. Otherwise every other
   listing comes before a last resort, and a last resort before a line that is only for
   a crisis (113, Veilig Thuis), so that neither leads while a first contact fits.
3. Within a band by points (higher first): made for this audience, or also for it (or
   for everyone); specialist for a chosen kind of bullying, or general help with it; a
   first contact a little before a next step.
4. Ties: the staff-set sort weight (higher first), then the name in the active language.
"""

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from operator import itemgetter
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from .channels import listing_state
from .choices import AgeBand, Kind, Route, Status
from .questionnaire import IN_DANGER, NO_DANGER, NOT_SURE, QUESTIONS, SELF_HARM, STEPS

MAX_VALUE_LENGTH = 60


@dataclass(frozen=True)
class Answers:
    """What a visitor told us; anything not understood is listed in `ignored`."""

    danger: str | None = None
    who: str | None = None
    what: tuple[str, ...] = ()
    age: str | None = None
    ignored: tuple[str, ...] = field(default=(), compare=False)

    @property
    def in_danger(self):
        return self.danger == IN_DANGER

    @property
    def self_harm(self):
        return self.danger == SELF_HARM

    @cached_property
    def types(self):
        """The chosen bullying types, without "not sure"."""
        return frozenset(slug for slug in self.what if slug != NOT_SURE)

    def answered(self, step):
        return bool(getattr(self, step))

    def given(self, step):
        """The answers to one question, as a tuple (empty: not answered)."""
        value = getattr(self, step)
        return value if isinstance(value, tuple) else (value,) if value else ()

    def params(self, without=()):
        """The answers as query parameters, in the order of the questions."""
        return [
            (step, value) for step in STEPS if step not in without for value in self.given(step)
        ]

    def query_string(self, without=()):
        return urlencode(self.params(without))


def parse_answers(
    query: Mapping,
    audiences: Iterable[str],
    bullying_types: Iterable[str],
    other_names: Iterable[str] = (),
):
    """Read answers from a QueryDict (or a dict of lists); never raises.

    Unknown parameters, unknown or overlong values and repeats of a single answer are left
    out and named in `ignored`, so that the page can say so. Empty values mean "no answer".
    An answer that follows from "Who are you?" (Question.implied) is given unless the
    query gives another.
    `other_names` are parameters the page itself reads (such as `q` in the directory); they
    are not reported.
    """
    from_database = {"audiences": set(audiences), "bullying_types": set(bullying_types)}
    allowed = {
        question.step: question.fixed_values() | from_database.get(question.answers_from, set())
        for question in QUESTIONS
    }
    several = {question.step for question in QUESTIONS if question.several}
    ignored = []
    given = {step: [] for step in allowed}
    for name in query:
        values = query.getlist(name) if hasattr(query, "getlist") else list(query[name])
        if name in other_names:
            continue
        if name not in allowed:
            ignored.append(name[:MAX_VALUE_LENGTH])
            continue
        for value in values:
            value = value.strip()
            if not value:
                continue  # a form's "everyone" / "all ages" choice: no answer, nothing wrong
            if len(value) > MAX_VALUE_LENGTH or value not in allowed[name]:
                ignored.append(name)
            elif value in given[name]:
                continue
            elif given[name] and name not in several:
                ignored.append(name)
            else:
                given[name].append(value)
    who = given["who"][0] if given["who"] else None
    for question in QUESTIONS:
        if who in question.implied and not given[question.step]:
            given[question.step] = [question.implied[who]]
    return Answers(
        **{
            step: tuple(values) if step in several else (values[0] if values else None)
            for step, values in given.items()
        },
        ignored=tuple(dict.fromkeys(ignored)),
    )


def next_step(answers, after):
    """The first step after `after` that has no answer yet, or None for the results."""
    for step in STEPS[STEPS.index(after) + 1 :]:
        if not answers.answered(step):
            return step
    return None


def shown_steps(answers, step, preset=()):
    """The questions a visitor sees, in order, on the page of `step`: those before it that
    were asked (not `preset`: answered before the questions began, such as "who" from a
    button on the home page), this one, and those after it that are not answered yet."""
    index = STEPS.index(step)
    return (
        [earlier for earlier in STEPS[:index] if earlier not in preset]
        + [step]
        + [later for later in STEPS[index + 1 :] if not answers.answered(later)]
    )


def preset_steps(answers, step, carried=()):
    """The steps that were answered before the questions began, seen from the page of
    `step`: later steps answered already (they will not be asked), and the earlier ones the
    previous page said were (`carried`, the `preset` parameter; unknown names left out)."""
    index = STEPS.index(step)
    return tuple(
        other
        for position, other in enumerate(STEPS)
        if answers.answered(other) and (position > index or other in carried)
    )


def previous_step(step, preset=()):
    """The question asked before `step`, or None on the first one."""
    earlier = [other for other in STEPS[: STEPS.index(step)] if other not in preset]
    return earlier[-1] if earlier else None


# ---------------------------------------------------------------- ranking
# Every rule and weight of the ranking, by name. Change them here and nowhere else;
# `make judge` shows what a change does to the judged situations.


class Band(IntEnum):
    """Decides before any points; the lowest band comes first."""

    SELF_HARM_LINE = 0  # danger=self-harm: the line for suicidal thoughts
    EMERGENCY = 1  # danger=yes: 112
    CRISIS_OPEN = 2  # in danger: a crisis line that fits the answers and is not closed now
    SELF_HARM_EMERGENCY = 3  # danger=self-harm: 112, right after the lines open now
    CRISIS_CLOSED = 4  # in danger: a crisis line that fits but is closed now
    REGULAR = 5  # first contacts and next steps
    LAST_RESORT = 6  # when other help did not work
    CRISIS_ONLY = 7  # lines only for a crisis, and 112, when nobody says they are in danger


MADE_FOR = 4  # points: the visitor's audience is its main users
ALSO_HELPS = 2  # it helps the visitor's audience too, or everyone
SPECIALIST = 4  # it acts on a chosen kind of bullying
GENERAL = 2  # it listens and advises about a chosen kind (or about every kind)
FIRST_CONTACT = 1  # a first contact before a next step, when all else is equal
MIN_AGE_OVERLAP = 2  # years of the chosen age group a listing must serve


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the ranking reads of a listing, and what its card shows, in the active
    language (built from the database once per content version: Resource.objects
    .candidates). On a card it stands in for the Resource."""

    pk: int
    slug: str
    url: str  # its page, in the active language
    name: str
    summary: str
    kind: str
    status: str
    is_crisis: bool
    crisis_only: bool
    for_self_harm: bool
    route: str
    best_at: str
    min_age: int | None
    max_age: int | None
    sort_weight: int
    channels: tuple  # the ways to get in touch (channels.Channel), in order
    audience_names: dict  # slug -> name: made for
    also_names: dict  # also helps
    type_names: dict  # specialist for
    general_names: dict  # general help for

    def open_state(self, now):
        return listing_state(self.channels, now)

    def get_absolute_url(self):
        return self.url


@dataclass(frozen=True)
class Match:
    """One card: the listing, why it fits (for the visitor) and how it was placed (for
    staff: the band, the levels and the points)."""

    resource: object  # a Candidate (a card shows it as it would a Resource)
    reasons: tuple[str, ...]
    band: Band
    audience_level: str  # "made for" | "also helps" | "everyone" | "" (no audience given)
    type_level: str  # "specialist" | "general" | "" (no kind of bullying given)
    points: int


def fits_age(candidate, age):
    """Does the resource serve at least two years of the age group?"""
    if not age:
        return True
    youngest, oldest = AgeBand(age).ages
    low = candidate.min_age if candidate.min_age is not None else 0
    high = candidate.max_age if candidate.max_age is not None else 200
    return min(high, oldest) - max(low, youngest) + 1 >= MIN_AGE_OVERLAP


def audience_level(answers, candidate):
    """How the listing serves the visitor's audience; None: not for them."""
    if not answers.who:
        return ""
    if answers.who in candidate.audience_names:
        return "made for"
    if answers.who in candidate.also_names:
        return "also helps"
    if not candidate.audience_names and not candidate.also_names:
        return "everyone"
    return None


def type_level(answers, candidate):
    """How the listing helps with the chosen kinds of bullying; None: with none of them."""
    if not answers.types:
        return ""
    if not answers.types.isdisjoint(candidate.type_names):
        return "specialist"
    if not answers.types.isdisjoint(candidate.general_names):
        return "general"
    if not candidate.type_names and not candidate.general_names:
        return "general"
    return None


AUDIENCE_POINTS = {"": 0, "made for": MADE_FOR, "also helps": ALSO_HELPS, "everyone": ALSO_HELPS}
TYPE_POINTS = {"": 0, "specialist": SPECIALIST, "general": GENERAL}


def closed_now(candidate, now):
    """Known to be closed at `now` (every channel with hours closed); a listing whose hours
    are not known is not."""
    state = candidate.open_state(now)
    return state.known and not state.is_open


def band(answers, candidate, now):
    emergency = candidate.kind == Kind.EMERGENCY
    if answers.self_harm and candidate.for_self_harm:
        return Band.SELF_HARM_LINE
    if answers.in_danger and emergency:
        return Band.EMERGENCY
    if answers.self_harm and emergency:
        return Band.SELF_HARM_EMERGENCY
    # Thinking of self-harm: besides that line, the crisis lines to talk about anything.
    talk = not candidate.crisis_only and not candidate.type_names
    crisis = answers.in_danger or (answers.self_harm and talk)
    if crisis and candidate.is_crisis:
        return Band.CRISIS_CLOSED if closed_now(candidate, now) else Band.CRISIS_OPEN
    if emergency or candidate.crisis_only:
        return Band.CRISIS_ONLY
    if candidate.route == Route.LAST:
        return Band.LAST_RESORT
    return Band.REGULAR


def reasons(answers, candidate, placed, audience, helps):
    """Why this card, in words a 12-year-old understands, drawn from the listing (placed:
    its Band; audience, helps: audience_level and type_level)."""
    found = []
    if placed == Band.EMERGENCY or placed == Band.SELF_HARM_EMERGENCY:
        found.append(_("Call now if someone is in danger"))
    elif placed in (Band.CRISIS_OPEN, Band.CRISIS_CLOSED) and not candidate.best_at:
        found.append(_("Crisis line"))
    if candidate.best_at and (helps != "general" or not candidate.type_names):
        found.append(candidate.best_at)  # what it does best, when that is what was asked
    elif helps == "specialist":
        names = [name for slug, name in candidate.type_names.items() if slug in answers.types]
        found.append(_("Knows all about: %(types)s") % {"types": ", ".join(names)})
    elif helps == "general" and candidate.general_names:
        names = [name for slug, name in candidate.general_names.items() if slug in answers.types]
        found.append(_("Also helps with: %(types)s") % {"types": ", ".join(names)})
    if audience == "made for":
        found.append(_("For %(audience)s") % {"audience": candidate.audience_names[answers.who]})
    if candidate.min_age is not None and candidate.max_age is not None:
        found.append(
            _("Ages %(low)s to %(high)s") % {"low": candidate.min_age, "high": candidate.max_age}
        )
    if placed == Band.LAST_RESORT:
        found.append(_("If other help did not work"))
    return tuple(found)


def may_see(answers, candidate):
    """Published, for the visitor's age group and audience: what rules a listing out
    before the kind of bullying or the moment are known (results.py keeps these lists)."""
    return (
        candidate.status == Status.PUBLISHED
        and fits_age(candidate, answers.age)
        and audience_level(answers, candidate) is not None
    )


def sort_key(answers, candidate, now):
    """The candidate's place (lowest first), or None when it is not for this visitor."""
    if not may_see(answers, candidate):
        return None
    if answers.danger == NO_DANGER and candidate.kind == Kind.EMERGENCY:
        return None
    audience, helps = audience_level(answers, candidate), type_level(answers, candidate)
    if helps is None:
        return None
    first = FIRST_CONTACT if candidate.route == Route.FIRST else 0
    points = AUDIENCE_POINTS[audience] + TYPE_POINTS[helps] + first
    return (
        band(answers, candidate, now),
        -points,
        -candidate.sort_weight,
        candidate.name.lower(),
        candidate.slug,  # never equal: the order is the same every time
    )


def rank(answers, candidates, now, limit=None):
    """The eligible candidates, best match first (the first `limit` of them), each with
    the reasons it matches, for a visitor asking at `now` (an aware datetime).

    A candidate needs what Candidate has: status, kind, is_crisis, crisis_only,
    for_self_harm, route, best_at, min_age, max_age, sort_weight, name, audience_names /
    also_names / type_names / general_names (slug -> name in the active language), and
    open_state(now) (a resources.hours.OpenState).
    """
    keyed = [(sort_key(answers, candidate, now), candidate) for candidate in candidates]
    keyed = [(key, candidate) for key, candidate in keyed if key is not None]
    first = itemgetter(0)
    keyed = heapq.nsmallest(limit, keyed, key=first) if limit else sorted(keyed, key=first)
    return [match(answers, candidate, key) for key, candidate in keyed]


def match(answers, candidate, key):
    """The card for a candidate placed by sort_key (only for those shown)."""
    audience, helps = audience_level(answers, candidate), type_level(answers, candidate)
    placed, points = key[0], -key[1]
    return Match(
        resource=candidate,
        reasons=reasons(answers, candidate, placed, audience, helps),
        band=placed,
        audience_level=audience,
        type_level=helps,
        points=points,
    )


# ---------------------------------------------------------------- advice


def written_for(step, who):
    """Whether an advice step speaks to this audience: written for it, or for everyone."""
    return not step.audience_slugs or who in step.audience_slugs


def advice_for(answers, steps):
    """The advice steps for this person, in order: written for their audience (or for
    everyone), for one of the chosen kinds of bullying (or for every kind), and for the
    age group (at least two years of it, as for listings). Most steps speak to one kind
    of visitor, so a visitor who did not say who they are gets only the steps written for
    everyone, not those of all five side by side.

    A step needs: audience_slugs, type_slugs (empty: for everyone / every kind), min_age,
    max_age, position, slug."""
    fitting = [
        step
        for step in steps
        if written_for(step, answers.who)
        and (not step.type_slugs or not answers.types.isdisjoint(step.type_slugs))
        and fits_age(step, answers.age)
    ]
    return sorted(fitting, key=lambda step: (step.position, step.slug))
