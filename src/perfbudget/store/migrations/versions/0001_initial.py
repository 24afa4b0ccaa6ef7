"""Initial schema: units, documents, projects and their versions, indicators, targets,
changes between versions, reviews and evaluations.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_units"),
        sa.UniqueConstraint("key", name="uq_units_key"),
    )
    op.create_index("ix_units_code", "units", ["code"])

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("form", sa.String(length=32), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("unit_code", sa.String(length=64), nullable=True),
        sa.Column("unit_name", sa.Text(), nullable=True),
        sa.Column("money_unit", sa.String(length=16), nullable=True),
        sa.Column("project_count", sa.Integer(), nullable=False),
        sa.Column("indicator_count", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_documents_unit_id_units"),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_index("ix_documents_content_sha256", "documents", ["content_sha256"])
    op.create_index("ix_documents_sha256", "documents", ["sha256"])
    op.create_index("ix_documents_unit_id", "documents", ["unit_id"])

    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("fund_label", sa.Text(), nullable=True),
        sa.Column("fund_year", sa.Integer(), nullable=True),
        sa.Column("latest_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name="fk_projects_unit_id_units"),
        sa.PrimaryKeyConstraint("id", name="pk_projects"),
        sa.UniqueConstraint("identity", name="uq_projects_identity"),
    )
    op.create_index("ix_projects_fund_year", "projects", ["fund_year"])
    op.create_index("ix_projects_name", "projects", ["name"])
    op.create_index("ix_projects_unit_id_fund_year", "projects", ["unit_id", "fund_year"])

    op.create_table(
        "project_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("name_cell", sa.Text(), nullable=True),
        sa.Column("fund_source", sa.Text(), nullable=True),
        sa.Column("budget_total", sa.String(length=64), nullable=True),
        sa.Column("budget_fiscal", sa.String(length=64), nullable=True),
        sa.Column("budget_other", sa.String(length=64), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("extras", sa.Text(), nullable=True),
        sa.Column("indicator_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_project_versions_document_id_documents"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], name="fk_project_versions_project_id_projects"),
        sa.PrimaryKeyConstraint("id", name="pk_project_versions"),
        sa.UniqueConstraint("project_id", "number", name="uq_project_versions_project_id_number"),
    )
    op.create_index("ix_project_versions_document_id", "project_versions", ["document_id"])

    op.create_table(
        "document_items",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name="fk_document_items_document_id_documents"),
        sa.ForeignKeyConstraint(
            ["version_id"], ["project_versions.id"], name="fk_document_items_version_id_project_versions"
        ),
        sa.PrimaryKeyConstraint("document_id", "position", name="pk_document_items"),
    )
    op.create_index("ix_document_items_version_id", "document_items", ["version_id"])

    op.create_table(
        "evaluations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("month", sa.Integer(), nullable=True),
        sa.Column("total", sa.String(length=64), nullable=True),
        sa.Column("grade", sa.String(length=8), nullable=True),
        sa.Column("colour", sa.String(length=8), nullable=True),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"], ["project_versions.id"], name="fk_evaluations_version_id_project_versions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_evaluations"),
    )
    op.create_index("ix_evaluations_version_id", "evaluations", ["version_id"])
    op.create_index("ix_evaluations_year_kind", "evaluations", ["year", "kind"])

    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level1", sa.Text(), nullable=False),
        sa.Column("level2", sa.Text(), nullable=False),
        sa.Column("level3", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("weight", sa.String(length=64), nullable=True),
        sa.Column("actual", sa.Text(), nullable=True),
        sa.Column("score", sa.String(length=64), nullable=True),
        sa.Column("deviation", sa.Text(), nullable=True),
        sa.Column("extras", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["version_id"], ["project_versions.id"], name="fk_indicators_version_id_project_versions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_indicators"),
        sa.UniqueConstraint("version_id", "position", name="uq_indicators_version_id_position"),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("grade", sa.String(length=8), nullable=True),
        sa.Column("total", sa.String(length=64), nullable=True),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["project_versions.id"], name="fk_reviews_version_id_project_versions"),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
    )
    op.create_index("ix_reviews_version_id", "reviews", ["version_id"])

    op.create_table(
        "version_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("field", sa.String(length=32), nullable=True),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["version_id"], ["project_versions.id"], name="fk_version_changes_version_id_project_versions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_version_changes"),
    )
    op.create_index("ix_version_changes_version_id", "version_changes", ["version_id"])

    op.create_table(
        "targets",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("op", sa.String(length=2), nullable=True),
        sa.Column("value", sa.String(length=64), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("direction", sa.String(length=16), nullable=True),
        sa.Column("upper", sa.String(length=64), nullable=True),
        sa.Column("period_start", sa.Text(), nullable=True),
        sa.Column("period_end", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["indicator_id"], ["indicators.id"], name="fk_targets_indicator_id_indicators"),
        sa.PrimaryKeyConstraint("indicator_id", name="pk_targets"),
    )


def downgrade() -> None:
    op.drop_table("targets")
    op.drop_index("ix_version_changes_version_id", table_name="version_changes")

    op.drop_table("version_changes")
    op.drop_index("ix_reviews_version_id", table_name="reviews")

    op.drop_table("reviews")
    op.drop_table("indicators")
    op.drop_index("ix_evaluations_year_kind", table_name="evaluations")
    op.drop_index("ix_evaluations_version_id", table_name="evaluations")

    op.drop_table("evaluations")
    op.drop_index("ix_document_items_version_id", table_name="document_items")

    op.drop_table("document_items")
    op.drop_index("ix_project_versions_document_id", table_name="project_versions")

    op.drop_table("project_versions")
    op.drop_index("ix_projects_unit_id_fund_year", table_name="projects")
    op.drop_index("ix_projects_name", table_name="projects")
    op.drop_index("ix_projects_fund_year", table_name="projects")

    op.drop_table("projects")
    op.drop_index("ix_documents_unit_id", table_name="documents")
    op.drop_index("ix_documents_sha256", table_name="documents")
    op.drop_index("ix_documents_content_sha256", table_name="documents")

    op.drop_table("documents")
    op.drop_index("ix_units_code", table_name="units")

    op.drop_table("units")
