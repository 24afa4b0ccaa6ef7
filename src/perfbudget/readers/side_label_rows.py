"""The indicator block's side label written again on its first row: ``绩效指标 | 项目完成指标``.

A form heads its indicators with a label merged down the block's first column (``绩效指标 | 一级指标 | 二级指标 |
…``): the header reads it as a column of no role. A copy that keeps no empty cells writes the merged cell again
where the block's first row starts, before that row's own cells (``绩效指标 项目完成`` / ``指标``: 昭化 01), and the
row, shorter than the header, was read with ``绩效指标`` as its 三级 name (缺少一级或二级指标, the 一级 lost). A row
shorter than the header that starts with the header's own side label starts with that label's cell: the cell is
left out, the row read as its other cells (reading39).
"""

from __future__ import annotations

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import label_key


def without_side_label(rows: list[list[Cell]], columns: list[tuple[str, str]]) -> list[list[Cell]]:
    """``rows`` with the header's side label (its first column, of no role) left out where a row shorter than the
    header repeats it in its first cell; ``rows`` itself where none does."""
    if not columns or columns[0][0] != "ignore" or not (label := label_key(columns[0][1])):
        return rows
    if not any(1 < len(row) < len(columns) and label_key(row[0].text) == label for row in rows):
        return rows
    return [row[1:] if 1 < len(row) < len(columns) and label_key(row[0].text) == label else row for row in rows]
