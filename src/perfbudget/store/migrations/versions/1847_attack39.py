"""``project_status.budget_wan`` of a budget in 千元 or 亿元: the triggers made afresh and every row computed again.

The lists sort, and PostgreSQL's dashboards sum, each project's budget in 万元 from this column. Until attack39 only a
budget in 元 was converted (1 亿元 was 1 万元 here, 1 千元 1 万元), and on SQLite a whole number of 元 was divided as an
integer (5000 元 was 0 万元): the expression is :mod:`perfbudget.store.status`'s. The downgrade leaves the triggers
(the code before reads the column the same way; its values were wrong for those units only).

Revision ID: 1847_attack39
Revises: 1846_unit_order_by_name
"""

from __future__ import annotations

from alembic import op

from perfbudget.store import status

revision = "1847_attack39"
down_revision = "1846_unit_order_by_name"
branch_labels = None
depends_on = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in status.drop(dialect):
        op.execute(statement)
    for statement in status.pg_create() if dialect == "postgresql" else status.sqlite_create():
        op.execute(statement)


def downgrade() -> None:
    """Nothing: the triggers stay (see the module's text)."""
