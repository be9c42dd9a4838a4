"""Lists every page needs and that change only with the content: in each process,
rebuilt once per content version (contentcache.per_version)."""

from django.conf import settings

from .contentcache import per_version
from .markup import markdown, references_in
from .models import Advice, Audience, BullyingType, Page, Resource
from .triage import Answers, may_see


def taxonomy():
    """Audiences and bullying types, in their staff-set order."""
    return per_version(
        "taxonomy",
        lambda: {
            "audiences": list(Audience.objects.all()),
            "types": list(BullyingType.objects.all()),
        },
    )


def published_pages():
    return per_version("pages", lambda: list(Page.objects.published()))


def candidates():
    """Every published listing as the ranking reads it (triage.Candidate)."""
    return per_version("candidates", lambda: Resource.objects.published().candidates())


def emergency_lines():
    """The listings of the emergency strip (settings.HELPFINDER_EMERGENCY_LINES) that are
    published, in that order."""

    def build():
        slugs = settings.HELPFINDER_EMERGENCY_LINES
        found = {
            c.slug: c for c in Resource.objects.published().filter(slug__in=slugs).candidates()
        }
        return [found[slug] for slug in slugs if slug in found]

    return per_version("emergency", build)


def open_at(moment):
    """The ids of the published listings with a channel open at this moment."""
    return [c.pk for c in candidates() if c.open_state(moment).is_open]


def candidates_for(answers):
    """The candidates this visitor's audience and age group may see (triage.may_see): the
    ranking goes through those alone. One list for each of the few such pairs."""
    who_and_age = Answers(who=answers.who, age=answers.age)
    return per_version(
        f"candidates:{answers.who}:{answers.age}",
        lambda: [c for c in candidates() if may_see(who_and_age, c)],
    )


def advice_steps():
    """Every advice step, each with the slugs of its audiences and bullying types (for
    triage.advice_for)."""

    def build():
        steps = list(Advice.objects.prefetch_related("audiences", "bullying_types"))
        # The listings that all steps name, in one query.
        listings = Resource.objects.referenced(
            {s for step in steps for s in references_in(step.body)}
        )
        for step in steps:
            step.body_html = markdown(step.body, lambda slugs: listings)  # in this language, once
            step.audience_slugs = frozenset(a.slug for a in step.audiences.all())
            step.type_slugs = frozenset(t.slug for t in step.bullying_types.all())
        return steps

    return per_version("advice", build)
