"""Organisations: who runs a listing. One organisation may run several listings (Offlimits
runs Helpwanted; De Kindertelefoon runs the Alles Oké? Supportlijn). The open-data API
(resources/hsds.py) gives each published listing as a service of its organisation."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import SlugQuerySet, Versioned, stable_id


class Organization(Versioned):
    """An organisation that runs one or more listings."""

    uuid = stable_id()
    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("Its own name, the same in every language. For example: Offlimits"),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences: what kind of organisation it is."),
    )
    website = models.URLField(_("website"), blank=True)

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [models.UniqueConstraint(fields=["slug"], name="organization_slug_unique")]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)
