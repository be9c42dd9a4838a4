"""Who looks for help (audiences) and the kinds of cyberbullying."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import SlugQuerySet, Versioned, stable_id


class Audience(Versioned):
    """Who is looking for help: a young person being bullied, a parent, a teacher, ..."""

    uuid = stable_id()
    slug = models.SlugField(_("slug"), max_length=40)
    name = models.CharField(_("name"), max_length=80, help_text=_("For example: parents"))
    answer = models.CharField(
        _("answer in the questionnaire"),
        max_length=80,
        help_text=_("How a visitor says it, for example: I am a parent or carer"),
    )
    search_words = models.TextField(
        _("search words"),
        blank=True,
        help_text=_(
            "Words by which people say who they are when they search, separated by commas. "
            "For example: mijn kind, mijn dochter. A search with one of them ranks the help "
            "as the results do for this group."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    show_on_home = models.BooleanField(
        _("show on the home page"),
        default=True,
        help_text=_(
            "A button on the home page starts the questions with this answer. The "
            'audience is always an answer to "Who are you?".'
        ),
    )
    has_poster = models.BooleanField(
        _("poster for this group"),
        default=False,
        help_text=_(
            "A poster of one A4 page for this group, to print and hang up at schools, youth "
            "centres and GP waiting rooms. It shows the emergency numbers, the first three "
            "places to go for help and a QR code that starts the questions."
        ),
    )

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = [models.UniqueConstraint(fields=["slug"], name="audience_slug_unique")]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class BullyingType(Versioned):
    """A form of cyberbullying: threats, fake profiles, exclusion, ..."""

    uuid = stable_id()
    slug = models.SlugField(_("slug"), max_length=40)
    name = models.CharField(_("name"), max_length=80)
    description = models.CharField(
        _("description, to the person being bullied"),
        max_length=200,
        blank=True,
        help_text=_(
            "Under the answer for young people and adults who are bullied themselves. "
            "For example: Someone calls you names."
        ),
    )
    description_other = models.CharField(
        _("description, about someone else"),
        max_length=200,
        blank=True,
        help_text=_(
            "Under the answer for parents, school staff, people worried about someone, "
            "and visitors who did not say who they are. For example: Someone is called names."
        ),
    )
    search_words = models.TextField(
        _("search words"),
        blank=True,
        help_text=_(
            "Words people type when this is happening to them, separated by commas: "
            "everyday words, children's words, slang. For example: nudes, sexting. A "
            "search for one of them shows the help for this kind of bullying."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("bullying type")
        verbose_name_plural = _("bullying types")
        constraints = [models.UniqueConstraint(fields=["slug"], name="bullyingtype_slug_unique")]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)
