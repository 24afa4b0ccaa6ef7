"""``uploads.id`` (and ``upload_parts.upload_id``) 64-bit on PostgreSQL: a pending upload's id is drawn at random
(``perfbudget.web.uploads.new_upload_id``) instead of the next of a sequence, so an id is never given again
(SQLite reused the id of the newest upload once it was imported or discarded: /upload/5 of a finished upload
showed the next one) and cannot be guessed from one's own. SQLite's INTEGER is 64-bit already: nothing to do.
The downgrade deletes the pending uploads (they expire within a day) before narrowing the columns.

Revision ID: 1300_leftovers5
Revises: 1200_upload_parts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1300_leftovers5"
down_revision = "1200_upload_parts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column("upload_parts", "upload_id", type_=sa.BigInteger(), existing_type=sa.Integer(),
                    existing_nullable=False)
    op.alter_column("uploads", "id", type_=sa.BigInteger(), existing_type=sa.Integer(), existing_nullable=False,
                    server_default=None)
    op.execute("DROP SEQUENCE IF EXISTS uploads_id_seq")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DELETE FROM upload_parts")
    op.execute("DELETE FROM uploads")
    op.execute("CREATE SEQUENCE IF NOT EXISTS uploads_id_seq OWNED BY uploads.id")
    op.alter_column("uploads", "id", type_=sa.Integer(), existing_type=sa.BigInteger(), existing_nullable=False,
                    server_default=sa.text("nextval('uploads_id_seq')"))
    op.alter_column("upload_parts", "upload_id", type_=sa.Integer(), existing_type=sa.BigInteger(),
                    existing_nullable=False)
