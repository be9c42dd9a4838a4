"""The domain: places to get help (resources), who they are for, what they help with,
advice for what to do now, information pages, and feedback from the public.

Translated fields (name, summary, ...) are registered in ``translation.py``; the database
holds a column per language: ``name_nl``, ``name_en``, ...
"""

from .content import Advice, Page
from .content_version import ContentVersion
from .feedback import Feedback
from .listing import CONTACT_DETAILS, TRANSLATED_CONTACT_DETAILS, Resource, relevance_links
from .opening_hours import OpeningHours
from .taxonomy import Audience, BullyingType

__all__ = [
    "CONTACT_DETAILS",
    "TRANSLATED_CONTACT_DETAILS",
    "Advice",
    "Audience",
    "BullyingType",
    "ContentVersion",
    "Feedback",
    "OpeningHours",
    "Page",
    "Resource",
    "relevance_links",
]
