"""Province scale (issue 17): indexed substring search on Chinese names, indexes for lists and dashboards.

* SQLite: FTS5 trigram tables ``search_indicators`` / ``search_projects`` kept by triggers.
* PostgreSQL: ``pg_trgm`` GIN indexes where the extension can be created, and character-bigram GIN
  indexes (no extension) for one- and two-character queries and as the fallback.
* Both: the lists' orders, ``units (code, id)`` and ``projects (unit_id, fund_year, name, id)`` (which
  replaces ``(unit_id, fund_year)``), ``projects (latest_version)`` and
  ``project_versions (indicator_count)`` (the indicator list's total); ``reviews (version_id, id)`` and
  ``evaluations (version_id, kind, id)`` for "the last review / evaluation of a version",
  ``reviewer_grades (version_id, id)`` for a version's reviewer grade (every project page).

Revision ID: 0500_scale_indexes
Revises: 0450_library_search
"""

from __future__ import annotations

import logging

from alembic import op

from perfbudget.store import search

revision = "0500_scale_indexes"
down_revision = "0450_library_search"
branch_labels = None
depends_on = None

_INDEXES = [  # name, table, columns (declared in the models too)
    ("ix_reviews_version_id_id", "reviews", ["version_id", "id"]),
    ("ix_evaluations_version_id_kind_id", "evaluations", ["version_id", "kind", "id"]),
    ("ix_reviewer_grades_version_id_id", "reviewer_grades", ["version_id", "id"]),
    ("ix_units_code_id", "units", ["code", "id"]),  # the lists' order: a page of ids is an index walk
    ("ix_projects_unit_id_fund_year_name_id", "projects", ["unit_id", "fund_year", "name", "id"]),
    ("ix_projects_latest_version", "projects", ["latest_version"]),  # superseded versions, for a list's total
    ("ix_project_versions_indicator_count", "project_versions", ["indicator_count"]),  # a list's total, covered
]


def upgrade() -> None:
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns)
    op.drop_index("ix_projects_unit_id_fund_year", "projects")  # a prefix of the list-order index
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in search.sqlite_create():
            op.execute(statement)
        return
    if bind.dialect.name != "postgresql":
        return
    for statement in search.PG_FUNCTIONS + search.PG_BIGRAM_INDEXES:
        op.execute(statement)
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as error:  # not installed, or not allowed: the bigram indexes serve every query
        savepoint.rollback()
        logging.getLogger("perfbudget").warning(search.TRIGRAM_REFUSED.format(error=str(error).splitlines()[0]))
        return
    savepoint.commit()
    for statement in search.PG_TRIGRAM_INDEXES:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in search.sqlite_drop():
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for statement in search.PG_DROP:
            op.execute(statement)
    op.create_index("ix_projects_unit_id_fund_year", "projects", ["unit_id", "fund_year"])
    for name, table, _ in reversed(_INDEXES):
        op.drop_index(name, table)
