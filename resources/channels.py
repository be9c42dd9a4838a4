"""The ways to get in touch with a listing (its contact channels) as cards and pages show
them: the buttons, and for every channel that keeps hours whether it is open now.

Plain Python without database access: Resource.channels and Candidate.channels give
tuples of Channel, built from the ContactChannel rows.
"""

import functools
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from .choices import ChannelKind, Cost, Hours, Weekday
from .hours import ALWAYS, UNKNOWN, OpenState, describe_week, hhmm, open_state, parse_week
from .phone import tel_href


@functools.lru_cache(maxsize=1024)
def stored_periods(text):
    """The periods of a stored text of hours (ContactChannel.week, checked on save)."""
    return parse_week(text)


@dataclass(frozen=True, slots=True)
class Channel:
    """One way to get in touch, in the active language."""

    kind: str  # ChannelKind
    address: str  # the number, link, e-mail address or street address
    via_website: bool  # a chat: the link opens a web page with the chat, not the chat
    hours: str  # Hours
    periods: tuple  # (weekday, opens, closes), Amsterdam time, when hours is WEEK
    note: str
    cost: str  # Cost, or "" when not known

    @property
    def has_hours(self):
        return ChannelKind(self.kind).has_hours

    @property
    def hours_known(self):
        """Keeps hours, and they are known (weekly, or day and night)."""
        return self.has_hours and self.hours != Hours.UNKNOWN

    @property
    def label(self):
        return ChannelKind(self.kind).label

    @property
    def href(self):
        if self.kind == ChannelKind.PHONE:
            return tel_href(self.address)
        if self.kind == ChannelKind.EMAIL:
            return f"mailto:{self.address}"
        if self.kind == ChannelKind.VISIT:
            return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})
        return self.address

    @property
    def is_link_out(self):
        return self.kind not in (ChannelKind.PHONE, ChannelKind.EMAIL)

    @property
    def cost_text(self):
        """What it costs, in words for a visitor; empty when not known."""
        return {
            Cost.FREE: _("Free"),
            Cost.LOCAL_RATE: _("Normal call costs"),
            Cost.PER_MINUTE: _("Costs money per minute"),
        }.get(self.cost, "")

    @property
    def week_text(self):
        """Its hours for a visitor: "Every day 11:00–21:00", "Open day and night"."""
        if self.hours == Hours.ALWAYS:
            return _("Open day and night, every day")
        if self.hours == Hours.WEEK:
            return describe_week(self.periods, [str(day.label) for day in Weekday])
        return _("Opening hours not known")

    def open_state(self, now):
        if self.hours == Hours.ALWAYS:
            return ALWAYS
        if self.hours == Hours.WEEK:
            return open_state(False, self.periods, now)
        return UNKNOWN


def listing_state(channels, now):
    """A listing is open when one of its channels with hours is open, and closed when all
    of them are known to be closed (then it opens with the first of them); otherwise its
    state is not known. The ranking reads this (triage.band)."""
    states = [channel.open_state(now) for channel in channels if channel.has_hours]
    open_now = [state for state in states if state.is_open]
    if open_now:
        return next((state for state in open_now if state.always), open_now[0])
    if states and all(state.known for state in states):
        return OpenState(is_open=False, next_opening=min(s.next_opening for s in states))
    return UNKNOWN


def website(channels):
    """The address of the listing's website, or of the web page with its chat."""
    for kind in (ChannelKind.WEBSITE, ChannelKind.CHAT):
        for channel in channels:
            if channel.kind == kind and (kind == ChannelKind.WEBSITE or channel.via_website):
                return channel.address
    return ""


@dataclass(frozen=True)
class Button:
    kind: str
    label: str
    href: str
    is_link_out: bool


def buttons(channels):
    """The card's buttons: the first phone number, every chat and WhatsApp, the website.
    A chat that is a page of the website says so, and takes the website button's place
    when it is the same address, so that no two buttons go to one address."""
    found = []
    chat_pages = {c.address for c in channels if c.kind == ChannelKind.CHAT and c.via_website}
    phoned = False
    for channel in channels:
        if channel.kind == ChannelKind.PHONE and not phoned:
            phoned = True
            label = _("Call %(number)s") % {"number": channel.address}
        elif channel.kind == ChannelKind.CHAT:
            label = _("Chat — via the website") if channel.via_website else _("Chat")
        elif channel.kind == ChannelKind.WHATSAPP:
            label = "WhatsApp"
        elif channel.kind == ChannelKind.WEBSITE and channel.address not in chat_pages:
            label = _("Website")
        else:
            continue
        found.append(Button(channel.kind, label, channel.href, channel.is_link_out))
    return found


