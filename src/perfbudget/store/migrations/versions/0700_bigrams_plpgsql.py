"""Bulk import (issue 17 point 1): ``perfbudget_bigrams`` in PL/pgSQL, several times cheaper per call.

The function is computed for every indicator and project written (the bigram GIN indexes), so its cost
is paid on every import on PostgreSQL. The new definition gives the same grams (as a set: see
``search.PG_BIGRAMS_PLPGSQL``), so the indexes built with the old one stay valid and are not rebuilt.
Nothing changes on SQLite.

Revision ID: 0700_bigrams_plpgsql
Revises: 0600_project_status
"""

from __future__ import annotations

from alembic import op

from perfbudget.store import search

revision = "0700_bigrams_plpgsql"
down_revision = "0600_project_status"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(search.PG_BIGRAMS_PLPGSQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(search.PG_BIGRAMS_SQL)
