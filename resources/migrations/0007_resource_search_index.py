"""GIN indexes for full-text search in each language (PostgreSQL only; SQLite searches
without one). The expression comes from resources.search.search_vector."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from resources.search import index_statements

    for statement in index_statements(schema_editor):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.conf import settings

    for code, _name in settings.LANGUAGES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "resource_search_{code}_idx"')


class Migration(migrations.Migration):
    dependencies = [("resources", "0006_resource_ranking_index")]

    operations = [migrations.RunPython(create, drop)]
