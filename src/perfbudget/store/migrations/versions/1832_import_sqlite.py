"""SQLite: less for a bulk import to write — the search tables without each row's token count, the library's count
tables without a rowid.

The FTS5 search tables (``search_indicators``, ``search_projects``, :mod:`perfbudget.store.search`) kept a
``…_docsize`` table: each indexed row's token count, one b-tree row written for every indicator and project stored
(≈ 46 k instructions a table of a bulk import, docs/scale.md). Only FTS5's ranking functions (``bm25``) read those
counts, and no search here ranks: it asks which rows hold the query's trigrams (``MATCH``) and reads the term
list (``fts5vocab``). The tables are made again with ``columnsize=0`` and every stored row indexed again (the
same terms; the time grows with the store, like the first indexing in 0500). A store that has them so already is left
as it is (0500 made them so from this change until faces43, when it was made to hold its own definitions again: a
new store's empty tables are made again here).

The library's count tables (``library_values``, ``library_group_units``, ``library_measure_units``) are only ever read
and changed by their keys (a group's histograms and units, ``store/library_counts.py``): as rowid tables each row was
in two b-trees, the table and its key's index. Made again ``WITHOUT ROWID`` (the same columns, key and rows, copied),
each row is in its key's b-tree only: an update's upserts find and change one b-tree (≈ 12 k instructions a table of
a bulk import fewer). PostgreSQL: nothing (its search is GIN indexes; its tables have no rowid).

The search tables' statements are this migration's own, as ``store.search`` made them when it was written (2026-12-06:
the tables and their triggers, the insert triggers with them until 1836, and every row indexed), and its downgrade's as
0500 makes them, frozen in ``1832_import_sqlite.json`` beside it: until faces44 it read ``store.search`` at run time,
so it made 1836's tables (no insert trigger) and a later change there would have changed what it does.

Revision ID: 1832_import_sqlite
Revises: 1831_source_names
"""

from __future__ import annotations

import json
from pathlib import Path

from alembic import op

revision = "1832_import_sqlite"
down_revision = "1831_source_names"
branch_labels = None
depends_on = None


STATEMENTS = Path(__file__).with_suffix(".json")  # {"sqlite": [...], "downgrade": {"sqlite": [...]}}
SEARCH_TABLES = ("search_indicators", "search_projects")


def _remake(downgrade: bool = False) -> None:
    statements = json.loads(STATEMENTS.read_text(encoding="utf-8"))
    for statement in statements["downgrade"]["sqlite"] if downgrade else statements["sqlite"]:
        op.execute(statement)


def _sizes_kept() -> bool:
    """Whether a search table still keeps each row's token count (made before this migration)."""
    return any("columnsize=0" not in (sql or "").replace(" ", "") for (sql,) in op.get_bind().exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN (?, ?)", SEARCH_TABLES))


# The count tables as migration 0300 made them: (name, columns, key).
COUNT_TABLES = (
    ("library_values", "group_id INTEGER NOT NULL, measure_unit TEXT NOT NULL, value VARCHAR(64) NOT NULL, "
                       "n INTEGER NOT NULL", "group_id, measure_unit, value"),
    ("library_group_units", "group_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, n INTEGER NOT NULL",
     "group_id, unit_id"),
    ("library_measure_units", "group_id INTEGER NOT NULL, measure_unit TEXT NOT NULL, unit_id INTEGER NOT NULL, "
                              "n INTEGER NOT NULL", "group_id, measure_unit, unit_id"),
)


def _count_tables(rowid: bool) -> None:
    """Make the count tables again with or without a rowid, their rows copied."""
    for table, columns, key in COUNT_TABLES:
        op.execute(f"CREATE TABLE {table}_1832 ({columns}, CONSTRAINT pk_{table} PRIMARY KEY ({key}))"
                   + ("" if rowid else " WITHOUT ROWID"))
        op.execute(f"INSERT INTO {table}_1832 ({key}, n) SELECT {key}, n FROM {table}")
        op.execute(f"DROP TABLE {table}")
        op.execute(f"ALTER TABLE {table}_1832 RENAME TO {table}")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    if _sizes_kept():
        _remake()
    _count_tables(rowid=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _remake(downgrade=True)  # as 0500 made them, with the insert triggers there were until 1836
        _count_tables(rowid=True)
