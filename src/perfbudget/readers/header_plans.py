"""The one-pass text path's header block, read by a plan once its template has been read.

Real units print their tables from a few templates: the same label cells in the same rows, only the values
changing (the project's name, the amounts, the purpose, the goals). The general header reader
(``header_block.read_header_rows``) asks each cell of each table its questions again. A *plan* remembers, for
one template, which cells the reader kept and where (name, money, purpose, goals, extras …), so that a later
table of the same template is read by position: a cell made for each value kept, nothing else.

A table's *key* is what the reader's steps depend on, line by line over the block: a cell that is not a plain
value (any of ``header_block._cell_facts``' answers but its text: a label, a money-unit note …) by its exact
line, a plain value by its *class*: whether it is blank, and the answers of the few tests the reader and the
one-pass path ask of a value's own text (``_value_class``); a line between rows by the separator. Two tables
with the same key take the same steps through ``read_header_rows`` and the one-pass path's header tests, so
their parts differ only in the cells they hold, which the plan takes by position. Each value's text stays in
its own cell with its own line: no source is lost or moved.

No plan is made (the general reader reads each table of such a key) where the parts would hold something the
reader worked out from a value's text other than a unit cell's code and name (``_NO_PLAN_FIELDS``: the unit read
after a 预算单位 label, 财政资金's parts, 项目总预算, the 年度主要任务 grid; a row of money labels over their
amounts), or a cell it made from a cell's text (a ``label：value`` line). Plans and classes are kept in plain
dicts, emptied when full (a file's tables share their plan; the key holds no value's text).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from perfbudget.framework import LEVEL1_NAMES, names_department_table, normalise_level1
from perfbudget.model import Source, Unit
from perfbudget.quick_records import new_unit
from perfbudget.readers.grid import Cell
from perfbudget.readers.header_block import (
    _BARE_MONEY_UNIT,
    _MONEY_BLOCKS,
    _UNIT_LABEL,
    _cell_facts,
    _known_facts,
    _money_heads,
    is_fragment,
    read_header_rows,
    unit_cell,
)
from perfbudget.readers.interpret import looks_like_indicator_row, starts_project
from perfbudget.readers.label_lines import label_line_cells
from perfbudget.readers.labels import label_key
from perfbudget.readers.parts import Parts
from perfbudget.text_caches import held_by

_new_tuple, _new_object = tuple.__new__, object.__new__


class LineCell(Cell):
    """A header-block cell of the one-pass path: a :class:`Cell` whose ``Source(file, line)`` is made when
    asked for. Most of a header block's cells are labels (项目名称, 预算数 …) whose source nothing reads;
    each read makes an equal ``Source``."""

    __slots__ = ("file", "line")
    file: str
    line: int

    @property  # (read-only: the header reader never moves a cell)
    def source(self) -> Source:  # type: ignore[override]
        return _new_tuple(Source, (self.file, self.line, None, None, None, None, None))


def line_cells(lines: list[str], start: int, end: int, file: str) -> list[Cell]:
    """The row's cells, as ``Cell(text, Source(file, line))`` made inline in ``read_tab_cells`` (the source
    made when asked for: :class:`LineCell`)."""
    row: list[Cell] = []
    for index in range(start, end):
        cell = _new_object(LineCell)
        cell.text = text = lines[index][1:]
        cell.file = file
        cell.line = index + 1
        cell.blank = not text or text.isspace()
        row.append(cell)
    return row


# _cell_facts' answers but the text for a plain value (no money unit, field, note; not ignored, no fund column,
# no label, no money head)
_PLAIN = (None, None, None, False, None, False, None)
_SEPARATOR = "\n"  # the class of a line between rows (a cell line starts with a tab)
# Fields whose value the reader works out from the value's text, or that start grids read otherwise.
_NO_PLAN_FIELDS = frozenset({"unit", "unit-code", "department", "fiscal-part", "other-source", "project-total",
                             "group:tasks"})
_LIMIT = 8192



class _Classes(dict[str, "str | int"]):
    """A line's class (the line itself, a value class's number, or _SEPARATOR) by the line, worked out on a
    miss (``_class_of``): a block's classes are one ``map`` of its lines. Emptied at _LIMIT."""

    def __missing__(self, line: str) -> str | int:
        return _class_of(line)


