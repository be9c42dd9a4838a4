"""Every text the public reads exists in both languages, and each language's text is in
that language: no English word left in the Dutch, no Dutch word in the English.

The telltales are short, common words that only one of the two languages has, so that a
sentence pasted in the wrong field or left untranslated shows up. Names of organisations
stay as they are in either language (docs/glossary.md): they are taken out first.
"""

import re

import polib
import pytest
from django.conf import settings
from django.db import models

from resources.contentcache import CONTENT_MODELS
from resources.languages import column, translated_fields
from resources.models import Advice, Page, Resource

# Whole words, any case.
TELLTALES = {
    "nl": {"the", "and", "you", "your", "with", "please", "click", "gerund", "runnen"},
    "en": {"het", "een", "niet", "wordt", "ook", "maar", "jij", "naar", "bij", "voor", "je"},
}
URL = re.compile(r"https?://\S+|\S+@\S+|\[\[[^]]*\]\]")


def names_of_organisations():
    """Names that stay in Dutch in English texts, longest first (so that a longer name is
    taken out before a shorter one inside it)."""
    names = {name for resource in Resource.objects.all() for name in resource_names(resource)}
    return sorted(names, key=len, reverse=True)


def resource_names(resource):
    return [getattr(resource, column("name", code)) or "" for code, _name in settings.LANGUAGES]


def telltales_in(text, language, names=()):
    text = URL.sub(" ", text)
    for name in names:
        text = text.replace(name, " ")
    words = {word.lower() for word in re.findall(r"[^\W\d_]+", text)}
    return sorted(words & TELLTALES[language])


def text_fields(model):
    return [
        name
        for name in translated_fields(model)
        if isinstance(model._meta.get_field(name), (models.CharField, models.TextField))
        and not isinstance(model._meta.get_field(name), models.SlugField)
    ]


def public_texts():
    """(object, field, language, text) for every translated text field of the content."""
    for model in CONTENT_MODELS:
        for obj in model.objects.all():
            for field in text_fields(model):
                for code, _name in settings.LANGUAGES:
                    yield obj, field, code, getattr(obj, column(field, code)) or ""


@pytest.mark.django_db
def test_no_seeded_text_has_words_of_the_other_language(seeded):
    names = names_of_organisations()
    wrong = [
        (str(obj), field, code, found)
        for obj, field, code, text in public_texts()
        if (found := telltales_in(text, code, names))
    ]
    assert wrong == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Page, Advice])
def test_every_information_page_and_advice_step_exists_in_both_languages(seeded, model):
    shown = model.objects.published() if model is Page else model.objects.all()
    assert shown.count() >= 8
    for obj in shown:
        for field in text_fields(model):
            texts = {code: getattr(obj, column(field, code)) for code, _ in settings.LANGUAGES}
            assert all(texts.values()), (obj, field)  # no language left empty
            if field != "title" or len(texts["nl"]) > 12:  # short names may be the same
                assert texts["nl"] != texts["en"], (obj, field)


def test_the_dutch_interface_has_no_english_words_left():
    catalog = polib.pofile(str(settings.BASE_DIR / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    wrong = [
        (entry.msgid, found)
        for entry in catalog
        if not entry.obsolete
        and (found := telltales_in(" ".join([entry.msgstr, *entry.msgstr_plural.values()]), "nl"))
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("nl", "De Kindertelefoon wordt gerund door vrijwilligers.", ["gerund"]),
        ("nl", "Bel de politie and vraag om hulp.", ["and"]),
        ("en", "Call the police, ook at night.", ["ook"]),
        ("en", "Tell someone you trust: a parent or a teacher.", []),
        ("en", "Go to Het Juridisch Loket.", ["het"]),
        ("nl", "Kijk op https://www.the-site.example/and-you/ voor meer.", []),
    ],
)
def test_the_telltales_find_words_of_the_other_language(language, text, found):
    assert telltales_in(text, language) == found


def test_names_of_organisations_may_stay_in_dutch_in_english_text():
    assert telltales_in("Call Het Juridisch Loket.", "en", ["Het Juridisch Loket"]) == []
