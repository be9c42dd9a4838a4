from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from resources.models import Resource


class Command(BaseCommand):
    help = (
        "List the resources whose facts were not checked in HELPFINDER_REVIEW_AFTER_DAYS "
        "days. Prints nothing when all are fresh, so cron only mails when there is work."
    )

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="", help="Prefix for admin links, e.g. https://…")

    def handle(self, *args, base_url, **options):
        resources = Resource.objects.needs_review().select_related("verified_by")
        resources = resources.order_by("status", "last_verified", "slug")
        if not resources:
            if options["verbosity"] > 1:
                self.stdout.write(_("Every resource was checked recently."))
            return
        days = settings.HELPFINDER_REVIEW_AFTER_DAYS
        with translation.override(settings.LANGUAGE_CODE):
            self.stdout.write(
                ngettext(
                    "%(count)d resource not checked in the last %(days)d days:",
                    "%(count)d resources not checked in the last %(days)d days:",
                    len(resources),
                )
                % {"count": len(resources), "days": days}
            )
            for resource in resources:
                url = base_url + reverse("admin:resources_resource_change", args=[resource.pk])
                if resource.last_verified:
                    checked = _("last checked %(date)s by %(who)s") % {
                        "date": resource.last_verified.isoformat(),
                        "who": resource.verified_by or "?",
                    }
                else:
                    checked = _("never checked")
                self.stdout.write(
                    f"- {resource.name} [{resource.get_status_display()}], {checked}: {url}"
                )
