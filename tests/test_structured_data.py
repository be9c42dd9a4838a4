"""A listing's page tells search engines who they are and how to reach them, in schema.org
JSON-LD: every property is one schema.org defines for its type (tests/data/
schemaorg-fields.yaml), every value has the shape schema.org expects, and nothing in the
content can break out of the <script> element."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from django.urls import reverse
from django.utils import translation

from resources.channels import Channel
from resources.choices import ChannelKind, Hours, Kind, Status
from resources.hours import parse_week
from resources.models import Resource
from resources.structured_data import listing, postal_address, script_text

from .conftest import LANGUAGES, soup

SCHEMA = yaml.safe_load((Path(__file__).parent / "data" / "schemaorg-fields.yaml").read_text())
TYPES = SCHEMA["types"]
DAYS = {f"https://schema.org/{day}" for day in (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
)}  # fmt: skip
TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
URL = re.compile(r"^https?://[^\s/]+\.?[^\s]*$")
PAGE = "https://hulp.example/nl/alle-hulp/voorbeeld/"


def properties(type_name):
    """{property: expected types} of a schema.org type, its parents' included."""
    found = {}
    while type_name:
        entry = TYPES[type_name]
        found = {**entry["properties"], **found}
        type_name = entry["parent"]
    return found


def is_a(type_name, expected):
    """The type is the expected one or one of its subtypes."""
    while type_name:
        if type_name == expected:
            return True
        type_name = TYPES.get(type_name, {}).get("parent")
    return False


def value_fits(value, expected):
    """One value fits one of the property's expected types."""
    if isinstance(value, dict):
        return any(is_a(value.get("@type"), kind) for kind in expected)
    if not isinstance(value, str) or not value.strip():
        return False
    if "DayOfWeek" in expected:
        return value in DAYS
    if "Time" in expected:
        return bool(TIME.match(value))
    if expected == ["URL"]:
        return bool(URL.match(value))
    return "Text" in expected or ("URL" in expected and bool(URL.match(value)))


def problems(node, where="$"):
    """Everything in a JSON-LD node (and the nodes in it) that schema.org does not define."""
    found = []
    kind = node.get("@type")
    if kind not in TYPES:
        return [f"{where}: @type {kind!r} is not one of the types we checked"]
    defined = properties(kind)
    for key, value in node.items():
        if key == "@context":
            found += [] if value == "https://schema.org" else [f"{where}: @context {value!r}"]
        elif key == "@id":
            found += [] if URL.match(value) else [f"{where}: @id {value!r} is not absolute"]
        elif key == "@type":
            continue
        elif key not in defined:
            found.append(f"{where}: {kind} has no property {key!r}")
        else:
            for index, item in enumerate(value if isinstance(value, list) else [value]):
                path = f"{where}.{key}[{index}]"
                if not value_fits(item, defined[key]):
                    found.append(f"{path}: {item!r} is not one of {defined[key]}")
                elif isinstance(item, dict):
                    found += problems(item, path)
    return found


def nodes(node, kind):
    """Every node of a schema.org type in the JSON-LD, at any depth."""
    if isinstance(node, list):
        return [found for item in node for found in nodes(item, kind)]
    if not isinstance(node, dict):
        return []
    own = [node] if node.get("@type") == kind else []
    return own + [found for value in node.values() for found in nodes(value, kind)]


def channel(kind, address, hours=Hours.UNKNOWN, week="", via_website=False):
    periods = parse_week(week) if hours == Hours.WEEK else ()
    return Channel(kind, address, via_website, hours, periods, "", "")


def plain(kind=Kind.HELPLINE, channels=(), name="De Lijn", summary="Bel ons."):
    return SimpleNamespace(name=name, summary=summary, kind=kind, channels=tuple(channels))


EVERY_KIND_OF_CHANNEL = [
    channel(ChannelKind.PHONE, "0800-0432", Hours.WEEK, "mo-fr 09:00-17:00; sa 10:00-24:00"),
    channel(ChannelKind.PHONE, "112", Hours.ALWAYS),
    channel(ChannelKind.CHAT, "https://chat.example/", Hours.WEEK, "every day 11:00-21:00"),
    channel(ChannelKind.WHATSAPP, "https://wa.me/31612345678"),
    channel(ChannelKind.EMAIL, "hulp@example.nl"),
    channel(ChannelKind.WEBSITE, "https://www.example.nl/"),
    channel(ChannelKind.VISIT, "Hobbemakade 29-H, 1071 XK Amsterdam", Hours.WEEK, "ma-vr 9-17"),
]


