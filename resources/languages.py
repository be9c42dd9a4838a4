"""The site's languages and the translated fields (django-modeltranslation)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language


def localized(field, language=None):
    """An expression for `field` in the active language, falling back to Dutch.

    modeltranslation's fallback works on attribute access only; use this to filter or
    order by a translated field.
    """
    language = language or get_language() or settings.LANGUAGE_CODE
    columns = [f"{field}_{language}"]
    if language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        columns.append(f"{field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}")
    return Coalesce(
        *(NullIf(column, models.Value("")) for column in columns),
        models.Value(""),
        output_field=models.TextField(),
    )
