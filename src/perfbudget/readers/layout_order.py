"""An indicator header whose own line holds the table's level names and values: text copied in layout order.

A PDF's text taken out in the order of its drawing, not of its rows (a document site's preview, one long
line), puts a self-evaluation's cells where they were drawn: ``一级指标 二级指标 数量指标 三级指标 … 年度指标值
实际完成值 分值 得分 =100% 100% 10 10 =100% 100% 20 20 … 产出指标 质量指标 … 合同结算条款完成率 …`` — the rows'
values run before the names they belong to. Nothing pairs a name with its values there but a guess, so such a
table is not read; :func:`layout_order_message` says why, at the header's line, instead of the plain 表格不完整.
"""

from __future__ import annotations

import re

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import column_role, level_of

# a target or actual value as a cell holds it alone: 100%, =100%, >=90%, ≥95%, 10, 98.62
_VALUE = re.compile(r"^(?:[=＝<>≤≥≦≧]{1,2})?\s*\d+(?:\.\d+)?\s*%?$")


def values_before_names(row: list[Cell]) -> bool:
    """After the row's 三级 column label, values (two or more) come before a 一级/二级 name: the level names and
    the values of the rows are on the header's own line, in drawing order."""
    texts = [cell.text.strip() for cell in row if not cell.blank]
    start = next((k for k, text in enumerate(texts) if column_role(text) == "level3"), None)
    if start is None:
        return False
    values = 0
    for text in texts[start + 1:]:
        if _VALUE.match(text):
            values += 1
        elif values >= 2 and level_of(text) is not None:
            return True
    return False


def layout_order_message() -> str:
    return ("指标表头所在的这一行同时包含指标名称和数值，且数值排在它们所属的指标名称之前（按版面顺序复制的PDF文字，"
            "不是按表格的行排列）：无法确定各指标对应的指标值，未读取指标；请使用原表格文件")