# ------------------------------------------------------------------ the test oracle


def test_the_oracle_refuses_what_schema_org_does_not_define():
    wrong = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "X",
        "openingHours": "Mo-Fr",  # a property of LocalBusiness, not of Organization
        "contactPoint": [
            {
                "@type": "ContactPoint",
                "telephone": "112",
                "hoursAvailable": {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": "Monday",  # not a schema.org URL
                    "opens": "9:00",
                    "closes": "24:00",
                },
            },
            {"@type": "PostalAddress", "provider": "X"},  # a Service's property
        ],
        "url": "/nl/",
    }
    found = "\n".join(problems(wrong))
    for property_name in ["openingHours", "dayOfWeek", "opens", "closes", "provider", "url"]:
        assert property_name in found


# ------------------------------------------------------------------ plain listings


@pytest.mark.parametrize("kind", list(Kind))
def test_every_property_is_one_schema_org_defines_for_its_type(kind):
    data = listing(plain(kind, EVERY_KIND_OF_CHANNEL), PAGE)
    assert problems(data) == []
    assert json.loads(script_text(data)) == data


def test_a_municipal_service_is_a_government_service_provided_by_an_organization():
    data = listing(plain(Kind.MUNICIPAL, EVERY_KIND_OF_CHANNEL, name="Buurtteam"), PAGE)
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Buurtteam"
    assert data["provider"]["@type"] == "Organization"
    assert data["provider"]["telephone"] == "+318000432"
    assert data["areaServed"] == {"@type": "City", "name": "Amsterdam"}


@pytest.mark.parametrize("kind", [kind for kind in Kind if kind != Kind.MUNICIPAL])
def test_other_listings_are_organizations_serving_amsterdam(kind):
    data = listing(plain(kind, EVERY_KIND_OF_CHANNEL), PAGE)
    assert data["@type"] == "Organization"
    assert data["description"] == "Bel ons."
    assert data["areaServed"] == {"@type": "City", "name": "Amsterdam"}


def test_each_phone_chat_whatsapp_and_email_is_a_contact_point():
    data = listing(plain(channels=EVERY_KIND_OF_CHANNEL), PAGE)
    points = data["contactPoint"]
    assert [p.get("telephone") for p in points] == ["+318000432", "112", None, None, None]
    assert [p.get("url") for p in points][2:4] == [
        "https://chat.example/",
        "https://wa.me/31612345678",
    ]
    assert points[4]["email"] == "hulp@example.nl"
    assert data["email"] == "hulp@example.nl"
    assert data["url"] == "https://www.example.nl/"  # their own website
    assert data["@id"] == PAGE


def test_hours_are_days_with_opening_and_closing_times():
    points = listing(plain(channels=EVERY_KIND_OF_CHANNEL), PAGE)["contactPoint"]
    weekdays, saturday = points[0]["hoursAvailable"]
    assert weekdays["dayOfWeek"] == [
        f"https://schema.org/{day}"
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
    ]
    assert (weekdays["opens"], weekdays["closes"]) == ("09:00", "17:00")
    # Open until midnight: 23:59, as schema.org has no 24:00.
    assert saturday == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": ["https://schema.org/Saturday"],
        "opens": "10:00",
        "closes": "23:59",
    }


def test_day_and_night_is_every_day_from_00_00_to_23_59():
    (always,) = listing(plain(channels=EVERY_KIND_OF_CHANNEL), PAGE)["contactPoint"][1][
        "hoursAvailable"
    ]
    assert len(always["dayOfWeek"]) == 7 and set(always["dayOfWeek"]) == DAYS
    assert (always["opens"], always["closes"]) == ("00:00", "23:59")


def test_hours_not_known_are_left_out_not_guessed():
    whatsapp = listing(plain(channels=EVERY_KIND_OF_CHANNEL), PAGE)["contactPoint"][3]
    assert "hoursAvailable" not in whatsapp


