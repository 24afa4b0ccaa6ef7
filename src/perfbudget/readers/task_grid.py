"""The 年度主要任务 grid of a 部门整体 (department-level) table.

    年度主要任务 | 任务名称 | 主要内容 | 预算金额
                |          |          | 总额 | 财政拨款 | 其他资金
                | 农田建设 | 建设高标准农田 | 300 | 280 | 20
    金额合计    |          |          | 420 | 400 | 20

The label's row names the columns; a row of money labels under 预算金额 (总额, 财政拨款,
其他资金, or a self-evaluation's 预算数, 执行数 …) names the money columns. Each task row is kept
as (column, text) pairs in the project's extras, nothing dropped, each cell under the column it stands in (a task
whose 主要内容 is left empty keeps its 总额 under 总额: until kinds32 its cells were named in turn, the 总额 taken
for its 主要内容; a row whose cells stand in no head's place — a copy that lost its empty cells — is named in turn,
as before); the total row (金额合计) gives
the department's budget: 总额 → total, 财政拨款 → fiscal, 其他资金 → other (a 预算数-like
column is the total when no 总额 is named), any other column an extra ``金额合计/列名``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from perfbudget.readers.expense_parts import names_expense_part, opens_split
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import (
    BUDGET_COLUMNS,
    MONEY_BLOCKS,
    TASK_TOTAL_ROWS,
    column_role,
    field_of_key,
    fund_column,
    fund_column_of_key,
    header_field,
    label_key,
    level_of,
    money_unit_note,
)
from perfbudget.readers.parts import Parts

_MONEY_FIELDS = ("total", "fiscal", "other")


@dataclass
class TaskGrid:
    """The columns of the grid being read: the task columns, then the money columns."""

    heads: list[str] = field(default_factory=list)
    money_heads: list[str] = field(default_factory=list)
    head_at: list[int] = field(default_factory=list)  # where each head stands in its row
    money_at: list[int] = field(default_factory=list)
    total_read: bool = False  # the 金额合计 row was read: a part and its amount after it is the spending's split

    def text_only(self) -> bool:
        """Whether the grid's columns are text alone (任务名称 | 主要内容): no task of it has a figure."""
        return not self.money_heads and all(label_key(head) in TEXT_HEADS for head in self.heads)

    def columns(self) -> list[str]:
        if not self.money_heads:
            return self.heads
        # the money labels row stands under the last task head (预算金额): it replaces it
        return self.heads[:-1] + self.money_heads if len(self.heads) > 1 else self.money_heads

    def places(self) -> list[int]:
        """Where each of :meth:`columns` stands in a row."""
        if not self.money_heads:
            return self.head_at
        return self.head_at[:-1] + self.money_at if len(self.heads) > 1 else self.money_at


# A grid's one amount column named as units name it (金额（万元）, 资金安排, 预算资金 …): no funds label of a header
# block (a bare 金额 is a cost breakdown's column there, 资金 a word of many labels), but under 年度主要任务 the column
# of the tasks' amounts, whose 金额合计 is the department's budget (kinds42: until then the grid's amounts and its
# total were kept as extras under the column's name, the budget and the money unit its head notes lost).
TASK_AMOUNT_HEADS = frozenset({"金额", "资金", "资金安排", "安排资金", "预算资金", "资金金额", "预算安排", "资金数额",
                               "预算资金安排", "经费预算", "预算经费", "资金预算"})


TOTAL_COLUMNS = frozenset(BUDGET_COLUMNS) | TASK_AMOUNT_HEADS  # the total where no 总额 is named


def is_money_head(text: str) -> bool:
    """A money column of the grid: 总额, 财政拨款, 其他资金, a funds column (预算数, 执行数 …) or the tasks' amount
    (``TASK_AMOUNT_HEADS``)."""
    key = label_key(text)  # once: asked of every cell of a grid's rows
    return field_of_key(key) in _MONEY_FIELDS or fund_column_of_key(key) is not None or key in TASK_AMOUNT_HEADS


