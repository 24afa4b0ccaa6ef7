"""``project_status.budget_wan`` of a budget in 千元 or 亿元: the triggers made afresh and every row computed again.

The lists sort, and PostgreSQL's dashboards sum, each project's budget in 万元 from this column. Until attack39 only a
budget in 元 was converted (1 亿元 was 1 万元 here, 1 千元 1 万元), and on SQLite a whole number of 元 was divided as an
integer (5000 元 was 0 万元). The downgrade leaves the triggers (the code before reads the column the same way; its
values were wrong for those units only).

The statements are this migration's own, as :mod:`perfbudget.store.status` made them at attack39 (its drops, triggers
and rebuild of every row, for SQLite and for PostgreSQL), frozen in ``1847_attack39.json`` beside it (92 statements,
60 KB of SQL): until attack39's second reading it called ``status`` at run time, so a later change of the triggers
would have changed what this old migration does (tests/store/test_budget_units.py compares them with ``status``).

Revision ID: 1847_attack39
Revises: 1846_unit_order_by_name
"""

from __future__ import annotations

import json
from pathlib import Path

from alembic import op

revision = "1847_attack39"
down_revision = "1846_unit_order_by_name"
branch_labels = None
depends_on = None

STATEMENTS = Path(__file__).with_suffix(".json")  # {"sqlite": [...], "postgresql": [...]}


def upgrade() -> None:
    statements = json.loads(STATEMENTS.read_text(encoding="utf-8"))[op.get_bind().dialect.name]
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    """Nothing: the triggers stay (see the module's text)."""
