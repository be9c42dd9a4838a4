from django import template
from django.conf import settings

from resources.models import Feedback, Resource

register = template.Library()


@register.simple_tag
def needs_attention():
    """Counts for the admin index: facts to check again, reports to handle."""
    return {
        "review": Resource.objects.needs_review().count(),
        "feedback": Feedback.objects.filter(state=Feedback.State.OPEN).count(),
        "days": settings.HELPFINDER_REVIEW_AFTER_DAYS,
    }