def start_grid(row: list[Cell], at: int, parts: Parts) -> TaskGrid:
    """The grid started by the 年度主要任务 label at ``row[at]``; the rest of the row names its columns."""
    filled = [(k, c) for k, c in enumerate(row) if k > at and not c.blank]
    _note_money_unit([c for _, c in filled], parts)
    return TaskGrid(heads=[c.text.strip() for _, c in filled], head_at=[k for k, _ in filled])


def _note_money_unit(heads: list[Cell], parts: Parts) -> None:
    """The table's money unit from a money head's note (预算金额（万元）, 总额（元）) where none is known yet: the
    tasks' amounts and the 金额合计 the budget is read from are in it (dept40: the grid's heads never passed the
    header reader, so a table whose only note stood there had no money unit)."""
    if parts.money_unit is None:
        parts.money_unit = next((unit for c in heads if is_money_head(c.text)
                                 and (unit := money_unit_note(c.text)) is not None), None)


def is_grid_row(row: list[Cell], grid: TaskGrid | None = None) -> bool:
    """True for a row that belongs to the grid: a money labels row, the total row or a task row (not a
    row starting with another header label such as 年度总体目标, nor the funds' split by kind of spending: a row
    opening with 其中 / 按支出性质分, or a part and its amount after the grid's 金额合计)."""
    filled = [c for c in row if not c.blank]
    if not filled:
        return True
    first = filled[0].text.strip()
    if label_key(first) in TASK_TOTAL_ROWS or all(is_money_head(c.text) for c in filled):
        return True
    if opens_split(filled) or (names_expense_part(filled) and (grid is None or grid.total_read
                                                                or grid.text_only())):
        # 其中 | 人员经费 | 100, or 基本支出 | 120 after 金额合计: the funds' split by kind of spending after the grid,
        # no task (dept40: until then 其中 was a task's name, 人员经费 its content, the 100 an unnamed cell of the
        # tasks), or a part and its amount after a grid of text columns only (任务名称 | 主要内容: no task has a
        # figure; a grid with any other column, 金额（万元） too, may have amounts: the lead's third reread).
        # A task named like a part before the total of a grid with amounts (人员经费 | | 100 among the tasks) stays a
        # task: the lead's reread found the grid ended there and its 金额合计, the budget, lost
        return False
    # a funds block after the grid under a side label of its own (部门整体资金（万元） | 年度资金总额 | 1000): a task's
    # cells are its name, its content and amounts, never a budget label (until reading34 the row was a task, its
    # 1000 the task's amount and the department's 总额 lost)
    if any(header_field(c.text) in _MONEY_FIELDS for c in filled[1:]):
        return False
    # a funds block's own label (资金情况（万元） alone on its row, a bare split under it): no task (reading42)
    return header_field(first) is None and fund_column(first) is None and label_key(first) not in MONEY_BLOCKS


def _read_total(money: list[str], values: list[Cell], parts: Parts) -> None:
    """The 金额合计 row's amounts, one under each money column: the department's budget (see the module's note)."""
    for head, cell in zip(money, values, strict=True):
        role = header_field(head)
        if role in _MONEY_FIELDS and role not in parts.money:
            parts.money[role] = cell
        elif label_key(head) in TOTAL_COLUMNS and "total" not in parts.money:
            parts.money["total"] = cell
        else:
            parts.extras.append((f"金额合计/{label_key(head)}", cell))


