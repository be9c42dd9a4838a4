from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from resources.contentcache import CONTENT_MODELS, content_changed


class Command(BaseCommand):
    help = (
        "Load a backup made with manage.py backup into a migrated, empty database, in one "
        "transaction, and make every cached page stale."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        models = [*CONTENT_MODELS, get_user_model()]
        if any(model.objects.exists() for model in models):
            raise CommandError(
                "This database has content or accounts already; a restore goes into an empty "
                "one. Make a backup of it first, then empty it with: manage.py flush"
            )
        # The backup holds the history as it was. Loading sets many-to-many fields, which
        # django-simple-history would otherwise record as new changes by nobody.
        with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
            call_command("loaddata", path, verbosity=0)
            content_changed()  # after the backup's own, older, content version
        self.stdout.write(f"Restored {path}.")
