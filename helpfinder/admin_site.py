from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


class StaffLoginForm(AdminAuthenticationForm):
    """Password and the code from the staff member's authenticator app, in one step.

    Each staff member has one authenticator app (manage.py enrol_totp). Wrong codes slow
    down further tries (django-otp's throttling); wrong passwords lock the account
    (django-axes).
    """

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean(self):
        cleaned_data = super().clean()  # the password, and that this is a staff account
        user = self.get_user()
        if user is None or "code" not in cleaned_data:
            return cleaned_data
        device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
        if device is None:
            raise forms.ValidationError(
                _("This account has no authenticator app yet. Ask an administrator to set one up.")
            )
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _("Too many wrong codes. Wait a minute, then try the newest code.")
            )
        if not device.verify_token(cleaned_data["code"].replace(" ", "")):
            raise forms.ValidationError(
                _("This code is not right. Enter the code your app shows now.")
            )
        user.otp_device = device  # django-otp marks the session as verified at login
        return cleaned_data


class HelpfinderAdminSite(AdminSite):
    """The admin, titled for the product; with HELPFINDER_STAFF_2FA (always in production)
    staff log in with a password and a code from their authenticator app."""

    site_header = _("Help with online bullying: management")
    site_title = _("helpfinder management")
    index_title = _("Listings and pages")
    # The list of listings needs the width of a 1280 px window (its filters take the right
    # side); the breadcrumbs and the index lead to the other lists.
    enable_nav_sidebar = False

    @property
    def login_form(self):
        return StaffLoginForm if settings.HELPFINDER_STAFF_2FA else None

    @property
    def login_template(self):
        return "admin/login_2fa.html" if settings.HELPFINDER_STAFF_2FA else None

    def has_permission(self, request):
        if settings.HELPFINDER_STAFF_2FA and not request.user.is_verified():
            return False
        return super().has_permission(request)
