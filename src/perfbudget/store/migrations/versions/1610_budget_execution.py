"""``project_versions.budget_execution``: a self-evaluation's funds grid, its total row typed (年初预算数, 全年执行数,
执行率, 分值, 得分: :class:`perfbudget.model.Budget`'s ``initial``, ``executed``, ``rate``, ``weight``, ``score``), as
JSON text of decimal strings (only the figures the table gives; NULL for a target table). Versions stored before keep
NULL: their grid is in ``extras`` as it was read, and importing the file again stores a new version with the figures.

Revision ID: 1610_budget_execution
Revises: 1600_pg_list_order_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1610_budget_execution"
down_revision = "1600_pg_list_order_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    present = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("project_versions")}
    if "budget_execution" not in present:
        op.add_column("project_versions", sa.Column("budget_execution", sa.Text(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+): a batch copy of the table would break the triggers of
    # project_status that name project_versions
    op.drop_column("project_versions", "budget_execution")
