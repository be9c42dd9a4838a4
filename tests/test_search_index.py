"""On PostgreSQL, a search in the directory is answered from the language's full-text
index, so that it stays fast with thousands of listings."""

import importlib
import re

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from resources.models import Resource
from resources.search import POSTGRESQL_CONFIGURATIONS, configuration, search_vector

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search indexes exist on PostgreSQL"
)


def index_statement(code):
    """CREATE INDEX for the GIN index on search_vector(code), in the SQL the ORM writes
    for it now: the planner uses the index only for exactly this expression."""
    query = Resource.objects.alias(vector=search_vector(code)).query
    sql, params = query.get_compiler(connection=connection).compile(query.annotations["vector"])
    quote = connection.schema_editor().quote_value
    expression = sql % tuple(quote(value) for value in params)
    return (
        f'CREATE INDEX IF NOT EXISTS "resource_search_{code}_idx" '
        f'ON "resources_resource" USING gin (({expression}))'
    )


def migrated_index_statements():
    """Each language's CREATE INDEX in the migrations (SEARCH_INDEXES), the latest one
    for each language."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    statements = {}
    for app, name in sorted(loader.disk_migrations):
        if app == "resources":
            module = importlib.import_module(loader.disk_migrations[app, name].__module__)
            statements.update(getattr(module, "SEARCH_INDEXES", {}))
    return statements


STRING_LITERAL = re.compile(r"('(?:[^']|'')*')")


def without_layout(sql):
    """The SQL without spaces and line breaks, except in string literals ('' and ' ')."""
    parts = STRING_LITERAL.split(sql)  # odd parts are the literals
    return "".join(part if i % 2 else re.sub(r"\s+", "", part) for i, part in enumerate(parts))


@pytest.mark.django_db
@on_postgresql
@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_a_migration_creates_the_index_that_search_asks_for_in_each_language(code):
    expected = index_statement(code)
    migrated = migrated_index_statements().get(code, "")
    assert without_layout(migrated) == without_layout(expected), (
        f"No migration creates the index resource_search_{code}_idx that search in {code} "
        f"asks for now. Add one like 0007, with SEARCH_INDEXES = {{{code!r}: ...}}, that "
        f"drops the old index (if there is one) and runs:\n{expected}"
    )


@pytest.mark.django_db
@on_postgresql
def test_every_language_has_its_search_index():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'resources_resource'")
        names = {name for (name,) in cursor.fetchall()}
    assert {f"resource_search_{code}_idx" for code, _name in settings.LANGUAGES} <= names


@pytest.mark.django_db
@on_postgresql
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
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL's text search configurations exist on PostgreSQL",
)
def test_postgresql_has_every_configuration_that_search_may_ask_for():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        names = {name for (name,) in cursor.fetchall()}
    assert names >= POSTGRESQL_CONFIGURATIONS
