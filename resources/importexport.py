"""Resources as CSV, each language in its own columns, for django-import-export.

Audiences (audiences: made for; also_for) and bullying types (bullying_types: specialist;
general_types) are slugs separated by ";". The ways to get in touch are one column,
"channels": a JSON list with one object per channel, in order, with the fields of
ContactChannel (kind, address, via_website, hours, week, note_nl, note_en, cost; see
models/channel.py), for example [{"kind": "phone", "address": "0800-0432", "hours":
"week", "week": "every day 11:00-21:00", "cost": "free"}]. Rows are matched on slug.
An import is checked in full first (preview); if any row is invalid, nothing is imported.
A file with the contact columns from before migration 0010 (phone, opening_hours, ...) is
refused with their names.
"""

import json

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from import_export import fields, widgets
from import_export.resources import ModelResource

from . import saving
from .languages import columns, translated_fields
from .models import Audience, BullyingType, ContactChannel, Organization, Resource
from .models.channel import channel_fields, channel_values

PLAIN = [
    "slug",
    "kind",
    "status",
    "district",
    "languages",
    "min_age",
    "max_age",
    "is_free",
    "is_anonymous",
    "is_crisis",
    "crisis_only",
    "for_self_harm",
    "route",
    "sort_weight",
    "last_verified",
    "source_url",
    "staff_note",
]


LINKS = ["audiences", "also_for", "bullying_types", "general_types"]


def translated_columns():
    """Every translated field (translation.py) in every language: name_nl, name_en, ..."""
    return [name for field in translated_fields(Resource) for name in columns(field)]


class SlugsWidget(widgets.ManyToManyWidget):
    """Slugs separated by ";"; an unknown slug is an error, not silently dropped."""

    def __init__(self, model):
        super().__init__(model, field="slug", separator=";")

    def clean(self, value, row=None, **kwargs):
        found = super().clean(value, row, **kwargs)
        wanted = {slug.strip() for slug in str(value or "").split(";") if slug.strip()}
        unknown = wanted - {item.slug for item in found}
        if unknown:
            raise ValueError(f"unknown: {', '.join(sorted(unknown))}")
        return found


class SlugWidget(widgets.ForeignKeyWidget):
    """One slug (the organisation that runs a listing); empty: none; an unknown slug is an
    error that names it."""

    def __init__(self, model):
        super().__init__(model, field="slug")

    def clean(self, value, row=None, **kwargs):
        slug = str(value or "").strip()
        if not slug:
            return None
        found = self.model.objects.filter(slug=slug).first()
        if found is None:
            raise ValueError(f"unknown: {slug}")
        return found


CHANNEL_FIELDS = [name for name in channel_fields() if name != "position"]


class ChannelsWidget(widgets.Widget):
    """The contact channels as a JSON list of objects; each is checked as the admin
    checks it, and an error names the channel and the field."""

    def clean(self, value, row=None, **kwargs):
        try:
            given = json.loads(value or "[]")
        except json.JSONDecodeError as error:
            raise ValueError(_("Not JSON: %(error)s") % {"error": error}) from None
        if not isinstance(given, list) or not all(isinstance(c, dict) for c in given):
            raise ValueError(_("Write a list with one object per channel: [{...}, {...}]."))
        channels = []
        for number, fields_given in enumerate(given, start=1):
            unknown = sorted(set(fields_given) - set(CHANNEL_FIELDS))
            if unknown:
                raise ValueError(
                    ngettext(
                        "Channel %(number)s: unknown field %(names)s. The fields are: %(known)s.",
                        "Channel %(number)s: unknown fields %(names)s. The fields are: %(known)s.",
                        len(unknown),
                    )
                    % {
                        "number": number,
                        "names": ", ".join(unknown),
                        "known": ", ".join(CHANNEL_FIELDS),
                    }
                )
            channel = ContactChannel(**fields_given)
            try:
                channel.full_clean(exclude=["resource"])
            except ValidationError as error:
                problems = "; ".join(
                    f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
                )
                raise ValueError(
                    _("Channel %(number)s: %(problems)s") % {"number": number, "problems": problems}
                ) from None
            channels.append(channel_values([channel])[0])
        return [{k: v for k, v in c.items() if k != "position"} for c in channels]

    def render(self, value, obj=None, **kwargs):
        return json.dumps(value or [], ensure_ascii=False)


