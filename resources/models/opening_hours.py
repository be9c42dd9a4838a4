"""Opening hours of a listing, and the condition "open at this moment" in SQL."""

from datetime import time

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import Weekday
from ..hours import AMSTERDAM


def open_condition(moment):
    """A condition: open at this moment (day and night, or within one of its periods).
    As hours.open_state, in Amsterdam time; 00:00 as closing time means midnight."""
    local = moment.astimezone(AMSTERDAM)
    now = local.time()
    open_hours = OpeningHours.objects.filter(
        Q(opens__lte=now, closes__gt=now) | Q(opens__lte=now, closes=time(0)),
        resource=models.OuterRef("pk"),
        weekday=local.weekday(),
    )
    return Q(open_24_7=True) | models.Exists(open_hours)


class OpeningHours(models.Model):
    """One opening period on one weekday, in Amsterdam time. 00:00 as closing means midnight."""

    resource = models.ForeignKey("Resource", on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")) | Q(closes=time(0)),
                name="openinghours_closes_after_opens",
                violation_error_message=_("Closing time must be after opening time."),
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"
