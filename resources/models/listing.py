"""Listings: one place to get help each, with what the ranking and the cards read of them."""

import sys
from datetime import timedelta

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ..channels import listing_state
from ..choices import HOURS_KINDS, ChannelKind, District, Hours, Kind, Route, Status
from ..languages import column, localized
from ..markup import Listing
from ..triage import Candidate
from .base import SlugQuerySet, Versioned, stable_id
from .channel import ContactChannel, channel_values, shown
from .taxonomy import Audience, BullyingType


def typed_codes(text):
    """The parts of a text of language codes, as typed: "nl, EN,tr" -> ["nl", "EN", "tr"]."""
    return [code.strip() for code in (text or "").split(",") if code.strip()]


def language_codes(text):
    """The codes in a text like "nl, EN,tr": ["nl", "en", "tr"], each once."""
    return list(dict.fromkeys(code.lower() for code in typed_codes(text)))


def validate_language_codes(value):
    unknown = [code for code in typed_codes(value) if code.lower() not in LANG_INFO]
    if unknown:
        raise ValidationError(
            _("Not a language code: %(codes)s. Use codes such as nl, en, tr, ar, pl."),
            params={"codes": ", ".join(unknown)},
            code="unknown_language",
        )


def review_cutoff(today=None):
    """Facts checked before this date need checking again."""
    today = today or timezone.localdate()
    return today - timedelta(days=settings.HELPFINDER_REVIEW_AFTER_DAYS)


# Resource attribute -> (link field, the linked taxonomy's foreign key in the link table).
RELEVANCE_LINKS = {
    "audience_names": ("audiences", "audience"),
    "also_names": ("also_for", "audience"),
    "type_names": ("bullying_types", "bullyingtype"),
    "general_names": ("general_types", "bullyingtype"),
}


def relevance_links(resource_ids):
    """One query: (resource id, slug, name in the active language, attribute name) for
    every audience and kind of bullying linked to these resources, at every level, in the
    staff-set order of audiences and kinds."""
    parts = [
        getattr(Resource, field)
        .through.objects.filter(resource_id__in=resource_ids)
        .annotate(
            slug=F(f"{target}__slug"),
            label=localized(f"{target}__name"),
            level=models.Value(attribute, output_field=models.CharField()),
            position=F(f"{target}__position"),
        )
        .values_list("resource_id", "slug", "label", "level", "position")
        for attribute, (field, target) in RELEVANCE_LINKS.items()
    ]
    return parts[0].union(*parts[1:], all=True).order_by("position", "slug")


def channels_without_hours():
    """The channels of the listing in the outer query that keep hours (phone, chat,
    WhatsApp, visit) whose hours are not known."""
    return ContactChannel.objects.filter(
        resource=models.OuterRef("pk"), kind__in=HOURS_KINDS, hours=Hours.UNKNOWN
    )


