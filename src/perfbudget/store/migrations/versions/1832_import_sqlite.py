"""SQLite: less for a bulk import to write — the search tables without each row's token count.

The FTS5 search tables (``search_indicators``, ``search_projects``, :mod:`perfbudget.store.search`) kept a
``…_docsize`` table: each indexed row's token count, one b-tree row written for every indicator and project stored
(≈ 46 k instructions a table of a bulk import, docs/scale.md). Only FTS5's ranking functions (``bm25``) read those
counts, and no search here ranks: it asks which rows hold the query's trigrams (``MATCH``) and reads the term
list (``fts5vocab``). The tables are made again with ``columnsize=0`` and every stored row indexed again (the
same terms; a province's million indicators take some tens of seconds). A store made at 0500 since this change
already has them so: nothing is done then. PostgreSQL: nothing (its search is GIN indexes).

Revision ID: 1832_import_sqlite
Revises: 1831_source_names
"""

from __future__ import annotations

from alembic import op

from perfbudget.store import search

revision = "1832_import_sqlite"
down_revision = "1831_source_names"
branch_labels = None
depends_on = None


def _remake(options: str) -> None:
    for statement in search.sqlite_drop():
        op.execute(statement)
    for statement in search.sqlite_create(options):
        op.execute(statement)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and search.sqlite_sizes_kept(bind):
        _remake(search.FTS_OPTIONS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _remake(search.FTS_OPTIONS_BEFORE_1832)
