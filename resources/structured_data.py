"""schema.org structured data (JSON-LD) for a listing's page: who they are and how to reach
them, for search engines. Plain Python on a listing's name, summary, kind and contact
channels (channels.Channel), in the active language; no database access.

A municipal service is a GovernmentService provided by an Organization; every other kind
of listing is that Organization itself. The Organization carries the ways to get in
touch: a ContactPoint per phone number, chat, WhatsApp and e-mail address, each with its
hours as OpeningHoursSpecification; an address to visit as PostalAddress.
"""

import json
import re

from .channels import website
from .choices import ChannelKind, Hours, Kind
from .hours import MIDNIGHT, hhmm
from .phone import tel_href

SCHEMA = "https://schema.org"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
AREA_SERVED = {"@type": "City", "name": "Amsterdam"}
COUNTRY = "NL"
# The end of a day in schema.org's times (xsd:time has no 24:00).
END_OF_DAY = "23:59"
# "Street 1, 1011 AB Amsterdam", "Hobbemakade 29-H, Amsterdam": street, then postcode and
# city after the last comma (ContactChannel.address of a visit).
POSTCODE_AND_CITY = re.compile(r"^(?:(?P<postcode>\d{4}\s?[A-Za-z]{2})\s+)?(?P<city>\S.*)$")
# Characters that could end the <script> element or start a comment in it, as Django's
# json_script escapes them; JSON reads them back unchanged.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def listing(resource, page_url):
    """The JSON-LD of a listing (a Resource, or anything with name, summary, kind and
    channels) whose page is at `page_url` (absolute)."""
    channels = resource.channels
    organization = {
        "@type": "Organization",
        "name": resource.name,
        "url": website(channels) or page_url,
        **contacts(channels),
    }
    if resource.kind == Kind.MUNICIPAL:
        data = {
            "@type": "GovernmentService",
            "name": resource.name,
            "description": resource.summary,
            "url": page_url,
            "serviceType": str(Kind(resource.kind).label),
            "provider": organization,
            "areaServed": AREA_SERVED,
        }
    else:
        data = {**organization, "description": resource.summary, "areaServed": AREA_SERVED}
    return {"@context": SCHEMA, "@id": page_url, **without_empty(data)}


def contacts(channels):
    """An Organization's telephone, email, contactPoint and address, from its channels."""
    phones = [c for c in channels if c.kind == ChannelKind.PHONE]
    emails = [c for c in channels if c.kind == ChannelKind.EMAIL]
    visits = [c for c in channels if c.kind == ChannelKind.VISIT]
    points = [contact_point(c) for c in channels if c.kind in CONTACT_POINT_KINDS]
    return without_empty(
        {
            "telephone": telephone(phones[0]) if phones else "",
            "email": emails[0].address if emails else "",
            "contactPoint": points,
            "address": postal_address(visits[0].address) if visits else None,
        }
    )


CONTACT_POINT_KINDS = (ChannelKind.PHONE, ChannelKind.CHAT, ChannelKind.WHATSAPP, ChannelKind.EMAIL)


def contact_point(channel):
    """One way to get in touch: its number, address or link, and its hours."""
    point = {"@type": "ContactPoint", "contactType": str(channel.label)}
    if channel.kind == ChannelKind.PHONE:
        point["telephone"] = telephone(channel)
    elif channel.kind == ChannelKind.EMAIL:
        point["email"] = channel.address
    else:
        point["url"] = channel.address
    point["hoursAvailable"] = opening_hours(channel)
    return without_empty(point)


def telephone(channel):
    """+318000432; a short number (112, 14 020) as it is dialled."""
    return tel_href(channel.address).removeprefix("tel:")


def opening_hours(channel):
    """OpeningHoursSpecification, one per opening and closing time with its days; day and
    night as every day 00:00-23:59; none when the hours are not known."""
    if channel.hours == Hours.ALWAYS:
        return [hours_spec(range(7), "00:00", END_OF_DAY)]
    if channel.hours != Hours.WEEK:
        return []
    days_by_times = {}
    for day, opens, closes in channel.periods:
        ends = END_OF_DAY if closes == MIDNIGHT else hhmm(closes)
        days_by_times.setdefault((hhmm(opens), ends), []).append(day)
    return [hours_spec(days, opens, closes) for (opens, closes), days in days_by_times.items()]


def hours_spec(days, opens, closes):
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [f"{SCHEMA}/{DAYS[day]}" for day in days],
        "opens": opens,
        "closes": closes,
    }


def postal_address(text):
    """A visiting address as staff type it: "street, [postcode] city"."""
    street, comma, rest = text.rpartition(",")
    found = POSTCODE_AND_CITY.match(rest.strip()) if comma else None
    if not found or not street.strip():
        return {"@type": "PostalAddress", "streetAddress": text.strip(), "addressCountry": COUNTRY}
    return without_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": street.strip(),
            "postalCode": (found["postcode"] or "").upper(),
            "addressLocality": found["city"].strip(),
            "addressCountry": COUNTRY,
        }
    )


def without_empty(data):
    """Properties without a value are left out, not sent empty."""
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def script_text(data):
    """The JSON for inside <script type="application/ld+json">: nothing in the content
    (a "</script>" in a summary) can end the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_ESCAPES)