# Columns of files exported before the ways to get in touch were channels (migration
# 0010). Ignoring them would drop what staff changed in them without a word.
OLD_COLUMNS = [
    "phone",
    "phone_alt",
    "chat_url",
    "whatsapp_url",
    "website",
    "email",
    "street_address",
    "postcode",
    "city",
    "open_24_7",
    "opening_hours",
    "hours_note",
]


def old_columns(headers):
    """The columns of an old file: hours_note in any language too (hours_note_nl)."""
    return [name for name in headers if name in OLD_COLUMNS or name.startswith("hours_note_")]


class ResourceCSV(ModelResource):
    organization = fields.Field(
        attribute="organization",
        column_name="organization",
        widget=SlugWidget(Organization),
    )
    audiences = fields.Field(
        attribute="audiences",
        column_name="audiences",
        widget=SlugsWidget(Audience),
    )
    also_for = fields.Field(
        attribute="also_for",
        column_name="also_for",
        widget=SlugsWidget(Audience),
    )
    bullying_types = fields.Field(
        attribute="bullying_types",
        column_name="bullying_types",
        widget=SlugsWidget(BullyingType),
    )
    general_types = fields.Field(
        attribute="general_types",
        column_name="general_types",
        widget=SlugsWidget(BullyingType),
    )
    channels = fields.Field(
        attribute="channel_list", column_name="channels", widget=ChannelsWidget()
    )

    class Meta:
        model = Resource
        import_id_fields = ["slug"]
        fields = [
            *PLAIN[:1],
            *translated_columns(),
            *PLAIN[1:],
            "organization",
            *LINKS,
            "channels",
        ]
        clean_model_instances = True  # constraints and publishing rules, row by row
        use_transactions = True
        skip_unchanged = True  # the preview shows only what changes
        report_skipped = False

    def before_import(self, dataset, **kwargs):
        if found := old_columns(dataset.headers or []):
            raise ValueError(
                ngettext(
                    "This file has a column from before the ways to get in touch were "
                    "channels: %(columns)s. Put what it holds in the column “channels”, as "
                    "a new export shows. Nothing was imported.",
                    "This file has columns from before the ways to get in touch were "
                    "channels: %(columns)s. Put what they hold in the column “channels”, as "
                    "a new export shows. Nothing was imported.",
                    len(found),
                )
                % {"columns": ", ".join(found)}
            )

    def get_queryset(self):
        return super().get_queryset().prefetch_related(*LINKS, "contact_channels")

    def dehydrate_channels(self, resource):
        return ChannelsWidget().render(current_channels(resource))

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if original.pk:
            original.channel_list = current_channels(original)  # to compare with the column
            for column in translated_columns():  # NULL and an empty cell both mean "no text"
                if getattr(original, column) is None:
                    setattr(original, column, "")
        return super().skip_row(instance, original, row, import_validation_errors)

    def import_instance(self, instance, row, **kwargs):
        """Check the many-to-many columns too, so that their errors stop the import."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        errors.pop("channel_list", None)  # the column's error, once, under its name below
        for name in [*LINKS, "channels"]:
            field = self.fields[name]
            if field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[name] = ValidationError(str(error), code="invalid")
        if "channels" not in errors:
            try:
                instance.check_way_to_get_in_touch(self.has_channels(instance, row))
            except ValidationError as error:
                errors["channels"] = error
        if errors:
            raise ValidationError(errors)

    def has_channels(self, instance, row):
        if "channels" in row:  # import_instance has read the column into channel_list
            return bool(instance.channel_list)
        return instance.pk is not None and instance.contact_channels.exists()

    # One edit per row (saving.py): the listing, then its links and contact channels.
    def before_save_instance(self, instance, row, **kwargs):
        saving.begin_edit(instance)  # an edit form opened before the import must not win

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        channels = getattr(instance, "channel_list", None)
        if channels is not None:
            instance.set_channels(channels)
        saving.end_edit(instance)


def current_channels(resource):
    """A listing's channels as the CSV column holds them."""
    values = channel_values(resource.contact_channels.all())
    return [{k: v for k, v in c.items() if k != "position"} for c in values]
