from django.conf import settings
from django.contrib.admin import AdminSite
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm


class HelpfinderAdminSite(AdminSite):
    """The admin, titled for the product; with HELPFINDER_STAFF_2FA (always in production)
    staff log in with a password and a code from their authenticator app."""

    site_header = _("Help with online bullying: management")
    site_title = _("helpfinder management")
    index_title = _("Listings and pages")

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.HELPFINDER_STAFF_2FA else None

    @property
    def login_template(self):
        return "otp/admin111/login.html" if settings.HELPFINDER_STAFF_2FA else None

    def has_permission(self, request):
        if settings.HELPFINDER_STAFF_2FA and not request.user.is_verified():
            return False
        return super().has_permission(request)
