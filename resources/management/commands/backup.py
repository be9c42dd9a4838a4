from django.core.management import call_command
from django.core.management.base import BaseCommand

# Content, its full history, feedback, staff accounts (whom the history names) and their
# authenticator devices. Primary keys are kept: history rows refer to objects by id.
# Groups are not needed: migrate creates them, and users refer to them by name.
BACKED_UP = ["resources", "auth.user", "otp_totp"]


class Command(BaseCommand):
    help = (
        "Write a backup of the content, its history, feedback and staff accounts to a JSON "
        "file (add .gz to compress). Restore it with: manage.py restore <file>."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="for example backups/helpfinder-2026-11-24.json.gz")

    def handle(self, *args, path, **options):
        call_command(
            "dumpdata",
            *BACKED_UP,
            natural_foreign=True,
            indent=None,
            output=path,
            verbosity=0,
        )
        self.stdout.write(f"Backup written to {path}.")
