"""``change_counters.unreviewed``: a counter an import that leaves its new versions unreviewed (the CLI's, whose
reviews are left to ``perfbudget serve``) moves in its transaction. A running server watches it and reviews those
versions as soon as it moves (:func:`perfbudget.app.reviews.review_catch_up`); until replay-n only its start did, so
a CLI import made while ``serve`` ran stayed 「未审核」 on the web and the API until the server was restarted.

Revision ID: 1820_unreviewed_counter
Revises: 1700_table_figures
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1820_unreviewed_counter"
down_revision = "1700_table_figures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    present = {column["name"] for column in sa.inspect(op.get_bind()).get_columns("change_counters")}
    if "unreviewed" not in present:
        op.add_column("change_counters", sa.Column("unreviewed", sa.BigInteger(), nullable=False,
                                                   server_default="0"))


def downgrade() -> None:
    op.drop_column("change_counters", "unreviewed")
