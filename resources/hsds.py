"""Open data: the published listings as Open Referral HSDS 3.0 objects (plain dicts, ready
for JSON), for the API (resources/api.py) and the download, which share every function here.

The mapping keeps the meaning of our data:
- each published listing is a *service* of its *organisation* (one organisation may run
  several); a draft never appears, nor an organisation with only drafts;
- its ways to get in touch: phones as `phones`; hours (per channel, weekly) as
  `schedules` with RRULE-style fields (freq WEEKLY, byday, opens_at, closes_at), chats and
  WhatsApp as a schedule with its link (`schedule_link`), visits as `service_at_locations`
  with a `location`, e-mail addresses as `contacts`, the first website as `url`; what a
  channel costs as `cost_options`; hours not known give no schedule (we do not guess);
- ages as `minimum_age`/`maximum_age`, who it is for and the kinds of bullying it helps
  with as `attributes` that link it to terms of two taxonomies of this project's own,
  with the link's meaning in `link_type` (made_for, also_for, specialist_for,
  general_help_for);
- every text in one language only: the column of that language, never the other one as a
  fallback (a published listing has its name and summary in both; an empty text is left
  out, or where HSDS requires it, the slug stands in);
- ids: the objects' stored uuids (never reused); the parts of a service (a phone, a
  schedule) get an id derived from the service's id and what they are (uuid5), so the same
  phone keeps its id and a new number gets a new one.
"""

import re
import uuid
from collections import defaultdict
from datetime import UTC, datetime

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from .choices import ChannelKind, Cost, Hours
from .hours import hhmm
from .models import Audience, BullyingType, ContactChannel, Organization, Resource
from .models.listing import language_codes

HSDS_VERSION = "3.0"

# The two taxonomies of this project, with ids that never change.
NAMESPACE = uuid.UUID("6f1d3c52-8a4e-4d1b-9c57-2b8f0f2f6a10")
AUDIENCES = uuid.uuid5(NAMESPACE, "taxonomy:audiences")
BULLYING_TYPES = uuid.uuid5(NAMESPACE, "taxonomy:bullying-types")

# How a listing is linked to a term: the link's name in the open data, the model field.
LINKS = [
    ("made_for", "audiences"),
    ("also_for", "also_for"),
    ("specialist_for", "bullying_types"),
    ("general_help_for", "general_types"),
]

RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]  # Monday is day 0, as in hours.py
RRULE_DAYS_ALL = ",".join(RRULE_DAYS)
ATTENDING = {
    ChannelKind.PHONE: "phone",
    ChannelKind.CHAT: "online",
    ChannelKind.WHATSAPP: "online",
    ChannelKind.VISIT: "in person",
}
POSTCODE = re.compile(r"^(?P<street>.*?),?\s*(?P<postcode>\d{4}\s?[A-Za-z]{2})\s+(?P<city>.+)$")


def part_id(owner, *what):
    """The id of a part of an object (a phone of a service): the same for the same part."""
    return str(uuid.uuid5(owner, ":".join(str(item) for item in what)))


def text(obj, field, language):
    """A translated field in exactly this language: no fallback to the other one."""
    return (getattr(obj, f"{field}_{language}", None) or "").strip()


def without_empty(data):
    """Leaves out what we do not know (None, "") rather than send it empty."""
    return {key: value for key, value in data.items() if value not in (None, "")}


class Links:
    """Absolute addresses of the API's objects, for `uri` and `term_uri`."""

    def __init__(self, api_root):
        self.root = api_root  # ends with /api/hsds/

    def of(self, collection, object_id):
        return f"{self.root}{collection}/{object_id}"


# ----------------------------------------------------------------------------- queries


def published_services():
    """The published listings with everything a full service shows: a fixed number of
    queries (rows, channels, the four lists of terms), however many there are."""
    return (
        Resource.objects.published()
        .select_related("organization")
        .prefetch_related(
            Prefetch("contact_channels", queryset=ContactChannel.objects.order_by("position")),
            *(field for _link, field in LINKS),
        )
    )


def service_summaries():
    """The published listings with what a service's one-to-one fields read (the first
    website and e-mail address, who it is for): fewer queries than full services."""
    return (
        Resource.objects.published()
        .select_related("organization")
        .prefetch_related(
            Prefetch("contact_channels", queryset=ContactChannel.objects.order_by("position")),
            "audiences",
            "also_for",
        )
    )


