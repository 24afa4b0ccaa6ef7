"""Reader for Excel workbooks (.xlsx, also as saved by WPS), with openpyxl in read-only mode.

Each sheet is read row by row (``read_only=True``: the sheet is streamed, not
loaded as objects). A merged range keeps its value in its top-left cell and the
others are empty, which is how the interpretation expects merged cells, so no
merge information is needed. Several tables in one sheet are split at their
heading rows (a row with a single cell, followed by a row that starts a table,
or reading ``…绩效目标表``) and at each new header block (项目名称 after indicators).
Numbers are shown as Excel shows them: the cell's number format decides the decimals
(``0.00`` → ``17.00``) and percentages.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from decimal import Decimal
from typing import Any

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.readers import traditional
from perfbudget.readers.bounds import Budget, LimitExceeded
from perfbudget.readers.cell_comments import with_cell_comments, workbook_comments
from perfbudget.readers.container import check_zip, sheet_cells, xml_problem
from perfbudget.readers.date_formats import CJK_BUILTIN_DATES, shown_date
from perfbudget.readers.format_sections import shown_section
from perfbudget.readers.grid import Cell, RawTable, spanning
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.invisible import visible
from perfbudget.readers.label_lines import label_line_cells
from perfbudget.readers.labels import column_role
from perfbudget.readers.number_shape import format_problem, number_shape, number_text, section_literal
from perfbudget.readers.side_forms import split_side_forms
from perfbudget.readers.stream import better_heading, looks_like_heading, starts_project
from perfbudget.readers.xlsx_formulas import unvalued_formulas, unvalued_problems
from perfbudget.readers.xlsx_hidden import (
    Hiding,
    filtered_rows,
    hidden_column_problems,
    hidden_columns,
    hidden_row_problem,
    hidden_rows,
    hidden_sheet_problem,
    merge_ranges,
    merged_spans,
    sheet_xml,
    told,
)
from perfbudget.readers.xlsx_merged import MergedValues, covered_cells, merged_down, sheet_column
from perfbudget.readers.xlsx_print_area import (
    defined_names_fault,
    printed_columns,
    unprinted_columns,
    without_defined_names,
)

# built-in format 14, the system's short date, as openpyxl and xlrd name it: shown as a Chinese (zh-CN) Excel and WPS
# show it, 2021/12/31 (year first, month and day without a leading zero: 2021/1/5); ISO 2021-12-31 until forms37
_LOCALE_SHORT_DATES = frozenset(("mm-dd-yy", "m/d/yy"))
_ZH_CN_SHORT_DATE = "yyyy/m/d"

def cell_text(value: Any, number_format: str | None) -> str:
    """A cell's value as the text Excel displays for the common formats."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date) and (shown := shown_date(value, _ZH_CN_SHORT_DATE if number_format
                                                         in _LOCALE_SHORT_DATES else number_format)) is not None:
        return shown  # 2020年12月31日, 2021.12.31, 2021/12/31: a date as its format shows it
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # (an .xls NUMBER record of NaN or infinity: shown as it is, not quantized: attack33)
    if isinstance(value, int | float):
        number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
        fmt = number_format or "General"
        minus = False
        if ";" in fmt:  # a section for negative numbers, zero (``0.00;-0.00;"-"``): the one that shows this number
            fmt, magnitude, minus = shown_section(fmt, number)
            if (shown := section_literal(fmt)) is not None:  # a zero shown "-", or "" (nothing)
                # (a number other than zero hidden by an empty section, ``;;;``, is read, not lost unseen)
                return shown if shown or number == 0 else number_text(number, number_shape("General"))
            number = magnitude
        # (each format read once for every cell that uses it: attack32)
        return ("-" if minus else "") + number_text(number, number_shape(fmt))
    return str(value)


