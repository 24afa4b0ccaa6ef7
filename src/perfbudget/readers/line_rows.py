"""Lines of a one-cell-a-line text that hold a whole row, its cells apart by spaces, and a column's number written on
the line below its label.

A web page's text of an Excel attachment often keeps most cells one a line but some rows on one line: a label row
(``三级指标 指标解释 绩效目标值 实际完成值 指标分值 得分``), label–value pairs (``部门(单位)名称 某研究室 部门预算编码
901001033``) and a funds grid's rows (``合 计 2537695 213722.82 0 2751417.82 …``, a source of funds then its amounts).
Read as one cell such a line is no label the stream knows, and the table started after it (Fujian's 部门整体支出绩效
自评表, ``103``: its unit and funds grid were lost). A line is read as its space-separated cells only where they are
plainly a row: every cell a known label; or pairs whose every first cell is a header label and no second one is a
label; or a Chinese label followed by two amounts or more and nothing else. A line holding only a column's number and
formula (``④ = ①+② +③``, ``⑥=⑤/④``, ``(%)``) belongs to the label above it (``小计④=①+②+③``): it is joined to it.
"""

from __future__ import annotations

import re

from perfbudget.readers.labels import fund_column, is_any_label, level_of

_FORMULA = re.compile(r"^(?:[(（][%％][)）]|[①-⑳](?:[=＝][①-⑳](?:[-+－/×÷*][①-⑳])*)?)$")
_AMOUNT = re.compile(r"^(?:[-—–/]|-?\d[\d,]*(?:\.\d+)?(?:万元|万|元)?|\d+(?:\.\d+)?[%％])$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def is_formula(line: str) -> bool:
    """A line holding only a column's number and formula, or a unit note (``④ = ①+② +③``, ``(%)``)."""
    return _FORMULA.match("".join(line.split())) is not None


def _label(text: str) -> bool:
    return is_any_label(text) or level_of(text) is not None or fund_column(text) is not None


def is_row(cells: list[str]) -> bool:
    """Are ``cells``, a line's space-separated parts, a row (see the module's note)?"""
    if len(cells) < 2:
        return False
    if all(_label(cell) for cell in cells):
        return True
    if len(cells) % 2 == 0 and all(is_any_label(cell) for cell in cells[0::2]) \
            and not any(_label(cell) for cell in cells[1::2]):
        return True
    return len(cells) >= 3 and _CJK.search(cells[0]) is not None and all(_AMOUNT.match(cell) for cell in cells[1:])
