"""A 自评表 row one cell short whose 得分 cell holds text: the copy dropped the empty 分值 or 得分 cell.

A web page copied as pipes or tabs that leaves out a row's empty cells writes
``服务合格率 | ≥95% | 96% | 18 | 无`` under
``… | 实际完成值 | 分值 | 得分 | 偏差原因``: one cell fewer than the header, the 偏差原因's ``无`` under 得分.
Read in order, ``18`` was the 分值 and ``无`` an extra 得分, the reason lost — read as right, nothing told
(reading38). A 得分 is a number (or a dash), so text under it in a row one cell short says the cells after the
分值 | 得分 pair moved one column left: they are put back, the figure stays the 分值 (a row's empty 得分, an
unscored row, is the commoner gap; the row's cells do not say which of the two the copy dropped), and a warning
at the figure says that it may be the 得分. Rows as wide as the header, and rows whose 得分 cell is a figure,
are read as before; so is a 得分 written as full marks (``满分``: readers/full_mark_scores.py).
"""

from __future__ import annotations

from perfbudget.model import Problem, Severity
from perfbudget.readers.cell_values import decimal_or_none
from perfbudget.readers.full_mark_scores import is_full_marks
from perfbudget.readers.grid import Cell

_DASHES = frozenset("-—–/／\\…")


def restored_score_rows(rows: list[list[Cell]], roles: list[str], problems: list[Problem]) -> list[list[Cell]]:
    """``rows`` with each row so shifted (see the module) given its empty 得分 cell back; others unchanged."""
    if "weight" not in roles or "score" not in roles:
        return rows
    weight, score = roles.index("weight"), roles.index("score")
    width = len(roles)
    if score != weight + 1 or score + 1 >= width:
        return rows
    out: list[list[Cell]] = []
    for row in rows:
        if len(row) == width - 1 and _figure(row[weight]) and _text(row[score]):
            out.append([*row[:score], Cell("", row[score].source), *row[score:]])
            problems.append(Problem(row[weight].source, f"这一行比指标表头少一个单元格，「得分」一栏是「"
                                                        f"{row[score].text.strip()}」，不是分数：复制时略去了空着的分值或"
                                                        f"得分一格，其后各格已移回原列；「{row[weight].text.strip()}」"
                                                        "按分值读取，也可能是得分，请核对", Severity.WARNING))
            continue
        out.append(row)
    return out


def _figure(cell: Cell) -> bool:
    return not cell.blank and decimal_or_none(cell.text) is not None


def _text(cell: Cell) -> bool:
    text = cell.text.strip()
    return bool(text) and decimal_or_none(text) is None and any(ch not in _DASHES for ch in text) \
        and not is_full_marks(text)  # 满分 is a 得分 (kinds40)
