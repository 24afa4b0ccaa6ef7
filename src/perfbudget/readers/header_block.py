"""Read a project's header block (项目名称, 预算数, 资金用途, 绩效目标 …) by its labels.

The header block is read as a sequence of cells, row by row: a label takes the
cell after it as its value. Besides plain label/value pairs it knows

* the unit row (``255101天津市和平区人民检察院 | 单位：万元``) and money-unit notes
  (``资金情况（万元）``);
* continuation rows of a group (``预算规模及资金用途`` → the purpose in the next row);
* the funds grid of self-evaluation tables (``年初预算数 | 全年预算数 | 全年执行数 | 分值 |
  执行率 | 得分`` as column labels, one row per source of funds);
* the goals grid (``年度总体目标 | 预期目标 | 实际完成情况``).

In a *stream* (a table whose rows are unknown, e.g. one cell per paragraph) the
whole header block is one row; values that cannot be what a label wants (text
where money is due) are not taken, because empty cells may have vanished.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from perfbudget.model import Source
from perfbudget.quick_records import new_unit
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import (
    BUDGET_COLUMNS,
    FUND_TOTAL_ROWS,
    fund_column,
    goal_column,
    header_field,
    is_any_label,
    is_ignored_label,
    label_key,
    money_unit_note,
)
from perfbudget.readers.parts import Parts

UNIT_CELL = re.compile(r"^(?:\[(\d{3,})\]|(\d{6,}))\s*([\u4e00-\u9fff（(][^\n]{1,}?"
                       r"(?:局|院|委|厅|办|处|中心|学校|校|所|站|队|馆|会|部|社|团|室|公司|政府|镇|乡|街道|村|单位|检察院|法院|机关|医院|园)"
                       r"[^\n]{0,20})$")
MONEY_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元|千元|亿元)")
_MONEY_LIKE = re.compile(r"^\s*[-+]?\s*[\d.]")
_MONEY_FIELDS = ("total", "fiscal", "other")


@lru_cache(maxsize=8192)
def money_unit_in(text: str) -> str | None:
    """万元 for a cell such as ``单位：万元`` or ``填报单位:(盖章) 单位:万元``."""
    match = MONEY_UNIT.search(unicodedata.normalize("NFKC", text))
    return match.group(1) if match else None


def with_unit_line(rows: list[list[Cell]], unit_line: str | None, source: Source) -> list[list[Cell]]:
    """The table's rows with the money-unit line written above it (``金额单位：元``) as a first row, so
    that the table's money unit is read wherever the page put it."""
    if unit_line is None or any(money_unit_in(c.text) for row in rows[:3] for c in row if not c.blank):
        return rows
    return [[Cell(unit_line, source)], *rows]


@dataclass
class _State:
    group: str | None = None
    fund_columns: list[str] = field(default_factory=list)
    goal_columns: list[tuple[str, str]] = field(default_factory=list)  # (expected|actual, label text)
    goal_slot: int = 0


def _is_label(cell: Cell) -> bool:
    return not cell.blank and (is_any_label(cell.text) or money_unit_note(cell.text) is not None)


def _run(row: list[Cell], start: int, test: object) -> list[int]:
    """Indices of the consecutive non-blank cells from ``start`` that pass ``test`` (blanks skipped)."""
    found: list[int] = []
    i = start
    while i < len(row):
        if row[i].blank:
            i += 1
            continue
        if not test(row[i].text):  # type: ignore[operator]
            break
        found.append(i)
        i += 1
    return found


def _take_fund_row(row: list[Cell], i: int, label: str, field_name: str | None, parts: Parts,
                   state: _State) -> int:
    """A row of the funds grid: the label then one value per fund column. Returns the next index."""
    columns = state.fund_columns
    budget_column = next((c for c in BUDGET_COLUMNS if c in columns), None)
    j = i + 1
    for column in columns:
        if j >= len(row) or _is_label(row[j]):
            break
        cell = row[j]
        if column == budget_column and field_name in _MONEY_FIELDS:
            parts.money[field_name] = cell
        elif not cell.blank:
            parts.extras.append((f"{label}/{column}", cell))
        j += 1
    return j


def _take_goal_value(cell: Cell, parts: Parts, state: _State) -> bool:
    if state.goal_slot >= len(state.goal_columns):
        return False
    role, label = state.goal_columns[state.goal_slot]
    state.goal_slot += 1
    if role == "expected":
        parts.goals.append(cell)
    else:
        parts.extras.append((label, cell))
    return True


def read_header_rows(rows: list[list[Cell]], parts: Parts, stream: bool = False) -> None:
    """Read the header block's rows into ``parts``."""
    state = _State()
    for row in rows:
        _read_row(row, parts, state, stream)


