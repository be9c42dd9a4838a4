from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from resources.choices import Weekday
from resources.markup import markdown
from resources.sitedata import published_pages

register = template.Library()

register.filter("markdown", markdown)


@register.simple_tag(takes_context=True)
def language_links(context):
    """This page in every language, with its query string kept."""
    path = context["request"].get_full_path()
    current = get_language()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag
def opening(resource, now):
    """Open now, or when it opens next, as a short sentence; empty when not known."""
    state = resource.open_state(now)
    if state.always:
        return {"is_open": True, "text": _("Open day and night")}
    if state.is_open:
        return {
            "is_open": True,
            "text": _("Open now, until %(time)s") % {"time": hhmm(state.closes)},
        }
    if not state.known:
        return {"is_open": False, "text": ""}
    opens = state.next_opening
    days = (opens.date() - timezone.localdate(now)).days
    time = hhmm(opens.time())
    if days == 0:
        text = _("Closed now, opens today at %(time)s") % {"time": time}
    elif days == 1:
        text = _("Closed now, opens tomorrow at %(time)s") % {"time": time}
    else:
        day = Weekday(opens.weekday()).label
        text = _("Closed now, opens %(day)s at %(time)s") % {"day": day, "time": time}
    return {"is_open": False, "text": text}


def hhmm(value):
    return f"{value:%H:%M}"


@register.simple_tag
def hours_table(resource):
    """Each day of the week with its opening periods (empty: closed), from Monday."""
    periods = list(resource.opening_hours.all())
    return [(day.label, [p for p in periods if p.weekday == day.value]) for day in Weekday]


@register.filter
def osm_search_url(resource):
    address = ", ".join(
        part for part in [resource.street_address, resource.postcode, resource.city] if part
    )
    return "https://www.openstreetmap.org/search?" + urlencode({"query": address})


@register.simple_tag
def footer_pages():
    return published_pages()
