from axes.apps import AppConfig as AxesConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class HelpfinderAdminConfig(AdminConfig):
    """django.contrib.admin, with the admin site that asks staff for a second factor."""

    default_site = "helpfinder.admin_site.HelpfinderAdminSite"

    def ready(self):
        super().ready()
        from . import checks  # noqa: F401  (registers the deploy checks)


def rename_models(app_config, names):
    """Names staff read in the admin, in their language, for models of another package.

    Only the names the admin reads change, not those in the model's migration state
    (Meta's original attributes), so makemigrations sees nothing to do in that package.
    """
    for model_name, (singular, plural) in names.items():
        opts = app_config.get_model(model_name)._meta
        opts.verbose_name, opts.verbose_name_plural = singular, plural


class LoginProtectionConfig(AxesConfig):
    """django-axes (wrong passwords lock an account), named for staff."""

    verbose_name = _("Login protection")

    def ready(self):
        super().ready()
        rename_models(
            self,
            {
                "AccessAttempt": (_("failed login attempt"), _("failed login attempts")),
                "AccessFailureLog": (
                    _("failed login attempt (log)"),
                    _("failed login attempts (log)"),
                ),
                "AccessLog": (_("login or logout (log)"), _("logins and logouts (log)")),
            },
        )


class TwoStepLoginConfig(TOTPConfig):
    """django-otp's authenticator apps (TOTP), named for staff."""

    verbose_name = _("Two-step verification")

    def ready(self):
        super().ready()
        rename_models(self, {"TOTPDevice": (_("authenticator app"), _("authenticator apps"))})
