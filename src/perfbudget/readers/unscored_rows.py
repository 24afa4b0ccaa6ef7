"""A self-evaluation row written without its 分值, its values one column left (a scored indicator's sub-items).

Anhui's 自评表 puts the 分值 before the target (三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分), and lists under a
scored indicator its parts, unscored, with just their target and actual::

    ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20
    其中桃树种植面积          | 1.5亩 | 1.5亩

A person reads the part's 1.5亩 as its target and the next 1.5亩 as its actual: a 分值 is a number of points, never
1.5亩. So a row whose 分值 cell holds a value with a unit or a comparison sign (no bare number), whose 得分 and
实际完成值 cells are empty and whose target cell is filled is read so, with a note; any other row as written.
"""

from __future__ import annotations

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.cell_values import VALUE_LIKE, decimal_or_none
from perfbudget.readers.grid import Cell


def unscored_row(by_role: dict[str, Cell], row_source: Source, problems: list[Problem]) -> dict[str, Cell] | None:
    """``by_role`` with the 分值 cell's value as the target and the target cell's as the actual, where the row was
    written without a 分值 (see the module docstring); None for any other row."""
    weight, target = by_role.get("weight"), by_role.get("target")
    if weight is None or target is None or weight.blank or target.blank:
        return None
    actual, score = by_role.get("actual"), by_role.get("score")
    if (actual is not None and not actual.blank) or (score is not None and not score.blank):
        return None
    text = weight.text.strip()
    if decimal_or_none(text) is not None or VALUE_LIKE.match(text) is None:
        return None
    shifted = {role: cell for role, cell in by_role.items() if role not in ("weight", "target", "actual", "score")}
    shifted["target"], shifted["actual"] = weight, target
    problems.append(Problem(row_source, f"「{text}」写在分值列，不是分值：这一行没有分值和得分，"
                                        f"按指标值「{text}」、实际完成值「{target.text.strip()}」读取", Severity.INFO))
    return shifted
