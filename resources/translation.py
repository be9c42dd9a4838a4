"""Translated fields (django-modeltranslation) and change history (django-simple-history).

History is registered here, after the translation registration, so that the historical
tables get every language column (name_nl, name_en, ...) and a revert restores them all.
"""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Advice, Audience, BullyingType, ContactChannel, Organization, Page, Resource

# Texts required in the default language (Dutch); the others fall back to it.
DEFAULT = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@register(Audience)
class AudienceTranslation(TranslationOptions):
    fields = ("name", "answer", "search_words")
    required_languages = {DEFAULT: ("name", "answer")}


@register(BullyingType)
class BullyingTypeTranslation(TranslationOptions):
    fields = ("name", "description", "description_other", "search_words")
    required_languages = {DEFAULT: ("name",)}


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("description",)


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = (
        "name",
        "summary",
        "best_at",
        "description",
        "how_it_works",
        "contact_note",
        "search_words",
    )
    required_languages = {DEFAULT: ("name", "summary")}


@register(ContactChannel)
class ContactChannelTranslation(TranslationOptions):
    fields = ("note",)


@register(Advice)
class AdviceTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = (DEFAULT,)


@register(Page)
class PageTranslation(TranslationOptions):
    # The slug too: each language has its own address (/nl/informatie/wat-is-cyberpesten/,
    # /en/information/what-is-cyberbullying/). An empty one is stored as NULL, so that the
    # unique constraint per language leaves it out; the page then uses its Dutch slug.
    fields = ("slug", "title", "summary", "body")
    required_languages = (DEFAULT,)
    empty_values = {"slug": None}


register_history(Audience)
register_history(BullyingType)
register_history(Organization)
register_history(Resource, m2m_fields=["audiences", "also_for", "bullying_types", "general_types"])
register_history(ContactChannel)
register_history(Advice, m2m_fields=["bullying_types", "audiences"])
register_history(Page)