def read_grid_row(row: list[Cell], grid: TaskGrid, parts: Parts) -> None:
    """One row of the grid into ``parts`` (see the module's docstring)."""
    filled = [c for c in row if not c.blank]
    if not filled:
        return
    if all(is_money_head(c.text) for c in filled):
        _note_money_unit(filled, parts)
        grid.money_heads = [c.text.strip() for c in filled]
        grid.money_at = [k for k, c in enumerate(row) if not c.blank]
        return
    columns = grid.columns()
    if label_key(filled[0].text) in TASK_TOTAL_ROWS:
        values = filled[1:]
        money = grid.money_heads or [h for h in columns if is_money_head(h)] or columns[-len(values):]
        grid.total_read = True
        if len(values) != len(money):  # a total row that does not fit the money columns: kept as it is
            parts.extras.extend(("金额合计", cell) for cell in values)
            return
        _read_total(money, values, parts)
        return
    places = grid.places()
    at = {place: column for place, column in zip(places, columns, strict=False)}
    if len(at) == len(columns) and all(k in at for k, c in enumerate(row) if not c.blank):
        # each cell under the head it stands under (an empty cell between them kept its place)
        parts.extras.extend((label_key(at[k]), c) for k, c in enumerate(row) if not c.blank)
        return
    for k, cell in enumerate(filled):
        parts.extras.append((label_key(columns[k]) if k < len(columns) else "年度主要任务", cell))


# The text columns of a 年度主要任务 grid (任务名称 | 主要内容), as a stream of cells gives them: no amount among them.
# the text heads of a 年度主要任务 grid (任务名称 | 主要内容)
TEXT_HEADS = frozenset({"任务名称", "主要内容", "任务内容", "主要任务内容", "工作内容"})
# and those a 年度履职目标 grid puts beside its first column 部门职能 (corpus 102: 部门职能 | 年度目标任务 |
# 支出项目名称 | 预算金额（万元）)
_COLUMN_HEADS = TEXT_HEADS | {"年度目标任务", "目标任务", "年度任务", "年度工作任务", "支出项目名称"}


def is_column_head(text: str) -> bool:
    """A grid's column head: a text head (任务名称, 年度目标任务 …) or a money head (预算金额, 金额（万元）…) — what
    follows a 部门职能 that heads a grid's first column rather than labels the duties row (readers/header_block.py)."""
    return label_key(text) in _COLUMN_HEADS or is_money_head(text)


def _opens_block(text: str) -> bool:
    """A cell no task holds, one cell a line: a header label (财政拨款, 年度总体目标), an indicator column's or level's
    name, or a funds block's own label (资金情况（万元）, 项目资金) — the tasks have ended (reading42: ``资金情况``
    before a bare split ``财政拨款 | 10`` was taken for a task's cell, the count no longer fitting the heads and
    every task left unlabelled)."""
    return header_field(text) is not None or column_role(text) is not None or level_of(text) is not None \
        or label_key(text) in MONEY_BLOCKS


def stream_tasks(row: list[Cell], at: int, parts: Parts) -> int | None:
    """A stream's 年度主要任务 grid from the label at ``row[at]``: its text heads (任务名称 | 主要内容), then its
    cells, each task's name and content in turn, up to the next label. Read where the cells fill the heads
    exactly (a stream keeps no empty cell: a task written without its content would shift every pair after it,
    so a count that does not fit leaves the cells as they are); returns where the grid ends, else None."""
    k, heads = at + 1, []
    while k < len(row) and (row[k].blank or label_key(row[k].text) in TEXT_HEADS):
        if not row[k].blank:
            heads.append(label_key(row[k].text))
        k += 1
    if len(heads) < 2:
        return None
    if k < len(row) and (header_field(row[k].text) == "total" or label_key(row[k].text) in TASK_AMOUNT_HEADS):
        _note_money_unit([row[k]], parts)
        return _stream_money_tasks(row, k, heads, parts) or _stream_priced_tasks(row, k, heads, parts)
    cells: list[Cell] = []
    end = k
    while end < len(row) and (row[end].blank or not _opens_block(row[end].text)):
        if not row[end].blank:
            cells.append(row[end])
        end += 1
    if not cells or len(cells) % len(heads):
        return None
    parts.extras.extend((heads[n % len(heads)], cell) for n, cell in enumerate(cells))
    return end


_AMOUNT = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


