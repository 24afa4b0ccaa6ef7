"""Indicators written as blocks of ``label：value`` lines, one indicator after another (no table).

A budget system's detail view, or a notice copied from it, writes each indicator as lines of its own::

    项目名称：校舍维修
    年度资金总额（万元）：50
    一级指标：产出指标
    二级指标：数量指标
    三级指标：维修校舍面积
    指标值：500平方米

    一级指标：产出指标
    二级指标：质量指标
    ...

A careful person reads each block as one row of the indicator table, the labels its column heads. This module
splits the text into one raw table — the header block's ``label：value`` lines above the first block as rows, each
indicator line as its label and value (a label the indicator header knows: 一级/二级/三级指标, 指标值, 指标方向,
度量单位, 实际完成值, 分值, 得分 …), any other line as a row of its own — and ``label_blocks`` (the stage every form
goes through) makes the blocks an indicator table, each unplaceable line a located error.
"""

from __future__ import annotations

import re

from perfbudget.model import Source
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.label_lines import label_line_cells
from perfbudget.readers.labels import column_role, header_field
from perfbudget.readers.stream import better_heading
from perfbudget.readers.text_lines import head_lines

# 三级指标：维修校舍面积 — a label, a colon, the value (a label of at most 12 characters, no spaces inside)
# (the value is the rest of the line, white space stripped, holding no line break: a lazy value before 「\s*$」 tried
# the rest of the line again after each character, a line of 50,000 tabs inside its value 12 s of CPU until attack26)
_LINE = re.compile(r"^\s*([^\s:：|\t]{2,12})\s*[:：]")
_LEVELS = ("level1", "level2", "level3")
_UNIT_NOTE = re.compile(r"[（(]\s*(?:万元|元|千元)\s*[)）]\s*$")  # 项目资金（万元）: a label with its money unit


def _indicator_label(label: str) -> str | None:
    """The indicator column a block line's label names (``column_role``), or None."""
    return column_role(label)


def _label_line(line: str) -> tuple[str, str] | None:
    match = _LINE.match(line)
    if match is None or "\n" in (value := line[match.end():].strip()):
        return None
    return match.group(1), value


def looks_like_label_blocks(text: str) -> bool:
    """A 三级 line and a target line, each ``label：value``, and a 一级 or 二级 line, in the text's first lines."""
    seen: set[str] = set()
    for line in head_lines(text, 400):
        if "：" not in line and ":" not in line:
            continue
        pair = _label_line(line)
        if pair is not None and pair[1] and (role := _indicator_label(pair[0])) is not None:
            seen.add(role)
    return {"level3", "target"} <= seen and bool(seen & {"level1", "level2"})


def read_label_blocks(text: str, file: str) -> list[RawTable]:
    """One raw table: the header block's lines as rows, then each indicator line as its label and value (any
    other line as a row of its own); ``label_blocks`` makes the blocks an indicator table."""
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines, 1)
                  if (pair := _label_line(line)) is not None and _indicator_label(pair[0]) in _LEVELS), None)
    if first is None:
        return []
    table = RawTable(None, Source(file, line=first))
    heading: str | None = None
    for lineno, line in enumerate(lines[:first - 1], 1):
        if not line.strip():
            continue
        cells = label_line_cells(line)  # 项目名称：…  主管部门：… (pairs the header block knows)
        if cells is None and (pair := _label_line(line)) is not None and pair[1]:
            cells = pair  # 绩效目标：… alone on its line
            if pair[0] == "其中" and (part := _label_line(pair[1])) is not None:
                cells = (f"其中：{part[0]}", part[1])  # 其中：财政拨款：1125 is the pair 其中：财政拨款 | 1125
        if cells is None and (header_field(line) is not None or _UNIT_NOTE.search(line)):
            cells = (line.strip(),)  # 项目资金（万元） alone: the funds block's label, its money unit the table's
        if cells is None:
            heading = better_heading(heading, line)
            continue
        table.rows.append([Cell(text, Source(file, line=lineno, column=j)) for j, text in enumerate(cells, 1)])
    table.heading = heading
    for lineno, line in enumerate(lines[first - 1:], first):
        if not line.strip():
            continue
        pair = _label_line(line)
        if pair is not None and _indicator_label(pair[0]) is not None:
            table.rows.append([Cell(pair[0], Source(file, line=lineno, column=1)),
                               Cell(pair[1], Source(file, line=lineno, column=2))])
        else:
            table.rows.append([Cell(line.strip(), Source(file, line=lineno))])
    return [table]
