"""Fixed lists of choices the models, the ranking and the pages share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency number")
    HELPLINE = "helpline", _("Helpline")
    REPORTING = "reporting", _("Report it")
    MUNICIPAL = "municipal", _("Municipal service")
    SCHOOL = "school", _("At school")
    PROFESSIONAL = "professional", _("Professional help")
    INFORMATION = "information", _("Information")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class District(models.TextChoices):
    CENTRUM = "centrum", _("Centrum")
    NIEUW_WEST = "nieuw-west", _("Nieuw-West")
    NOORD = "noord", _("Noord")
    OOST = "oost", _("Oost")
    WEST = "west", _("West")
    ZUID = "zuid", _("Zuid")
    ZUIDOOST = "zuidoost", _("Zuidoost")
    WEESP = "weesp", _("Weesp")


class Route(models.TextChoices):
    """Where a listing stands in the route a knowledgeable helper would take."""

    FIRST = "first", _("First contact")
    NEXT = "next", _("Next step")
    LAST = "last", _("Last resort (when other help did not work)")


class ChannelKind(models.TextChoices):
    """A way to get in touch. Several of one kind are allowed (a second phone number)."""

    PHONE = "phone", _("Phone")
    CHAT = "chat", _("Chat")
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("E-mail")
    WEBSITE = "website", _("Website")
    VISIT = "visit", _("Visit")

    @property
    def has_hours(self):
        """Someone answers at set times (a website or an e-mail address has no hours)."""
        return self in HOURS_KINDS


HOURS_KINDS = frozenset(
    {ChannelKind.PHONE, ChannelKind.CHAT, ChannelKind.WHATSAPP, ChannelKind.VISIT}
)


class Hours(models.TextChoices):
    """When a channel is open: these weekly hours, day and night, or not known."""

    WEEK = "week", _("these hours")
    ALWAYS = "always", _("day and night")
    UNKNOWN = "unknown", _("not known")


class Cost(models.TextChoices):
    """What it costs to use a channel; empty: not known."""

    FREE = "free", _("free")
    LOCAL_RATE = "local-rate", _("local rate")
    PER_MINUTE = "per-minute", _("paid per minute")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class AgeBand(models.TextChoices):
    """The answers to "How old is the person being bullied?" (the `age` parameter of the
    URL contract), each with the ages it covers: AgeBand("12-17").ages == (12, 17).
    A new band is one line here and one in AGES."""

    UNDER_12 = "under-12", _("Under 12")
    TEENS = "12-17", _("12 to 17")
    ADULTS = "18-plus", _("18 or older")

    @property
    def ages(self):
        """(youngest, oldest): the ages this answer covers."""
        return AGES[self]


AGES = {AgeBand.UNDER_12: (0, 11), AgeBand.TEENS: (12, 17), AgeBand.ADULTS: (18, 120)}
