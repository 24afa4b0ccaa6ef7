"""``id_floors``: the largest id a table gave a row that is deleted now, so that SQLite never gives it again.

SQLite gives a new row the largest id + 1: after an admin deleted the newest project, the next project imported (any
unit's) took its id, and the deleted project's audit entries (its comments, its deletion, its unit) showed on the new
project's history page (attack33, ``store/id_floors.py``). Created on both databases (PostgreSQL's sequences need it
not, and nothing writes it there).

Revision ID: 1839_attack33
Revises: 1837_import_floor2
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1839_attack33"
down_revision = "1837_import_floor2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("id_floors", sa.Column("table_name", sa.String(64), nullable=False),
                    sa.Column("largest", sa.BigInteger(), nullable=False),
                    sa.PrimaryKeyConstraint("table_name", name="pk_id_floors"))


def downgrade() -> None:
    op.drop_table("id_floors")
