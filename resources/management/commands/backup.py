import gzip
import json
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand

# What a backup holds: the content, its full history and feedback; the staff accounts
# (whom the history names) and their authenticator devices. Primary keys are kept: history
# rows refer to objects by id. Each entry: (app labels or models, natural foreign keys).
# Content refers to other rows by id: its history names listings, audiences and staff
# that may have been deleted since, and the natural key (a slug, a username) of a deleted
# row cannot be read. Staff accounts name their groups and permissions by natural key:
# migrate creates those with ids of its own, so groups are not in the backup.
BACKED_UP = [
    (["auth.user"], True),
    (["resources", "otp_totp"], False),
]


class Command(BaseCommand):
    help = (
        "Write a backup of the content, its history, feedback and staff accounts to a JSON "
        "file (add .gz to compress). Restore it with: manage.py restore <file>."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="for example backups/helpfinder-2026-11-24.json.gz")

    def handle(self, *args, path, **options):
        objects = []
        for labels, natural in BACKED_UP:
            out = StringIO()
            call_command(
                "dumpdata",
                *labels,
                natural_foreign=natural,
                format="json",
                stdout=out,
                verbosity=0,
            )
            objects.extend(json.loads(out.getvalue()))
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "wt", encoding="utf-8") as file:
            json.dump(objects, file, ensure_ascii=False)
        self.stdout.write(f"Backup written to {path} ({len(objects)} objects).")
