"""SQLite: no insert triggers on the search index; the importer, the one writer of new indicators and projects, adds
its rows itself (``search.index_rows``, a bulk batch's at the batch's end: ``search.indexed_at_end``).

Until now ``search_indicators_insert`` and ``search_projects_insert`` indexed each new row, and a bulk import's batch
(25 documents) dropped them and made them again around itself so that its rows entered the index by one statement at
its end: two schema changes a batch, after each of which SQLite prepared every statement of the connection again
(≈ 34 a batch, its long multi-row INSERTs the dearest: ≈ 25 k instructions a table of a bulk import, and the
library's next update ≈ 3 k). Keeping the triggers and having them skip during a batch costs more than that: a
trigger on a table makes SQLite stage every multi-row INSERT's rows in a temporary table and run the trigger's
program for each row (measured +17 k a table, docs/scale.md). The update and delete triggers stay: an edit, a
rename or a deleted project keeps the index in step as before. The rows already indexed stay indexed.

Rows inserted into ``indicators`` or ``projects`` by another program (the sqlite3 shell) are not indexed from now on;
``perfbudget`` writes them only through ``store.importer``. PostgreSQL: nothing (its search is GIN indexes).

The insert triggers are written here, as ``store.search`` made them until this migration (its downgrade makes them
again): until faces44 it read their names and statements from ``store.search`` at run time.

Revision ID: 1836_import_stmts
Revises: 1833_audit_user_action_index
"""

from __future__ import annotations

from alembic import op

revision = "1836_import_stmts"
down_revision = "1833_audit_user_action_index"
branch_labels = None
depends_on = None

INSERT_TRIGGERS = {
    "search_indicators_insert":
        "CREATE TRIGGER search_indicators_insert AFTER INSERT ON indicators BEGIN "
        "INSERT INTO search_indicators(rowid, body) "
        "VALUES (new.id, new.level3 || char(1) || coalesce(new.description, '') || char(1, 1)); END",
    "search_projects_insert":
        "CREATE TRIGGER search_projects_insert AFTER INSERT ON projects BEGIN "
        "INSERT INTO search_projects(rowid, body) VALUES (new.id, new.name || char(1, 1)); END",
}


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in INSERT_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    present = {name for (name,) in bind.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for name, statement in INSERT_TRIGGERS.items():
        if name not in present:
            op.execute(statement)
