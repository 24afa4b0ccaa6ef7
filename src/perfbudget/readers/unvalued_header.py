"""An indicator header without a target column: 一级指标 | 二级指标 | 三级指标 followed by columns that are no
指标值 (a health commission's self-evaluation framework: 自评内容 | 完成情况 | 需提供的支撑材料; corpus24, `164`).

Its rows name criteria (预算编制科学性, 资金发放及时性) with an explanation and the unit's record, never a target:
reading the explanation or the record as the target would be a misread. Where no indicator header is found, such a
header is named at its own line — instead of 「缺少指标表头行」 at the first row that starts with a 一级 name, or a
cut — and the rows before it are still read as the form's header block (the project's name, its funds)."""

from __future__ import annotations

from perfbudget.model import Problem
from perfbudget.readers.grid import Cell
from perfbudget.readers.indicator_header import column_role

_LEVELS = {"level1", "level2", "level3"}
_SHOWN = 8  # the most header labels the message quotes


def unvalued_header(rows: list[list[Cell]], stop: int | None = None) -> int | None:
    """The index of the first row (before ``stop``) that names the three level columns, no target column and
    at least one column after them, with a row of text below it; None when there is none."""
    for index, row in enumerate(rows[:stop]):
        cells = [cell for cell in row if not cell.blank]
        if len(cells) < 4:
            continue
        roles = [column_role(cell.text) for cell in cells]
        if not set(roles) >= _LEVELS or "target" in roles:
            continue
        last_level = max(position for position, role in enumerate(roles) if role in _LEVELS)
        if last_level == len(cells) - 1:
            continue  # the header stops at its 三级 column: cut there, not a form without targets
        if any(not cell.blank for below in rows[index + 1:] for cell in below):
            return index
    return None


def unvalued_header_problem(row: list[Cell]) -> Problem:
    labels = [cell.text.strip() for cell in row if not cell.blank]
    shown = "、".join(labels[:_SHOWN]) + ("…" if len(labels) > _SHOWN else "")
    first = next(cell for cell in row if not cell.blank)
    return Problem(first.source, f"指标表头（{shown}）中没有指标值列（指标值、年度指标值等）：其下各行没有可读取的"
                                 "目标值，未作为绩效指标读取；若其中某列就是指标值，请将该列表头改为「指标值」后重新读取")
