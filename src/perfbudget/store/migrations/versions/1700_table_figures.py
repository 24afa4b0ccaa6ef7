"""``project_versions.table_figures``: what a table says of itself beyond its budget — a 监控表's period (``month``,
the N of 1-N月) and a 自评表's own total score and grade (``total``, ``grade``): :class:`perfbudget.model.Project`'s
``month``, ``table_total`` and ``table_grade``, as JSON text (only the figures the table gives; NULL for a table that
gives none). Versions stored before keep NULL: importing the file again stores a new version with them.

Revision ID: 1700_table_figures
Revises: 1610_budget_execution
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1700_table_figures"
down_revision = "1610_budget_execution"
branch_labels = None
depends_on = None


def upgrade() -> None:
    present = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("project_versions")}
    if "table_figures" not in present:
        op.add_column("project_versions", sa.Column("table_figures", sa.Text(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+): a batch copy of the table would break the triggers of
    # project_status that name project_versions
    op.drop_column("project_versions", "table_figures")
