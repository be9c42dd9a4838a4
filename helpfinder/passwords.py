from django.contrib.auth import password_validation
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's check, with a message that is translated: Django 5.2's Dutch catalog lacks
    the current wording of this one."""

    def get_error_message(self):
        return _("This password is too short. Use at least %(min_length)d characters.") % {
            "min_length": self.min_length
        }

    def get_help_text(self):
        return _("Use at least %(min_length)d characters.") % {"min_length": self.min_length}
