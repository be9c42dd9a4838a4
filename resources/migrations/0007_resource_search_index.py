"""GIN indexes for full-text search in Dutch and English (PostgreSQL only; SQLite searches
without one).

The SQL is written out as resources.search.search_vector(code) compiled on PostgreSQL when
this migration was written: the planner uses an index only for exactly its expression.
tests/test_search_index.py checks that search still asks for it; when search changes, or
a language is added, a new migration creates the new index (the test prints its SQL).
"""

from django.db import migrations

SEARCH_INDEXES = {
    "nl": """
        CREATE INDEX IF NOT EXISTS "resource_search_nl_idx" ON "resources_resource"
        USING gin ((to_tsvector('dutch'::regconfig,
            COALESCE(COALESCE(NULLIF("resources_resource"."name_nl", ''), ''), '')
            || ' ' ||
            COALESCE(COALESCE(NULLIF("resources_resource"."summary_nl", ''), ''), '')
            || ' ' ||
            COALESCE(COALESCE(NULLIF("resources_resource"."description_nl", ''), ''), '')
        )))
    """,
    "en": """
        CREATE INDEX IF NOT EXISTS "resource_search_en_idx" ON "resources_resource"
        USING gin ((to_tsvector('english'::regconfig,
            COALESCE(COALESCE(
                NULLIF("resources_resource"."name_en", ''),
                NULLIF("resources_resource"."name_nl", ''),
                ''
            ), '')
            || ' ' ||
            COALESCE(COALESCE(
                NULLIF("resources_resource"."summary_en", ''),
                NULLIF("resources_resource"."summary_nl", ''),
                ''
            ), '')
            || ' ' ||
            COALESCE(COALESCE(
                NULLIF("resources_resource"."description_en", ''),
                NULLIF("resources_resource"."description_nl", ''),
                ''
            ), '')
        )))
    """,
}

DROP_SEARCH_INDEXES = [
    'DROP INDEX IF EXISTS "resource_search_nl_idx"',
    'DROP INDEX IF EXISTS "resource_search_en_idx"',
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in SEARCH_INDEXES.values():
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP_SEARCH_INDEXES:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("resources", "0006_resource_ranking_index")]

    operations = [migrations.RunPython(create, drop)]
