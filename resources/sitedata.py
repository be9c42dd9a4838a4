"""Lists every page needs and that change only with the content: in each process,
rebuilt once per content version (see pagecache.py)."""

from .markup import markdown
from .models import Advice, Audience, BullyingType, Page, Resource
from .pagecache import versioned


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
