"""``project_versions.budget_other_cell``: whether the table had a 其他资金 cell, blank or not.

The review's ``fund-arithmetic`` tells a split that does not add up (预算数 17, 财政资金 15, 其他资金 blank) from a
table that states a part only (项目金额 164, 其中：财政资金 132, no 其他资金 cell) by that cell
(:mod:`perfbudget.budget_parts`). A stored version kept no sources, so until replay-q every stored version was judged
as without the cell: the split flagged when the file was reviewed was never flagged on the stored version (the review
an import saves, the server's, ``perfbudget review PROJECT --db``, the pages and the API). Versions stored before keep
NULL, judged as before: the file they came from is not kept, so whether it had the cell is not known.

Revision ID: 1828_budget_other_cell
Revises: 1820_unreviewed_counter
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1828_budget_other_cell"
down_revision = "1820_unreviewed_counter"
branch_labels = None
depends_on = None


def upgrade() -> None:
    present = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("project_versions")}
    if "budget_other_cell" not in present:
        op.add_column("project_versions", sa.Column("budget_other_cell", sa.Boolean(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite 3.35+), as 1700: a batch copy would break project_status's triggers
    op.drop_column("project_versions", "budget_other_cell")