def published_organizations():
    """Organisations that run at least one published listing."""
    return Organization.objects.filter(
        pk__in=Resource.objects.published().values("organization")
    ).order_by("name", "pk")


def visits():
    """The addresses to visit of published listings: HSDS service_at_locations."""
    return (
        ContactChannel.objects.filter(kind=ChannelKind.VISIT, resource__status="published")
        .select_related("resource__organization")
        .prefetch_related("resource__contact_channels", "resource__audiences", "resource__also_for")
        .order_by("resource__slug", "position", "pk")
    )


def terms():
    """Every audience and kind of bullying, as (taxonomy id, object), in the staff's order."""
    return [(AUDIENCES, obj) for obj in Audience.objects.all()] + [
        (BULLYING_TYPES, obj) for obj in BullyingType.objects.all()
    ]


# ------------------------------------------------------------------ taxonomies and terms


def taxonomies(links):
    return [
        {
            "id": str(AUDIENCES),
            "name": _("Who it is for"),
            "description": _(
                "Who a listing is made for or also helps: young people, parents, school "
                "staff. Terms of helpfinder, Amsterdam."
            ),
            "uri": links.of("taxonomies", AUDIENCES),
            "version": "1",
        },
        {
            "id": str(BULLYING_TYPES),
            "name": _("Kinds of cyberbullying"),
            "description": _(
                "The kinds of online bullying a listing acts on or gives general help with. "
                "Terms of helpfinder, Amsterdam."
            ),
            "uri": links.of("taxonomies", BULLYING_TYPES),
            "version": "1",
        },
    ]


def taxonomy_term(taxonomy_id, obj, language, links):
    """An audience or a kind of bullying as a taxonomy term."""
    taxonomy = next(t for t in taxonomies(links) if t["id"] == str(taxonomy_id))
    if taxonomy_id == AUDIENCES:
        description = text(obj, "answer", language)
    else:
        description = text(obj, "description_other", language)
    return without_empty(
        {
            "id": str(obj.uuid),
            "code": obj.slug,
            "name": text(obj, "name", language) or obj.slug,
            "description": description or text(obj, "name", language) or obj.slug,
            "taxonomy": taxonomy["name"],
            "taxonomy_id": taxonomy["id"],
            "taxonomy_detail": taxonomy,
            "language": language,
            "term_uri": links.of("taxonomy_terms", obj.uuid),
        }
    )


# ------------------------------------------------------------------------- organisations


def organization(obj, language, links):
    """An organisation's one-to-one fields."""
    return {
        "id": str(obj.uuid),
        "name": obj.name,
        "description": text(obj, "description", language),  # required, even when empty
        **without_empty({"website": obj.website}),
        "uri": links.of("organizations", obj.uuid),
    }


# ------------------------------------------------------------------------------ services


def service_summary(resource, language, links):
    """A service's one-to-one fields (the list of services)."""
    channels = list(resource.contact_channels.all())
    first = {
        kind: next((c.address for c in channels if c.kind == kind), "") for kind in ChannelKind
    }
    summary = text(resource, "summary", language)
    description = text(resource, "description", language)
    data = {
        "id": str(resource.uuid),
        "organization_id": str(resource.organization.uuid) if resource.organization else None,
        "name": text(resource, "name", language) or resource.slug,
        "description": "\n\n".join(part for part in (summary, description) if part),
        "url": first.get(ChannelKind.WEBSITE),
        "email": first.get(ChannelKind.EMAIL),
        "status": "active",
        "application_process": "\n\n".join(
            part
            for part in (
                text(resource, "how_it_works", language),
                text(resource, "contact_note", language),
            )
            if part
        ),
        "fees_description": {True: _("Free"), False: _("Not free")}.get(resource.is_free, ""),
        "eligibility_description": eligibility(resource, language),
        "minimum_age": resource.min_age,
        "maximum_age": resource.max_age,
        "assured_date": resource.last_verified.isoformat() if resource.last_verified else "",
        "last_modified": resource.updated_at.astimezone(UTC).isoformat(),
    }
    if resource.organization:
        data["organization"] = organization(resource.organization, language, links)
    return without_empty(data)


