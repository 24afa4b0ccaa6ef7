"""PostgreSQL's index of the units' list order (``order_units_code``, migration 1600) with the unit's name before its
id: two units without a code are listed by name on every database (:func:`perfbudget.store.ordering.unit_order`,
replay-ab), by id until then — the order a directory's import happened to write them in. SQLite needs no index for
it (its plain indexes and a sort of the few units).

Revision ID: 1846_unit_order_by_name
Revises: 1839_attack33
"""

from __future__ import annotations

from alembic import op

revision = "1846_unit_order_by_name"
down_revision = "1839_attack33"
branch_labels = None
depends_on = None

_BEFORE = 'CREATE INDEX IF NOT EXISTS order_units_code ON units (code COLLATE "C" NULLS LAST, id)'
# written here, not read from store.ordering.PG_ORDER_INDEXES: a later order must not change what this migration did
_AFTER = ('CREATE INDEX IF NOT EXISTS order_units_code ON units '
          '(code COLLATE "C" NULLS LAST, name COLLATE "C" NULLS LAST, id)')


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS order_units_code")
    op.execute(_AFTER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS order_units_code")
    op.execute(_BEFORE)