_CLASSES = _Classes({"": _SEPARATOR})
_class_by_line = _CLASSES.__getitem__
_CLASS_NUMBERS: dict[tuple[object, ...], int] = {}


def _value_class(text: str) -> tuple[object, ...] | None:
    """The answers a plain value's stripped ``text`` gives to every test the header reader and the one-pass
    path ask of a value's own text (the rest of its steps follow from the labels around it and its facts):
    blank; a unit cell (``unit_cell``, also what ``starts_project`` asks of a plain value); a ``金额单位：``
    label; the bare money unit it is (万元, for the cell after such a label: ``_BARE_MONEY_UNIT`` on its NFKC
    form, which only a text of two characters or fewer can match, NFKD never making a text shorter); a 部门整体
    title; a fragment. None for a text that has to be matched exactly: one holding 资金总额 (after which the
    reader reads period columns by their keys), a ``label：value`` line (whose cells the reader makes from it)."""
    if "资金总额" in text or (("：" in text or ":" in text) and label_line_cells(text) is not None):
        return None
    bare = None
    if len(text) <= 2 and (match := _BARE_MONEY_UNIT.match(unicodedata.normalize("NFKC", text))):
        bare = match.group(0)
    return (not text, unit_cell(text) is not None,
            "单位" in text and _UNIT_LABEL.match(unicodedata.normalize("NFKC", text)) is not None, bare,
            names_department_table(text), is_fragment(text))


def _class_of(line: str) -> str | int:
    """A line's class for the key (see the module), remembered in ``_CLASSES``."""
    if line[:1] != "\t":
        found: str | int = _SEPARATOR
    else:
        text = line[1:]
        facts = _known_facts(text) or _cell_facts(text)
        value = _value_class(facts[0]) if facts[1:] == _PLAIN else None
        if value is None:
            found = line  # a label (or a value matched exactly)
        else:
            found = _CLASS_NUMBERS.get(value) or _CLASS_NUMBERS.setdefault(value, len(_CLASS_NUMBERS) + 1)
    if len(_CLASSES) >= _LIMIT:
        _CLASSES.clear()
        _CLASSES[""] = _SEPARATOR
    _CLASSES[line] = found
    return found


class _Plan:
    """What ``read_header_rows`` put into the parts of a template's table, its cells by their line in the
    block (a negative number ``-1 - line``: an empty cell the reader made at that label's source)."""

    __slots__ = ("cells", "department", "extra_labels", "extras", "goals", "level1_tests", "money", "money_fields",
                 "money_unit", "name", "other_parts", "purpose", "unit", "unit_line")

    cells: tuple[tuple[int, bool], ...]  # the block's lines the parts hold cells of (each made once), blank
    name: int | None  # indices into the made cells, as the fields below
    money_fields: tuple[str, ...]  # parts.money's keys in their order, then the cells' indices
    money: tuple[int, ...]
    other_parts: tuple[int, ...]
    purpose: tuple[int, ...]
    goals: tuple[int, ...]
    extra_labels: tuple[str, ...]  # the extras' labels, then their cells' indices
    extras: tuple[int, ...]
    unit: Any  # the unit when read from a label's line (the same in each table of the key)
    unit_line: int | None  # the line of the value the unit is read from (``unit_cell``)
    money_unit: str | None
    department: bool
    level1_tests: tuple[int, ...]  # the first filled cells of rows of 3 lines or more that are values


_PLANS: dict[tuple[str | int, ...], _Plan | None] = {}
_PLAN_LIMIT = 1024


