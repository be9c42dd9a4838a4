"""The posters for schools, youth centres and GP waiting rooms: one A4 page per audience
that staff gave a poster (Audience.has_poster), at /<lang>/poster/<audience slug>/.

A poster hangs on a wall for months, so nothing on it depends on the moment it was
printed: the emergency numbers with their usual hours (not "open now"), and the first
three contacts a visitor of this audience gets from the triage (ranked by the same rules,
results.matches_for, with only "Who are you?" answered, where the moment plays no part).
Its QR code leads to the questions with that answer given, as the home page's buttons do.
"""

from dataclasses import dataclass

import segno
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from . import triage
from .channels import first_phone, name_after_number, with_ages
from .choices import ChannelKind
from .results import BEST_SHOWN, matches_for
from .sitedata import emergency_lines, taxonomy

# The big title, per audience slug; an audience that staff add later gets the general one.
TITLES = {
    "young-person": gettext_lazy("Being bullied online? You do not have to face it alone."),
    "parent": gettext_lazy("Is your child being bullied online? This is where to find help."),
    "school-staff": gettext_lazy("Is a pupil being bullied online? This is where to find help."),
    "worried": gettext_lazy("Worried about someone who is bullied online? Help is there."),
    "adult": gettext_lazy("Being bullied online as an adult? Help is there."),
}
GENERAL_TITLE = gettext_lazy("Bullied online? This is where to find help.")


def with_poster():
    """The audiences staff gave a poster, in their order."""
    return [audience for audience in taxonomy()["audiences"] if audience.has_poster]


def audience_with_poster(slug):
    """The audience with this slug if it has a poster, else None."""
    return next((audience for audience in with_poster() if audience.slug == slug), None)


def title_for(audience):
    return TITLES.get(audience.slug, GENERAL_TITLE)


def answers_for(audience):
    """The answers of someone who says who they are and nothing else, as the triage reads
    them (with what follows from it: an adult is 18 or older)."""
    return triage.parse_answers({"who": [audience.slug]}, [audience.slug], [])


def first_contacts(audience):
    """The three listings the triage puts first for this audience, each as a Contact."""
    matches, _fallback = matches_for(answers_for(audience), timezone.now(), limit=BEST_SHOWN)
    return [contact(match.resource) for match in matches]


@dataclass(frozen=True)
class Contact:
    """A listing as a poster prints it: its name, what it does best, and one way to reach
    it written out (a number to call; without one, its website or e-mail address)."""

    name: str
    best_at: str
    way: str  # "0800-0432", "www.helpwanted.nl", "" (none)
    href: str  # the link behind it on screen
    kind: str  # ChannelKind of the way


def contact(listing):
    channels = listing.channels
    for kind in (ChannelKind.PHONE, ChannelKind.WEBSITE, ChannelKind.EMAIL):
        channel = next((c for c in channels if c.kind == kind), None)
        if channel is not None:
            return Contact(listing.name, listing.best_at, written(channel), channel.href, kind)
    return Contact(listing.name, listing.best_at, "", "", "")


def written(channel):
    """An address as it is read aloud and typed: a website without https:// and the last /."""
    if channel.kind == ChannelKind.WEBSITE:
        return short_url(channel.address).removesuffix("/")
    return channel.address


@dataclass(frozen=True)
class EmergencyLine:
    number: str
    href: str
    name: str
    hours: str  # its usual hours: "Every day 11:00–21:00"
    cost: str  # "Free", or ""


def emergency_numbers():
    """The lines of the emergency strip after 112 (settings.HELPFINDER_EMERGENCY_LINES),
    each with its first phone number and usual hours: a poster cannot say "open now"."""
    lines = []
    for listing in emergency_lines():
        phone = first_phone(listing.channels)
        if phone is None:
            continue
        name = with_ages(name_after_number(listing, phone), listing)
        lines.append(
            EmergencyLine(phone.address, phone.href, name, phone.week_text, phone.cost_text)
        )
    return lines


def qr_svg(url, title):
    """A QR code for `url` as inline SVG (no style attribute, no XML declaration), black on
    white, sized by the style sheet; `title` names it for screen readers."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(omitsize=True, svgclass="qr", lineclass=None, title=title, light="#fff")
    return mark_safe(svg)  # segno escapes the title; the rest is its own markup


def short_url(url):
    """The address as printed under the QR code: without https://."""
    return url.split("://", 1)[-1]
