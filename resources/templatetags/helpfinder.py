from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from resources import channels as channels_module
from resources import findable, markup, sitedata, structured_data
from resources.models import Resource
from resources.sharing import share_links as links_to_share

register = template.Library()


@register.filter
def markdown(text):
    """Staff-written Markdown as safe HTML, with the listings its references name (one
    query for all of them; none for a text without references)."""
    return markup.markdown(text, Resource.objects.referenced)


@register.simple_tag(takes_context=True)
def language_links(context):
    """This page in every language, with its query string kept. A view whose addresses
    have words translate_url cannot translate (an information page's slug) gives them as
    `language_urls`: {language code: path with the query string}."""
    path = context["request"].get_full_path()
    given = context.get("language_urls") or {}
    current = get_language()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": given[code] if code in given else translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def share_links(context):
    """The address of this page, absolute, and links to send it on (resources/sharing.py)."""
    return links_to_share(context["request"].build_absolute_uri())


@register.simple_tag(takes_context=True)
def head_links(context, languages):
    """The canonical address and the hreflang alternates of this page (languages: what
    language_links gives), absolute; see resources/findable.py."""
    paths = {language["code"]: language["url"] for language in languages}
    return findable.head_links(context["request"], paths, get_language())


@register.simple_tag(takes_context=True)
def listing_json_ld(context, resource):
    """A listing's schema.org JSON-LD, safe inside <script type="application/ld+json">
    (resources/structured_data.py escapes what could end the element)."""
    page_url = context["request"].build_absolute_uri(resource.get_absolute_url())
    return mark_safe(structured_data.script_text(structured_data.listing(resource, page_url)))


@register.simple_tag
def contact(resource, now):
    """A card's or page's buttons, and for each channel with hours whether it is open now
    (resources/channels.py), for a Resource or a triage.Candidate."""
    channels = resource.channels
    return {
        "buttons": channels_module.buttons(channels),
        "lines": channels_module.hours_lines(channels, now),
        "chat_on_website": channels_module.chat_on_website(channels),
    }


@register.simple_tag
def emergency_lines():
    """The emergency strip's lines after 112, right for this minute (a cached page is
    rendered again every minute)."""
    return channels_module.strip_lines(sitedata.emergency_lines(), timezone.now())


@register.simple_tag
def footer_pages():
    return sitedata.published_pages()
