"""The triage: a visitor's answers in, the right contacts out, best first, with reasons.

Everything here is plain Python without database access, so the rules can be read and
tested on their own. The answers travel in the query string (URL contract in DESIGN.md):

    danger=yes|no   who=<audience slug>   what=<bullying type slug> (repeatable)
    age=under-12|12-17|18-plus

Ranking rules, in order:

1. Drafts never appear. A resource that serves at most one year of the chosen age group is
   left out (Kindertelefoon, 8 to 18, is not offered to "18 or older").
2. danger=yes puts the emergency number (112) first, then the crisis lines that fit the
   answers (their audiences include the visitor, or they are for everyone, and they help
   with the chosen kind of bullying or with every kind): first those open now, then those
   closed now (at night a child in danger sees the lines that answer before the one that
   opens in the morning). danger=no leaves 112 out of the list; it stays in the emergency
   strip on every page.
3. Then by how well a resource fits: for the visitor's audience (2 points) or for everyone
   (1 point); for one of the chosen bullying types (2 points) or for every type (1 point).
   A resource meant for other audiences or other types gets no points for that answer.
4. Ties: the staff-set sort weight (higher first), then the name in the active language.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from .models import Kind, Status

DANGER_VALUES = ("yes", "no")
NOT_SURE = "not-sure"
# Ages covered by each answer to "How old is the person being bullied?"
AGE_BANDS = {"under-12": (0, 11), "12-17": (12, 17), "18-plus": (18, 120)}
MIN_AGE_OVERLAP = 2
MAX_VALUE_LENGTH = 60
STEPS = ("danger", "who", "what", "age")


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
        return self.danger == "yes"

    @property
    def types(self):
        """The chosen bullying types, without "not sure"."""
        return tuple(slug for slug in self.what if slug != NOT_SURE)

    def answered(self, step):
        return bool(getattr(self, step))

    def params(self, without=()):
        """The answers as query parameters, in the contract's order."""
        pairs = []
        if self.danger and "danger" not in without:
            pairs.append(("danger", self.danger))
        if self.who and "who" not in without:
            pairs.append(("who", self.who))
        if "what" not in without:
            pairs.extend(("what", slug) for slug in self.what)
        if self.age and "age" not in without:
            pairs.append(("age", self.age))
        return pairs

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
    `other_names` are parameters the page itself reads (such as `q` in the directory); they
    are not reported.
    """
    audiences, bullying_types = set(audiences), set(bullying_types) | {NOT_SURE}
    allowed = {
        "danger": set(DANGER_VALUES),
        "who": audiences,
        "what": bullying_types,
        "age": set(AGE_BANDS),
    }
    ignored = []
    single = {}
    what = []
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
            elif name == "what":
                if value not in what:
                    what.append(value)
            elif name in single and single[name] != value:
                ignored.append(name)
            else:
                single[name] = value
    return Answers(
        danger=single.get("danger"),
        who=single.get("who"),
        what=tuple(what),
        age=single.get("age"),
        ignored=tuple(dict.fromkeys(ignored)),
    )


def next_step(answers, after):
    """The first step after `after` that has no answer yet, or None for the results."""
    for step in STEPS[STEPS.index(after) + 1 :]:
        if not answers.answered(step):
            return step
    return None


def previous_step(step):
    index = STEPS.index(step)
    return STEPS[index - 1] if index else None


# ---------------------------------------------------------------- ranking


@dataclass(frozen=True)
class Match:
    resource: object
    reasons: tuple[str, ...]
    tier: int
    points: int


def fits_age(candidate, age):
    """Does the resource serve at least two years of the age group?"""
    if not age:
        return True
    youngest, oldest = AGE_BANDS[age]
    low = candidate.min_age if candidate.min_age is not None else 0
    high = candidate.max_age if candidate.max_age is not None else 200
    return min(high, oldest) - max(low, youngest) + 1 >= MIN_AGE_OVERLAP


def audience_points(answers, candidate):
    audiences = candidate.audience_names
    if not answers.who:
        return 0
    if not audiences:
        return 1
    return 2 if answers.who in audiences else 0


def type_points(answers, candidate):
    types = candidate.type_names
    if not answers.types:
        return 0
    if not types:
        return 1
    return 2 if set(answers.types) & set(types) else 0


def fits_answers(answers, candidate):
    """Not meant for another audience, nor only for other kinds of bullying."""
    audience_ok = not answers.who or audience_points(answers, candidate) > 0
    types_ok = not answers.types or type_points(answers, candidate) > 0
    return audience_ok and types_ok


def closed_now(candidate, now):
    """Known to be closed at `now`; a resource without opening hours is not."""
    state = candidate.open_state(now)
    return state.known and not state.is_open


def tier(answers, candidate, now):
    """0: the emergency number, 1: crisis lines that fit and are not closed now,
    2: crisis lines that fit but are closed now, 3: everything else."""
    if answers.in_danger and candidate.kind == Kind.EMERGENCY:
        return 0
    if answers.in_danger and candidate.is_crisis and fits_answers(answers, candidate):
        return 2 if closed_now(candidate, now) else 1
    return 3


def is_eligible(answers, candidate):
    if candidate.status != Status.PUBLISHED or not fits_age(candidate, answers.age):
        return False
    return not (answers.danger == "no" and candidate.kind == Kind.EMERGENCY)


def reasons(answers, candidate, candidate_tier):
    found = []
    if candidate_tier == 0:
        found.append(_("call now if someone is in danger"))
    elif candidate_tier in (1, 2):
        found.append(_("crisis line"))
    if audience_points(answers, candidate) == 2:
        found.append(_("for %(audience)s") % {"audience": candidate.audience_names[answers.who]})
    if type_points(answers, candidate) == 2:
        names = [name for slug, name in candidate.type_names.items() if slug in answers.types]
        found.append(_("fits %(types)s") % {"types": ", ".join(names)})
    return tuple(found)


def points(answers, candidate):
    return audience_points(answers, candidate) + type_points(answers, candidate)


def sort_key(answers, candidate, now):
    return (
        tier(answers, candidate, now),
        -points(answers, candidate),
        -candidate.sort_weight,
        candidate.name.lower(),  # as Lower() in ResourceQuerySet.ranked_for
    )


def rank(answers, candidates, now):
    """The eligible candidates, best match first, each with the reasons it matches, for
    a visitor asking at `now` (an aware datetime).

    A candidate needs: status, kind, is_crisis, min_age, max_age, sort_weight, name,
    audience_names / type_names (slug -> name in the active language), and
    open_state(now) (a resources.hours.OpenState).
    """
    eligible = [c for c in candidates if is_eligible(answers, c)]
    eligible.sort(key=lambda c: sort_key(answers, c, now))
    matches = []
    for candidate in eligible:
        candidate_tier = tier(answers, candidate, now)
        matches.append(
            Match(
                resource=candidate,
                reasons=reasons(answers, candidate, candidate_tier),
                tier=candidate_tier,
                points=points(answers, candidate),
            )
        )
    return matches