def _read_row(row: list[Cell], parts: Parts, state: _State, stream: bool) -> None:
    first_blank = bool(row) and row[0].blank
    filled = [c for c in row if not c.blank]
    lone_value = len(filled) == 1 and not _is_label(filled[0])
    # A goals-grid value row whose merged 年度总体目标 cell the copy left out starts with the
    # expected goal itself (萧县/南华 pipe rows): a row without any label is all values.
    unlabelled = state.group == "goal-grid" and not any(_is_label(c) for c in filled)
    i = 0
    while i < len(row):
        cell = row[i]
        text = cell.text.strip()
        if not text:
            i += 1
            continue
        money_unit = money_unit_in(text)
        if money_unit:
            parts.money_unit = money_unit
            i += 1
            continue
        field_name = header_field(text)
        note_unit = money_unit_note(text)
        if note_unit is not None:
            parts.money_unit = parts.money_unit or note_unit  # 资金情况（万元）, 年度预算数（万元）
            if field_name is None:
                state.group = "funds"
                i += 1
                continue
        if is_ignored_label(text):
            state.group = None  # 项目资金, 资金情况: a new block begins
            i += 1
            continue
        fund_run = _run(row, i, fund_column) if fund_column(cell.text) is not None else ()
        if len(fund_run) >= 2:
            state.fund_columns = [label_key(row[k].text) for k in fund_run]
            i = fund_run[-1] + 1
            continue
        if field_name is None and parts.unit is None and parts.name_cell is None:
            unit = UNIT_CELL.match(text)
            if unit:
                parts.unit = new_unit(unit.group(1) or unit.group(2), unit.group(3).strip())
                i += 1
                continue
        if field_name == "group:purpose":
            state.group = "purpose"
            i += 1
            continue
        if field_name == "goals":
            goal_run = _run(row, i + 1, goal_column)
            if goal_run:
                state.goal_columns = [(goal_column(row[k].text) or "", row[k].text.strip()) for k in goal_run]
                if not any(role == "expected" for role, _ in state.goal_columns):
                    # 项目年度目标 | 年度目标完成情况: the label heads the expected goal's own column
                    state.goal_columns.insert(0, ("expected", text))
                state.goal_slot = 0
                state.group = "goal-grid"
                i = goal_run[-1] + 1
                continue
        if field_name is None and state.fund_columns and label_key(text) in FUND_TOTAL_ROWS:
            field_name = "total"  # 合计 | 213.4 | 259: the funds grid's total row
        if field_name is not None and state.fund_columns and (
            field_name in _MONEY_FIELDS or label_key(text).endswith("资金")
        ):
            i = _take_fund_row(row, i, label_key(text), field_name, parts, state)
            continue
        if field_name is not None:
            i = _take_value(row, i, field_name, text, parts, state, stream)
            continue
        if state.group == "goal-grid" and (first_blank or stream or lone_value or unlabelled) and _take_goal_value(
            cell, parts, state
        ):
            i += 1
            continue
        if (first_blank or stream or lone_value) and state.group in ("purpose", "goals"):
            (parts.purpose if state.group == "purpose" else parts.goals).append(cell)
        else:
            parts.extras.append(("", cell))
        i += 1


def _take_value(row: list[Cell], i: int, field_name: str, text: str, parts: Parts, state: _State,
                stream: bool) -> int:
    """A label/value pair; returns the index after what was taken."""
    cell = row[i]
    value: Cell | None = row[i + 1] if i + 1 < len(row) else None
    taken = 2
    if value is not None and value.blank and not stream:
        # a label cell spanning columns (colspan/gridSpan): its value is the next filled cell
        j = i + 2
        while j < len(row) and row[j].blank:
            j += 1
        if j < len(row) and not _is_label(row[j]) and money_unit_in(row[j].text) is None:
            value, taken = row[j], j - i + 1
    if value is not None and _is_label(value):
        value, taken = None, 1  # the next cell is a label of its own: this one is empty
    elif value is not None and stream and field_name in _MONEY_FIELDS and not value.blank \
            and not _MONEY_LIKE.match(unicodedata.normalize("NFKC", value.text)):
        value, taken = None, 1  # in a stream an empty money cell may have vanished
    if value is None:
        value = Cell("", cell.source)
    if field_name == "unit":
        code = re.match(r"^\[?(\d{3,})\]?\s*[-—－]?\s*(.*)$", value.text.strip(), re.S)
        name = (code.group(2) if code else value.text).strip()
        if name or code:
            parts.unit = new_unit(code.group(1) if code else None, name or None)
    elif field_name == "name":
        parts.name_cell = value
    elif field_name in _MONEY_FIELDS:
        parts.money[field_name] = value
    elif field_name == "other-part":
        parts.other_parts.append(value)
    elif field_name == "purpose":
        parts.purpose.append(value)
    elif field_name == "goals":
        parts.goals.append(value)
    else:
        parts.extras.append((label_key(text), value))
        if field_name == "project-total" and _MONEY_LIKE.match(unicodedata.normalize("NFKC", value.text)):
            parts.project_total = value
    if field_name in ("purpose", "goals"):
        state.group = field_name
    elif field_name not in _MONEY_FIELDS and field_name != "other-part":
        state.group = None
    return i + taken
