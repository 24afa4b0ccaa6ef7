"""``project_status.reviewer_grade`` and ``grade``: the reviewer's own grade of a project's official version, and the
official grade (the reviewer's where one is set, else the machine's), kept by triggers like the rest of the row
(:mod:`perfbudget.store.status`), so the lists, the review queue, the dashboards and the API show and count the
reviewer's grade as the project page does, with no query per row. The triggers are made afresh and every row
computed again. The downgrade leaves them (see :func:`downgrade`).

The statements are this migration's own, as ``store.status`` made them when it was written (2026-12-05; its drops,
triggers and rebuild of every row, for SQLite and for PostgreSQL), frozen in ``1400_leftovers17.json`` beside it: until
faces44 it called ``status`` at run time, so it made attack39's triggers (1847's) and a later change of them would
have changed what this old migration does.

Revision ID: 1400_leftovers17
Revises: 1300_leftovers5
"""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "1400_leftovers17"
down_revision = "1300_leftovers5"
branch_labels = None
depends_on = None

STATEMENTS = Path(__file__).with_suffix(".json")  # {"sqlite": [...], "postgresql": [...]}


def upgrade() -> None:
    connection = op.get_bind()
    dialect = connection.dialect.name
    present = {column["name"] for column in sa.inspect(connection).get_columns("project_status")}
    for name in ("reviewer_grade", "grade"):
        if name not in present:  # a database made since this change has them from 0600 on
            op.add_column("project_status", sa.Column(name, sa.String(8), nullable=True))
    indexes = {index["name"] for index in sa.inspect(connection).get_indexes("project_status")}
    if "ix_project_status_year_ograde" not in indexes:
        op.create_index("ix_project_status_year_ograde", "project_status", ["fund_year", "grade"])
    for statement in json.loads(STATEMENTS.read_text(encoding="utf-8"))[dialect]:
        op.execute(statement)


def downgrade() -> None:
    """Nothing: the two columns, their index and the triggers that keep them stay (the code before does not read
    them, and no trigger of its own could be made again from this code); 0600's downgrade drops them all."""
