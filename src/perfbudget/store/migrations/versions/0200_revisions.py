"""Revisions and completeness: a project version may be stored cut off (``complete``) with the
reader's notes (``needs_check``); the workflow keeps the approved (official) version while a
revision waits (``approved_version``); a 送审 over error-level findings keeps its
``justification``.

Revision ID: 0200
Revises: 0110
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0200"
down_revision = "0110"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("project_versions") as batch:
        batch.add_column(sa.Column("complete", sa.Boolean(), server_default=sa.true(), nullable=False))
        batch.add_column(sa.Column("needs_check", sa.Text(), nullable=True))
    with op.batch_alter_table("workflow_states") as batch:
        batch.add_column(sa.Column("approved_version", sa.Integer(), nullable=True))
    with op.batch_alter_table("workflow_events") as batch:
        batch.add_column(sa.Column("justification", sa.Text(), nullable=True))
    # Projects approved before this migration: their approved version is the one the state names.
    op.execute("UPDATE workflow_states SET approved_version = version_number WHERE state = 'approved'")


def downgrade() -> None:
    with op.batch_alter_table("workflow_events") as batch:
        batch.drop_column("justification")
    with op.batch_alter_table("workflow_states") as batch:
        batch.drop_column("approved_version")
    with op.batch_alter_table("project_versions") as batch:
        batch.drop_column("needs_check")
        batch.drop_column("complete")
