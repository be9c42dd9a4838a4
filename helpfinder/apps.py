from django.contrib.admin.apps import AdminConfig


class HelpfinderAdminConfig(AdminConfig):
    """django.contrib.admin, with the admin site that asks staff for a second factor."""

    default_site = "helpfinder.admin_site.HelpfinderAdminSite"

    def ready(self):
        super().ready()
        from . import checks  # noqa: F401  (registers the deploy checks)
