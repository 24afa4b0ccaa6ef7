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
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text, nulls_last


def sort_key(column: Any, dialect: str, descending: bool = False) -> Any:
    """``column`` as a sort key: ascending or descending, NULLs last, text by code point on every database."""
    key = column
    if dialect == "postgresql" and isinstance(getattr(column, "type", None), (String, Text)):
        key = key.collate("C")
    return nulls_last(key.desc() if descending else key.asc())
