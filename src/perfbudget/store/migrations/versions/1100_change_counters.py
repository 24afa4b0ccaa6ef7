"""``change_counters``: one row whose ``data`` and ``accounts`` counters the store's write transactions move
as they commit (:func:`perfbudget.store.engine.write_transaction`); the web's caches take them as their data
version instead of PostgreSQL's ``pg_current_snapshot()`` / SQLite's ``PRAGMA data_version``, which moved
with every commit on the cluster or file — a session touched, a sign-in, an API token used — and so
emptied every page, list and dashboard cache of every worker (web-page9). Both start at the migration's
time in microseconds (a store made again does not repeat an earlier store's values).

Revision ID: 1100_change_counters
Revises: 1000_drop_reviews_version_index
"""

from __future__ import annotations

import time

import sqlalchemy as sa
from alembic import op

revision = "1100_change_counters"
down_revision = "1000_drop_reviews_version_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "change_counters",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.BigInteger(), nullable=False),
        sa.Column("accounts", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_change_counters"),
    )
    start = time.time_ns() // 1000
    op.bulk_insert(table, [{"id": 1, "data": start, "accounts": start}])


def downgrade() -> None:
    op.drop_table("change_counters")
