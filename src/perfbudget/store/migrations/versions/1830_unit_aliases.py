"""``unit_aliases``: the keys of units merged away, each naming the unit it was merged into.

``perfbudget unit merge KEPT OTHER`` (and the API's ``POST /api/v1/units/{id}/merge``) moves ``OTHER``'s projects into
``KEPT`` and deletes ``OTHER``. Until replay-r a later import of a table naming ``OTHER``'s code or name found no unit
of that key and stored ``OTHER`` anew, with its projects as new projects beside the merged ones. The merge now keeps
``OTHER``'s keys (``code:…`` and ``name:…``) here, and an import whose unit has no unit of its own lands in the unit
its key was merged into (:mod:`perfbudget.store.unit_aliases`). A unit merged in turn carries its aliases along;
deleting a unit deletes its aliases.

Revision ID: 1830_unit_aliases
Revises: 1828_budget_other_cell
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "1830_unit_aliases"
down_revision = "1828_budget_other_cell"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_aliases",
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("units.id", ondelete="CASCADE",
                                                          name="fk_unit_aliases_unit_id_units"), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_unit_aliases"),
    )
    op.create_index("ix_unit_aliases_unit_id", "unit_aliases", ["unit_id"])


def downgrade() -> None:
    op.drop_index("ix_unit_aliases_unit_id", table_name="unit_aliases")
    op.drop_table("unit_aliases")