def test_a_listing_without_channels_has_its_page_as_url_and_no_contacts():
    data = listing(plain(channels=()), PAGE)
    assert data["url"] == PAGE
    assert not {"telephone", "email", "contactPoint", "address"} & set(data)
    assert problems(data) == []


@pytest.mark.parametrize(("text", "address"), [
    ("Hobbemakade 29-H, 1071 XK Amsterdam",
     {"streetAddress": "Hobbemakade 29-H", "postalCode": "1071 XK",
      "addressLocality": "Amsterdam"}),
    ("Hobbemakade 29-H, Amsterdam",
     {"streetAddress": "Hobbemakade 29-H", "addressLocality": "Amsterdam"}),
    ("Dam 1, 1012jS  Amsterdam-Noord",
     {"streetAddress": "Dam 1", "postalCode": "1012JS", "addressLocality": "Amsterdam-Noord"}),
    ("Op het stadhuis", {"streetAddress": "Op het stadhuis"}),
    (", Amsterdam", {"streetAddress": ", Amsterdam"}),
])  # fmt: skip
def test_a_visiting_address_is_a_postal_address(text, address):
    assert postal_address(text) == {"@type": "PostalAddress", **address, "addressCountry": "NL"}


def test_the_address_to_visit_is_the_organizations_address():
    data = listing(plain(channels=EVERY_KIND_OF_CHANNEL), PAGE)
    assert data["address"]["streetAddress"] == "Hobbemakade 29-H"


def test_nothing_in_the_content_can_end_the_script_element():
    evil = plain(name="</script><script>alert(1)</script>", summary="a & b <!-- c -->")
    text = script_text(listing(evil, PAGE))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script>"


# ------------------------------------------------------------------ on the site


def json_ld(response):
    scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


SEEDED = ["kindertelefoon", "113", "veilig-thuis", "meldpunt-discriminatie-amsterdam", "112"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SEEDED)
def test_a_listing_page_has_valid_json_ld_in_its_language(client, seeded, language, slug):
    resource = Resource.objects.get(slug=slug)
    with translation.override(language):
        url = reverse("resources:resource", kwargs={"slug": slug})
        response = client.get(url)
        data = json_ld(response)
        assert problems(data) == []
        assert data["@id"] == f"http://testserver{url}"
        assert data["name"] == resource.name  # in this language
        assert data["description"] == resource.summary
        expected = "GovernmentService" if resource.kind == Kind.MUNICIPAL else "Organization"
        assert data["@type"] == expected


@pytest.mark.django_db
def test_the_seeded_listings_say_when_they_are_open(client, seeded):
    data = json_ld(client.get("/en/all-help/kindertelefoon/"))
    hours = nodes(data, "OpeningHoursSpecification")
    assert hours and all((h["opens"], h["closes"]) == ("11:00", "21:00") for h in hours)
    assert [p["contactType"] for p in nodes(data, "ContactPoint")] == ["Phone", "Phone", "Chat"]
    dutch = json_ld(client.get("/nl/alle-hulp/kindertelefoon/"))
    assert dutch["description"].startswith("Voor kinderen")
    visit = json_ld(client.get("/nl/alle-hulp/meldpunt-discriminatie-amsterdam/"))
    assert visit["address"]["addressLocality"] == "Amsterdam"


@pytest.mark.django_db
def test_json_ld_survives_content_that_looks_like_markup(client, seeded):
    Resource.objects.filter(slug="kindertelefoon").update(
        summary_nl='Bel </script><script src="//evil.example/x.js"></script> & "meer"'
    )
    response = client.get("/nl/alle-hulp/kindertelefoon/")
    page = soup(response)
    assert not page.find("script", src=re.compile("evil"))
    assert json_ld(response)["description"].startswith("Bel </script>")


@pytest.mark.django_db
def test_a_draft_listing_has_no_page_and_no_json_ld_for_the_public(client, seeded):
    Resource.objects.filter(slug="kindertelefoon").update(status=Status.DRAFT)
    assert client.get("/nl/alle-hulp/kindertelefoon/").status_code == 404
