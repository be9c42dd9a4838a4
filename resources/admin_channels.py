"""The ways to get in touch on a listing's change page: one row per channel, its hours
typed as staff say them (Dutch or English), copied from another row in one choice, and
the publish rule checked against the rows that will be saved."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from .choices import ChannelKind, Hours
from .hours import DAY_CODES, HoursError, format_week, parse_week
from .models import ContactChannel

SAME_AS = "same_as"
# The fields of a row, in the order staff fill them in; the note in every language.
FIELDS = ["kind", "address", "via_website", "hours", "week", "note", "cost", "position"]


def admin_language():
    """The language of the admin page, if hours can be written in it; else English."""
    language = (get_language() or "en").split("-")[0]
    return language if language in DAY_CODES else "en"


class WeekField(forms.CharField):
    """Weekly hours: shown in the admin's language ("elke dag 11:00-21:00"), read in
    Dutch or English, cleaned to the stored English form ("every day 11:00-21:00")."""

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return ""
        try:
            return format_week(parse_week(text))
        except HoursError as error:  # says what is wrong, in the admin's language
            raise ValidationError(str(error), code="hours") from None

    def prepare_value(self, value):
        try:
            return format_week(parse_week(value), admin_language()) if value else value
        except HoursError:
            return value  # as typed, next to its error


def channel_line(channel):
    """A channel in one line for staff: "Telefoon: 0800-0432, elke dag 11:00-21:00"."""
    if channel.hours == Hours.WEEK:
        hours = format_week(parse_week(channel.week), admin_language())
    elif ChannelKind(channel.kind).has_hours:
        hours = channel.get_hours_display()
    else:
        hours = ""
    return ", ".join(filter(None, [str(channel), hours]))


class ContactChannelForm(forms.ModelForm):
    week = WeekField(
        label=capfirst(ContactChannel._meta.get_field("week").verbose_name),
        required=False,
        max_length=300,
        help_text=ContactChannel._meta.get_field("week").help_text,
        widget=forms.TextInput(attrs={"size": 50}),
    )
    same_as = forms.ChoiceField(
        label=capfirst(_("same hours as")),
        required=False,
        help_text=_(
            "On save, this one gets the hours of the one you choose, as they are filled in "
            "on this page. Its own hours are then replaced."
        ),
    )

    class Meta:
        model = ContactChannel
        fields = FIELDS

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(SAME_AS):
            # The hours come from another row (ChannelFormSet.clean): what this row says
            # itself does not count, not even text that cannot be read.
            self.errors.pop("week", None)
            cleaned["hours"], cleaned["week"] = Hours.UNKNOWN, ""
        elif cleaned.get("week") and cleaned.get("hours") == Hours.UNKNOWN:
            kind = cleaned.get("kind")
            if kind in ChannelKind.values and ChannelKind(kind).has_hours:
                cleaned["hours"] = Hours.WEEK  # hours filled in: these are the hours
        return cleaned


class ChannelFormSet(forms.BaseInlineFormSet):
    """The channels of one listing. Its clean copies hours between rows and asks the
    listing whether it may be published with the rows that will be kept."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if i >= self.initial_form_count():
            form.initial["position"] = i  # a new row comes after the others
        return form

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields[SAME_AS].choices = [("", "—")] + [
            (str(number), label) for number, label in enumerate(self.row_labels) if number != index
        ]

    @cached_property
    def row_labels(self):
        """What each row's heading says: the channel ("Telefoon: 0800-0432") or, for a
        new one, its number ("#4"), as the admin's stacked rows show them."""
        existing = list(self.get_queryset())[: self.initial_form_count()]
        return [
            str(existing[number]) if number < len(existing) else f"#{number + 1}"
            for number in range(self.total_form_count())
        ]

    def kept_forms(self):
        """The rows that will be saved: not deleted, and not a new row left empty."""
        return [
            form
            for form in self.forms
            if not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
        ]

    def clean(self):
        super().clean()
        self.copy_hours()
        self.instance.check_way_to_get_in_touch(has_channels=bool(self.kept_forms()))

    def copy_hours(self):
        """Each row with "same hours as" gets the hours of that row (or of the row that
        one copies, and so on), as filled in on the page."""
        rows = {str(number): form for number, form in enumerate(self.forms)}
        copies = {
            form: rows[chosen]
            for form in self.forms
            if (chosen := getattr(form, "cleaned_data", {}).get(SAME_AS)) in rows
        }
        for form in copies:
            origin, seen = form, []
            while origin in copies and origin not in seen:
                seen.append(origin)
                origin = copies[origin]
            if origin in seen:  # round in a circle
                if form in seen[seen.index(origin) :]:
                    form.add_error(
                        SAME_AS,
                        _(
                            "These take their hours from each other: fill in the hours in "
                            "one of them."
                        ),
                    )
                continue  # a row outside the circle waits until it is mended
            kind = form.cleaned_data.get("kind")
            if kind in ChannelKind.values and not ChannelKind(kind).has_hours:
                form.add_error(
                    SAME_AS,
                    _(
                        "A website or an e-mail address has no opening hours; say how fast "
                        "they answer in the note."
                    ),
                )
            elif not origin.errors:  # else the row copied shows what is wrong with it
                form.instance.hours = form.cleaned_data["hours"] = origin.instance.hours
                form.instance.week = form.cleaned_data["week"] = origin.instance.week


class ContactChannelInline(TranslationStackedInline):
    model = ContactChannel
    form = ContactChannelForm
    formset = ChannelFormSet
    extra = 1
    fields = [*FIELDS[:5], SAME_AS, *FIELDS[5:]]
