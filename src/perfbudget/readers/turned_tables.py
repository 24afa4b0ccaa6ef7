"""A table laid out turned a quarter (rows and columns exchanged): the labels down the first row instead of the
first column — 项目名称 | 主管部门 | … | 一级指标 across the top, each label's value under it — and the indicator header
written down a column (一级指标 / 二级指标 / 三级指标 / 指标值), each indicator a column. A person reads it turned; so
does the interpretation: a table in which no row is an indicator header, but a column is, is read with its rows and
columns exchanged, each cell keeping its place in the file, and told."""

from __future__ import annotations

from collections.abc import Callable

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell, RawTable

TURNED_NOTE = "表格行列互换排列（指标表头写在一列中，每个指标一列），已按行列互换读取"


def turned_table(table: RawTable, is_header: Callable[[list[Cell]], bool], problems: list[Problem]) -> RawTable:
    """``table`` with its rows and columns exchanged when no row of it is an indicator header and a column is;
    else ``table`` itself."""
    if table.stream or table.sparse or len(table.rows) < 4 or any(is_header(row) for row in table.rows):
        return table
    width = max(len(row) for row in table.rows)
    if width < 4:
        return table
    columns = [[row[c] if c < len(row) else _padding(table, row, r, c) for r, row in enumerate(table.rows)]
               for c in range(width)]
    at = next((c for c, column in enumerate(columns) if is_header(column)), None)
    if at is None:
        return table
    rows = [[Cell(cell.text, cell.source) for cell in column] for column in columns]  # (a column span is no row's)
    problems.append(Problem(columns[at][0].source, TURNED_NOTE, Severity.INFO))
    return RawTable(table.heading, table.source, rows, complete=table.complete, certain=table.certain,
                    needs_check=table.needs_check)


def _padding(table: RawTable, row: list[Cell], r: int, c: int) -> Cell:
    """A blank cell where a short row ends before the table's widest, placed after the row's last cell."""
    if not row:
        return Cell("", table.source._replace(row=r + 1, column=c + 1))
    last = row[-1].source
    return Cell("", last._replace(column=(last.column or len(row)) + c - len(row) + 1))
