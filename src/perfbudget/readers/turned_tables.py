"""A table laid out turned a quarter (rows and columns exchanged): the labels down the first row instead of the
first column — 项目名称 | 主管部门 | … | 一级指标 across the top, each label's value under it — and the indicator header
written down a column (一级指标 / 二级指标 / 三级指标 / 指标值), each indicator a column. A person reads it turned; so
does the interpretation: a table in which no row is an indicator header, but a column is, is read with its rows and
columns exchanged, each cell keeping its place in the file, and told.

Exchanging rows and columns makes every position of the table a cell, the blank ones where a short row ends too: one
row of 8,000 cells over 8,000 rows of three (a 183 KB text, 40,000 cells read) became 64,000,000 cells, 148 s of CPU
and 18 GB until attack26. The positions are counted first (:data:`MOST_TURNED_CELLS`), and the header column is
found from the cells the table has (a blank position is no label).
"""

from __future__ import annotations

from collections.abc import Callable

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.indicator_header import is_indicator_header_texts

TURNED_NOTE = "表格行列互换排列（指标表头写在一列中，每个指标一列），已按行列互换读取"

# Positions (columns × rows, blank ones too) a turned table may have: the readers' own cell bound
# (PERFBUDGET_MAX_CELLS' default). Real turned tables: tens of indicators by some twenty labels.
MOST_TURNED_CELLS = 150_000


def turned_table(table: RawTable, is_header: Callable[[list[Cell]], bool],
                 problems: list[Problem]) -> RawTable | None:
    """``table`` with its rows and columns exchanged when no row of it is an indicator header and a column is;
    else ``table`` itself; None (refused, with an error in ``problems``) when the table to make would hold more
    than :data:`MOST_TURNED_CELLS` positions."""
    if table.stream or table.sparse or len(table.rows) < 4 or any(is_header(row) for row in table.rows):
        return table
    width = max(len(row) for row in table.rows)
    if width < 4:
        return table
    at = _header_column(table.rows)
    if at is None:
        return table
    positions = width * len(table.rows)
    if positions > MOST_TURNED_CELLS:
        first = next(row[at] for row in table.rows if at < len(row))
        problems.append(Problem(first.source, f"表格行列互换排列（指标表头写在一列中），互换后共 {positions} 个单元格"
                                f"（{width} 列 × {len(table.rows)} 行），超过 {MOST_TURNED_CELLS} 个的上限，未读取；"
                                "请把指标表头写在一行，每个指标一行"))
        return None
    columns = [[row[c] if c < len(row) else _padding(table, row, r, c) for r, row in enumerate(table.rows)]
               for c in range(width)]
    rows = [[Cell(cell.text, cell.source) for cell in column] for column in columns]  # (a column span is no row's)
    problems.append(Problem(columns[at][0].source, TURNED_NOTE, Severity.INFO))
    return RawTable(table.heading, table.source, rows, complete=table.complete, certain=table.certain,
                    needs_check=table.needs_check)


def _header_column(rows: list[list[Cell]]) -> int | None:
    """The first column that is an indicator header, read from the cells the rows have (as ``is_indicator_header``
    reads a column padded with blanks: a blank cell is no label), or None. Linear in the cells."""
    texts: dict[int, list[str]] = {}
    for row in rows:
        for c, cell in enumerate(row):
            texts.setdefault(c, []).append(cell.text)
    return next((c for c in sorted(texts) if is_indicator_header_texts(texts[c])), None)


def _padding(table: RawTable, row: list[Cell], r: int, c: int) -> Cell:
    """A blank cell where a short row ends before the table's widest, placed after the row's last cell."""
    if not row:
        return Cell("", table.source._replace(row=r + 1, column=c + 1))
    last = row[-1].source
    return Cell("", last._replace(column=(last.column or len(row)) + c - len(row) + 1))
