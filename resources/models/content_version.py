"""The number the page cache keys on (resources/contentcache.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row counting changes to the public content. Every cached page and cached list
    carries the number it was made from; a change raises it in the same transaction, so
    the next request anywhere builds fresh pages. See resources/contentcache.py."""

    number = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return str(self.number)
