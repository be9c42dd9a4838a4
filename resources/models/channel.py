"""The ways to get in touch with a listing, each with its own hours, note and cost."""

import sys

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..channels import Channel, stored_periods
from ..choices import ChannelKind, Cost, Hours
from ..hours import HoursError, format_week, parse_week
from ..languages import columns
from ..phone import validate_phone

VALIDATORS = {
    ChannelKind.PHONE: validate_phone,
    ChannelKind.CHAT: URLValidator(schemes=["https", "http"]),
    ChannelKind.WHATSAPP: URLValidator(schemes=["https"]),
    ChannelKind.WEBSITE: URLValidator(schemes=["https", "http"]),
    ChannelKind.EMAIL: EmailValidator(),
}


class ContactChannel(models.Model):
    """A phone number, chat, WhatsApp, e-mail address, website or address to visit, with
    the hours it is open (weekly, in Amsterdam time; day and night; or not known)."""

    resource = models.ForeignKey(
        "Resource", on_delete=models.CASCADE, related_name="contact_channels"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("way"), max_length=10, choices=ChannelKind)
    address = models.CharField(
        _("number or address"),
        max_length=240,
        help_text=_(
            "Phone: 0800-0432. Chat, WhatsApp, website: the link. Visit: street, postcode and city."
        ),
    )
    via_website = models.BooleanField(
        _("chat on their website"),
        default=False,
        help_text=_(
            "The link opens a page of their website with a chat button, not the chat itself."
        ),
    )
    hours = models.CharField(_("open"), max_length=10, choices=Hours, default=Hours.UNKNOWN)
    week = models.CharField(
        _("hours"),
        max_length=300,
        blank=True,
        help_text=_(
            "For example: every day 11:00-21:00, or mo-fr 09:00-17:00; sa 10:00-12:00. "
            "Dutch day names work too (ma-vr)."
        ),
    )
    note = models.CharField(
        _("note"),
        max_length=240,
        blank=True,
        help_text=_("For example: the police call you back at a time you choose."),
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("way to get in touch")
        verbose_name_plural = _("ways to get in touch")
        constraints = [
            models.CheckConstraint(
                condition=Q(hours=Hours.WEEK, week__gt="") | (~Q(hours=Hours.WEEK) & Q(week="")),
                name="contactchannel_week_with_hours",
                violation_error_message=_(
                    "Fill in the hours when it is open at set hours, and only then."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.address}"

    def clean(self):
        super().clean()
        errors = {}
        validate = VALIDATORS.get(self.kind)
        if validate and self.address:
            try:
                validate(self.address)
            except ValidationError as error:
                errors["address"] = error.messages
        if self.via_website and self.kind != ChannelKind.CHAT:
            errors["via_website"] = _("Only a chat can be on their website.")
        if self.kind in ChannelKind.values and not ChannelKind(self.kind).has_hours:
            if self.hours != Hours.UNKNOWN or self.week:
                errors["hours"] = _(
                    "A website or an e-mail address has no opening hours; say how fast "
                    "they answer in the note."
                )
        elif self.hours == Hours.WEEK:
            try:
                self.week = format_week(parse_week(self.week))
            except HoursError as error:
                errors["week"] = str(error)
            if not self.week and "week" not in errors:
                errors["week"] = _("Fill in the hours, or choose another answer under “open”.")
        elif self.week:
            errors["week"] = _("Remove the hours, or choose “these hours” under “open”.")
        if errors:
            raise ValidationError(errors)

    def as_channel(self):
        """What cards and pages show (channels.Channel), in the active language."""
        return shown(
            self.kind, self.address, self.via_website, self.hours, self.week, self.note, self.cost
        )


def shown(kind, address, via_website, hours, week, note, cost):
    """A channels.Channel from a ContactChannel's fields (note: in the active language).
    The words that many channels share are one string each (sys.intern): the candidates
    of every listing stay in each worker's memory."""
    return Channel(
        kind=sys.intern(kind),
        address=address,
        via_website=via_website,
        hours=sys.intern(hours),
        periods=stored_periods(week) if hours == Hours.WEEK else (),
        note=sys.intern(note or ""),
        cost=sys.intern(cost),
    )


def channel_fields():
    """The fields that make a channel what it is, each language's note on its own: the
    fields a revert, the CSV and a comparison read."""
    return ["position", "kind", "address", "via_website", "hours", "week", *columns("note"), "cost"]


def channel_values(channels):
    """The channels (ContactChannel rows, or historical ones) as comparable dicts."""
    return [
        {
            name: getattr(c, name) or "" if name.startswith("note") else getattr(c, name)
            for name in channel_fields()
        }
        for c in channels
    ]
