"""The reviewer's desk (issue 14): finding decisions, cell comments, reviewer grades.

Revision ID: 0400_desk
Revises: 0300
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0400_desk"
down_revision = "0300"
branch_labels = None
depends_on = None


def _who() -> list[sa.Column]:
    return [sa.Column("user_id", sa.Integer(), nullable=True), sa.Column("username", sa.String(64), nullable=True),
            sa.Column("at", sa.DateTime(timezone=True), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "finding_decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("project_versions.id"), nullable=False),
        sa.Column("finding_key", sa.String(64), nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        *_who())
    op.create_index("ix_finding_decisions_project_id", "finding_decisions", ["project_id"])
    op.create_table(
        "cell_comments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("project_versions.id"), nullable=False),
        sa.Column("place", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_who())
    op.create_index("ix_cell_comments_project_id", "cell_comments", ["project_id"])
    op.create_table(
        "reviewer_grades",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("version_id", sa.Integer(), sa.ForeignKey("project_versions.id"), nullable=False),
        sa.Column("grade", sa.String(8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        *_who())
    op.create_index("ix_reviewer_grades_project_id", "reviewer_grades", ["project_id"])


def downgrade() -> None:
    op.drop_index("ix_reviewer_grades_project_id", "reviewer_grades")
    op.drop_table("reviewer_grades")
    op.drop_index("ix_cell_comments_project_id", "cell_comments")
    op.drop_table("cell_comments")
    op.drop_index("ix_finding_decisions_project_id", "finding_decisions")
    op.drop_table("finding_decisions")
