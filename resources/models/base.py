"""Shared parts of the content models."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Versioned(models.Model):
    """Counts saves, so that a second editor cannot silently overwrite the first (admin.py)."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class SlugQuerySet(models.QuerySet):
    """Lets fixtures refer to taxonomy entries by slug (natural keys)."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


def stable_id():
    """The id by which the open data (resources/hsds.py) names an object: made once, never
    reused (uuid4), kept by a backup and a restore, so other services can keep it."""
    return models.UUIDField(_("open-data id"), default=uuid.uuid4, editable=False, unique=True)
