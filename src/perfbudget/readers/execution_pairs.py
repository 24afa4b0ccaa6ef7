"""A 自评表's execution written as label–value pairs in its header block, not as a funds grid (kinds47).

Hebei's 预算项目绩效自评表 (the provincial system's print, corpus 74) writes its execution on one line as pairs,
``预算数 6.84 到位数 6.84 执行数 6.84 100.00`` under ``预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)``:
预算数 is a header label (the budget) and the rest stay unlabelled texts of the header block, one a cell, so the
grid reader (readers/execution_cells.py, which types ``row/column`` cells) typed no 全年执行数 and ``perfbudget
evaluate`` refused the table for its empty 全年执行数. A person reads each label with the figure after it.

The rule: a cell naming one of the funds grid's execution columns (``执行数``, ``全年执行数``, ``年初预算数``,
``执行率`` …: :data:`execution_cells.FIELD_OF_COLUMN` gives ``initial``, ``executed`` or ``rate``; a period's
``1-6月执行数`` is a 监控表's and not taken) followed on its own line or row by a cell holding that column's figure is
a pair, typed with the figure cell's location — where the label opens its line or row and that figure alone
follows it (``全年执行数 5 1 6`` under ``财政拨款 其他资金 合计`` is a grid's row, its first figure one source's), or
stands right after a figure (the pair before it, ``到位数 6.84 执行数 6.84``, or the budget's ``预算数 6.84``). A
label after another label stands in a run of heads (``预算数 执行数`` over, or before, ``100 90``), whose figures are
not the labels' next cells: nothing is paired there. A rate is paired only where its figure writes ``%``
(``预算执行率 10 98%``: the 10 is a 分值). A paired figure is checked as a grid's cell is, and an amount writing its
unit (``68400元``) is read in the table's money unit, told. Points (分值, 得分) are never paired: a header's 得分 may
be the table's own total (readers/stated_scores.py). Only what the grid left untyped is taken.
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Problem, Source
from perfbudget.readers.execution_cells import FIELD_OF_COLUMN, LOST_MARKS, Figures, checked_cell, typed_figure
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import label_key
from perfbudget.readers.money_cells import in_table_unit, read_amount
from perfbudget.readers.parts import Parts

# the longest label paired (预算执行数, 年初预算数 …): a longer unlabelled text is no column's name (a cheap test)
_LONGEST_LABEL = 8


def paired_figures(parts: Parts, typed: Figures | None, problems: list[Problem]) -> Figures:
    """The execution figures the header block's unlabelled cells (``parts.extras``) give as label–value pairs (module
    note), those ``typed`` (the grid's) already has left out. Each paired figure is checked as a grid's cell is, and
    an amount that writes its unit is read in the table's (both told in ``problems``)."""
    extras = parts.extras
    labels = [(k, field) for k, (label, cell) in enumerate(extras[:-1])
              if (field := _field(label, cell)) is not None and (typed is None or field not in typed)]
    if not labels:  # (most tables: no figure is looked at)
        return {}
    after_figure = {_place(cell.source) for cell in parts.money.values()}  # (the budget's 预算数 6.84)
    after_figure.update(_place(cell.source) for label, cell in extras if not label and _is_figure(cell.text))
    found: Figures = {}
    for k, field in labels:
        at, (label, after) = extras[k][1].source, extras[k + 1]
        if field not in found and not label and _same_row(at, after.source) \
                and ((at.column == 1 and _figures_after(extras, k) == 1)
                     or (at.column is not None and _place(at, -1) in after_figure)) \
                and (value := _paired_value(field, extras[k][1].text.strip(), after, parts, problems)) is not None:
            found[field] = (value, after.source)
    return found


def _paired_value(field: str, column: str, cell: Cell, parts: Parts, problems: list[Problem]) -> Decimal | None:
    """The figure ``cell`` gives the label ``column``'s ``field``, or None. A rate only as a written percentage: a
    bare number after 预算执行率 is another column's (``预算执行率 | 分值 | 执行率 | 得分`` over ``10 98% 9.8``: the 10
    is the 分值), which the grid's ratio reading (execution_cells._ratio_rate) has no column to tell apart. The cell
    is checked as the grid's are (:func:`execution_cells.checked_cell`: a lost mark, a figure no officer writes); an
    amount that writes 元 or 万元 is converted into the table's money unit with a warning
    (:func:`money_cells.in_table_unit`), and not read where the table names none."""
    if field == "rate" and not cell.text.strip().rstrip(LOST_MARKS).endswith(("%", "％")):
        return None
    text = checked_cell(column, field, cell, problems).text.strip()
    value = typed_figure(field, text)
    if value is None or field == "rate" or (own := read_amount(text)[3]) is None or own == parts.money_unit:
        return value
    if parts.money_unit is None:
        return None  # (68400元 where the table names no unit: which unit its budget is in is not said)
    value, note = in_table_unit(cell, value, parts.money_unit, column, problems)
    if note is not None:
        parts.needs_check.append(note)
    return value


def _field(label: str, cell: Cell) -> str | None:
    """The execution column an unlabelled cell names (``executed`` …), or None."""
    text = cell.text
    if label or len(text) > _LONGEST_LABEL * 2 or not text.strip() or text.strip()[0].isdigit():
        return None
    key = label_key(text)
    if len(key) > _LONGEST_LABEL:
        return None
    # the grid's columns by name, a period's (1-6月执行数: a 监控表's figures) not among them; points never: the
    # header's 得分 may be the table's own total
    field = FIELD_OF_COLUMN.get(key)
    return field if field in ("initial", "executed", "rate") else None


def _figures_after(extras: list[tuple[str, Cell]], k: int) -> int:
    """How many figures stand right after the label ``extras[k]`` on its line or row, up to the next label (or a
    column another field took) or the line's end: ``全年执行数 5 1 6`` under ``财政拨款 其他资金 合计`` has three."""
    at = extras[k][1].source
    count = 0
    for label, cell in extras[k + 1:]:
        if label or not _same_row(at, cell.source) or cell.source.column != (at.column or 0) + count + 1 \
                or not _is_figure(cell.text):
            break
        count += 1
    return count


def _is_figure(text: str) -> bool:
    """Whether a cell holds an amount or a rate (``6.84``, ``98%``)."""
    return typed_figure("executed", text := text.strip()) is not None or typed_figure("rate", text) is not None


def _row_of(source: Source) -> tuple[object, ...]:
    """A cell's line of a text or row of a table."""
    return source.file, source.line, source.sheet, source.table, source.row, source.page


def _place(source: Source, shift: int = 0) -> tuple[object, ...]:
    """A cell's line or row and its column (``shift`` columns over)."""
    return (*_row_of(source), None if source.column is None else source.column + shift)


def _same_row(one: Source, other: Source) -> bool:
    """Whether two cells stand on one line of a text or one row of a table."""
    return _row_of(one) == _row_of(other)
