"""A 部门整体 table's 年度主要任务 grid drawn as the table prints it, so that it reads back whole.

The reader keeps the grid's task rows as labelled extras, each task's cells in order under the grid's columns
(``任务名称`` = 农田建设, ``主要内容`` = …, ``总额`` = 300, ``财政拨款`` = 280, ``其他资金`` = 20:
readers/task_grid.py), and its 金额合计 row as the budget (总额, 财政拨款, 其他资金) and extras
``金额合计/执行数``. Written as label–value rows, as
every extra was until kinds32, the money cells collided with the budget's own labels: 总额 and 财政拨款 were lost on
reading back and a task's 其他资金 (the last task's 0) was printed as the budget's. Drawn as the grid::

    年度主要任务 | 任务名称 | 主要内容 | 总额 | 财政拨款 | 其他资金
                 | 农田建设 | 建设高标准农田 | 300 | 280 | 20
    金额合计     |          |          | 420 | 400 | 20

it reads back to the same extras and budget. The 金额合计 row is drawn only where every money column has its figure and
every figure of the budget has its column (else the budget is drawn in its own row, as before, and the total's extras as
label–value rows: nothing is guessed)."""

from __future__ import annotations

from dataclasses import dataclass

from perfbudget.readers.labels import header_field, label_key
from perfbudget.readers.task_grid import TEXT_HEADS, TOTAL_COLUMNS, is_money_head

_MONEY_FIELDS = ("total", "fiscal", "other")
TOTAL_ROW = "金额合计"
_TOTAL_PREFIX = f"{TOTAL_ROW}/"


@dataclass(frozen=True, slots=True)
class TaskBlock:
    """The grid found among a project's extras: its columns, its tasks' texts under them (empty where a task gave
    none), the indexes of the extras it draws (from ``first``) and the 金额合计 row's texts under the columns (None:
    not drawn)."""

    columns: tuple[str, ...]
    tasks: tuple[tuple[str, ...], ...]
    indexes: frozenset[int]
    first: int
    total: tuple[str, ...] | None


def task_block(extras: tuple[tuple[str, str], ...], money: dict[str, str], with_total: bool) -> TaskBlock | None:
    """The 年度主要任务 grid among ``extras`` (None when there is none); ``money`` the budget's texts by field
    (total, fiscal, other), ``with_total`` whether its 金额合计 row may carry the budget (no funds grid does)."""
    first = next((k for k, (label, _) in enumerate(extras) if label in TEXT_HEADS), None)
    if first is None:
        return None
    head = extras[first][0]
    cells: list[dict[str, str]] = []
    columns: list[str] = []
    end = first
    previous = head
    for label, text in extras[first:]:
        if label == head:
            cells.append({label: text})
        elif label not in cells[-1] and (label in TEXT_HEADS or is_money_head(label)):
            cells[-1][label] = text
        else:
            break
        if label not in columns:  # after the task's column before it: the grid's order, each task a part of it
            columns.insert(columns.index(previous) + 1 if label != head else 0, label)
        previous = label
        end += 1
    if len(columns) < 2 or any(list(task) != [c for c in columns if c in task] for task in cells):
        return None  # not as the reader keeps a grid (each task its cells in the columns' order)
    indexes = set(range(first, end))
    total = _total_row(tuple(columns), extras, money, indexes) if with_total else None
    tasks = tuple(tuple(task.get(column, "") for column in columns) for task in cells)
    return TaskBlock(tuple(columns), tasks, frozenset(indexes), first, total)


def _total_row(columns: tuple[str, ...], extras: tuple[tuple[str, str], ...], money: dict[str, str],
               indexes: set[int]) -> tuple[str, ...] | None:
    """The 金额合计 row's texts under ``columns`` as the reader takes them back (readers/task_grid.read_grid_row):
    总额/财政拨款/其他资金 the budget's, a 预算数-like column the total where no 总额 is named, any other column the
    extra ``金额合计/列名``; None where a money column would be blank or a figure would have no column. The extras it
    draws are added to ``indexes``."""
    heads = [column for column in columns if is_money_head(column)]
    if not heads:
        return None
    said = {label[len(_TOTAL_PREFIX):]: (k, text) for k, (label, text) in enumerate(extras)
            if label.startswith(_TOTAL_PREFIX)}
    placed: set[str] = set()
    used: set[int] = set()
    row: dict[str, str] = {}
    for column in heads:
        role = header_field(column)
        if role in _MONEY_FIELDS and role not in placed:
            row[column] = money[role]
            placed.add(role)
        elif label_key(column) in TOTAL_COLUMNS and "total" not in placed:
            row[column] = money["total"]
            placed.add("total")
        elif (found := said.get(label_key(column))) is not None:
            row[column] = found[1]
            used.add(found[0])
    if any(not row.get(column) for column in heads) or any(money[f] and f not in placed for f in _MONEY_FIELDS) \
            or len(used) != len(said):
        return None
    indexes.update(used)
    return tuple(row.get(column, "") for column in columns)
