"""``edit_claims`` dropped: no code has written or read it since edits and imports check the version
they were made on inside their own transaction (``projects.latest_version`` moved by a compare-and-set,
:func:`perfbudget.store.importer.apply_plan`). Migration 0100 created it; the downgrade creates it again,
empty, as 0100 did.

Revision ID: 0900_drop_edit_claims
Revises: 0800_indicator_fund_year
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0900_drop_edit_claims"
down_revision = "0800_indicator_fund_year"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("edit_claims")


def downgrade() -> None:
    op.create_table(
        "edit_claims",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name="fk_edit_claims_project_id_projects"),
        sa.PrimaryKeyConstraint("project_id", "base_version", name="pk_edit_claims"),
    )