def _sheet_tables(ws: Any, title: str, file: str, budget: Budget | None = None,
                  hidden_rows: frozenset[int] = frozenset(), notes: list[Problem] | None = None,
                  formulas: dict[tuple[int, int], str] | None = None,
                  unvalued: list[tuple[str, int, int, str]] | None = None,
                  hiding: Hiding | None = None, spans: dict[tuple[int, int], int] | None = None,
                  filtered: range = range(0), merged: MergedValues | None = None) -> list[RawTable]:
    """The raw tables of one sheet; its ``hidden_rows`` (1-based) and the hidden columns of ``hiding`` are not read,
    each one that holds text told in ``notes`` (``xlsx_hidden``; a merged range starting in a hidden column is read
    where Excel shows it); a cell of ``formulas`` (saved without a value, ``xlsx_formulas``) in a row read goes to
    ``unvalued``, and so does a cell whose value is a formula's error (``data_type`` ``e``: ``#NAME?``, given by
    the error). A merged range of ``spans`` ((row, column) → columns) gives a cell that knows its span. A hidden row
    of ``filtered`` (under an autofilter) is told as one the filter leaves out; ``merged`` settles the values a
    merged range holds outside its top-left cell (``xlsx_merged``)."""
    tables: list[RawTable] = []
    current: RawTable | None = None
    heading: str | None = None
    pending: tuple[str, list[Cell]] | None = None
    lead: str | None = None  # the heading made of the single-cell rows before ``pending``'s table
    hidden_texts: dict[int, list[str]] = {}  # the texts of the hidden columns, by column
    edge = 0  # the current table's left edge: the first filled cell's place in its rows (a form far right: forms44)
    if budget is not None:
        budget.new_sheet()
        ws.reset_dimensions()  # rows as long as their last cell, not as the (claimed) sheet dimension
    for r, row in enumerate(ws.iter_rows(), 1):
        if not row:
            continue
        if budget is not None:
            budget.row(len(row), f"工作表「{title}」")
        values = [cell.value for cell in row]
        if r in hidden_rows:
            if notes is not None and (texts := [_shown(v, c) for v, c in zip(values, row, strict=False)
                                                if _shown(v, c).strip()]):
                notes.append(hidden_row_problem(file, title, r, texts, r in filtered))
            continue
        if merged is not None and merged.covered:
            row = list(row)
            merged.settle(r, values, row, _shown)  # (a value outside a merged range's top-left cell)
        columns: list[int] | None = None  # the row's columns shown (0-based), when the sheet hides some
        if hiding is not None and hiding.columns:
            values, row, columns = _shown_columns(values, row, r, hiding, hidden_texts)
        if unvalued is not None:  # a formula whose value is an error (#NAME?): told, read as blank
            for k, value in enumerate(values):
                if isinstance(value, str) and value[:1] in "#E" and getattr(row[k], "data_type", None) == "e":
                    unvalued.append((title, r, sheet_column(columns, k), value))
                    values[k] = None
        if formulas and unvalued is not None:
            unvalued += [(title, r, c + 1, formulas[(r, c + 1)])
                         for k, c in enumerate(columns if columns is not None else range(len(values)))
                         if (r, c + 1) in formulas and values[k] is None]
        end = len(values)
        while end and (values[end - 1] is None or values[end - 1] == ""):
            end -= 1
        if not end:
            continue
        cells: list[Cell] = []
        filled: list[Cell] = []
        first = 0  # the first filled cell's place in the row
        for c in range(end):
            value = values[c]
            column = sheet_column(columns, c)
            if value is None or value == "":  # (an empty cell at its own place: a level filled down into it, or a
                # merged range's value, is located there, 第R行 第C列, as Word's and HTML's covered cells are; forms47)
                cells.append(Cell("", Source(file, None, title, None, r, column)))
                continue
            if isinstance(value, str):
                text = visible(value)
            elif (fmt := row[c].number_format) == "General" and isinstance(value, int | float):
                text = cell_text(*_builtin_date(value, row[c], ws))
            else:
                text = cell_text(value, fmt)
            if not text:  # (a cell holding only a zero-width space)
                cells.append(Cell("", Source(file, None, title, None, r, column)))
                continue
            source = Source(file, None, title, None, r, column)
            width = spans.get((r, column), 1) if spans else 1
            if width > 1 and hiding is not None and hiding.columns:
                width = sum(1 for k in range(column, column + width) if k not in hiding.columns)
            cell = spanning(text, source, width) if width > 1 else Cell(text, source)
            cells.append(cell)
            if not cell.blank:
                if not filled:
                    first = len(cells) - 1
                filled.append(cell)
        if merged is not None:
            merged.mark_down(r, cells, columns)  # a reason merged down over the rows (merged_cells)
        if not filled:
            continue
        # a row of one cell at the table's left edge (or before any table) is a heading: column A, or the column a
        # form starting far right (under a logo row) starts at
        if len(filled) == 1 and (first <= edge if current is not None else True) and not starts_project(filled[0]) \
                and label_line_cells(filled[0].text) is None:  # (填报单位：某局 is the table's row, no heading)
            if pending is not None and current is not None:
                current.rows.append(pending[1])
                lead = None
            pending = (filled[0].text.strip(), cells)  # a heading if a table starts next
            lead = better_heading(lead, pending[0])  # a title, then its year note (（2024年度）) on a row of its own
            if looks_like_heading(pending[0]) and (current is None or _past_header_block(current)):
                current = None  # (a title in a form's header block, above its indicator header, waits: below)
            continue
        if pending is not None:
            if starts_project(filled[0]) or current is None:
                heading, current = lead or pending[0], None
            else:
                current.rows.append(pending[1])
            pending = None
        lead = None
        if current is None:
            current = RawTable(heading, Source(file, sheet=title, row=r), certain=True)
            tables.append(current)
            heading = None
            edge = first
        edge = min(edge, first)
        current.rows.append(cells)
    if pending is not None and current is not None:
        current.rows.append(pending[1])
    if hidden_texts and notes is not None:
        notes += hidden_column_problems(file, title, hidden_texts, hiding.unprinted if hiding else frozenset())
    return [part for table in tables for part in split_side_forms(table, f"工作表「{title}」")]


