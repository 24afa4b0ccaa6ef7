"""A funds head broken by a column name the reader does not know (kinds35).

``项目资金（万元） | 年初预算数 | 上半年实际支出数 | 执行率 | 全年预计执行数`` over
``年度资金总额 | 100 | 40 | 40% | 95``: the header block takes a run of two or more known funds columns as the grid's
head, so the unknown name left ``年初预算数`` alone before it and the head began at ``执行率`` — the row's figures one
place off, 执行率 read as 100 (the 年初预算数's figure), the budget and the executed amount lost, the table read
without a word. A person sees the head whole and the name not understood. So where a known funds column stands
unlabelled just before the grid's first column (only unlabelled texts between), the grid's figures are not typed
(the budget's execution is left empty; the cells stay in the extras as read) and a warning at that cell names the
unknown columns. Known period columns (``1-6月执行数``, ``截至6月底执行数``) are funds columns and never start this.
"""

from __future__ import annotations

import re

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import fund_column

# a figure (99分, 40%, 1,200.50万元) is no column name
_FIGURE = re.compile(r"^[-+]?[\d,，.]+\s*(?:分|%|％|万元|元|万)?$")


MOST_NAMED = 5  # unknown names a warning quotes (a head of 30,000 of them was quoted whole until attack32)
MOST_NAME_CHARS = 40  # of each name quoted


def _short(text: str) -> str:
    return text if len(text) <= MOST_NAME_CHARS else text[:MOST_NAME_CHARS] + "…"


def _named(names: list[str]) -> str:
    """The first :data:`MOST_NAMED` names, each quoted in at most :data:`MOST_NAME_CHARS` characters, and how many."""
    shown = "、".join(f"「{_short(text)}」" for text in names[:MOST_NAMED])
    return shown if len(names) <= MOST_NAMED else f"{shown}等 {len(names)} 个"


def head_left_out(extras: list[tuple[str, Cell]]) -> Problem | None:
    """The warning for a funds head broken so (the module's note), else None; looks at the extras up to the grid's
    first cell (``row/column``)."""
    loose: list[Cell] = []
    for label, cell in extras:
        if not label:
            loose.append(cell)
            continue
        first = label.partition("/")[2]
        if not first or fund_column(first) is None:  # (项目实施单位/项目负责人: a pair's label, no funds grid)
            loose = []
            continue
        known = next((k for k, c in enumerate(loose) if fund_column(c.text) is not None), None)
        if known is None:
            return None
        unknown = [c.text.strip() for c in loose[known + 1:]
                   if fund_column(c.text) is None and not _FIGURE.match(c.text.strip())]
        if not unknown:
            return None
        return Problem(loose[known].source, f"资金表头的「{_short(loose[known].text.strip())}」后面有不认识的列名（"
                       + _named(unknown) + f"），资金表只从「{_short(first)}」读起，各列的金额可能"
                       "错位：未按资金表读取预算执行情况（执行数、执行率、分值、得分），请核对；可把该列名改为常用的列名"
                       "（如「1-6月执行数」「全年执行数」）后重新读取", Severity.WARNING)
    return None
