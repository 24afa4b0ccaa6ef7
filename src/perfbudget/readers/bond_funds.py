"""A 专项债 自评表's money given only in its 债券资金管理指标 row (Shenzhen's form, corpus 55).

The form of a special-bond project's self-evaluation puts no funds grid in its header block: the year's allocation
and what was spent are the figures of a scored management row above the indicators::

    当年绩效指标 | 债券资金管理指标(10分) | 总体支出进度 (当年实际支出金额/项目当年下达额度) | 实际支出金额 | 下达额度 |
        实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
    1,437 | 1,437 | 1,437 | 10 | 10

The row's own heads (当年绩效指标, 债券资金管理指标, 总体支出进度 …) are merged down over the figures' row in the
form; a page's copy drops them and the figures start at the row's first cell. A person reads the figures under the
value columns, in order: 实际支出金额, 下达额度, 实际完成值, 分值, 得分 (the 偏差原因 text column left empty). So are
they read here, only where the row names both 实际支出金额 and 下达额度 and the next row holds exactly as many figures
as those value columns and nothing else: 下达额度 is the budget, the figures kept as the grid's extras
(``债券资金管理指标/实际支出金额`` …, typed by readers/execution_cells.py: 实际支出金额 the executed amount, 分值 and
得分 the execution's points). Any other count leaves both rows as they were (which figure is whose is not said),
the project marked 需人工核对 with why its budget was not read.
"""

from __future__ import annotations

import re
import unicodedata

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import label_key
from perfbudget.readers.parts import Parts

_SPENT = "实际支出金额"
_ALLOCATED = "下达额度"
# the value columns a figure may stand under, and the text columns after them that may be left empty
_VALUE_HEADS = frozenset({_SPENT, _ALLOCATED, "实际完成值", "完成值", "分值", "得分", "权重"})
_FIGURE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?%?$")


def _filled(row: list[Cell]) -> list[Cell]:
    return [cell for cell in row if not cell.blank]


def _heads(row: list[Cell]) -> tuple[list[Cell], list[Cell]] | None:
    """(the row's cells before its value columns, the value columns' heads) where the row names both 实际支出金额 and
    下达额度 and its heads from the first of them on are value columns, a text column (偏差原因 …) only after them."""
    filled = _filled(row)
    keys = [label_key(cell.text) for cell in filled]
    if _SPENT not in keys or _ALLOCATED not in keys:
        return None
    start = min(keys.index(_SPENT), keys.index(_ALLOCATED))
    values = [cell for cell, key in zip(filled[start:], keys[start:], strict=True) if key in _VALUE_HEADS]
    if [label_key(cell.text) for cell in values] != keys[start:start + len(values)]:
        return None  # (a column not known among the value columns: which figure is whose is not said)
    return filled[:start], values


def bond_funds(rows: list[list[Cell]], parts: Parts) -> list[list[Cell]]:
    """``rows`` (a header block's) with a bond row's heads and figures taken out: the figures kept as extras under
    their heads, 下达额度 the budget where none was read; the row's other cells kept as extras (see the module's
    note). Rows without such a pair are returned as they are."""
    for index, row in enumerate(rows[:-1]):
        if (found := _heads(row)) is None:
            continue
        before, heads = found
        figures = _filled(rows[index + 1])
        compact = [unicodedata.normalize("NFKC", cell.text).replace(" ", "").strip() for cell in figures]
        if not figures or not all(_FIGURE.match(text) for text in compact):
            return rows
        if len(figures) != len(heads):  # (told, as the block's other money labels whose amounts do not match)
            named = "、".join(label_key(cell.text) for cell in heads)
            parts.needs_check.append(f"债券资金管理指标行的数值栏「{named}」之下有{len(figures)}个数值，个数不符，"
                                     "无法对应，预算未读取")
            return rows
        name = next((label_key(cell.text) for cell in before if "债券" in cell.text), "债券资金管理指标")
        for cell in before:
            parts.extras.append(("", cell))
        for head, figure, text in zip(heads, figures, compact, strict=True):
            parts.extras.append((f"{name}/{label_key(head.text)}", Cell(text, figure.source)))
            if label_key(head.text) == _ALLOCATED and "total" not in parts.money:
                parts.money["total"] = Cell(text, figure.source)
        after = [cell for cell in _filled(row) if cell not in before and cell not in heads]
        parts.extras.extend(("", cell) for cell in after)
        return [*rows[:index], *rows[index + 2:]]
    return rows
