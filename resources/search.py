"""Search over name, summary and description of resources, in the active language.

PostgreSQL uses its full-text search with each language's own dictionary, so "pesten"
also finds "gepest" and "bullying" finds "bullied". Other databases (SQLite in development)
match words as substrings.

The Dutch stemmer keeps the "ge-" of past participles ("gepest" stays "gepest", while
"pesten" becomes "pest"), so for Dutch each word starting with "ge" is also tried without it.
"""

from django.conf.locale import LANG_INFO
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q
from django.utils.translation import get_language

from .languages import localized

FIELDS = ("name", "summary", "description")
# The text search configurations that PostgreSQL (14 and later) ships, each named after
# its language in English (SELECT cfgname FROM pg_ts_config).
POSTGRESQL_CONFIGURATIONS = frozenset(
    "arabic armenian basque catalan danish dutch english finnish french "  # noqa: SIM905
    "german greek hindi hungarian indonesian irish italian lithuanian nepali norwegian "
    "portuguese romanian russian serbian spanish swedish tamil turkish yiddish".split()
)
MAX_WORDS = 8
MAX_WORD_LENGTH = 40


def words(text):
    """The words to look for: at most eight, each at most 40 characters, no punctuation."""
    cleaned = "".join(char if char.isalnum() else " " for char in text)
    return [word[:MAX_WORD_LENGTH] for word in cleaned.split()][:MAX_WORDS]


def variants(word, language):
    """A word and, for Dutch past participles, the word without "ge"."""
    if language == "nl" and word.lower().startswith("ge") and len(word) > 4:
        return [word, word[2:]]
    return [word]


def configuration(language):
    """PostgreSQL's text search configuration for a language: the one named after it in
    English ("dutch" for nl, "english" for en-gb), else "simple" (words as they are)."""
    for code in (language, language.split("-")[0]):
        name = LANG_INFO.get(code, {}).get("name", "").lower()
        if name in POSTGRESQL_CONFIGURATIONS:
            return name
    return "simple"


def search_vector(language):
    """What PostgreSQL searches in, for one language. resource_search_<code>_idx indexes
    exactly this expression, written out in a migration (0007 for nl and en): change it,
    add a migration; tests/test_search_index.py says so and prints the new SQL."""
    config = configuration(language)
    return SearchVector(*(localized(field, language) for field in FIELDS), config=config)


def search_resources(queryset, text):
    language = get_language()
    terms = [variants(word, language) for word in words(text)]
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        config = configuration(language)
        vector = search_vector(language)
        query = None
        for alternatives in terms:
            either = None
            for word in alternatives:
                one = SearchQuery(word, config=config, search_type="plain")
                either = one if either is None else either | one
            query = either if query is None else query & either
        # An alias, not an annotation: computed only where the index cannot answer.
        return queryset.alias(search_vector=vector).filter(search_vector=query)
    annotated = queryset.annotate(**{f"search_{field}": localized(field) for field in FIELDS})
    for alternatives in terms:
        condition = Q()
        for word in alternatives:
            for field in FIELDS:
                condition |= Q(**{f"search_{field}__icontains": word})
        annotated = annotated.filter(condition)
    return annotated