def _builtin_date(value: float, cell: Any, ws: Any) -> tuple[Any, str]:
    """A number under General, or the date it is when its style names a Chinese Excel's built-in date format by id
    (``numFmtId="31"``: 2021年12月31日; ``date_formats.CJK_BUILTIN_DATES``)."""
    style = getattr(cell, "style_array", None)
    if style is None or (fmt := CJK_BUILTIN_DATES.get(style.numFmtId)) is None:
        return value, "General"
    from openpyxl.utils.datetime import from_excel

    try:
        return from_excel(value, ws.parent.epoch), fmt
    except (ValueError, OverflowError):
        return value, "General"


def _past_header_block(table: RawTable) -> bool:
    """The table has reached its indicator header (a row with a 三级指标 column). A title-like row before it, inside
    the header block, ends the table only when a new form starts after it (项目名称, 单位名称 …): perfbudget's own
    export writes a table's unlabelled notes (``2022年…绩效自评表`` kept from a page) as rows of one merged cell, and
    the form read back was cut there in two, its name and its indicators apart (section AV's four xlsx round trips)."""
    return any(column_role(cell.text) == "level3" for row in table.rows for cell in row if not cell.blank)


def _shown_columns(values: list[Any], row: Any, r: int, hiding: Hiding,
                   hidden_texts: dict[int, list[str]]) -> tuple[list[Any], list[Any], list[int]]:
    """The row's values and cells in its shown columns, with their 0-based column numbers: a hidden column's value
    goes to ``hidden_texts`` (not read), except the value of a merged range starting there, which is read in the
    range's first shown column (Excel shows it there)."""
    moved: dict[int, tuple[Any, Any]] = {}
    for (row_number, column), shown in hiding.shown_at.items():
        if row_number == r and column <= len(values) and values[column - 1] not in (None, ""):
            moved[shown] = (values[column - 1], row[column - 1])
    width = max([len(values), *moved])
    kept_values: list[Any] = []
    kept_cells: list[Any] = []
    numbers: list[int] = []
    for c in range(1, width + 1):
        value, cell = (values[c - 1], row[c - 1]) if c <= len(values) else (None, None)
        if c in hiding.columns:
            if value not in (None, "") and (r, c) not in hiding.shown_at:
                hidden_texts.setdefault(c, []).append(_shown(value, cell))
            continue
        if c in moved and value in (None, ""):
            value, cell = moved[c]
        kept_values.append(value)
        kept_cells.append(cell)
        numbers.append(c - 1)
    return kept_values, kept_cells, numbers


_INSTRUCTIONS = re.compile(r"^(?:[\d.、\s]*)(?:填表|填报|编制|使用|编报|操作)?(?:说明|须知)$")


def is_instruction_sheet(title: str) -> bool:
    """A sheet named as the workbook's instructions: 填表说明, 填报说明, 说明, 填报须知 (a number before it allowed)."""
    return _INSTRUCTIONS.match(title.strip()) is not None


def without_instruction_sheets(tables: list[RawTable], file: str) -> list[RawTable]:
    """The tables without those of the workbook's instruction sheets (``is_instruction_sheet``: 填表说明 before the
    form, its rows ``项目名称 | 填写项目的全称`` read as a project of their own until layouts25), each such sheet told
    with a note; a workbook whose every table is on such a sheet is read as before."""
    kept = [table for table in tables if not is_instruction_sheet(table.source.sheet or "")]
    if not kept or len(kept) == len(tables):
        return tables
    dropped = dict.fromkeys(t.source.sheet or "" for t in tables if is_instruction_sheet(t.source.sheet or ""))
    kept[0].problems.extend(Problem(Source(file, sheet=sheet),
                                    f"工作表「{sheet}」按其名称是填表说明，未作为绩效目标表读取", Severity.INFO)
                            for sheet in dropped)
    for table in tables:
        if is_instruction_sheet(table.source.sheet or ""):
            kept[0].problems.extend(table.problems)  # the reader's notes (hidden rows, formulas) stay told
    return kept


