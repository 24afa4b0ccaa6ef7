"""The 资金管理情况 block of the central transfer self-evaluation (转移支付项目绩效目标自评表, the 2023 form).

    资金管理情况 | 情况说明     | 存在问题和改进措施
    分配科学性   | 资金分配科学 | 暂无
    下达及时性   |              |
    …
    总体目标完成情况 | 总体目标 | 全年实际完成情况

Between the funds grid and the goals, the form asks how the money was managed: one row an aspect (分配科学性,
下达及时性, 拨付合规性, 使用规范性, 执行准确性, 预算绩效管理情况, 支出责任履行情况), a text under each column. The
texts are kept as the project's extras under the block, the aspect and the column
(``资金管理情况/分配科学性/情况说明``; an aspect with nothing written as ``资金管理情况`` = 下达及时性), never as money,
goals or indicators. A row's texts stand under the columns by position where the row keeps its cells (a Word or
Excel grid, an empty cell kept), else in order (a web copy that drops a row's empty cells: the first text under
情况说明). The block ends at a row holding a label of the form's other parts (总体目标完成情况 | 总体目标 |
全年实际完成情况: the goals) or more texts than it has columns; a head no row followed (a page cut there) stays
the table's texts, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import goal_column, header_field, is_label_key, label_key

BLOCK = "资金管理情况"
# the block's columns as the form heads them
COLUMNS = frozenset({"情况说明", "存在问题和改进措施", "存在问题及改进措施", "存在问题和整改措施"})


@dataclass
class ManagementGrid:
    """The block being read: its column labels, their cell indices in the head row, the head's cells (kept as the
    table's texts when no row of the block follows, a page cut right after it) and the rows read so far."""

    columns: list[str]
    positions: list[int]
    head: list[Cell] = field(default_factory=list)
    rows: int = 0


def unread_head(grid: ManagementGrid) -> list[tuple[str, Cell]]:
    """The head's cells as unlabelled extras when the block ended before any row of it: nothing is dropped."""
    return [] if grid.rows else [("", cell) for cell in grid.head]


def _form_label(text: str) -> bool:
    """A label of the form's other parts (总体目标, 全年实际完成情况, 年度资金总额, 绩效指标 …)."""
    return header_field(text) is not None or goal_column(text) is not None or is_label_key(label_key(text))


def start_grid(row: list[Cell], at: int) -> ManagementGrid | None:
    """The block started by 资金管理情况 at ``row[at]`` when every other filled cell of the row is one of its
    columns; None otherwise (the label is then read as any other text)."""
    filled = [k for k in range(at + 1, len(row)) if not row[k].blank]
    if not filled or any(label_key(row[k].text) not in COLUMNS for k in filled):
        return None
    return ManagementGrid([label_key(row[k].text) for k in filled], filled, [row[at], *(row[k] for k in filled)])


def read_grid_row(row: list[Cell], grid: ManagementGrid, prefix: str) -> list[tuple[str, Cell]] | None:
    """The extras of one row of the block, or None when the row is not the block's (it ends there). An empty
    row gives no extras and keeps the block open. ``prefix`` is the block's label as the extras name it."""
    filled = [k for k, cell in enumerate(row) if not cell.blank]
    if not filled:
        return []
    first = filled[0]
    aspect = label_key(row[first].text)
    if not aspect or any(_form_label(row[k].text) for k in filled):
        return None
    values = filled[1:]
    if len(values) > len(grid.columns):
        return None
    grid.rows += 1
    if not values:  # an aspect with nothing written under it (下达及时性 | | ): kept under the block, not dropped
        return [(prefix, row[first])]
    if set(values) <= set(grid.positions) and first < grid.positions[0]:
        columns = [grid.columns[grid.positions.index(k)] for k in values]
    else:
        columns = grid.columns[:len(values)]
    return [(f"{prefix}/{aspect}/{column}", row[k]) for column, k in zip(columns, values, strict=True)]
