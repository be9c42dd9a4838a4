"""Advice steps and information pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..choices import Status
from ..languages import codes, column, columns
from ..markup import references_in
from .base import Versioned
from .listing import Resource
from .taxonomy import Audience, BullyingType


class ListingReferences:
    """A text that names listings with references, [[kindertelefoon]] (markup.py): each
    must be the slug of a published listing, or the save is refused, with the error on
    the field in the language where the reference is. Every save path that validates
    (the admin, a revert) calls clean(). Visitors never see an error: a listing that
    becomes a draft or is deleted later shows as plain words (markup.shown)."""

    REFERENCING_FIELDS = ("body",)

    def clean(self):
        super().clean()
        self.check_references()

    def references(self):
        """{column: the slugs its text references}, for every language."""
        return {
            name: references_in(getattr(self, name))
            for field in self.REFERENCING_FIELDS
            for name in columns(field)
        }

    @classmethod
    def referencing(cls, slugs):
        """The objects whose texts name any of these listings, in any language."""
        slugs = set(slugs)
        maybe = Q()
        for field in cls.REFERENCING_FIELDS:
            for name in columns(field):
                maybe |= Q(**{f"{name}__contains": "[["})
        return [
            obj
            for obj in cls._default_manager.filter(maybe)
            if any(slugs.intersection(found) for found in obj.references().values())
        ]

    def check_references(self):
        found = self.references()
        slugs = {slug for references in found.values() for slug in references}
        if not slugs:
            return
        status = dict(Resource.objects.filter(slug__in=slugs).values_list("slug", "status"))
        errors = {}
        for name, references in found.items():
            unknown = [slug for slug in references if slug not in status]
            drafts = [
                slug
                for slug in references
                if status.get(slug, Status.PUBLISHED) != Status.PUBLISHED
            ]
            messages = []
            if unknown:
                messages.append(unknown_references(unknown))
            if drafts:
                messages.append(draft_references(drafts))
            if messages:
                errors[name] = messages
        if errors:
            raise ValidationError(errors)


def written(slugs):
    return ", ".join(f"[[{slug}]]" for slug in slugs)


def unknown_references(slugs):
    return ValidationError(
        ngettext(
            "There is no listing with the slug in %(references)s. Check the spelling: the "
            "slug is in the listing's web address. Or remove the reference.",
            "There are no listings with the slugs in %(references)s. Check the spelling: "
            "the slug is in the listing's web address. Or remove the references.",
            len(slugs),
        ),
        code="unknown_reference",
        params={"references": written(slugs)},
    )


def draft_references(slugs):
    return ValidationError(
        ngettext(
            "%(references)s is a draft listing, which visitors cannot see. Publish the "
            "listing first, or remove the reference.",
            "%(references)s are draft listings, which visitors cannot see. Publish the "
            "listings first, or remove the references.",
            len(slugs),
        ),
        code="draft_reference",
        params={"references": written(slugs)},
    )


class Advice(ListingReferences, Versioned):
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

    def at(self, slug, language=None):
        """The page whose address in `language` (default: the active one) ends in `slug`:
        its slug in that language or, where it has none, its Dutch slug. This is the
        fallback of `page.slug` (MODELTRANSLATION_FALLBACK_LANGUAGES: the language, then
        Dutch, which every page has), as a filter the indexes of the unique constraints
        serve."""
        own = column("slug", language or translation.get_language())
        default = column("slug")
        if own == default:
            return self.filter(**{default: slug})
        empty = Q(**{f"{own}__isnull": True}) | Q(**{own: ""})
        return self.filter(Q(**{own: slug}) | (empty & Q(**{default: slug})))

    def moved_from(self, slug):
        """The page an address that is not (or no longer) one of these pages leads to: the
        page with `slug` in another language, or else the page that had it last, in any
        language (its history). None if there is none among these pages. For the
        not-found path only: it costs two or three queries."""
        in_any_language = Q()
        for name in columns("slug"):
            in_any_language |= Q(**{name: slug})
        page = self.filter(in_any_language).first()
        if page is None:
            records = Page.history.filter(in_any_language, id__in=self.values("pk"))
            last = records.order_by("-history_date", "-history_id").values("id")[:1]
            page = self.filter(pk__in=last).first()
        return page


class Page(ListingReferences, Versioned):
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
        # The slug is translated (translation.py): slug_nl, slug_en, ... One address per
        # page and language; PageQuerySet.at() finds a page by them. A slug left empty is
        # NULL (not in the constraint) and the page uses its Dutch slug in that language.
        constraints = [
            models.UniqueConstraint(
                fields=[column("slug", code)],
                name=f"page_slug_{code}_unique",
                violation_error_code="unique",
                violation_error_message=_("Another page already has this address."),
            )
            for code in codes()
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The page's address in the active language."""
        return reverse("resources:page", kwargs={"slug": self.slug})

    def url_in(self, language):
        """The page's address in `language`: /nl/informatie/wat-is-cyberpesten/, ..."""
        with translation.override(language):
            return self.get_absolute_url()

    def validate_constraints(self, exclude=None):
        """No two pages at one address in a language, also where a page has no slug of
        its own in that language and so uses its Dutch one (the unique constraints alone
        cannot see that). The message names the other page and the language."""
        exclude = set(exclude or ())
        errors = {}
        others = Page.objects.exclude(pk=self.pk) if self.pk else Page.objects.all()
        for code, name in settings.LANGUAGES:
            own = column("slug", code)
            field = own if getattr(self, own) else column("slug")
            slug = getattr(self, field)
            if not slug or field in exclude or field in errors:
                continue
            other = others.at(slug, code).first()
            if other is not None:
                error = ValidationError(
                    _(
                        "The page “%(page)s” already has the address "
                        "“%(slug)s” in %(language)s. Choose another one."
                    ),
                    code="unique",
                    params={"page": other, "slug": slug, "language": name},
                )
                errors[field] = [error]
        exclude.update(errors)  # one message per field, not the constraint's too
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)
