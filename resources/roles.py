"""Staff roles: editors keep the content right; administrators also manage staff accounts.

Created after every `migrate` (post_migrate), so a new database has them and a changed
list of permissions is applied to existing groups. Running it again changes nothing.
"""

from django.contrib.auth.models import Group, Permission

EDITORS = "Redacteuren"
ADMINISTRATORS = "Beheerders"

# Editors may delete drafts, never published resources (ResourceAdmin checks the state).
EDITOR_PERMISSIONS = {
    "resources": {
        "resource": ["view", "add", "change", "delete"],
        "contactchannel": ["view", "add", "change", "delete"],
        "audience": ["view", "add", "change"],
        "bullyingtype": ["view", "add", "change"],
        "organization": ["view", "add", "change"],
        "advice": ["view", "add", "change", "delete"],
        "page": ["view", "add", "change"],
        "feedback": ["view", "change"],
    },
}
ADMINISTRATOR_EXTRA = {
    "auth": {"user": ["view", "add", "change", "delete"], "group": ["view", "change"]},
    "axes": {"accessattempt": ["view", "delete"]},
    "otp_totp": {"totpdevice": ["view", "add", "change", "delete"]},
    "admin": {"logentry": ["view"]},
}


def permissions(spec):
    found = Permission.objects.none()
    for app_label, models in spec.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            found |= Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
    return found


def ensure_roles(**kwargs):
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set(permissions(EDITOR_PERMISSIONS))
    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    everything_in_content = Permission.objects.filter(content_type__app_label="resources")
    administrators.permissions.set(everything_in_content | permissions(ADMINISTRATOR_EXTRA))
