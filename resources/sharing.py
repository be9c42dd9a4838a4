"""Sending a page on: its address, and e-mail and WhatsApp links that carry only that
address under a general subject, so that nothing about the visitor's answers goes with
it beyond what the address itself holds. Nothing is stored: these are plain links."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ShareLinks:
    url: str  # the page's own address, absolute
    mailto: str
    whatsapp: str


def share_links(url):
    subject = _("Help with online bullying in Amsterdam")
    message = f"{subject}: {url}"
    return ShareLinks(
        url=url,
        mailto="mailto:?" + urlencode({"subject": subject, "body": message}, quote_via=quote),
        # WhatsApp's own address for "send this text"; the visitor picks whom to send it to.
        whatsapp="https://wa.me/?" + urlencode({"text": message}, quote_via=quote),
    )
