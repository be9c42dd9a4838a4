import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Give a staff member two-step verification: prints a QR code to scan with an "
        "authenticator app (and the otpauth:// link, for apps that take a link)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--replace", action="store_true", help="Replace an existing device (lost phone)."
        )

    def handle(self, *args, username, replace, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None or not user.is_staff:
            raise CommandError(f"No staff account called {username!r}.")
        devices = TOTPDevice.objects.filter(user=user)
        if devices.exists() and not replace:
            raise CommandError(f"{username} already has a device; use --replace for a new one.")
        devices.delete()
        device = TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)
        self.stdout.write(f"Scan this with the authenticator app of {username}:")
        segno.make(device.config_url, error="m").terminal(out=self.stdout, compact=True)
        self.stdout.write(f"Or enter this link in the app: {device.config_url}")
