"""Saving content, the one way the admin, the CSV import and revert do it.

An edit is the object and its relations (audiences, kinds of bullying, ways to get in touch).
Saving one:
- checks the version: an edit based on an older version than the one in the database
  fails with Conflict (another editor saved in between), and the saved object's version
  is one higher than before;
- writes one history record, at the end, when everything of the edit is in the database.
  django-simple-history would write one on every save and on every change to a
  many-to-many field: several half-finished records. With one per edit, each record is
  a complete version that staff can revert to;
- makes the cached pages stale: the saves send the signals contentcache listens to.
"""

from contextlib import contextmanager

from django.db import transaction


class Conflict(Exception):
    """Someone else saved the object after this edit began."""


def current_version(instance, lock=True):
    """The object's version in the database; with `lock`, held until the transaction ends."""
    rows = type(instance)._default_manager.filter(pk=instance.pk)
    if lock:
        rows = rows.select_for_update()
    return rows.values_list("version", flat=True).first()


def check_version(instance, expected_version):
    """Conflict unless the database still holds `expected_version` (None: any version)."""
    current = current_version(instance)
    if expected_version is not None and expected_version != current:
        raise Conflict
    return current


def begin_edit(instance, expected_version=None):
    """Before the object's first save in an edit. Call end_edit when its relations are
    saved too; save_content does both."""
    if instance.pk:
        instance.version = check_version(instance, expected_version) + 1
    instance.skip_history_when_saving = True


def end_edit(instance, reason=None):
    """After everything of the edit is saved: the edit's one history record."""
    if not instance.__dict__.pop("skip_history_when_saving", False):
        return  # no edit begun: nothing was saved
    if reason:
        instance._change_reason = reason
    instance.save()


def save_locked(instance):
    """An edit of the object's own fields, no relations, on a row the caller read with
    select_for_update: one save, one history record, no second read of the version."""
    instance.version += 1
    instance.save()


@contextmanager
def save_content(instance, expected_version=None, reason=None):
    """Save `instance` and its relations inside the block, as one edit."""
    with transaction.atomic():
        begin_edit(instance, expected_version)
        try:
            yield instance
        except BaseException:
            instance.__dict__.pop("skip_history_when_saving", None)
            raise
        end_edit(instance, reason)
