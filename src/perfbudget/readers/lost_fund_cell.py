"""A funds row one figure short of its grid's columns: which column's empty cell the copy dropped.

A 自评表's funds grid (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) copied from a web
page that leaves out a row's empty cells gives ``年度资金总额 | 100 | 100 | 90 | 10 | 9``: five figures
under six columns. Read in order, the last column is the empty one (执行率 9, no 得分), which the
execution's own arithmetic contradicts. The figures keep their order; only the empty column is unknown,
so each column is tried as the empty one and the figures placed around it. A placement *agrees* when it
gives the budget and the executed amount and every check it can make holds: the 执行率 is 全年执行数 ÷
预算数 (within a point, as execution_cells warns), and the 得分 is the 分值 times that rate (capped at
100 %, within 0.1 points) — at least one of the two checks must be made. Where the reading in order
does not agree and exactly one other placement does, the row is read by that one (a note says which
column was taken as empty); otherwise the row is read in order and the disagreement is warned of as
before (reading37; FAILURES.md BZ Noticed (1); corpus 08's space-separated row).

Each text is read under the two columns it may stand under (its own, or the next one when the empty column is
before it) once, and a grid wider than :data:`MOST_COLUMNS` is not tried: a header of 1,500 fund columns read every
placement's figures anew, 1,500 × 1,500 amounts a row (a 66 KB text 19 s, attack34).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from perfbudget.model import Source
from perfbudget.readers.execution_cells import RATE_SLACK, column_field, total_row, typed_figure
from perfbudget.readers.grid import Cell
from perfbudget.readers.money_cells import money_amount

_SCORE_SLACK = Decimal("0.1")  # points: tables round a score to one decimal
_HUNDRED = Decimal(100)
MOST_COLUMNS = 16  # a funds grid's columns the placements are tried for (a 自评表's grid has six to nine)


def may_lack_a_cell(columns: list[str]) -> bool:
    """Whether the grid's columns hold a 执行率 (the check needs one, written or computed) — asked first, cheaply."""
    return 3 <= len(columns) <= MOST_COLUMNS and any(column_field(c) == "rate" for c in columns)


def placed_columns(columns: list[str], texts: list[str], budget_column: str | None) -> tuple[list[str], str] | None:
    """(the columns the ``texts`` stand under in order, the column left empty) where ``texts`` are one fewer than
    ``columns``, the reading in order (the last column empty) does not agree and exactly one other placement does
    (see the module's note); None otherwise."""
    if budget_column is None or len(texts) != len(columns) - 1 or len(columns) > MOST_COLUMNS:
        return None
    read: dict[tuple[int, int], Decimal | None] = {}  # (text, column) → its figure, each read once
    agreeing = [empty for empty in range(len(columns))
                if _agrees(_placed(columns, empty, texts, budget_column, read))]
    if len(agreeing) != 1 or agreeing[0] == len(columns) - 1:
        return None  # the reading in order agrees, or no other placement does, or more than one does
    empty = agreeing[0]
    return [c for k, c in enumerate(columns) if k != empty], columns[empty]


def _placed(columns: list[str], empty: int, texts: list[str], budget_column: str,
            read: dict[tuple[int, int], Decimal | None]) -> dict[str, Decimal | None]:
    figures: dict[str, Decimal | None] = {}
    for at, text in enumerate(texts):
        k = at if at < empty else at + 1
        column = columns[k]
        name = "budget" if column == budget_column else column_field(column)
        if name is not None:
            if (at, k) not in read:
                read[at, k] = _amount(text) if name in ("budget", "initial", "executed") \
                    else typed_figure(name, text.strip())
            figures[name] = read[at, k]
    return figures


def _amount(text: str) -> Decimal | None:
    return money_amount(Cell(text, Source("")), "", [])[0]


def _agrees(figures: dict[str, Decimal | None]) -> bool:
    if any(value is None for value in figures.values()):
        return False  # a text under a column whose figure it is not (a rate under 分值 …)
    budget, executed = figures.get("budget"), figures.get("executed")
    if not budget or executed is None:
        return False
    computed = executed / budget * _HUNDRED
    rate, weight, score = figures.get("rate"), figures.get("weight"), figures.get("score")
    if rate is not None and abs(rate - computed) > RATE_SLACK:
        return False
    if weight is None or score is None:
        return rate is not None
    return abs(score - weight * min(rate if rate is not None else computed, _HUNDRED) / _HUNDRED) <= _SCORE_SLACK


def read_a_column_off(cells: Iterable[tuple[str, str]]) -> bool:
    """Whether a funds grid's total row was read a column off: its 执行率 cell holds no percentage while a cell
    under its 分值 or 得分 (a column :func:`column_field` types as points) does — a blank cell dropped on the page
    moved the rate a column over (分值 ``100%``, 执行率 ``99``), so its 执行数 and 执行率 are other columns' figures.
    ``cells`` are the grid's (``row/column``, text) pairs; a percentage under another column (河北's 权重 ``10%``, an
    占比 or 进度) or on another row tells nothing."""
    rows: dict[str, list[tuple[str, str]]] = {}
    for key, text in cells:
        row, slash, column = key.partition("/")
        if slash and (name := column_field(column)) in ("rate", "weight", "score"):
            rows.setdefault(row, []).append((name, text.rstrip()))
    total = total_row(rows) or (next(iter(rows)) if len(rows) == 1 else None)
    if total is None:
        return False
    percent = [(name, text.endswith(("%", "％"))) for name, text in rows[total]]
    return any(is_percent for name, is_percent in percent if name != "rate") \
        and not any(is_percent for name, is_percent in percent if name == "rate")