def chat_on_website(channels):
    return any(c.kind == ChannelKind.CHAT and c.via_website for c in channels)


@dataclass(frozen=True)
class HoursLine:
    """ "Phone and chat: open now, until 21:00"; for hours not known, a link to check them."""

    text: str
    is_open: bool
    link: str = ""


def state_text(state, now):
    """Open day and night, open until, closed until, or not known: in a few words."""
    if state.always:
        return _("open day and night")
    if state.is_open:
        return _("open now, until %(time)s") % {"time": hhmm(state.closes, end=True)}
    if not state.known:
        return _("opening hours not known")
    opens = state.next_opening
    days = (opens.date() - now.astimezone(opens.tzinfo).date()).days
    time = hhmm(opens.time())
    if days == 0:
        return _("closed now, opens today at %(time)s") % {"time": time}
    if days == 1:
        return _("closed now, opens tomorrow at %(time)s") % {"time": time}
    return _("closed now, opens %(day)s at %(time)s") % {"day": weekday_name(opens), "time": time}


def weekday_name(moment):
    return str(Weekday(moment.weekday()).label)


def joined(names):
    """ "Phone", "Phone and chat", "Phone, chat and WhatsApp"."""
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def hours_lines(channels, now):
    """For the channels that keep hours, whether each is open now, channels in the same
    state on one line, in the order of the channels. Never silent: hours that are not
    known come with the website to check them on, when there is one. Two channels of one
    kind in different states are told apart by their number or address."""
    states = {}
    for channel in channels:
        if channel.has_hours:
            state = channel.open_state(now)
            states.setdefault((state_text(state, now), state.is_open, state.known), []).append(
                channel
            )
    kinds_in = [{c.kind for c in group} for group in states.values()]
    told_apart = {kind for kind in ChannelKind if sum(kind in kinds for kinds in kinds_in) > 1}
    lines = []
    for (text, is_open, known), group in states.items():
        # A chat on another site than theirs: its hours are on that site.
        pages = [c.address for c in group if c.kind == ChannelKind.CHAT and c.via_website]
        link = pages[0] if pages and len(group) == 1 else website(channels)
        names = []
        for channel in group:
            name = str(channel.label)
            if channel.kind in told_apart:
                name = f"{name} {channel.address}"
            elif name in names:
                continue
            names.append(name)
        # "Phone and chat", but a name stays a name: "Chat and WhatsApp".
        names[1:] = [
            name if name.startswith("WhatsApp") else name[:1].lower() + name[1:]
            for name in names[1:]
        ]
        line = _("%(name)s: %(state)s") % {"name": joined(names), "state": text}
        lines.append(HoursLine(line, is_open, "" if known else link))
    return lines


@dataclass(frozen=True)
class StripLine:
    """A line of the emergency strip: the number to call when it is open."""

    text: str
    number: str = ""
    href: str = ""


def first_phone(channels):
    """The first phone channel, or None."""
    return next((c for c in channels if c.kind == ChannelKind.PHONE), None)


def name_after_number(listing, phone):
    """A listing's name on a line that starts with its number: "Zelfmoordpreventie" after
    113, for the listing "113 Zelfmoordpreventie"."""
    return listing.name.removeprefix(f"{phone.address} ")


def with_ages(name, listing):
    """ "De Kindertelefoon, ages 8 to 18" for a listing with both age limits."""
    if listing.min_age is None or listing.max_age is None:
        return name
    return _("%(name)s, ages %(low)s to %(high)s") % {
        "name": name,
        "low": listing.min_age,
        "high": listing.max_age,
    }


def strip_lines(listings, now):
    """After 112: each listing's first phone number, until one is open now, that one
    first. One that is closed says so and when it opens, without a number to call."""
    offered, closed = [], []
    for listing in listings:
        phone = first_phone(listing.channels)
        if phone is None:
            continue
        state = phone.open_state(now)
        said = state_text(state, now)
        name = name_after_number(listing, phone)
        if not state.is_open:
            closed.append(StripLine(_("%(name)s: %(state)s") % {"name": name, "state": said}))
            continue
        name = with_ages(name, listing)
        if phone.cost == Cost.FREE:
            said = _("free, %(state)s") % {"state": said}
        text = _("%(name)s: %(state)s") % {"name": name, "state": said}
        offered.append(StripLine(text, phone.address, phone.href))
        break
    return offered + closed
