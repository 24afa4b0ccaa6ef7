"""A 自评表 whose indicator header has its results but no target column (kinds35).

``一级指标 | 二级指标 | 三级指标 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施``: a unit that left the 年度指标值
column out of its self-evaluation (or a copy that lost it) still reports each indicator's result, points and score.
Such a header was taken for an evaluation score sheet's (一级指标 | 二级指标 | 三级指标 | 分值 | 得分, criteria with
weights and no results: readers/interpret.py ``SCORE_SHEET_MESSAGE``) and every indicator was lost under an error
that named the wrong kind of table. The 实际完成值 column tells them apart: a header with the three levels (or 一级
and 三级, or 二级 and 三级), a result column and no target column is read as the indicator header; each indicator
keeps an empty target (nothing guessed from its result), and one warning at the header says the column is missing
(each row's own 「没有指标值」 is not repeated). A score sheet, without results, is refused as before.
"""

from __future__ import annotations

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.indicator_header import column_role


def results_without_target(row: list[Cell]) -> Problem | None:
    """The warning for ``row`` when it is such a header (the module's note), else None."""
    filled = [cell for cell in row if not cell.blank]
    roles = {column_role(cell.text) for cell in filled}
    if "level3" not in roles or not roles & {"level1", "level2"} or "actual" not in roles or "target" in roles:
        return None
    shown = "、".join(cell.text.strip() for cell in filled[:8]) + ("…" if len(filled) > 8 else "")
    return Problem(filled[0].source, f"指标表头（{shown}）没有指标值列（年度指标值）：按自评表读取各指标的实际完成值、"
                                     "分值和得分，指标值为空；请核对原表是否缺少指标值列", Severity.WARNING)


def unsplit_results(header: list[Cell]) -> Problem:
    """The error for such a header in text one cell a line: its rows are rebuilt by the target column, which it has
    not; they are not read (until kinds35 refused as a score sheet's, which it is not)."""
    shown = "、".join(cell.text.strip() for cell in header[:8]) + ("…" if len(header) > 8 else "")
    return Problem(header[0].source, f"指标表头（{shown}）有实际完成值但没有指标值列（年度指标值）："
                                     "每格一行的文字无法据此分出各指标行，指标未读取；请导入原表格文件（Excel、Word），"
                                     "或复制时保留单元格之间的"
                                     "制表符")
