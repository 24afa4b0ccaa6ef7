"""Projects side by side in one table: a 项目名称 row naming two projects or more (misses22).

Some units fill one table for several projects, one column each::

    项目名称        | 甲项目 | 乙项目
    年度资金总额    | 100    | 50
    主管部门        | 某局
    一级指标 | 二级指标 | 三级指标 | 甲项目 | 乙项目      (or 指标值 | 指标值)
    产出指标 | 数量指标 | 培训人次 | ≥500人次 | ≥300人次

The table is split into one table a project (:func:`split_side_projects`) only when its columns leave no
doubt: every row of the header block gives either one value (shared by the projects: 主管部门; never an amount)
or one value a project, and the indicator header has one target column a project (headed by the projects' names in their
order, or as many 指标值 columns as there are names). Anything else (one target column for all, a funds row with
another count of amounts) cannot be told apart: the header reader keeps the other names under 项目名称 and the
file gets an error at the second name (:func:`side_names_problem`), never the first project alone in silence.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Callable

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.labels import column_role, header_field, is_any_label

_MONEY_FIELDS = ("total", "fiscal", "other")


def side_names_problem(name: Cell | None, others: list[Cell]) -> Problem:
    """The error for a 项目名称 row naming more projects than the reader could split by their columns."""
    texts = [c.text.strip() for c in ([name] if name is not None else []) + others]
    names, count = _named(texts), len(texts)
    return Problem(others[0].source, f"「项目名称」一行并列写了{count}个项目（{names}）：表中分不清各项目的资金和指标"
                                     "（指标值没有按项目分列，或资金的列数与项目数不符），未分开读取；"
                                     "请每个项目填一张表，或按项目分列填写资金和指标值")


MOST_SPLIT_CELLS = 150_000  # cells of the tables a split makes, together (real tables: a few projects, some 2,000)
MOST_NAMES_SHOWN = 10


def _named(names: list[str]) -> str:
    """The names for a message: the first :data:`MOST_NAMES_SHOWN`, then how many more (a message is no list of
    thousands)."""
    shown = "、".join(names[:MOST_NAMES_SHOWN])
    return shown if len(names) <= MOST_NAMES_SHOWN else f"{shown} 等 {len(names)} 个"


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _filled(row: list[Cell]) -> list[int]:
    return [k for k, cell in enumerate(row) if not cell.blank]


def split_side_projects(table: RawTable, is_header: Callable[[list[Cell]], bool],
                        problems: list[Problem]) -> list[RawTable] | None:
    """One table a project for a table of projects side by side whose columns leave no doubt (see the module),
    else None (the table is read as it is); none (an empty list) for one past the split's bound, refused."""
    if table.stream or table.sparse:
        return None
    rows = table.rows
    name_at = header_at = None
    names: list[str] = []
    for index, row in enumerate(rows):
        filled = _filled(row)
        if not filled:
            continue
        if name_at is None:
            if header_field(row[filled[0]].text) == "name":
                if len(filled) < 3:
                    return None  # (the usual table: one name; asked of its 项目名称 row only)
                names = [row[k].text.strip() for k in filled[1:]]
                if len(set(names)) != len(names) or any(is_any_label(n) or ":" in n or "：" in n for n in names):
                    return None  # (a merged cell written twice is one name)
                name_at = index
            elif is_header(row):
                return None
        elif is_header(row) or _names_header(row, names):
            header_at = index
            break
    if name_at is None or header_at is None:
        return None
    name_row = rows[name_at]
    label_at, *columns = _filled(name_row)
    targets = _target_columns(rows[header_at], names)
    if targets is None:
        return None
    block: list[list[Cell] | None] = []  # per row: None when shared, else its values' columns
    for row in rows[name_at + 1:header_at]:
        filled = _filled(row)
        if len(filled) == 2 and header_field(row[filled[0]].text) in _MONEY_FIELDS:
            return None  # 年度资金总额 | 100 under two names: one project's amount, or both projects'? not in the text
        if len(filled) <= 2 or any(is_any_label(row[k].text) for k in filled[1:]):
            block.append(None)  # a label and its value (or none), or label/value pairs: the projects' own alike
        elif len(filled) - 1 == len(names) and is_any_label(row[filled[0]].text):
            block.append([row[k] for k in filled[1:]])
        else:
            return None  # another count of values: which is whose is unknown
    # Each row after the name row is cut once into the cells every project keeps (its shared cells) and the targets;
    # a project's row is then its shared cells with its own target put back in place. Built project by project from
    # the whole row (every column looked at for every project), the split cost the square of the projects: 2,000
    # names side by side 14 s of CPU, 15,000 (a text of 1.5 MB within every cells bound) hours (found by attack21).
    wanted = set(targets)
    cut = [[(k, cell) for k, cell in enumerate(row) if k not in wanted] for row in rows[header_at:]]
    keys = [[k for k, _ in shared] for shared in cut]
    cells = [[cell for _, cell in shared] for shared in cut]
    labels = [None if values is None else row[_filled(row)[0]]
              for row, values in zip(rows[name_at + 1:header_at], block, strict=True)]
    each = (sum(len(row) for row in rows[:name_at]) + 2 + sum(len(row) if values is None else 2 for row, values in
            zip(rows[name_at + 1:header_at], block, strict=True)) + sum(len(shared) + 1 for shared in cells))
    if each * len(names) > MOST_SPLIT_CELLS:
        problems.append(Problem(name_row[columns[1]].source, f"「项目名称」一行并列写了{len(names)}个项目（"
                                f"{_named(names)}），按项目分开后共 {each * len(names)} 个单元格，"
                                f"超过 {MOST_SPLIT_CELLS} 个的上限，未分开读取；请每个项目填一张表"))
        return []  # refused: not read at all (read whole, its header of names made one project of them all)
    split: list[RawTable] = []
    for j in range(len(names)):
        own = [*rows[:name_at], [name_row[label_at], name_row[columns[j]]]]
        for row, values, label in zip(rows[name_at + 1:header_at], block, labels, strict=True):
            own.append(row if values is None or label is None else [label, values[j]])
        target = targets[j]
        for index, (row, row_keys, row_cells) in enumerate(zip(rows[header_at:], keys, cells, strict=True)):
            if target >= len(row):
                own.append(list(row_cells))
                continue
            at = bisect_left(row_keys, target)
            cell = row[target]
            if index == 0 and column_role(cell.text) != "target":
                cell = Cell("指标值", cell.source)  # the column headed by the project's name
            own.append([*row_cells[:at], cell, *row_cells[at:]])
        split.append(RawTable(table.heading, name_row[columns[j]].source, own, table.complete, table.certain,
                              table.stream, table.sparse, table.needs_check))
    problems.append(Problem(name_row[columns[1]].source, f"「项目名称」一行并列写了{len(names)}个项目（"
                            f"{_named(names)}），资金和指标值按项目分列：按列分成{len(names)}个项目读取",
                            Severity.INFO))
    return split


def _names_header(row: list[Cell], names: list[str]) -> bool:
    """An indicator header whose value columns are headed by the projects' names (三级指标 | 甲项目 | 乙项目)."""
    keys = {_key(cell.text) for cell in row if not cell.blank}
    return any(column_role(cell.text) == "level3" for cell in row if not cell.blank) \
        and all(_key(name) in keys for name in names)


def _target_columns(header: list[Cell], names: list[str]) -> list[int] | None:
    """The indicator header's target column of each project, in the names' order: the columns headed by the
    names, else as many 指标值 columns as names; None for any other header."""
    keys = [_key(name) for name in names]
    by_name = {_key(cell.text): k for k, cell in enumerate(header) if not cell.blank}
    if all(key in by_name for key in keys):
        columns = [by_name[key] for key in keys]
        return columns if columns == sorted(columns) else None
    targets = [k for k, cell in enumerate(header) if not cell.blank and column_role(cell.text) == "target"]
    return targets if len(targets) == len(names) else None
