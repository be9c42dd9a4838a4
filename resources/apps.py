from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Help listings")

    def ready(self):
        from .contentcache import connect_signals
        from .roles import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
        connect_signals()
