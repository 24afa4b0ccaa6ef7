"""``upload_parts``: a pending upload is kept in parts of at most 1 MiB (model in ``perfbudget/web/tables.py``),
written one by one from the request's spooled temporary file, so that storing an upload never holds the
whole file in memory (eight concurrent 45 MB uploads peaked at 559 MB, the bodies held whole: found by
attack11, fixed by attack12). ``uploads.data`` keeps the files stored whole before this migration (empty
since); the downgrade drops the parts (pending uploads expire within a day anyway).

Revision ID: 1200_upload_parts
Revises: 1100_change_counters
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1200_upload_parts"
down_revision = "1100_change_counters"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "upload_parts",
        sa.Column("upload_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["upload_id"], ["uploads.id"], name="fk_upload_parts_upload_id_uploads",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("upload_id", "part", name="pk_upload_parts"),
    )


def downgrade() -> None:
    op.drop_table("upload_parts")
