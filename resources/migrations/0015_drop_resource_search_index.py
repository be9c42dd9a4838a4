"""Drop the full-text indexes of 0007 (PostgreSQL only).

Search now runs on an index in memory, the same on SQLite and PostgreSQL
(resources/search.py): nothing asks for these indexes any more, and each save of a
listing would still update them. Going back creates them again as 0007 did.
"""

import importlib

from django.db import migrations

FIRST = importlib.import_module("resources.migrations.0007_resource_search_index")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FIRST.DROP_SEARCH_INDEXES:
        schema_editor.execute(statement)


def create(apps, schema_editor):
    FIRST.create(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("resources", "0014_search_words")]

    operations = [migrations.RunPython(drop, create)]
