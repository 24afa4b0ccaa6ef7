"""Province scale (issue 17): ``reviews.summary`` (each review's findings in brief, per dimension and
severity: :mod:`perfbudget.store.review_summary`; the stored reviews' summaries are worked out here), and
``project_status``, one row per project with what the lists filter,
sort and count by (official version, newest review and self-evaluation, monitoring, state, last
submission, budget as a sort key), kept by triggers (see :mod:`perfbudget.store.status`). The rows
of the projects already stored are computed here.

The statements are this migration's own, as ``store.status`` made them when it was written (2026-12-02; its triggers
and the rebuild of every row, for SQLite and for PostgreSQL), frozen in ``0600_project_status.json`` beside it, and so
is the summary of a review (``store.review_summary`` then): until faces44 it called both at run time, so a new database
got today's triggers from here (1400's reviewer grade, attack39's budgets in 万元) and a later change of them would have
changed what this old migration does. 1400 and 1847 make the triggers of their time over these. The downgrade drops
every trigger ``project_status`` has had (1400's downgrade leaves its own).

Revision ID: 0600_project_status
Revises: 0500_scale_indexes
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0600_project_status"
down_revision = "0500_scale_indexes"
branch_labels = None
depends_on = None

STATEMENTS = Path(__file__).with_suffix(".json")  # {"sqlite": [...], "postgresql": [...], "downgrade": {…}}

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
        # 1400_leftovers17's two (a new database has had them from here since 1400; 1400 adds them to one migrated
        # before): this migration's triggers leave them empty until 1400 makes its own and computes every row again
        sa.Column("reviewer_grade", sa.String(8), nullable=True),
        sa.Column("grade", sa.String(8), nullable=True),
    )
    for name, columns in _INDEXES:
        op.create_index(name, "project_status", columns)
    for statement in _statements()[op.get_bind().dialect.name]:
        op.execute(statement)


def _statements() -> dict[str, Any]:
    statements: dict[str, Any] = json.loads(STATEMENTS.read_text(encoding="utf-8"))
    return statements


def downgrade() -> None:
    for statement in _statements()["downgrade"][op.get_bind().dialect.name]:
        op.execute(statement)
    op.drop_table("project_status")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("summary")


def _summary(payload: str | None) -> str:
    """A review's findings in brief as ``store.review_summary`` wrote it then: compact JSON, per dimension (``""``
    for none) the counts of errors, warnings and the rest (infos)."""
    try:
        data = json.loads(payload or "{}")
    except ValueError:  # not JSON (never written so by perfbudget): no findings to count
        data = {}
    findings = data.get("findings", []) if isinstance(data, dict) else data if isinstance(data, list) else []
    counts: dict[str, list[int]] = {}
    for finding in findings:
        if isinstance(finding, dict):
            dimension, severity = finding.get("dimension"), finding.get("severity")
            counts.setdefault(dimension if isinstance(dimension, str) else "", [0, 0, 0])[
                0 if severity == "error" else 1 if severity == "warning" else 2] += 1
    return json.dumps(counts, ensure_ascii=False, separators=(",", ":"))