class ResourceQuerySet(SlugQuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def for_audience(self, slug):
        """Resources made for this audience or that also help it, and those for everyone
        (no audience named)."""
        made = Resource.audiences.through.objects.filter(resource=models.OuterRef("pk"))
        also = Resource.also_for.through.objects.filter(resource=models.OuterRef("pk"))
        return self.filter(
            models.Exists(made.filter(audience__slug=slug))
            | models.Exists(also.filter(audience__slug=slug))
            | (~models.Exists(made) & ~models.Exists(also))
        )

    def for_types(self, slugs):
        """Resources that act on or help with any of these bullying types, and those that
        help with every type (no type named)."""
        special = Resource.bullying_types.through.objects.filter(resource=models.OuterRef("pk"))
        general = Resource.general_types.through.objects.filter(resource=models.OuterRef("pk"))
        return self.filter(
            models.Exists(special.filter(bullyingtype__slug__in=slugs))
            | models.Exists(general.filter(bullyingtype__slug__in=slugs))
            | (~models.Exists(special) & ~models.Exists(general))
        )

    def fits_ages(self, youngest, oldest):
        """Resources that serve at least two years of the ages youngest..oldest.

        A resource that only touches the edge of an age group (Kindertelefoon, 8 to 18,
        for "18 or older") is not a fit for it.
        """
        # Overlap of at least two years, as triage.fits_age: each end of one range is at
        # least a year past the start of the other, and the resource's own range too.
        return self.filter(
            Q(min_age__isnull=True) | Q(min_age__lte=oldest - 1),
            Q(max_age__isnull=True) | Q(max_age__gte=youngest + 1),
            Q(min_age__isnull=True) | Q(max_age__isnull=True) | Q(max_age__gte=F("min_age") + 1),
        )

    def with_channels_without_hours(self):
        """Listings with a phone, chat, WhatsApp or visit whose hours are not known."""
        return self.filter(models.Exists(channels_without_hours()))

    def with_all_hours_known(self):
        """Listings whose every phone, chat, WhatsApp and visit has known hours (or that
        have none of those)."""
        return self.filter(~models.Exists(channels_without_hours()))

    def count_channels_without_hours(self):
        """Each listing with `channels_without_hours`: how many of its phones, chats,
        WhatsApps and visits have hours not known; in the same query as the listings."""
        counted = (
            channels_without_hours()
            .order_by()
            .values("resource")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return self.annotate(channels_without_hours=Coalesce(models.Subquery(counted), 0))

    def needs_review(self, today=None):
        """Facts never checked, or not checked in HELPFINDER_REVIEW_AFTER_DAYS days."""
        return self.filter(
            Q(last_verified__isnull=True) | Q(last_verified__lt=review_cutoff(today))
        )

    def candidates(self):
        """The resources as triage.Candidate (what the ranking reads and a card shows),
        in the active language, in three queries however many there are: the rows, their
        contact channels, and one list of all their audiences and kinds of bullying by level."""
        rows = self.values(
            "pk",
            "slug",
            "kind",
            "status",
            "is_crisis",
            "crisis_only",
            "for_self_harm",
            "route",
            "min_age",
            "max_age",
            "sort_weight",
            localized_name=localized("name"),
            localized_summary=localized("summary"),
            localized_best_at=localized("best_at"),
        )
        channels = {}
        channel_rows = ContactChannel.objects.filter(resource__in=self.values("pk")).values_list(
            "resource_id",
            "kind",
            "address",
            "via_website",
            "hours",
            "week",
            localized("note"),
            "cost",
        )
        for resource_id, *fields in channel_rows.iterator(chunk_size=2000):
            channels.setdefault(resource_id, []).append(shown(*fields))
        links = {}
        for resource_id, slug, name, level, _position in relevance_links(self.values("pk")):
            links.setdefault((resource_id, level), {})[slug] = name
        # Many listings share the same hours and the same audiences: one object for each;
        # and one string for each word of a choice (sys.intern). They stay in memory.
        shared = {}

        def one(value):
            return shared.setdefault(repr(value), value)

        return [
            Candidate(
                url=reverse("resources:resource", kwargs={"slug": row["slug"]}),
                name=row.pop("localized_name"),
                best_at=row.pop("localized_best_at"),
                summary=row.pop("localized_summary"),
                channels=one(tuple(channels.get(row["pk"], ()))),
                **{level: one(links.get((row["pk"], level), {})) for level in RELEVANCE_LINKS},
                **{name: sys.intern(row.pop(name)) for name in ("kind", "status", "route")},
                **row,
            )
            for row in rows.iterator(chunk_size=2000)
        ]

    def referenced(self, slugs):
        """The listings with these slugs as references to them show them (markup.Listing,
        in the active language), {slug: Listing}: one query, however many there are. Drafts
        too, so that a reference to a listing that became a draft shows its name."""
        first_phone = (
            ContactChannel.objects.filter(resource=models.OuterRef("pk"), kind=ChannelKind.PHONE)
            .order_by("position", "pk")
            .values("address")[:1]
        )
        rows = (
            self.filter(slug__in=slugs)
            .order_by()
            .annotate(shown_name=localized("name"), phone=models.Subquery(first_phone))
            .values_list("slug", "shown_name", "phone", "status")
        )
        return {
            slug: Listing(
                name=name,
                url=reverse("resources:resource", kwargs={"slug": slug}),
                number=phone or "",
                published=status == Status.PUBLISHED,
            )
            for slug, name, phone, status in rows
        }

    def with_details(self):
        """Everything a card shows, in two queries."""
        return self.prefetch_related("contact_channels")

    def by_weight_and_name(self):
        return self.order_by("-sort_weight", localized("name"), "pk")


class Resource(Versioned):
    """One place to get help: a helpline, a reporting point, a municipal service, ..."""

    uuid = stable_id()
    slug = models.SlugField(_("slug"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    organization = models.ForeignKey(
        "Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("organisation"),
        help_text=_("Who runs it. The open data lists it as a service of this organisation."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)

    name = models.CharField(_("name"), max_length=120)
    summary = models.CharField(
        _("summary"), max_length=240, help_text=_("One or two short sentences for the list.")
    )
    description = models.TextField(_("what they do"), blank=True)
    how_it_works = models.TextField(
        _("who can use it and how it works"),
        blank=True,
        help_text=_("Who it is for, what happens when you get in touch, what it costs."),
    )
    contact_note = models.CharField(
        _("other way to get in touch"),
        max_length=240,
        blank=True,
        help_text=_("For example: ask your mentor or the school office for their name."),
    )
    search_words = models.TextField(
        _("search words"),
        blank=True,
        help_text=_(
            "Words people type to find this listing that are not in its name or summary, "
            "separated by commas: what people call it, for example: noodnummer. A search "
            "for one of them shows this listing first."
        ),
    )
    district = models.CharField(_("district"), max_length=20, choices=District, blank=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        default="nl",
        validators=[validate_language_codes],
        help_text=_(
            "The languages they help people in, as two-letter codes separated by commas, "
            "for example: nl, en. Empty: not known."
        ),
    )

    min_age = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    # None: not known; the site then says nothing rather than guess.
    is_free = models.BooleanField(_("free"), null=True, blank=True)
    is_anonymous = models.BooleanField(_("anonymous"), null=True, blank=True)
    is_crisis = models.BooleanField(
        _("crisis line"),
        default=False,
        help_text=_("Shown right after 112 when someone says they are in danger."),
    )
    crisis_only = models.BooleanField(
        _("only for a crisis"),
        default=False,
        help_text=_(
            "A crisis line that is not among the first three cards unless someone is in "
            "danger (for example 113, Veilig Thuis)."
        ),
    )
    for_self_harm = models.BooleanField(
        _("line for suicidal thoughts"),
        default=False,
        help_text=_("First card when someone says they are thinking about hurting themselves."),
    )
    route = models.CharField(
        _("place in the route"),
        max_length=10,
        choices=Route,
        default=Route.FIRST,
        help_text=_("A last resort never comes first while a first contact fits."),
    )
    best_at = models.CharField(
        _("what they are best at"),
        max_length=120,
        blank=True,
        help_text=_(
            "In words a 12-year-old understands; shown on the card when the visitor chose "
            "a kind of bullying they act on. For example: Gets nude photos removed from "
            "the internet."
        ),
    )

    audiences = models.ManyToManyField(
        Audience,
        blank=True,
        related_name="resources",
        verbose_name=_("made for"),
        help_text=_(
            "Its main users. A listing that names audiences here or under 'also helps' "
            "is not in the results of other audiences. Leave both empty for everyone."
        ),
    )
    also_for = models.ManyToManyField(
        Audience,
        blank=True,
        related_name="resources_also",
        verbose_name=_("also helps"),
        help_text=_("Audiences it helps too, after those it is made for."),
    )
    bullying_types = models.ManyToManyField(
        BullyingType,
        blank=True,
        related_name="resources",
        verbose_name=_("specialist for"),
        help_text=_(
            "Kinds of bullying it acts on: removes images, takes reports, investigates, "
            "mediates. Leave this and the next list empty for help with every kind."
        ),
    )
    general_types = models.ManyToManyField(
        BullyingType,
        blank=True,
        related_name="resources_general",
        verbose_name=_("general help for"),
        help_text=_("Kinds of bullying it listens to and advises about, without acting."),
    )
    sort_weight = models.SmallIntegerField(
        _("sort weight"), default=0, help_text=_("Higher comes first when matches are equal.")
    )

    last_verified = models.DateField(_("facts last checked"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )
    source_url = models.URLField(_("source of the facts"), blank=True)
    staff_note = models.TextField(_("note for staff"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-sort_weight", column("name")]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        permissions = [("delete_published_resource", _("Can delete a published resource"))]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="resource_slug_unique"),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True)
                | Q(max_age__isnull=True)
                | Q(min_age__lte=models.F("max_age")),
                name="resource_age_range_valid",
                violation_error_message=_("The youngest age must not be above the oldest age."),
            ),
            models.CheckConstraint(
                condition=Q(is_crisis=True) | Q(crisis_only=False),
                name="resource_crisis_only_is_crisis_line",
                violation_error_message=_(
                    "A line only for a crisis must also be marked as a crisis line."
                ),
            ),
        ]
        indexes = [
            # The public site always filters on status first.
            models.Index(fields=["status", "-sort_weight"], name="resource_status_weight_idx"),
            # Who may be in the results (ranked_for): every column the eligibility test
            # reads, so the database checks thousands of rows without reading them.
            models.Index(
                fields=["status", "kind", "is_crisis", "min_age", "max_age"],
                name="resource_ranking_idx",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("resources:resource", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        self.languages = ", ".join(language_codes(self.languages))
        if self.status == Status.PUBLISHED and (missing := self.missing_texts()):
            raise ValidationError(
                _("To publish, fill in: %(missing)s.") % {"missing": ", ".join(missing)},
                code="publish_missing_text",
            )
        checked_today = self.last_verified == timezone.localdate()
        if self.staff_note.strip() and not checked_today and self.is_being_published():
            raise ValidationError(
                {
                    "last_verified": _(
                        "This draft has a note for staff. Check what the note says, "
                        "update it, and set the date the facts were last checked to "
                        "today before you publish."
                    )
                },
                code="publish_unchecked_note",
            )

    def check_way_to_get_in_touch(self, has_channels):
        """A published listing needs a way to get in touch: a contact channel, or the note
        on another way (for example: ask your mentor for the name). The channels are rows
        of another table, so the admin's form and the CSV import, which save them, ask
        this with what they are about to save. The note counts in the default language
        (Dutch), which every language falls back to; an English note alone leaves Dutch
        visitors without a way, as the database constraint before migration 0010 said."""
        note = (getattr(self, column("contact_note")) or "").strip()
        if self.status == Status.PUBLISHED and not has_channels and not note:
            raise ValidationError(
                _(
                    "To publish, add a way to get in touch, or fill in the other way to get "
                    "in touch."
                ),
                code="publish_no_contact",
            )

    def is_being_published(self):
        """Published now, and new or a draft until this save."""
        if self.status != Status.PUBLISHED:
            return False
        before = Resource.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        return self._state.adding or before != Status.PUBLISHED

    def missing_texts(self):
        """The names and summaries that a published resource needs, in every language."""
        labels = {
            "name": _("the name in %(language)s"),
            "summary": _("the summary in %(language)s"),
        }
        return [
            label % {"language": get_language_info(code)["name_translated"]}
            for code, _name in settings.LANGUAGES
            for field, label in labels.items()
            if not (getattr(self, f"{field}_{code}") or "").strip()
        ]

    def natural_key(self):
        return (self.slug,)

    @property
    def needs_review(self):
        return self.last_verified is None or self.last_verified < review_cutoff()

    @property
    def channels(self):
        """The ways to get in touch (channels.Channel), from the prefetched channels."""
        return tuple(channel.as_channel() for channel in self.contact_channels.all())

    def open_state(self, now=None):
        return listing_state(self.channels, now or timezone.now())

    def set_channels(self, values):
        """Replace the contact channels with these (dicts of channel_fields()); no change
        (and no history record) when they are the same."""
        values = [dict(value, position=position) for position, value in enumerate(values)]
        if values == channel_values(self.contact_channels.all()):
            return
        self.contact_channels.all().delete()
        for value in values:
            self.contact_channels.create(**value)
        getattr(self, "_prefetched_objects_cache", {}).pop("contact_channels", None)