def _stream_priced_tasks(row: list[Cell], at: int, heads: list[str], parts: Parts) -> int | None:
    """The tasks after their text heads and one amount head (任务名称 | 主要内容 | 预算金额（万元）), one cell a line:
    each task its texts then its amount (a plain number, the texts none). Read task by task while each fits; the
    first that does not (a task written without its content or its amount shifts every cell after it; a funds
    block's side label after the tasks) ends the grid, its cells left to the block as they are; returns where the
    grid ends, else None (reading34: until then the grid one cell a line was read only without an amount column,
    and such tasks stayed unlabelled texts)."""
    columns = [*heads, label_key(row[at].text)]
    width = len(columns)
    cells = [k for k in range(at + 1, len(row)) if not row[k].blank]
    read = 0
    while read + width <= len(cells):
        group = [row[k].text.strip() for k in cells[read:read + width]]
        if not _AMOUNT.match(group[-1]) or any(_AMOUNT.match(text) or _opens_block(text) for text in group[:-1]):
            break
        read += width
    if not read:
        return None
    parts.extras.extend((columns[n % width], row[k]) for n, k in enumerate(cells[:read]))
    end = cells[read - 1] + 1
    if read < len(cells) and label_key(row[cells[read]].text) in TASK_TOTAL_ROWS:
        # 金额合计 | 420 right after the tasks: the department's budget, as the grid in rows gives it (dept40: one
        # cell a line the total and its amount stayed two unlabelled texts, the budget lost, the table read "ok")
        total, after = _amounts(row, cells[read] + 1, 1)
        if total:
            _read_total(columns[-1:], total, parts)
            return after
    return end


def _stream_money_tasks(row: list[Cell], at: int, heads: list[str], parts: Parts) -> int | None:
    """The grid one cell a line under its money columns (预算金额 / 总额 / 财政拨款 / 其他资金 after the text heads):
    each task its texts, then its amounts or none (a task written without amounts), up to the 金额合计 label and
    its amounts, which give the department's budget, or up to the next label. Tasks are named only where each run
    of texts fills whole tasks and each run of amounts every money column (a task written without its content
    shifts every cell after it); else the task cells stay unlabelled as before, the 金额合计 still read. Until
    kinds37 such a grid one cell a line kept every cell unlabelled and the 金额合计 unread: the budget lost without
    a word. Returns where the grid ends; None without money columns or any cell."""
    k = at + 1
    money: list[str] = []
    while k < len(row) and (row[k].blank or is_money_head(row[k].text)):
        if not row[k].blank:
            money.append(row[k].text.strip())
        k += 1
    if len(money) < 2:
        return None
    width = len(heads)
    texts: list[Cell] = []
    read: list[tuple[str, Cell]] = []
    seen: list[Cell] = []
    placed = True
    while k < len(row):
        cell = row[k]
        text = cell.text.strip()
        if cell.blank:
            k += 1
        elif _AMOUNT.match(text):
            amounts, k = _amounts(row, k, len(money))
            seen.extend(amounts)
            placed = placed and bool(texts) and not len(texts) % width and len(amounts) == len(money)
            read.extend((heads[n % width], c) for n, c in enumerate(texts))
            read.extend((label_key(head), c) for head, c in zip(money, amounts, strict=False))
            texts = []
        elif label_key(text) in TASK_TOTAL_ROWS or _opens_block(text):
            break
        else:
            texts.append(cell)
            seen.append(cell)
            k += 1
    placed = placed and not len(texts) % width
    read.extend((heads[n % width], c) for n, c in enumerate(texts))
    total: list[Cell] = []
    if k < len(row) and label_key(row[k].text) in TASK_TOTAL_ROWS:
        total, end = _amounts(row, k + 1, len(money))
        if len(total) == len(money):
            k = end
        else:
            total = []
    if not seen and not total:
        return None
    parts.extras.extend(read if placed else [("年度主要任务", cell) for cell in seen])
    if total:
        _read_total(money, total, parts)
    return k


def _amounts(row: list[Cell], k: int, most: int) -> tuple[list[Cell], int]:
    """The run of amounts from ``row[k]`` (empty cells skipped), at most ``most``, and the index after it."""
    found: list[Cell] = []
    while k < len(row) and len(found) < most and (row[k].blank or _AMOUNT.match(row[k].text.strip())):
        if not row[k].blank:
            found.append(row[k])
        k += 1
    return found, k
