"""Lists every page needs and that change only with the content: in each process,
rebuilt once per content version (see pagecache.py)."""

from .markup import markdown
from .models import Advice, Audience, BullyingType, Page, Resource
from .pagecache import versioned
from .triage import Answers, may_see


def taxonomy(request):
    """Audiences and bullying types, in their staff-set order."""
    return versioned(
        request,
        "taxonomy",
        lambda: {
            "audiences": list(Audience.objects.all()),
            "types": list(BullyingType.objects.all()),
        },
    )


def published_pages(request):
    return versioned(request, "pages", lambda: list(Page.objects.published()))


def candidates(request):
    """Every published listing as the ranking reads it (triage.Candidate)."""
    return versioned(request, "candidates", lambda: Resource.objects.published().candidates())


def candidates_for(request, answers):
    """The candidates this visitor's audience and age group may see (triage.may_see): the
    ranking goes through those alone. One list for each of the few such pairs."""
    who_and_age = Answers(who=answers.who, age=answers.age)
    return versioned(
        request,
        f"candidates:{answers.who}:{answers.age}",
        lambda: [c for c in candidates(request) if may_see(who_and_age, c)],
    )


def advice_steps(request):
    """Every advice step, each with the slugs of its audiences and bullying types (for
    triage.advice_for)."""

    def build():
        steps = list(Advice.objects.prefetch_related("audiences", "bullying_types"))
        for step in steps:
            step.body_html = markdown(step.body)  # in the active language, once
            step.audience_slugs = frozenset(a.slug for a in step.audiences.all())
            step.type_slugs = frozenset(t.slug for t in step.bullying_types.all())
        return steps

    return versioned(request, "advice", build)
