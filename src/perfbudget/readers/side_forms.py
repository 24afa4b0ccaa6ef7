"""Two forms side by side on one sheet (forms38).

A unit copying its second project's form beside the first on one sheet (Excel, WPS, LibreOffice: the columns A–D
one project, F–I the next, each with its own 项目名称, funds and indicator header) gives the sheet reader rows holding
both forms' cells::

    项目名称 | 校舍维修 |        |        |  | 项目名称 | 食堂改造 |        |
    一级指标 | 二级指标 | 三级指标 | 指标值 |  | 一级指标 | 二级指标 | 三级指标 | 指标值

Read as one table, the first form's project was lost without a word (its indicators under the second form's
header, its name overwritten by the second's: status ok, one project). :func:`split_side_forms` cuts such a table
by its columns into one table a form, where a row holds two indicator headers or more — each a 三级指标 column with
its 指标值 column after it, starting at its 一级指标 column — and each form names its project above it in its own
columns (a 项目名称 label), and says so. The cells keep their places on the sheet. A table with one 三级指标 column
(projects side by side under one indicator header: ``side_projects``) is not cut, nor a form whose 中期 and 年度
indicators stand side by side under one header block (the 年度 part has no 一级 column and no 项目名称 of its own).
"""

from __future__ import annotations

from itertools import pairwise

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.labels import column_role, header_field

_FORM_WIDTH = 4  # the fewest columns of a form's indicator header (二级 or 一级, 三级, 指标值 …)
_LEVELS = ("level1", "level2")


def _form_starts(row: list[Cell]) -> list[int]:
    """The columns (0-based) where each indicator header of the row starts, when it holds two or more: each a 三级指标
    column with a 指标值 column after it (before the next), starting at the 一级 column before it (through 二级)."""
    roles = [None if cell.blank or "指标" not in cell.text else column_role(cell.text) for cell in row]
    thirds = [c for c, role in enumerate(roles) if role == "level3"]
    if len(thirds) < 2:
        return []
    starts: list[int] = []
    for k, third in enumerate(thirds):
        end = thirds[k + 1] if k + 1 < len(thirds) else len(roles)
        if "target" not in roles[third + 1:end]:
            return []
        start = third
        while start > 0 and roles[start - 1] in _LEVELS:
            start -= 1
        if roles[start] != "level1" or (starts and start - starts[-1] < _FORM_WIDTH - 1):
            return []
        starts.append(start)
    return starts


def _names_a_project(rows: list[list[Cell]], left: int | None, right: int | None) -> bool:
    """A row above the indicator header holds a 项目名称 label within the columns ``left:right``."""
    return any(not cell.blank and header_field(cell.text) == "name" for row in rows for cell in row[left:right])


def split_side_forms(table: RawTable, where: str) -> list[RawTable]:
    """The table cut into one table a form where its rows hold forms side by side (the module's note), else the
    table itself; the first part keeps the table's heading and problems, and tells where it was cut (``where``: the
    sheet's name as the messages give it)."""
    if table.stream or table.sparse:
        return [table]
    found = next(((at, starts) for at, header in enumerate(table.rows)
                  if len(header) >= 2 * _FORM_WIDTH - 1 and (starts := _form_starts(header))), None)
    if found is None:
        return [table]
    at, starts = found
    header = table.rows[at]
    if not all(_names_a_project(table.rows[:at], left, right) for left, right in pairwise([*starts, None])):
        return [table]
    cuts = [0, *starts[1:], None]
    parts: list[RawTable] = []
    for k, (left, right) in enumerate(pairwise(cuts)):
        rows = [cells for cells in (row[left:right] for row in table.rows) if any(not c.blank for c in cells)]
        if not rows:
            continue
        first = next(c for row in rows for c in row if not c.blank).source
        parts.append(RawTable(table.heading if k == 0 else None,
                              table.source if k == 0 else Source(first.file, sheet=first.sheet, row=first.row,
                                                                 column=first.column),
                              rows, table.complete, table.certain, needs_check=table.needs_check,
                              problems=table.problems if k == 0 else []))
    if len(parts) < 2:
        return [table]
    from openpyxl.utils import get_column_letter  # a sheet's columns by their letters, as Excel and WPS show them

    columns = "、".join(f"{get_column_letter(column)}列" if (column := header[start].source.column) else "右侧"
                       for start in starts[1:])
    told = f"{where}中并排有{len(parts)}张表（各有指标表头；另一张自{columns}起），已按列分开读取，各为一个项目"
    parts[0].problems.append(Problem(table.source, told, Severity.INFO))
    return parts
