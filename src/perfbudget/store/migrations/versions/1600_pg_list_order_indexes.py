"""PostgreSQL indexes in the lists' own order (:data:`perfbudget.store.ordering.PG_ORDER_INDEXES` as it was then): units
code-point order with the uncoded last, and each unit's projects by year (none last), name (code point), id. The
lists have sorted so since leftovers18, an order no plain index matched, and the first page of the unfiltered project
list sorted every project (72.8 ms p95 at 100,000 projects). SQLite is left as it is (its plain indexes are in that
order already).

Revision ID: 1600_pg_list_order_indexes
Revises: 1500_drop_review_grade_index
"""

from __future__ import annotations

from alembic import op

revision = "1600_pg_list_order_indexes"
down_revision = "1500_drop_review_grade_index"
branch_labels = None
depends_on = None

# The indexes as this migration made them, written here: it read ``store.ordering.PG_ORDER_INDEXES`` until faces43, so
# once 1846 changed that order a new database got 1846's ``order_units_code`` from 1600 already (and 1846 then made it
# again), and a later change of the order would change what this old migration does.
_INDEXES = {
    "order_units_code": 'CREATE INDEX IF NOT EXISTS order_units_code ON units (code COLLATE "C" NULLS LAST, id)',
    "order_projects_unit": ("CREATE INDEX IF NOT EXISTS order_projects_unit ON projects "
                            '(unit_id, fund_year NULLS LAST, name COLLATE "C" NULLS LAST, id)'),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _INDEXES.values():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in _INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
