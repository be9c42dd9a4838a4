"""One history record per save, and bringing content back to an earlier version.

django-simple-history writes a record on every save and on every change to a many-to-many
field. An edit in the admin saves the object, then its audiences, then its opening hours:
that would be several half-finished records. `one_history_record` holds them back and
writes a single record at the end, when everything of that edit is in the database, so
that each record in the history is a complete version that can be reverted to.
"""

from contextlib import contextmanager

from django.db import transaction

from .models import OpeningHours, Resource

NOT_REVERTED = {"id", "version", "created_at", "updated_at"}


@contextmanager
def one_history_record(instance, reason=None):
    """Save `instance` and its relations inside the block; one history record afterwards."""
    instance.skip_history_when_saving = True
    try:
        yield
    finally:
        del instance.skip_history_when_saving
    if reason:
        instance._change_reason = reason
    instance.save()


def m2m_field_names(record):
    return [field.name for field in record._history_m2m_fields]


@transaction.atomic
def revert(instance, record, reason=None):
    """Bring `instance` back to the historical `record`: every field in every language,
    its audiences and bullying types, and for a resource its opening hours as they were.
    The caller checks and raises the version (optimistic locking) before calling this.
    """
    for field in type(instance)._meta.concrete_fields:
        if field.name not in NOT_REVERTED:
            setattr(instance, field.attname, getattr(record, field.attname))
    with one_history_record(instance, reason):
        instance.save()
        for name in m2m_field_names(record):
            target = getattr(instance, name).target_field_name
            getattr(instance, name).set(
                getattr(row, f"{target}_id") for row in getattr(record, name).all()
            )
        if isinstance(instance, Resource):
            restore_opening_hours(instance, record.history_date)
    return instance


def restore_opening_hours(resource, moment):
    """Replace the opening hours with those the resource had at `moment` (with history)."""
    earlier = OpeningHours.history.as_of(moment).filter(resource_id=resource.pk)
    periods = sorted((hours.weekday, hours.opens, hours.closes) for hours in earlier)
    if periods == resource.weekly_periods():
        return
    for hours in resource.opening_hours.all():
        hours.delete()
    for weekday, opens, closes in periods:
        OpeningHours.objects.create(resource=resource, weekday=weekday, opens=opens, closes=closes)
