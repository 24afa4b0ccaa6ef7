"""The list layout: several projects in one table, their header fields as columns before the indicators.

Sichuan's 部门预算项目绩效目标申报表 lists every project of a department in one table::

    单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | …
    820001-某镇人民政府 | 村组干部报酬 | 3,309,840.00 | 按时发放… | 效益指标 | 社会效益指标 | …
    产出指标 | 时效指标 | 维持时效 | ≥ | 1 | 年 | …                 (same project: merged cells left out)
    基层组织活动经费 | 660,000.00 | 包括… | 满意度指标 | …            (next project, same unit)

A row's project cells are those before its first 一级/二级 name, aligned to the right of the
project columns (the copy leaves out the merged cells on the left: the unit shared with the
project above). Each project becomes a raw table of the ordinary layout (label | value rows,
then the indicator header and rows), so it is read like any other table. A row without any
indicator cell that holds only a code and an amount (``820-某部门 | 8,827,620.53``, the
department's total) is skipped with a note.
"""

from __future__ import annotations

from collections.abc import Callable

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.indicator_header import header_texts, is_indicator_header, repeats_header
from perfbudget.readers.labels import column_role, header_field, level_of


def _project_columns(header: list[Cell]) -> int:
    """How many columns before the 一级/二级 columns are project fields (0 when it is no list layout)."""
    first_level = next((i for i, c in enumerate(header) if column_role(c.text) in ("level1", "level2")), 0)
    before = [c for c in header[:first_level] if not c.blank]
    fields = {header_field(c.text) for c in before}
    if not before or "name" not in fields or not fields & {"total", "goals", "fiscal"}:
        return 0
    return first_level


def is_list_header(header: list[Cell]) -> bool:
    """True when the indicator header row has project fields as columns before its level columns."""
    return _project_columns(header) > 0


def split_list_layout(table: RawTable, problems: list[Problem],
                      is_header: Callable[[list[Cell]], bool] = is_indicator_header) -> list[RawTable] | None:
    """One raw table per project of a list-layout table, or None when the table is no list layout.

    ``is_header`` is ``is_indicator_header`` or a memo of it (``indicator_header.HeaderMemo``)."""
    if table.stream:
        return None
    header_index = next((i for i, row in enumerate(table.rows) if is_header(row)), None)
    if header_index is None:
        return None
    header = table.rows[header_index]
    width = _project_columns(header)
    if width == 0:
        return None
    labels = header[:width]
    before = table.rows[:header_index]
    indicator_header = header[width:]
    projects: list[RawTable] = []
    values: list[Cell | None] = [None] * width  # the project cells carried down (merged cells)
    heads = header_texts(header)
    for row in table.rows[header_index + 1:]:
        cells = list(row)
        while cells and cells[-1].blank:
            cells.pop()
        if not cells:
            continue
        start = next((i for i, c in enumerate(cells) if not c.blank and level_of(c.text) is not None), None)
        if start is None:
            filled = [c for c in cells if not c.blank]
            if repeats_header(filled, heads):
                # 单位名称 | 项目名称 | … | 一级指标 | … again after a page break: the list's header, no row (reading41)
                problems.append(Problem(filled[0].source, "跳过重复的指标表头行（表格跨页续排）", Severity.INFO))
                continue
            if table.sparse and projects and len(filled) <= 2:
                projects[-1].rows.append(cells)  # cells wrapped onto a line of their own
                continue
            if not projects or len(filled) <= 2:
                problems.append(Problem(filled[0].source, "跳过没有指标的汇总行「"
                                        + " | ".join(c.text.strip() for c in filled) + "」", Severity.INFO))
                continue
            # a row of the current project starting at its 三级 name (after the blank project cells)
            start = width if len(cells) > width and all(c.blank for c in cells[:width]) else 0
        prefix = cells[:start][-width:] if start else []
        while prefix and prefix[0].blank:
            prefix = prefix[1:]  # merged cells of the project above (blank in Word/Excel)
        if prefix:
            offset = width - len(prefix)
            values = [values[i] if i < offset else None for i in range(width)]
            for i, cell in enumerate(prefix):
                values[offset + i] = cell
            heading_rows = [[Cell(label.text, label.source), value] for label, value in zip(labels, values, strict=True)
                            if value is not None and not label.blank]
            projects.append(RawTable(table.heading, prefix[0].source, [*before, *heading_rows, indicator_header],
                                     table.complete, table.certain, sparse=table.sparse,
                                     needs_check=table.needs_check))
        elif not projects:
            problems.append(Problem(cells[0].source, "这一行的指标前没有项目名称，无法确定所属项目"))
            continue
        projects[-1].rows.append(cells[start:])
    for project in projects[:-1]:
        project.complete = True  # a table cut off is cut in its last project: the projects before it are whole
    return projects or None
