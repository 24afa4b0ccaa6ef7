"""Province scale (issue 17): ``reviews.summary`` (each review's findings in brief, per dimension and
severity: :mod:`perfbudget.store.review_summary`; the stored reviews' summaries are worked out here), and
``project_status``, one row per project with what the lists filter,
sort and count by (official version, newest review and self-evaluation, monitoring, state, last
submission, budget as a sort key), kept by triggers (see :mod:`perfbudget.store.status`). The rows
of the projects already stored are computed here.

Revision ID: 0600_project_status
Revises: 0500_scale_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from perfbudget.store import review_summary, status

revision = "0600_project_status"
down_revision = "0500_scale_indexes"
branch_labels = None
depends_on = None

_INDEXES = [("ix_project_status_year_unit", ["fund_year", "unit_id"]),
            ("ix_project_status_year_state", ["fund_year", "state"]),
            ("ix_project_status_year_grade", ["fund_year", "review_grade"]),
            ("ix_project_status_year_egrade", ["fund_year", "evaluation_grade"]),
            ("ix_project_status_version_id", ["version_id"])]


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("summary", sa.Text(), nullable=True))
    connection = op.get_bind()
    last = 0
    while True:  # in steps, so a large store's payloads are never all in memory
        rows = connection.execute(sa.text("SELECT id, payload FROM reviews WHERE id > :last ORDER BY id LIMIT 2000"),
                                  {"last": last}).all()
        if not rows:
            break
        connection.execute(sa.text("UPDATE reviews SET summary = :summary WHERE id = :id"),
                           [{"id": row.id, "summary": _summary(row.payload)} for row in rows])
        last = rows[-1].id
    op.create_table(
        "project_status",
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id", ondelete="CASCADE",
                                                            name="fk_project_status_project_id_projects"),
                  primary_key=True),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("fund_year", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=True),
        sa.Column("budget_wan", sa.Numeric(), nullable=True),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("review_grade", sa.String(8), nullable=True),
        sa.Column("review_errors", sa.Integer(), nullable=True),
        sa.Column("review_summary", sa.Text(), nullable=True),
        sa.Column("evaluation_id", sa.Integer(), nullable=True),
        sa.Column("evaluation_grade", sa.String(8), nullable=True),
        sa.Column("monitored", sa.Boolean(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        # the triggers below are the current code's (store/status.py), which keeps these two of 1400_leftovers17
        # too: a new database has them from here on, and 1400 adds them to one migrated before
        sa.Column("reviewer_grade", sa.String(8), nullable=True),
        sa.Column("grade", sa.String(8), nullable=True),
    )
    for name, columns in _INDEXES:
        op.create_index(name, "project_status", columns)
    dialect = op.get_bind().dialect.name
    for statement in status.pg_create() if dialect == "postgresql" else status.sqlite_create():
        op.execute(statement)


def downgrade() -> None:
    for statement in status.drop(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("project_status")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("summary")


def _summary(payload: str | None) -> str:
    try:
        return review_summary.summary_of_payload(payload or "{}")
    except ValueError:  # not JSON (never written so by perfbudget): no findings to count
        return review_summary.summary_text([])
