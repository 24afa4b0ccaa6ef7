"""A 部门整体 table's funds split by kind of spending, given as label–amount rows (dept40).

Below (or beside) the department's funds a unit writes what the money is spent on::

    按支出性质分：基本支出 | 120
                项目支出 | 300
    其中        | 人员经费 | 100
                | 公用经费 | 20

Each part is kept as an extra under its own name (``基本支出`` = 120, ``人员经费`` = 100), its amount's cell as
written; the heading words before it (其中, 按支出性质分) only announce the split. They are no part of the budget's
total, fiscal or other money (a split of the same total by another key). Until dept40 these rows were unlabelled
texts, and right after the 年度主要任务 grid they were read as tasks (任务名称 ``其中``, 主要内容 ``人员经费``).
"""

from __future__ import annotations

import re
import unicodedata

from perfbudget.domain_words import EXPENSE_CLASSES, WAGE_CLASSES
from perfbudget.readers.cell_values import decimal_or_none
from perfbudget.readers.grid import Cell

# the kinds of spending a department's budget is split into, besides the classes of the economic classification
# (``domain_words.EXPENSE_CLASSES`` and ``WAGE_CLASSES``, the review's too: ``PARTS``)
KINDS = frozenset({"基本支出", "项目支出", "人员经费", "公用经费", "人员支出", "公用支出", "日常公用经费",
                   # 其中 | 人员经费 | 公用经费 | 项目经费 (kinds42: 项目经费 | 500 stayed two unlabelled texts)
                   "项目经费", "基本经费"})
# the heading words before a part, in its cell or in one of their own (其中：人员经费, 按支出性质分：基本支出)
_LEAD = re.compile(r"^(?:其中|按支出性质分|按支出经济分类分|按经济分类分)[:：]?")
_NOTE = re.compile(r"[(（](?:万元|元)[)）]$")


# Every part a department's budget is split into: ``KINDS`` and the economic classes, one list of them for the
# reader and the review's ``name-is-expense-class`` (until kinds43 this module repeated 工资福利支出, 商品和服务支出,
# 资本性支出 and 对个人和家庭的补助 of them, and 对企业补助, 其他资本性支出 … were no part)
PARTS = KINDS | EXPENSE_CLASSES | WAGE_CLASSES


def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def part_name(text: str) -> str | None:
    """The part a label cell names (``其中：人员经费（万元）:`` → 人员经费), else None."""
    key = _NOTE.sub("", _LEAD.sub("", _compact(text).rstrip(":："))).rstrip(":：")
    return key if key in PARTS else None


def _is_lead(text: str) -> bool:
    return _LEAD.fullmatch(_compact(text)) is not None


def expense_part(row: list[Cell], k: int) -> tuple[str, Cell, int] | None:
    """The part named at ``row[k]`` (a heading cell 其中 before it taken with it) and its amount, the row's next
    filled cell, with the index after it; None where ``row[k]`` names no part or no amount follows."""
    if _is_lead(row[k].text):
        k = next((j for j in range(k + 1, len(row)) if not row[j].blank), len(row))
    if k >= len(row) or (name := part_name(row[k].text)) is None:
        return None
    at = next((j for j in range(k + 1, len(row)) if not row[j].blank), len(row))
    if at == len(row) or decimal_or_none(row[at].text.strip()) is None:
        return None
    return name, row[at], at + 1


def names_expense_part(filled: list[Cell]) -> bool:
    """Whether a row's filled cells begin with a part and its amount (``其中 | 人员经费 | 100``)."""
    return bool(filled) and expense_part(filled, 0) is not None


def opens_split(filled: list[Cell]) -> bool:
    """Whether a row's first filled cell announces the split (其中, 其中：人员经费, 按支出性质分：基本支出) before a
    part and its amount: a task may be named like a part (a 年度主要任务 row 人员经费 | 100), a row that says 其中
    is no task."""
    return names_expense_part(filled) and _LEAD.match(_compact(filled[0].text)) is not None
