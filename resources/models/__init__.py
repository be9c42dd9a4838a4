"""The domain: places to get help (resources), the ways to get in touch with them, who
they are for, what they help with, advice for what to do now, information pages, and
feedback from the public.

Translated fields (name, summary, ...) are registered in ``translation.py``; the database
holds a column per language: ``name_nl``, ``name_en``, ...
"""

from .channel import ContactChannel
from .content import Advice, Page
from .content_version import ContentVersion
from .feedback import Feedback
from .listing import Resource, relevance_links
from .organization import Organization
from .taxonomy import Audience, BullyingType

__all__ = [
    "Advice",
    "Audience",
    "BullyingType",
    "ContactChannel",
    "ContentVersion",
    "Feedback",
    "Organization",
    "Page",
    "Resource",
    "relevance_links",
]
