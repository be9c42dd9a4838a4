"""Shared parts of the content models."""

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