def read_header_block(lines: list[str], rows: list[tuple[int, int]], file: str, parts: Parts) -> bool:
    """The header block's ``rows`` (the table's rows before its indicator header) read into ``parts`` as the
    one-pass path did with the general reader; False when the table is not plain there (no row names the
    project, or indicators stand before the header). By the template's plan when one is known."""
    base = rows[0][0]
    block = lines[base:rows[-1][1]]
    key = tuple(map(_class_by_line, block))
    plan = _PLANS.get(key, False)
    if plan is False:
        return _read_generally(lines, rows, file, parts, key)  # the first table of its template
    if plan is not None and _read_by_plan(plan, lines, base, file, parts):  # type: ignore[arg-type]
        return True
    return _read_generally(lines, rows, file, parts, None)


def _read_generally(lines: list[str], rows: list[tuple[int, int]], file: str, parts: Parts,
                    key: tuple[str | int, ...] | None) -> bool:
    """The general reader on the block (and, with a ``key``, the plan made from what it read)."""
    header_rows: list[list[Cell]] = []
    names_project = False
    for start, end in rows:
        row = line_cells(lines, start, end, file)
        if end - start >= 3:  # indicators before any header: 3 filled cells or more, the first a 一级 name
            for cell in row:  # (looks_like_indicator_row asked only when the first filled cell is one)
                if not cell.blank:
                    if normalise_level1(cell.text.strip()) in LEVEL1_NAMES and looks_like_indicator_row(row):
                        return False
                    break
        if not names_project:
            for cell in row:
                if not cell.blank and starts_project(cell.text):
                    names_project = True
                    break
        header_rows.append(row)
    if not names_project:
        return False
    read_header_rows(header_rows, parts, False)
    if parts.second_name is not None or parts.side_names:
        return False  # two forms run into one block: the general path reports it
    if key is not None:
        if len(_PLANS) >= _PLAN_LIMIT:
            _PLANS.clear()
        _PLANS[key] = _plan_of(header_rows, parts, rows[0][0], key)
    return True


def _plan_of(rows: list[list[Cell]], parts: Parts, base: int, key: tuple[str | int, ...]) -> _Plan | None:
    """The plan of what ``read_header_rows`` read from ``rows`` into ``parts``, or None where the key does not
    decide it (see the module)."""
    offset: dict[int, int] = {}  # id(cell) → its line in the block
    file = rows[0][0].file  # type: ignore[attr-defined]
    for row in rows:
        for cell in row:
            facts = _known_facts(cell.text) or _cell_facts(cell.text)
            if facts[2] in _NO_PLAN_FIELDS or (facts[4] and label_key(facts[0]) in _MONEY_BLOCKS):
                return None  # (项目资金 | 50 is the budget, 项目资金 | 用于… not: no key tells)
            offset[id(cell)] = cell.line - 1 - base  # type: ignore[attr-defined]
        if _money_heads(row) is not None:
            return None
    if parts.fiscal_parts or parts.other_sources or parts.project_total is not None or parts.cut is not None \
            or parts.needs_check or parts.label_money_unit is not None or parts.unrelated is not None \
            or parts.indicators:
        return None
    made: list[int] = []

    def ref(cell: Cell) -> int | None:
        at = offset.get(id(cell))
        if at is None:  # an empty cell at a label's source, else a cell the reader made from a text
            source = cell.source
            line = source[1]
            if type(cell) is not Cell or cell.text or type(source) is not Source or source[0] != file \
                    or source[2:] != (None, None, None, None, None) or line is None \
                    or not 0 <= line - 1 - base < len(key):
                return None
            at = base - line
        if at not in made:
            made.append(at)
        return made.index(at)

    plan = _new_object(_Plan)
    plan.name = ref(parts.name_cell) if parts.name_cell is not None else None
    refs = [plan.name if parts.name_cell is not None else 0]
    plan.money_fields = tuple(parts.money)
    plan.money = tuple(ref(cell) for cell in parts.money.values())  # type: ignore[misc]
    plan.other_parts = tuple(ref(cell) for cell in parts.other_parts)  # type: ignore[misc]
    plan.purpose = tuple(ref(cell) for cell in parts.purpose)  # type: ignore[misc]
    plan.goals = tuple(ref(cell) for cell in parts.goals)  # type: ignore[misc]
    plan.extra_labels = tuple(label for label, _ in parts.extras)
    plan.extras = tuple(ref(cell) for _, cell in parts.extras)  # type: ignore[misc]
    if None in (*refs, *plan.money, *plan.other_parts, *plan.purpose, *plan.goals, *plan.extras):
        return None
    blank = {offset[id(cell)]: cell.blank for row in rows for cell in row}
    plan.cells = tuple((at, blank.get(at, True)) for at in made)
    plan.unit, plan.unit_line = parts.unit, None
    if parts.unit is not None:  # read by unit_cell from one cell: a value's (read again) or a label's line
        read_from = [cell for row in rows for cell in row
                     if (unit := unit_cell(cell.text.strip())) is not None and new_unit(*unit) == parts.unit]
        if len(read_from) != 1:
            return None
        at = offset[id(read_from[0])]
        if type(key[at]) is int:
            plan.unit, plan.unit_line = None, at
    plan.money_unit, plan.department = parts.money_unit, parts.department
    tests: list[int] = []
    for row in rows:
        if len(row) >= 3:
            first = next((cell for cell in row if not cell.blank), None)
            if first is not None and type(key[at := offset[id(first)]]) is int:
                tests.append(at)
    plan.level1_tests = tuple(tests)
    return plan


