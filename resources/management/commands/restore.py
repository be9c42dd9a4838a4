import gzip
import json
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from resources.contentcache import CONTENT_MODELS, content_changed
from resources.languages import column


@contextmanager
def history_off():
    """django-simple-history records nothing inside (it reads SIMPLE_HISTORY_ENABLED on every
    save and many-to-many change). Not django.test's override_settings: the shipped code
    imports nothing from django.test."""
    missing = object()
    before = getattr(settings, "SIMPLE_HISTORY_ENABLED", missing)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        if before is missing:
            del settings.SIMPLE_HISTORY_ENABLED
        else:
            settings.SIMPLE_HISTORY_ENABLED = before


class Command(BaseCommand):
    help = (
        "Load a backup made with manage.py backup into a migrated, empty database, in one "
        "transaction, and make every cached page stale."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        if made_before_slugs_per_language(path):
            raise CommandError(
                "This backup is from before information pages had an address in each "
                "language (migration 0011): its pages have no Dutch address. Restore it "
                "with the version of helpfinder that made it, then upgrade (manage.py "
                "migrate gives the pages their addresses)."
            )
        models = [*CONTENT_MODELS, get_user_model()]
        if any(model.objects.exists() for model in models):
            raise CommandError(
                "This database has content or accounts already; a restore goes into an empty "
                "one. Make a backup of it first, then empty it with: manage.py flush"
            )
        # The backup holds the history as it was. Loading sets many-to-many fields, which
        # django-simple-history would otherwise record as new changes by nobody.
        with transaction.atomic(), history_off():
            call_command("loaddata", path, verbosity=0)
            content_changed()  # after the backup's own, older, content version
        self.stdout.write(f"Restored {path}.")


def made_before_slugs_per_language(path):
    """Whether the backup's pages have one slug for all languages (before migration 0011)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as file:
            objects = json.load(file)
    except (OSError, ValueError):
        return False  # loaddata says what is wrong with it
    return any(
        entry["model"] == "resources.page" and column("slug") not in entry["fields"]
        for entry in objects
    )