def eligibility(resource, language):
    names = [
        text(audience, "name", language)
        for audience in [*resource.audiences.all(), *resource.also_for.all()]
    ]
    names = [name for name in names if name]
    if not names:
        return _("Everyone")
    return _("For: %(audiences)s") % {"audiences": ", ".join(dict.fromkeys(names))}


def service(resource, language, links):
    """A fully nested service."""
    own = resource.uuid
    service_id = str(own)
    channels = list(resource.contact_channels.all())
    data = service_summary(resource, language, links)
    data["phones"] = [
        without_empty(
            {
                "id": part_id(own, "phone", channel.address),
                "service_id": service_id,
                "number": channel.address,
                "type": "voice",
                "description": text(channel, "note", language),
            }
        )
        for channel in channels
        if channel.kind == ChannelKind.PHONE
    ]
    data["schedules"] = [
        schedule
        for channel in channels
        if channel.kind in (ChannelKind.PHONE, ChannelKind.CHAT, ChannelKind.WHATSAPP)
        for schedule in schedules(own, channel, language, {"service_id": service_id})
    ]
    data["service_at_locations"] = [
        service_at_location(channel, language, links, nested=False)
        for channel in channels
        if channel.kind == ChannelKind.VISIT
    ]
    data["contacts"] = [
        without_empty(
            {
                "id": part_id(own, "email", channel.address),
                "service_id": service_id,
                "name": data["name"],
                "email": channel.address,
                "title": text(channel, "note", language),
            }
        )
        for channel in channels
        if channel.kind == ChannelKind.EMAIL
    ]
    data["cost_options"] = [cost_option(own, channel) for channel in channels if channel.cost]
    data["languages"] = [
        without_empty(
            {
                "id": part_id(own, "language", code),
                "service_id": service_id,
                "code": code,
                "name": language_name(code),
            }
        )
        for code in language_codes(resource.languages)
    ]
    data["service_areas"] = []
    if resource.district:
        data["service_areas"].append(
            {
                "id": part_id(own, "district", resource.district),
                "service_id": service_id,
                "name": f"Amsterdam {resource.get_district_display()}",
                "extent_type": "other",
            }
        )
    data["attributes"] = [
        {
            "id": part_id(own, link_type, term.uuid),
            "link_id": service_id,
            "link_type": link_type,
            "link_entity": "service",
            "taxonomy_term_id": str(term.uuid),
            "taxonomy_term": taxonomy_term(taxonomy, term, language, links),
        }
        for link_type, field in LINKS
        for term in getattr(resource, field).all()
        for taxonomy in [AUDIENCES if field in ("audiences", "also_for") else BULLYING_TYPES]
    ]
    return data


