"""Reports from the public that something in a listing is wrong."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .listing import Resource


class Feedback(models.Model):
    """A report from the public that something in a listing is wrong. Stores no IP address."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        HANDLED = "handled", _("Handled")

    resource = models.ForeignKey(
        Resource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("resource"),
    )
    message = models.TextField(_("message"), max_length=2000)
    contact = models.CharField(
        _("contact for questions"),
        max_length=200,
        blank=True,
        help_text=_("Only if the visitor chose to leave one."),
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.OPEN)
    staff_note = models.TextField(_("note for staff"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return self.message[:60]

    def mark_handled(self, user):
        """Handled: who and when; the visitor's contact details are no longer needed."""
        self.state = self.State.HANDLED
        self.handled_at = timezone.now()
        self.handled_by = user
        self.contact = ""