# The unit of a unit cell's line (frozen: a file's tables share it), emptied at _LIMIT.
_UNITS: dict[str, Unit] = {}


def _forget_lines() -> None:
    """Empty the look-ups keyed on a block's lines (``_CLASSES``, ``_PLANS``, ``_UNITS``): registered with
    :mod:`perfbudget.text_caches`."""
    _CLASSES.clear()
    _CLASSES[""] = _SEPARATOR
    _PLANS.clear()
    _UNITS.clear()


held_by(_forget_lines)


def _unit_of(line: str) -> Unit:
    """``new_unit`` of ``unit_cell``'s code and name of a plan's unit line, remembered in ``_UNITS``."""
    unit = new_unit(*unit_cell(line[1:].strip()))  # type: ignore[misc]
    if len(_UNITS) >= _LIMIT:
        _UNITS.clear()
    _UNITS[line] = unit
    return unit


def _read_by_plan(plan: _Plan, lines: list[str], base: int, file: str, parts: Parts) -> bool:
    """The template's parts with this table's cells; False where a value's first cell of a row of three or more
    could be a 一级 name (the general reader then decides whether indicators start there)."""
    for at in plan.level1_tests:
        if normalise_level1(lines[base + at][1:].strip()) in LEVEL1_NAMES:
            return False
    made: list[Cell] = []
    for at, blank in plan.cells:  # (blank as in the template: the key says so)
        if at >= 0:
            cell = _new_object(LineCell)
            cell.text = lines[base + at][1:]
            cell.file = file
            cell.line = base + at + 1
            cell.blank = blank
            made.append(cell)
        else:
            made.append(Cell("", _new_tuple(Source, (file, base - at, None, None, None, None, None))))
    take = made.__getitem__
    if plan.name is not None:
        parts.name_cell = made[plan.name]
    if plan.money:
        parts.money = dict(zip(plan.money_fields, map(take, plan.money), strict=True))
    if plan.other_parts:
        parts.other_parts = list(map(take, plan.other_parts))
    if plan.purpose:
        parts.purpose = list(map(take, plan.purpose))
    if plan.goals:
        parts.goals = list(map(take, plan.goals))
    if plan.extras:
        parts.extras = list(zip(plan.extra_labels, map(take, plan.extras), strict=True))
    if plan.unit_line is not None:
        line = lines[base + plan.unit_line]
        parts.unit = _UNITS.get(line) or _unit_of(line)
    else:
        parts.unit = plan.unit
    parts.money_unit = plan.money_unit
    parts.department = plan.department
    return True
