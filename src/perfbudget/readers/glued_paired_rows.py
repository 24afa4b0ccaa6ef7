"""A glued self-evaluation without scores: 三级 | 年度指标值 | 全年完成值 | 未完成原因, every cell run together.

Some counties' 专项资金绩效目标自评表 (Hunan's 县级专项资金 form) have no 分值 or 得分 column: each row is the 三级
name, the target, the actual and the reason a target was missed. A document site's preview glues every cell and row
together (``…库存数量真实率100%100%质量指标县级储备粮管理制度严格执行率100%100%…``), and no score closes a row. A
careful person still reads such a row when its two values have shapes of their own: each a number with its unit
(``100%``, ``0起``) or, where they have no unit, the same text written twice (``高高``, ``00``: the target met), and
the next row starts with a level name or a 三级 name (never a digit or a unit).

Every way a row can be split so is tried, and the row is read only when exactly one split fits; a row with two
readings or none (a reason written after the actual, ``100%无没有轮换、动用库存``; an actual other than the target
without a unit) stops the reading with an error at that point, never a guess. A header without the 未完成原因 column
is :mod:`glued_stream`'s (both values in units).
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.glued_stream import RowMatch, header_cells
from perfbudget.readers.glued_weighted_rows import _LONGEST_NAME, _name_fits, _next_row_starts, _value_pairs
from perfbudget.readers.labels import column_role


def paired_header(text: str) -> tuple[list[str], int] | None:
    """The glued indicator header ``text`` starts with when it is 一级 | 二级 | 三级 | target | actual | 偏差原因:
    its cells and where it ends."""
    cells, end = header_cells(text)
    if [column_role(c) for c in cells] != ["level1", "level2", "level3", "target", "actual", "deviation"]:
        return None
    return cells, end


def paired_row(rest: str, most: Decimal | None = None) -> RowMatch:
    """The row at the start of ``rest`` (三级, target, actual) when exactly one split fits; else why not. A name
    starting with what a 偏差原因 cell holds (无, 已完成, 未…) may hold the reason of the row before: not read."""
    found: set[tuple[str, tuple[str, str], int]] = set()
    for name_end in range(1, min(len(rest), _LONGEST_NAME)):
        name = rest[:name_end]
        if not _name_fits(name, True):
            continue
        for target_end, actual_end in _value_pairs(rest, name_end):
            if _next_row_starts(rest[actual_end:]):
                found.add((name, (rest[name_end:target_end], rest[target_end:actual_end]), actual_end))
    if len(found) != 1:
        why = "没有一种拆法" if not found else f"有 {len(found)} 种拆法"
        return f"没有分值、得分列的粘连行{why}符合指标值与完成值的形式，无法可靠拆分：「{rest[:40]}」"
    ((name, split, end),) = found
    return name, list(split), end
