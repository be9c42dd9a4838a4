"""On PostgreSQL, a search in the directory is answered from the language's full-text
index, so that it stays fast with thousands of listings."""

import pytest
from django.db import connection
from django.utils import translation

from resources.models import Resource
from resources.search import POSTGRESQL_CONFIGURATIONS, configuration


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search indexes exist on PostgreSQL"
)
@pytest.mark.parametrize(("language", "words"), [("nl", "gepest school"), ("en", "bullying")])
def test_a_search_uses_the_full_text_index_of_its_language(language, words):
    with translation.override(language):
        found = Resource.objects.search(words)
        with connection.cursor() as cursor:
            # With 30 listings a table scan is cheaper; ask whether the index can answer.
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = found.explain()
        assert found.exists()
    assert f"resource_search_{language}_idx" in plan


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "dutch"), ("en", "english"), ("en-gb", "english"), ("de", "german"), ("fy", "simple")],
)
def test_each_language_is_searched_with_the_configuration_named_after_it(language, expected):
    assert configuration(language) == expected


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="text search configurations")
def test_postgresql_has_every_configuration_that_search_may_ask_for():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        names = {name for (name,) in cursor.fetchall()}
    assert names >= POSTGRESQL_CONFIGURATIONS
