"""The site's languages and the translated fields (django-modeltranslation).

The languages are settings.LANGUAGES, the default (Dutch) first; which fields are
translated is registered in translation.py. Everything else asks here.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname


def codes():
    """The language codes, in the order of settings.LANGUAGES."""
    return [code for code, _name in settings.LANGUAGES]


def column(field, language=None):
    """The column of a translated field in one language, by default the default
    language: column("name", "en") is "name_en"."""
    return build_localized_fieldname(field, language or settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


def columns(field):
    """The columns of a translated field in every language: name_nl, name_en, ..."""
    return [column(field, code) for code in codes()]


def translated_fields(model):
    """The fields of a model that translation.py registers, in the model's order (the
    registry keeps them in a set, in another order in every process)."""
    registered = translator.get_options_for_model(model).fields
    return [field.name for field in model._meta.get_fields() if field.name in registered]


def localized(field, language=None):
    """An expression for `field` in the active language, falling back to Dutch.

    modeltranslation's fallback works on attribute access only; use this to filter or
    order by a translated field.
    """
    language = language or get_language() or settings.LANGUAGE_CODE
    names = [column(field, language)]
    if language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        names.append(column(field))
    return Coalesce(
        *(NullIf(name, models.Value("")) for name in names),
        models.Value(""),
        output_field=models.TextField(),
    )
