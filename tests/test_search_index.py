"""On PostgreSQL, a search in the directory is answered from the language's full-text
index, so that it stays fast with thousands of listings."""

import pytest
from django.db import connection
from django.utils import translation

from resources.models import Resource


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
