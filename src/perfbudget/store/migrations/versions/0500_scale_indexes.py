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

import json
import logging
from pathlib import Path

from alembic import op

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


# What this migration made on SQLite: the search tables as they were made then, with each row's token count (until
# 1832) and an insert trigger (until 1836), their triggers and every row indexed, and their drops (the downgrade's),
# frozen in 0500_scale_indexes.json beside it (until faces44 they were read from store.search at run time).
STATEMENTS = Path(__file__).with_suffix(".json")  # {"sqlite": [...], "downgrade": {"sqlite": [...]}}
TRIGRAM_REFUSED = ("无法启用 pg_trgm 扩展（CREATE EXTENSION pg_trgm 失败：{error}）；文字搜索改用二元组索引，"
                   "结果相同，较长的搜索词稍慢。数据库管理员可以之后启用它并建立三元组索引"
                   "（见 docs/store.md「文字搜索」）。")

# What this migration made on PostgreSQL, written here (it read ``store.search`` at run time until faces43, so a later
# change there would have changed what it does; the live statements stay there for the benchmarks).
PG_FUNCTIONS = [
    # The text an indicator is searched in; the same call in the index and in the query.
    "CREATE OR REPLACE FUNCTION perfbudget_search_text(level3 text, description text) RETURNS text "
    "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT level3 || ' ' || coalesce(description, '') $$",
    # The distinct characters and character bigrams of a text, lower-cased (the fallback index needs no
    # extension; the characters serve one-character queries).
    # COST: far dearer than a LIKE, so that the planner reads the index rather than compute it on every row.
    "CREATE OR REPLACE FUNCTION perfbudget_bigrams(value text) RETURNS text[] "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$ "
    "SELECT coalesce(array_agg(DISTINCT g), '{}') FROM ("
    "SELECT substr(lower(value), i, 2) AS g FROM generate_series(1, char_length(value) - 1) AS i "
    "UNION ALL SELECT substr(lower(value), i, 1) FROM generate_series(1, char_length(value)) AS i) AS grams $$",
]
_PG_BIGRAM_INDEXES = [
    "CREATE INDEX search_indicators_bigrams ON indicators "
    "USING gin (perfbudget_bigrams(perfbudget_search_text(level3, description)))",
    "CREATE INDEX search_projects_bigrams ON projects USING gin (perfbudget_bigrams(name))",
]
_PG_TRIGRAM_INDEXES = [
    "CREATE INDEX search_indicators_trgm ON indicators "
    "USING gin (perfbudget_search_text(level3, description) gin_trgm_ops)",
    "CREATE INDEX search_projects_trgm ON projects USING gin (name gin_trgm_ops)",
]
_PG_DROP = [*(f"DROP INDEX IF EXISTS search_{table}_{kind}" for kind in ("trgm", "bigrams")
              for table in ("indicators", "projects")),
            "DROP FUNCTION IF EXISTS perfbudget_bigrams(text)",
            "DROP FUNCTION IF EXISTS perfbudget_search_text(text, text)"]


def upgrade() -> None:
    for name, table, columns in _INDEXES:
        op.create_index(name, table, columns)
    op.drop_index("ix_projects_unit_id_fund_year", "projects")  # a prefix of the list-order index
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # (the live ``search.sqlite_create()`` made 1832's and 1836's tables here until faces43)
        for statement in json.loads(STATEMENTS.read_text(encoding="utf-8"))["sqlite"]:
            op.execute(statement)
        return
    if bind.dialect.name != "postgresql":
        return
    for statement in PG_FUNCTIONS + _PG_BIGRAM_INDEXES:
        op.execute(statement)
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as error:  # not installed, or not allowed: the bigram indexes serve every query
        savepoint.rollback()
        logging.getLogger("perfbudget").warning(TRIGRAM_REFUSED.format(error=str(error).splitlines()[0]))
        return
    savepoint.commit()
    for statement in _PG_TRIGRAM_INDEXES:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in json.loads(STATEMENTS.read_text(encoding="utf-8"))["downgrade"]["sqlite"]:
            op.execute(statement)
    elif bind.dialect.name == "postgresql":
        for statement in _PG_DROP:
            op.execute(statement)
    op.create_index("ix_projects_unit_id_fund_year", "projects", ["unit_id", "fund_year"])
    for name, table, _ in reversed(_INDEXES):
        op.drop_index(name, table)
