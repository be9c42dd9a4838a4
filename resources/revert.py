"""Bringing content back to an earlier version from its history."""

from .models import ContactChannel, Resource
from .models.channel import channel_values
from .models.content import ListingReferences
from .saving import save_content

NOT_REVERTED = {"id", "version", "created_at", "updated_at"}


def m2m_field_names(record):
    return [field.name for field in record._history_m2m_fields]


def channels_kept_since():
    """When the history of contact channels begins (they were fields of the listing
    before; migration 0010 moved them): a revert to an earlier record keeps today's."""
    first = ContactChannel.history.order_by("history_date").first()
    return first.history_date if first else None


def restores_channels(record):
    """Whether a revert to this history record of a listing brings back its contact
    channels as they were then: only for records from after their history begins (the
    admin says so before a revert). Earlier records keep today's channels."""
    since = channels_kept_since()
    return (
        getattr(record, "instance_type", None) is Resource
        and since is not None
        and record.history_date >= since
    )


def revert(instance, record, expected_version=None, reason=None):
    """Bring `instance` back to the historical `record`: every field in every language,
    its audiences and bullying types, and for a resource its contact channels as they
    were (when the history goes back that far). Conflict (saving.py) when the instance is
    no longer at `expected_version`; ValidationError, and nothing saved, when the version
    cannot come back as it was (its address is another page's now, or it names a listing
    that is gone or a draft)."""
    with save_content(instance, expected_version, reason):
        for field in type(instance)._meta.concrete_fields:
            if field.name not in NOT_REVERTED:
                setattr(instance, field.attname, getattr(record, field.attname))
        instance.validate_constraints()
        if isinstance(instance, ListingReferences):
            instance.check_references()  # an old text may name a listing that is gone
        instance.save()
        for name in m2m_field_names(record):
            target = getattr(instance, name).target_field_name
            getattr(instance, name).set(
                getattr(row, f"{target}_id") for row in getattr(record, name).all()
            )
        if restores_channels(record):
            instance.set_channels(channel_values(channels_as_of(instance, record)))
    return instance


def channels_as_of(resource, record):
    """The listing's contact channels as they were at this history record, in order."""
    earlier = ContactChannel.history.as_of(record.history_date).filter(resource_id=resource.pk)
    return sorted(earlier, key=lambda c: (c.position, c.pk))
