"""Advice steps and information pages."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..choices import Status
from .base import Versioned
from .taxonomy import Audience, BullyingType


class Advice(Versioned):
    """A step a visitor can take now: save evidence, block, report, tell someone."""

    slug = models.SlugField(_("slug"), max_length=60)
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"))
    bullying_types = models.ManyToManyField(
        BullyingType,
        blank=True,
        related_name="advice",
        verbose_name=_("bullying types"),
        help_text=_("Leave empty for advice that fits every kind of bullying."),
    )
    audiences = models.ManyToManyField(
        Audience,
        blank=True,
        related_name="advice",
        verbose_name=_("written for"),
        help_text=_("Leave empty for advice that fits everyone."),
    )
    min_age = models.PositiveSmallIntegerField(
        _("youngest age"),
        null=True,
        blank=True,
        help_text=_("Of the person being bullied. Leave empty for any age."),
    )
    max_age = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("advice")
        verbose_name_plural = _("advice")
        constraints = [models.UniqueConstraint(fields=["slug"], name="advice_slug_unique")]

    def __str__(self):
        return self.title


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Page(Versioned):
    """An information page: what cyberbullying is, for parents, privacy statement, ..."""

    class Placement(models.TextChoices):
        INFO = "info", _("Information (home page and footer)")
        FOOTER = "footer", _("Footer only")

    slug = models.SlugField(_("slug"), max_length=60)
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(_("summary"), max_length=240)
    body = models.TextField(
        _("text"), help_text=_("Markdown: blank line between paragraphs, ## heading, - list.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    placement = models.CharField(
        _("placement"), max_length=10, choices=Placement, default=Placement.INFO
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
        constraints = [models.UniqueConstraint(fields=["slug"], name="page_slug_unique")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("resources:page", kwargs={"slug": self.slug})
