"""Every way to get in touch tells the truth: each channel with its own hours, "open now"
on every card for each channel, chat buttons that say where they lead, and an emergency
strip that follows the clock, also from the page cache."""

import html
import re
from datetime import datetime, time, timedelta

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from resources.channels import Channel, buttons, hours_lines
from resources.choices import HOURS_KINDS, ChannelKind
from resources.hours import AMSTERDAM, MIDNIGHT
from resources.models import ContactChannel, Resource

from .conftest import AFTERNOON, soup


def strip(client, url):
    return soup(client.get(url)).select_one(".emergency")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_emergency_strip_follows_the_clock_across_21_00_with_the_page_cache_on(
    client, seeded, visit_at, settings, language
):
    assert settings.HELPFINDER_PAGE_CACHE_SECONDS > 0
    with translation.override(language):  # a page fetched earlier leaves its language on
        url = reverse("resources:home")
    evening = datetime(2026, 11, 25, 20, 59, tzinfo=AMSTERDAM)  # a Wednesday

    visit_at(evening)
    before = strip(client, url)
    assert before.find("a", href="tel:+318000432")  # De Kindertelefoon, open until 21:00
    assert "21:00" in before.get_text()
    assert not before.find("a", href="tel:113")
    visit_at(evening + timedelta(seconds=30))  # the same minute: the cached page
    assert strip(client, url).get_text() == before.get_text()

    visit_at(evening + timedelta(minutes=1))  # 21:00: closed
    after = strip(client, url)
    text = after.get_text(" ", strip=True)
    assert not after.find("a", href="tel:+318000432")  # no number to call while closed
    closed = {
        "nl": "gesloten, gaat morgen om 11:00 open",
        "en": "closed now, opens tomorrow at 11:00",
    }
    assert closed[language] in text
    # ... and a line that is open now is named: 113, day and night.
    assert after.find("a", href="tel:113")
    assert {"nl": "dag en nacht", "en": "day and night"}[language] in text


@pytest.mark.django_db
def test_the_emergency_strip_takes_its_number_from_the_listing(client, seeded, visit_at):
    visit_at(AFTERNOON)
    phone = ContactChannel.objects.filter(resource__slug="kindertelefoon", kind="phone").first()
    phone.address = "0800-0433"
    phone.save()
    assert strip(client, "/en/").find("a", href="tel:+318000433").get_text() == "0800-0433"


def oracle_open(channel, moment):
    """Open at this moment by the stored hours: an oracle as simple as can be, not the
    site's own code. 00:00 as closing time is midnight."""
    if channel.hours == "always":
        return True
    if channel.hours != "week":
        return None  # not known
    local = moment.astimezone(AMSTERDAM)
    for day, opens, closes in channel.as_channel().periods:
        end = closes if closes != MIDNIGHT else None
        if day == local.weekday() and opens <= local.time() and (end is None or local.time() < end):
            return True
    return False


LINE = re.compile(r"^(?P<names>.+?): (?P<state>.+)$")
HOURS_LINE = re.compile(r'<p class="hours[^"]*">([^<]*)')


def said_open(card):
    """Channel name (lower case) -> "open" / "closed" / "unknown", from a card's lines."""
    found = {}
    for text in HOURS_LINE.findall(card):
        parsed = LINE.match(html.unescape(text).strip().rstrip("."))
        names = re.split(r", | and ", parsed["names"])
        state = parsed["state"]
        if state.startswith(("open now", "open day and night")):
            said = "open"
        elif state.startswith("closed now"):
            said = "closed"
        else:
            assert state.startswith("opening hours not known"), state
            said = "unknown"
        for name in names:
            assert name.lower() not in found, f"{name} on two lines"
            found[name.lower()] = said
    return found


