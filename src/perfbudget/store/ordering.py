"""One ``ORDER BY`` key that sorts the same on SQLite and PostgreSQL.

The two databases disagreed on a user's sort (the project list's 项目名称, 单位, 年度, 预算, 送审时间):

* **NULLs**: SQLite puts them first in an ascending sort, PostgreSQL last. A project without a unit code,
  a fund year, a budget or a submission sat at the top of the list on one and at the bottom on the other.
  Here a missing value comes last in both directions (it is neither the largest nor the smallest).
* **Text**: SQLite compares by code point (its BINARY collation on UTF-8), PostgreSQL by the database's
  collation — under a Chinese (ICU ``zh``) or ``en_US`` locale 中国 / 北京 / 安全 / 阿里 come in pinyin or another
  order. Text keys take the ``"C"`` collation on PostgreSQL: code point order on both (汉字 in the Unicode
  order, roughly by radical and stroke count; not pinyin, which SQLite cannot do without a dictionary).

Money keys are numbers of the database (``project_status.budget_wan``), so they sort numerically on both.

:func:`unit_order` and :func:`batch_order` are the orders of every list by unit: the CLI's and the API's lists,
and the batches (review, evaluation) that walk the chosen projects unit by unit. The batches sorted by the raw unit
code until leftovers18: a unit without a code came first on SQLite and last on PostgreSQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text, nulls_last

from perfbudget.store.schema import project_versions, projects, units


def sort_key(column: Any, dialect: str, descending: bool = False) -> Any:
    """``column`` as a sort key: ascending or descending, NULLs last, text by code point on every database."""
    key = column
    if dialect == "postgresql" and isinstance(getattr(column, "type", None), (String, Text)):
        key = key.collate("C")
    return nulls_last(key.desc() if descending else key.asc())


def unit_order(dialect: str) -> list[Any]:
    """Units by code, a unit without one last, codes by code point; then by name (two units without a code), the id
    last. Two units without a code were ordered by id until replay-ab: the order they were first written in, which a
    PostgreSQL import of a directory (two writing connections) makes differently from SQLite's, and from one import
    to the next."""
    return [sort_key(units.c.code, dialect), sort_key(units.c.name, dialect), units.c.id]


def batch_order(dialect: str) -> list[Any]:
    """The projects of a batch: by unit (:func:`unit_order`), fund year (none last), then as the tables were
    stored (document, table position) and by id."""
    return [*unit_order(dialect), sort_key(projects.c.fund_year, dialect), project_versions.c.document_id,
            project_versions.c.seq, projects.c.id]


# The lists' order as PostgreSQL indexes (migration 1600). The ``"C"`` collation and ``NULLS LAST`` of
# :func:`sort_key` match no plain index, so until 1600 PostgreSQL sorted every project for the first page of the
# unfiltered project list (72.8 ms at 100,000 projects; 0.25 ms with these: the units walked in this order, each
# unit's projects read from the second index already in order). SQLite needs none: its BINARY collation is the
# plain indexes' order. The models cannot express them; their names start with ``PG_ORDER_PREFIX`` (the schema
# test leaves them out).
PG_ORDER_PREFIX = "order_"
PG_ORDER_INDEXES = {
    # the name since migration 1846 (replay-ab: :func:`unit_order`)
    "order_units_code": ('CREATE INDEX IF NOT EXISTS order_units_code ON units '
                         '(code COLLATE "C" NULLS LAST, name COLLATE "C" NULLS LAST, id)'),
    "order_projects_unit": ("CREATE INDEX IF NOT EXISTS order_projects_unit ON projects "
                            '(unit_id, fund_year NULLS LAST, name COLLATE "C" NULLS LAST, id)'),
}
