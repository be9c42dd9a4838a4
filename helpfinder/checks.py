from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def security_contact(app_configs, **kwargs):
    if settings.HELPFINDER_SECURITY_CONTACT:
        return []
    return [
        Warning(
            "HELPFINDER_SECURITY_CONTACT is not set: /.well-known/security.txt has no contact.",
            hint="Set it to mailto:… or https://… where vulnerabilities can be reported.",
            id="helpfinder.W001",
        )
    ]


@register(Tags.security, deploy=True)
def staff_two_factor(app_configs, **kwargs):
    if settings.HELPFINDER_STAFF_2FA:
        return []
    return [
        Warning(
            "HELPFINDER_STAFF_2FA is off: staff log in with a password only.",
            hint="Leave HELPFINDER_STAFF_2FA unset (on) in production.",
            id="helpfinder.W002",
        )
    ]
