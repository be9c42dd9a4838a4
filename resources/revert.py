"""Bringing content back to an earlier version from its history."""

from .models import OpeningHours, Resource
from .saving import save_content

NOT_REVERTED = {"id", "version", "created_at", "updated_at"}


def m2m_field_names(record):
    return [field.name for field in record._history_m2m_fields]


def revert(instance, record, expected_version=None, reason=None):
    """Bring `instance` back to the historical `record`: every field in every language,
    its audiences and bullying types, and for a resource its opening hours as they were.
    Conflict (saving.py) when the instance is no longer at `expected_version`."""
    with save_content(instance, expected_version, reason):
        for field in type(instance)._meta.concrete_fields:
            if field.name not in NOT_REVERTED:
                setattr(instance, field.attname, getattr(record, field.attname))
        instance.save()
        for name in m2m_field_names(record):
            target = getattr(instance, name).target_field_name
            getattr(instance, name).set(
                getattr(row, f"{target}_id") for row in getattr(record, name).all()
            )
        if isinstance(instance, Resource):
            earlier = OpeningHours.history.as_of(record.history_date)
            instance.set_weekly_periods(
                (hours.weekday, hours.opens, hours.closes)
                for hours in earlier.filter(resource_id=instance.pk)
            )
    return instance