def language_name(code):
    """A language's name in the active language ("Engels"); empty when Django does not
    know the code."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return ""


def cost_option(owner, channel):
    """What a channel costs, in the words the cards use (channels.Channel.cost_text)."""
    option = {
        "id": part_id(owner, "cost", channel.kind, channel.address),
        "service_id": str(owner),
        "option": f"{ChannelKind(channel.kind).label}: {channel.address}",
        "amount_description": channel.as_channel().cost_text,
    }
    if channel.cost == Cost.FREE:
        option |= {"amount": 0, "currency": "EUR"}
    return option


def schedules(owner, channel, language, belongs_to):
    """A channel's weekly hours: one schedule per run of opening times (RRULE style:
    WEEKLY on these days, from opens_at to closes_at, Amsterdam time); a chat's link in
    schedule_link. Hours not known: no times, only the link (a chat) or nothing."""
    attending = ATTENDING[channel.kind]
    link = channel.address if channel.kind in (ChannelKind.CHAT, ChannelKind.WHATSAPP) else ""
    shown = channel.as_channel()
    common = {
        **belongs_to,
        "attending_type": attending,
        "schedule_link": link,
        "notes": text(channel, "note", language),
        "description": f"{shown.label} {channel.address}: {shown.week_text}"
        if channel.kind == ChannelKind.PHONE
        else f"{shown.label}: {shown.week_text}",
    }
    if channel.hours == Hours.ALWAYS:
        spans = {(RRULE_DAYS_ALL, "00:00", "24:00")}
    elif channel.hours == Hours.WEEK:
        by_time = {}
        for day, opens, closes in shown.periods:
            by_time.setdefault((hhmm(opens), hhmm(closes, end=True)), []).append(day)
        spans = {
            (",".join(RRULE_DAYS[day] for day in days), opens, closes)
            for (opens, closes), days in by_time.items()
        }
    else:
        if not link:
            return []
        return [without_empty({"id": part_id(owner, "schedule", channel.address), **common})]
    return [
        without_empty(
            {
                "id": part_id(owner, "schedule", channel.address, byday, opens, closes),
                **common,
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": byday,
                "opens_at": opens,
                "closes_at": closes,
            }
        )
        for byday, opens, closes in sorted(spans, key=lambda span: (span[1], span[0]))
    ]


def address(text_of_address):
    """A Dutch address "Street 1, 1011 AB Amsterdam" (or "Street 1, Amsterdam") in HSDS's
    parts; what does not parse stays whole in address_1."""
    found = POSTCODE.match(text_of_address.strip())
    if not found:
        street, _comma, city = text_of_address.rpartition(",")
        if not street:
            return {"address_1": text_of_address, "city": "", "postal_code": ""}
        return {"address_1": street.strip(), "city": city.strip(), "postal_code": ""}
    return {
        "address_1": found["street"].strip(" ,"),
        "postal_code": found["postcode"].upper(),
        "city": found["city"].strip(),
    }


def service_at_location(channel, language, links, nested=True):
    """An address to visit of a listing: a service at a location, with its hours."""
    resource = channel.resource
    own = resource.uuid
    sal_id = part_id(own, "visit", channel.address)
    location_id = part_id(own, "location", channel.address)
    data = without_empty(
        {
            "id": sal_id,
            "service_id": str(own),
            "location_id": location_id,
            "description": text(channel, "note", language),
        }
    )
    data["location"] = without_empty(
        {
            "id": location_id,
            "location_type": "physical",
            "name": text(resource, "name", language) or resource.slug,
            "organization_id": str(resource.organization.uuid) if resource.organization else "",
            "addresses": [
                {
                    "id": part_id(own, "address", channel.address),
                    "location_id": location_id,
                    **address(channel.address),
                    "state_province": "Noord-Holland",
                    "country": "NL",
                    "address_type": "physical",
                }
            ],
        }
    )
    data["schedules"] = schedules(own, channel, language, {"service_at_location_id": sal_id})
    if nested:
        data["service"] = service_summary(resource, language, links)
    return data


# ------------------------------------------------------------------------------ data set


def licence():
    """The licence the open data is published under (settings), for the API and the page."""
    return {
        "name": settings.HELPFINDER_OPEN_DATA_LICENCE,
        "url": settings.HELPFINDER_OPEN_DATA_LICENCE_URL,
    }


def dataset(language, links, generated=None):
    """The whole published data set in one object: what the API gives, page by page."""
    services = [service(resource, language, links) for resource in published_services()]
    return {
        "version": HSDS_VERSION,
        "language": language,
        "generated": (generated or datetime.now(UTC)).isoformat(),
        "services": services,
        "organizations": with_services(published_organizations(), language, links, services),
        "service_at_locations": [
            service_at_location(channel, language, links) for channel in visits()
        ],
        "taxonomies": taxonomies(links),
        "taxonomy_terms": [
            taxonomy_term(taxonomy, obj, language, links) for taxonomy, obj in terms()
        ],
    }


def with_services(organizations, language, links, services=None):
    """Organisations, each with its published services (one-to-one fields): from the
    services given (already built), or read in a fixed number of queries."""
    if services is None:
        services = [
            service(resource, language, links)
            for resource in published_services().filter(organization__in=organizations)
        ]
    keys = set(service_summary_keys())
    services_of = defaultdict(list)
    for found in services:
        summary = {key: value for key, value in found.items() if key in keys}
        services_of[found.get("organization_id")].append(summary)
    return [
        organization(obj, language, links) | {"services": services_of[str(obj.uuid)]}
        for obj in organizations
    ]


def service_summary_keys():
    """The keys of a service's one-to-one fields."""
    return [
        "id",
        "organization_id",
        "name",
        "description",
        "url",
        "email",
        "status",
        "application_process",
        "fees_description",
        "eligibility_description",
        "minimum_age",
        "maximum_age",
        "assured_date",
        "last_modified",
        "organization",
    ]
