"""Province scale (issue 17): ``indicators.fund_year``, the project's fund year on each of its indicators.

A search within a year (``list indicators --year 2024 --search 满意度``) found its text through the gram
indexes among the indicators of every year, then joined each candidate to its version and project to
learn its year: five times the joins the year's own matches need. With the year on the indicator row
the other years' candidates are dropped where the index hands them over. The year never changes (it is
part of a project's identity), so the copy is written once, with the indicator (``store/importer.py``).

The indicators already stored get their project's year here, in steps of versions so that a large store
is updated a slice at a time (a statement per 20,000 versions). No index: the year is checked on the
rows the search index finds.

Revision ID: 0800_indicator_fund_year
Revises: 0700_bigrams_plpgsql
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0800_indicator_fund_year"
down_revision = "0700_bigrams_plpgsql"
branch_labels = None
depends_on = None

STEP = 20_000  # versions per UPDATE of the backfill

BACKFILL = ("UPDATE indicators SET fund_year = (SELECT p.fund_year FROM project_versions v "
            "JOIN projects p ON p.id = v.project_id WHERE v.id = indicators.version_id) "
            "WHERE version_id > :low AND version_id <= :high")


def upgrade() -> None:
    op.add_column("indicators", sa.Column("fund_year", sa.Integer(), nullable=True))
    connection = op.get_bind()
    top = connection.execute(sa.text("SELECT max(id) FROM project_versions")).scalar() or 0
    for low in range(0, top, STEP):
        connection.execute(sa.text(BACKFILL), {"low": low, "high": low + STEP})


def downgrade() -> None:
    # Plain DROP COLUMN on both (SQLite 3.35+): batch mode would copy the table and lose its FTS triggers.
    op.execute("ALTER TABLE indicators DROP COLUMN fund_year")
