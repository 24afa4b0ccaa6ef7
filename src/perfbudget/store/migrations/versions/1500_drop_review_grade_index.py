"""``ix_project_status_year_grade`` (``fund_year, review_grade``) dropped: since 1400 the lists' 等级 filter, the grade
sort and the dashboard's counts use the official grade (``ix_project_status_year_ograde``, ``fund_year, grade``), and
no query reads ``review_grade`` by that index any more, while every saved review and every import's status row paid
for it (a review changes ``review_grade``, so the row's update could not be a heap-only one). 0600 creates it; the
downgrade creates it again.

Revision ID: 1500_drop_review_grade_index
Revises: 1400_leftovers17
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1500_drop_review_grade_index"
down_revision = "1400_leftovers17"
branch_labels = None
depends_on = None


def upgrade() -> None:
    indexes = {index["name"] for index in sa.inspect(op.get_bind()).get_indexes("project_status")}
    if "ix_project_status_year_grade" in indexes:
        op.drop_index("ix_project_status_year_grade", table_name="project_status")


def downgrade() -> None:
    op.create_index("ix_project_status_year_grade", "project_status", ["fund_year", "review_grade"])
