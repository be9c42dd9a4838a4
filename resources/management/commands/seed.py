from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from resources.contentcache import CONTENT_MODELS

FIXTURES = ["taxonomy.yaml", "organizations.yaml", "resources.yaml", "advice.yaml", "pages.yaml"]


class Command(BaseCommand):
    help = (
        "Load the Amsterdam seed data from fixtures/ into an empty database. "
        "Does nothing when there is content already, so staff edits are never overwritten."
    )

    def handle(self, *args, **options):
        if any(model.objects.exists() for model in CONTENT_MODELS):
            self.stdout.write("Content already exists: nothing loaded, nothing changed.")
            return
        with transaction.atomic():
            call_command(
                "loaddata", *(settings.BASE_DIR / "fixtures" / f for f in FIXTURES), verbosity=0
            )
            # History starts with exactly one complete record per object, the seeded
            # version, so that staff can always go back to it. loaddata's many-to-many
            # changes left partial records: remove them, then save each object once.
            # Contact channels go first: a listing's first record includes its channels.
            for model in CONTENT_MODELS:
                model.history.all().delete()
            for model in CONTENT_MODELS:
                for obj in model.objects.all():
                    obj._change_reason = "Seed data"
                    obj.save()
        counts = ", ".join(
            f"{model.objects.count()} {model._meta.verbose_name_plural}" for model in CONTENT_MODELS
        )
        self.stdout.write(self.style.SUCCESS(f"Seed data loaded: {counts}."))