@pytest.mark.django_db
def test_no_card_shows_a_channel_open_when_it_is_closed_over_a_whole_week(seeded):
    """Every published listing's card (the template of the results, the list of all help
    and the top of its page), every 30 minutes of a week: each channel with hours is
    named once, open exactly when its hours say so; "day and night" only for a channel
    that is open day and night."""
    listings = list(Resource.objects.published().with_details())
    start = datetime(2026, 11, 23, 0, 0, tzinfo=AMSTERDAM)  # a Monday
    checked = 0
    with translation.override("en"):
        for step in range(7 * 48):
            moment = start + timedelta(minutes=30 * step)
            for listing in listings:
                card = render_to_string(
                    "includes/resource_card.html", {"resource": listing, "now": moment}
                )
                said = said_open(card)
                for channel in listing.contact_channels.all():
                    if channel.kind not in HOURS_KINDS:
                        continue
                    name = str(ChannelKind(channel.kind).label).lower()
                    expected = {True: "open", False: "closed", None: "unknown"}[
                        oracle_open(channel, moment)
                    ]
                    # Two of one kind in different states are named with their number.
                    shown = said.get(name, said.get(f"{name} {channel.address}"))
                    assert shown == expected, (listing.slug, name, moment, said)
                    checked += 1
                if any("day and night" in line for line in HOURS_LINE.findall(card)):
                    assert any(c.hours == "always" for c in listing.contact_channels.all())
    assert checked > 7 * 48 * 20


@pytest.mark.django_db
def test_the_list_of_all_help_shows_the_cards_as_the_walk_checked_them(client, seeded, visit_at):
    visit_at(AFTERNOON)
    page = client.get("/en/all-help/").content.decode()
    listing = Resource.objects.with_details().get(slug="kindertelefoon")
    with translation.override("en"):
        card = render_to_string(
            "includes/resource_card.html", {"resource": listing, "now": AFTERNOON}
        )
    assert said_open(card) == {"phone": "open", "chat": "open"}
    assert HOURS_LINE.findall(card)[0] in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_chat_button_leads_where_the_website_button_does(client, seeded, language):
    with translation.override(language):
        urls = [reverse("resources:directory") + f"?page={n}" for n in (1, 2)]
        urls += [listing.get_absolute_url() for listing in Resource.objects.published()]
    chats = 0
    for url in urls:
        for card in soup(client.get(url)).select("article.card, main"):
            actions = card.select_one("ul.actions")
            if not actions:
                continue
            labels = {a["href"]: a.get_text(" ", strip=True) for a in actions.select("a")}
            chat = {href for href, label in labels.items() if label.startswith("Chat")}
            website = {href for href, label in labels.items() if label.startswith("Website")}
            assert not chat & website, url
            chats += len(chat)
    assert chats


def channel(**fields):
    values = {
        "kind": "phone",
        "address": "0800-0432",
        "via_website": False,
        "hours": "unknown",
        "periods": (),
        "note": "",
        "cost": "",
    }
    return Channel(**{**values, **fields})


def test_a_chat_on_the_website_says_so_and_takes_the_website_button_s_place():
    with translation.override("en"):
        found = buttons(
            [
                channel(kind="chat", address="https://example.org/", via_website=True),
                channel(kind="website", address="https://example.org/"),
            ]
        )
    assert [(b.label, b.href) for b in found] == [
        ("Chat \u2014 via the website", "https://example.org/")
    ]


def test_hours_not_known_point_to_the_website_to_check_them():
    with translation.override("en"):
        lines = hours_lines(
            [
                channel(kind="phone"),
                channel(kind="website", address="https://example.org/"),
            ],
            AFTERNOON,
        )
    assert [(line.text, line.link) for line in lines] == [
        ("Phone: opening hours not known", "https://example.org/")
    ]


def test_channels_in_the_same_state_share_a_line_in_the_order_of_the_channels():
    daily = tuple((day, time(11), time(21)) for day in range(7))
    with translation.override("en"):
        lines = hours_lines(
            [
                channel(kind="phone", hours="week", periods=daily),
                channel(kind="chat", hours="week", periods=daily),
                channel(kind="whatsapp", hours="always"),
            ],
            AFTERNOON,
        )
    assert [line.text for line in lines] == [
        "Phone and chat: open now, until 21:00",
        "WhatsApp: open day and night",
    ]
