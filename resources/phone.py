"""Phone numbers as people in the Netherlands write them, and as phones dial them.

Numbers are stored the way they are shown ("0800-0432", "020-261 52 75", "112", "14 020"):
an area or service code, a hyphen, the subscriber number in groups; or a short number.
Links dial the international form (+318000432), except short numbers such as 112, 113,
116 111 and 14 020, which only work as they are.
"""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LONG_FORMAT = re.compile(r"^0\d{1,3}-\d{2,4}( \d{1,4})*$")
SHORT_FORMAT = re.compile(r"^1\d{2}( \d{3})?$|^14 0\d{2,3}$")


def digits(number):
    return re.sub(r"\D", "", number)


def is_short_number(number):
    return bool(SHORT_FORMAT.match(number))


def validate_phone(number):
    """Refuse numbers that are not written in the house style or that cannot exist."""
    if is_short_number(number):
        return
    if not LONG_FORMAT.match(number):
        raise ValidationError(
            _(
                "Write the number as it is shown to the public, with a hyphen after "
                "the area code, for example 0800-0432 or 020-261 52 75; "
                "or a short number such as 112."
            ),
            code="phone_format",
        )
    if not phonenumbers.is_valid_number(phonenumbers.parse(number, "NL")):
        raise ValidationError(
            _("%(number)s is not a valid Dutch phone number."),
            code="phone_invalid",
            params={"number": number},
        )


def tel_href(number):
    """The `tel:` link target: international format, or the short number as it is."""
    if not number:
        return ""
    if is_short_number(number):
        return f"tel:{digits(number)}"
    return f"tel:+31{digits(number)[1:]}"
