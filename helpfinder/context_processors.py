from django.conf import settings


def site(request):
    """Values every public page needs."""
    return {"exit_url": settings.HELPFINDER_EXIT_URL}
