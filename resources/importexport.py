"""Resources as CSV, each language in its own columns, for django-import-export.

Audiences (audiences: made for; also_for) and bullying types (bullying_types: specialist;
general_types) are slugs separated by ";". Opening hours are one column:
"mo 09:00-17:00; tu 09:00-17:00". Rows are matched on slug. An import is checked in full
first (preview); if any row is invalid, nothing is imported.
"""

from django.core.exceptions import ValidationError
from import_export import fields, widgets
from import_export.resources import ModelResource

from . import saving
from .hours import periods_to_text, text_to_periods
from .languages import columns, translated_fields
from .models import CONTACT_DETAILS, TRANSLATED_CONTACT_DETAILS, Audience, BullyingType, Resource

PLAIN = [
    "slug",
    "kind",
    "status",
    *(name for name in CONTACT_DETAILS if name not in TRANSLATED_CONTACT_DETAILS),
    "min_age",
    "max_age",
    "is_free",
    "is_anonymous",
    "is_crisis",
    "crisis_only",
    "for_self_harm",
    "route",
    "open_24_7",
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


class OpeningHoursWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return text_to_periods(value)

    def render(self, value, obj=None, **kwargs):
        return periods_to_text(value or [])


class ResourceCSV(ModelResource):
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
    opening_hours = fields.Field(
        attribute="periods", column_name="opening_hours", widget=OpeningHoursWidget()
    )

    class Meta:
        model = Resource
        import_id_fields = ["slug"]
        fields = [
            *PLAIN[:1],
            *translated_columns(),
            *PLAIN[1:],
            *LINKS,
            "opening_hours",
        ]
        clean_model_instances = True  # constraints and publishing rules, row by row
        use_transactions = True
        skip_unchanged = True  # the preview shows only what changes
        report_skipped = False

    def get_queryset(self):
        return super().get_queryset().prefetch_related(*LINKS, "opening_hours")

    def dehydrate_opening_hours(self, resource):
        return periods_to_text(resource.weekly_periods())

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if original.pk:
            original.periods = original.weekly_periods()  # to compare with the new column
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
        for name in LINKS:
            field = self.fields[name]
            if field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[name] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    # One edit per row (saving.py): the listing, then its links and opening hours.
    def before_save_instance(self, instance, row, **kwargs):
        saving.begin_edit(instance)  # an edit form opened before the import must not win

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        periods = getattr(instance, "periods", None)
        if periods is not None:
            instance.set_weekly_periods(periods)
        saving.end_edit(instance)