def _shown(value: Any, cell: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else cell_text(value, cell.number_format)


def read_xlsx_tables(data: bytes, file: str, limits: Limits | None = None) -> list[RawTable]:
    """The raw tables of every sheet; past a row or cell limit :class:`LimitExceeded`."""
    import openpyxl

    budget = Budget(limits or Limits())
    budget.add_cells(sheet_cells(data))  # refused before parsing when the sheets hold too many cells
    budget.cells = 0
    names_note = None
    if (fault := defined_names_fault(data)) is not None:  # (before openpyxl parses them: attack35)
        if (data_without := without_defined_names(data)) is None:
            raise LimitExceeded(f"{fault}；未读取")
        data = data_without  # read without them, told (forms40: a print area too long lost the whole workbook)
        names_note = Problem(Source(file), f"{fault}；未读取这些名称，已按整个工作表读取（打印区域之外的列也已读取），"
                                           "请核对", Severity.WARNING)
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if (long_format := format_problem(getattr(workbook, "_number_formats", ()))) is not None:
            raise LimitExceeded(long_format)  # (before any cell is shown with it: attack32)
        tables: list[RawTable] = []
        notes: list[Problem] = []
        hidden: list[Any] = []
        unvalued: list[tuple[str, int, int, str]] = []  # formulas saved without their values, in rows read
        merged_notes: list[Problem] = []  # values outside a merged range's top-left cell
        printed = printed_columns(workbook)  # the columns each sheet's print area covers, where it names them
        for ws in workbook.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible":
                hidden.append(ws)  # hidden or veryHidden: read only when no sheet shown holds a table
                continue
            xml = sheet_xml(workbook, ws)
            ranges = merge_ranges(xml)
            merged = MergedValues(covered_cells(ranges), file, ws.title, merged_down(ranges), budget.add_cells)
            tables.extend(_sheet_tables(ws, ws.title, file, budget, hidden_rows(workbook, ws, xml), notes,
                                        unvalued_formulas(workbook, ws), unvalued,
                                        hidden_columns(workbook, ws, xml).and_unprinted(
                                            unprinted_columns(printed.get(ws.title), ws.max_column)),
                                        merged_spans(xml), filtered_rows(xml), merged))
            merged_notes += merged.problems
        for ws in hidden:
            sheet = _sheet_tables(ws, ws.title, file, budget)
            if tables:
                if texts := [c.text for table in sheet for row in table.rows for c in row if not c.blank]:
                    notes.append(hidden_sheet_problem(file, ws.title, texts, ws.sheet_state == "veryHidden"))
            else:
                tables.extend(sheet)  # a workbook whose every table is on a hidden sheet: read as before
        if tables:
            tables[0].problems.extend([*unvalued_problems(file, unvalued), *told(notes, file), *merged_notes,
                                       *([names_note] if names_note else [])])
        return without_instruction_sheets(tables, file)
    finally:
        workbook.close()


def read_xlsx(data: bytes, file: str, limits: Limits) -> tuple[Document | None, list[Problem]]:
    problem = check_zip(data, file, limits, "Excel ")
    if problem is not None:
        return None, [problem]
    if (too_many := xml_problem(data, limits, workbook=True)) is not None:
        return None, [Problem(Source(file), f"Excel {too_many}")]
    try:
        tables = read_xlsx_tables(data, file, limits)
    except LimitExceeded as exc:
        return None, [Problem(Source(file), f"Excel {exc}")]
    except Exception as exc:  # openpyxl raises many kinds on a broken package
        return None, [Problem(Source(file), f"Excel 文件已损坏，无法读取（{type(exc).__name__}）")]
    if not tables:
        return None, [Problem(Source(file), "Excel 文件中没有内容，没有找到绩效目标表")]
    document, problems = traditional.interpret_either_script(tables, file, interpret_tables)
    if document is not None and (comments := workbook_comments(data, limits.max_part_bytes)):
        document, notes = with_cell_comments(document, comments, file)  # each 批注 with its field (replay-q)
        problems = [*problems, *notes]
    return document, problems
