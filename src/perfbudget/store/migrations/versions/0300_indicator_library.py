"""Indicator library tables: groups, names, spellings, entries, value histograms, unit counts, admin choices
(models in ``perfbudget/store/library_tables.py``).

Revision ID: 0300
Revises: 0200
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0300"
down_revision = "0200"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "library_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("leader", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("head", sa.String(length=64), nullable=False),
        sa.Column("indicator_count", sa.Integer(), nullable=False),
        sa.Column("unit_count", sa.Integer(), nullable=False),
        sa.Column("stats", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_library_groups"),
    )
    op.create_index("ix_library_groups_head", "library_groups", ["head"])
    op.create_table(
        "library_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("norm", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["library_groups.id"],
                                name="fk_library_names_group_id_library_groups"),
        sa.PrimaryKeyConstraint("id", name="pk_library_names"),
        sa.UniqueConstraint("norm", name="uq_library_names_norm"),
    )
    op.create_index("ix_library_names_key", "library_names", ["key"])
    op.create_index("ix_library_names_group_id", "library_names", ["group_id"])
    op.create_table(
        "library_spellings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("name_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["name_id"], ["library_names.id"],
                                name="fk_library_spellings_name_id_library_names"),
        sa.PrimaryKeyConstraint("id", name="pk_library_spellings"),
        sa.UniqueConstraint("raw", name="uq_library_spellings_raw"),
    )
    op.create_index("ix_library_spellings_name_id", "library_spellings", ["name_id"])
    op.create_table(
        "library_entries",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("name_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("fund_year", sa.Integer(), nullable=True),
        sa.Column("level1", sa.Text(), nullable=False),
        sa.Column("level2", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("measure_unit", sa.Text(), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=True),
        sa.Column("value", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicators.id"],
                                name="fk_library_entries_indicator_id_indicators"),
        sa.PrimaryKeyConstraint("indicator_id", name="pk_library_entries"),
    )
    op.create_index("ix_library_entries_project_id", "library_entries", ["project_id"])
    op.create_index("ix_library_entries_group_id_indicator_id", "library_entries", ["group_id", "indicator_id"])
    op.create_table(
        "library_values",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("measure_unit", sa.Text(), nullable=False),
        sa.Column("value", sa.String(length=64), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("group_id", "measure_unit", "value", name="pk_library_values"),
    )
    op.create_table(
        "library_group_units",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("group_id", "unit_id", name="pk_library_group_units"),
    )
    op.create_table(
        "library_measure_units",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("measure_unit", sa.Text(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("group_id", "measure_unit", "unit_id", name="pk_library_measure_units"),
    )
    op.create_table(
        "library_choices",
        sa.Column("norm", sa.Text(), nullable=False),
        sa.Column("anchor", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("norm", name="pk_library_choices"),
    )


def downgrade() -> None:
    op.drop_table("library_choices")
    op.drop_table("library_measure_units")
    op.drop_table("library_group_units")
    op.drop_table("library_values")
    op.drop_table("library_entries")
    op.drop_table("library_spellings")
    op.drop_table("library_names")
    op.drop_table("library_groups")
