"""Lists every page needs and that change only with the content: from the cache,
rebuilt once per content version (see pagecache.py)."""

from .models import Audience, BullyingType, Page
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
