"""A header block written as a row of labels over a row of their values (reading-w)::

    项目名称     | 主管部门       | 实施单位
    乡村道路养护 | 某县交通运输局 | 某县公路养护中心

A person reads each label with the value under it. The header block's reader takes the cell after a label as its
value, so such a pair of rows is turned into the one row ``项目名称 | 乡村道路养护 | 主管部门 | …`` before it is read
(each cell keeping its own place). Only where every filled cell of the upper row is a known label of the project's
identity (项目名称, 主管部门, 实施单位, 项目负责人 …: no money, goal or purpose label, whose grids the block's reader
knows), the row below holds as many filled cells, none of them a label, and the row after that is not another such
row (a list of projects under its column heads is no header block).
"""

from __future__ import annotations

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import header_field, is_any_label

# the fields a label of the upper row may name: the project's identity, no money, goals or purpose
_IDENTITY_FIELDS = frozenset({"name", "department", "unit", "unit-code", "extra"})
_NAMING_FIELDS = frozenset({"name", "department", "unit"})


def _filled(row: list[Cell]) -> list[Cell]:
    return [cell for cell in row if not cell.blank]


def _labels(row: list[Cell]) -> bool:
    """Whether every filled cell of ``row`` (two at least) is an identity label, one of them naming the project,
    its department or its unit."""
    naming = False
    count = 0
    for cell in row:
        if cell.blank:
            continue
        field = header_field(cell.text)
        if field not in _IDENTITY_FIELDS:
            return False  # (most rows stop at their first cell: a value, an indicator name)
        naming = naming or field in _NAMING_FIELDS
        count += 1
    return count >= 2 and naming


def _values(row: list[Cell], count: int) -> bool:
    """Whether ``row`` holds ``count`` filled cells, none of them a label."""
    filled = _filled(row)
    return len(filled) == count and not any(is_any_label(cell.text) for cell in filled)


def labels_over_values(rows: list[list[Cell]]) -> list[list[Cell]]:
    """``rows`` with each row of labels over a row of their values made one row of label–value pairs."""
    joined: list[list[Cell]] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        if index + 1 < len(rows) and _labels(row):
            count = len(_filled(row))
            if _values(rows[index + 1], count) and not (index + 2 < len(rows) and _values(rows[index + 2], count)):
                joined.append([cell for pair in zip(_filled(row), _filled(rows[index + 1]), strict=True)
                               for cell in pair])
                index += 2
                continue
        joined.append(row)
        index += 1
    return joined
