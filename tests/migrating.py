"""Walking the migrations in tests: to a migration and back to the latest state."""

from contextlib import contextmanager

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to `targets` and return the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    """Apply every migration, so that the tables are as the code reads them today."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@contextmanager
def at_migration(targets):
    """The database at `targets` (the models as they were there), and at the latest state
    again afterwards, whatever happened, so that later tests find today's tables."""
    try:
        yield migrate(targets)
    finally:
        migrate_to_latest()
