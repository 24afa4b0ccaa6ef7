"""Reader for OpenDocument files (.ods spreadsheets, .odt text; LibreOffice, WPS), with odfpy.

Both forms keep their tables in ``content.xml`` as ``table:table`` → ``table:table-row`` →
``table:table-cell``. A cell spanning columns or rows (``number-columns-spanned``,
``number-rows-spanned``) is followed by ``table:covered-table-cell`` elements for the cells it
covers; they are read as blanks, which is how the interpretation expects merged cells (as in
the docx and xlsx readers). ``number-columns-repeated`` / ``number-rows-repeated`` are expanded
for cells with content; trailing empty repeats (a sheet padded to 16,384 columns or a million
rows) cost nothing, and a file that would expand beyond the readers' cell limit
(``Limits.max_cells``, ``PERFBUDGET_MAX_CELLS``) or a table beyond their row limit
(``Limits.max_rows``) is refused. (Until 2026-12-03 the bound was 5,000,000 cells of its own: 700
bytes repeating a 16,384-cell row cost 10.7 s and 1.1 GB before the refusal.)

A cell's text is what the program shows (its ``text:p`` paragraphs, joined by newlines), so
``17.00`` stays ``17.00`` and ``95%`` stays ``95%``; a number's thousands separators are dropped
(``1,200`` → ``1200``), as the xlsx reader shows it; a cell with a value but no paragraphs
(some generators write only ``office:value``) gives its value.

* .ods — every sheet, rows through the xlsx reader's sheet splitting (headings, several tables
  per sheet). Sources: ``sheet 第R行 第C列``.
* .odt — every table in the body (also inside sections and lists), on its grid; the heading is
  the last paragraph before it. Sources: ``表N 第R行 第C列``, as for docx.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Source
from perfbudget.readers import traditional
from perfbudget.readers.bounds import odf_problem
from perfbudget.readers.container import check_zip
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.sheet_print_areas import ods_printed_columns
from perfbudget.readers.stream import better_heading
from perfbudget.readers.xlsx import _sheet_tables
from perfbudget.readers.xlsx_formulas import is_error_value, unvalued_problems
from perfbudget.readers.xlsx_hidden import Hiding, hidden_sheet_problem, told
from perfbudget.readers.xlsx_merged import MergedValues, covered_map, merged_down
from perfbudget.readers.xlsx_print_area import unprinted_columns

_NUMBERS = ("float", "currency", "percentage")
_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?\Z")
MAX_ROWS = 1_048_576  # a row index beyond this (after empty repeats) is a hostile file
MAX_COLUMNS = 16_384

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_T_TABLE, _T_ROW, _T_CELL, _T_COVERED = (_TABLE, "table"), (_TABLE, "table-row"), (_TABLE, "table-cell"), \
    (_TABLE, "covered-table-cell")
_ROW_GROUPS = {(_TABLE, "table-header-rows"), (_TABLE, "table-rows"), (_TABLE, "table-row-group")}
_PARAGRAPHS = {(_TEXT, "p"), (_TEXT, "h")}
_REPEAT_COLUMNS, _REPEAT_ROWS = (_TABLE, "number-columns-repeated"), (_TABLE, "number-rows-repeated")


class TooLarge(Exception):
    """The table expands beyond the reader's bounds."""


class _Budget:
    """Cells with content (repeats expanded) of the whole file, and rows of each table, within the limits."""

    def __init__(self, limits: Limits) -> None:
        self.cells = 0
        self.limits = limits

    def spend(self, count: int) -> None:
        self.cells += count
        if self.cells > self.limits.max_cells:
            raise TooLarge(f"超过 {self.limits.max_cells} 个单元格的上限（环境变量 PERFBUDGET_MAX_CELLS）")

    def check_rows(self, rows: int) -> None:
        if rows > self.limits.max_rows:
            raise TooLarge(f"一个表格超过 {self.limits.max_rows} 行的上限（环境变量 PERFBUDGET_MAX_ROWS）")


def _repeat(element: Any, name: tuple[str, str]) -> int:
    try:
        return max(int(element.attributes.get(name, "1")), 1)
    except ValueError:
        return 1


def _paragraphs(element: Any) -> Iterator[Any]:
    """The paragraphs of a cell, in order, also inside lists and sections, not inside nested tables."""
    for child in element.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname in _PARAGRAPHS:
            yield child
        elif child.qname != _T_TABLE:
            yield from _paragraphs(child)


def _value_text(cell: Any) -> str:
    """A cell without paragraphs: its typed value (office:value-type), if any."""
    attributes = cell.attributes
    kind = attributes.get((_OFFICE, "value-type"))
    if kind in ("float", "currency"):
        return attributes.get((_OFFICE, "value"), "")
    if kind == "percentage":
        try:
            return f"{(Decimal(attributes.get((_OFFICE, 'value'), '')) * 100).normalize():f}%"
        except InvalidOperation:
            return ""
    if kind == "date":
        return attributes.get((_OFFICE, "date-value"), "")
    if kind == "time":
        return attributes.get((_OFFICE, "time-value"), "")
    if kind == "boolean":
        return "是" if attributes.get((_OFFICE, "boolean-value")) == "true" else "否"
    return attributes.get((_OFFICE, "string-value"), "")


def cell_text(cell: Any, covered: bool = False) -> str:
    """The cell's text as the program shows it; a covered cell's (part of a merged cell) only when ``covered`` (its
    value is settled by ``xlsx_merged``), else blank like the docx/xlsx readers give it."""
    from odf.teletype import extractText

    if cell.qname != _T_CELL and not covered:
        return ""
    paragraphs = [extractText(p) for p in _paragraphs(cell)]
    if not paragraphs:
        return _value_text(cell)
    text = "\n".join(paragraphs).strip("\n")
    if cell.attributes.get((_OFFICE, "value-type")) in _NUMBERS and _GROUPED.match(text):
        return text.replace(",", "")  # 1,200 → 1200, as the xlsx and xls readers show grouped numbers
    return text


def _rows(element: Any) -> Iterator[Any]:
    for child in element.childNodes:
        if child.qname == _T_ROW:
            yield child
        elif child.qname in _ROW_GROUPS:
            yield from _rows(child)


def _formula_error(cell: Any, text: str) -> bool:
    """Whether a cell is a formula whose value is an error: LibreOffice's ``calcext:value-type="error"``, or (a file
    without it) a formula showing ``#NAME?``/``Err:509``."""
    attributes = cell.attributes
    if (_TABLE, "formula") not in attributes:
        return False
    return attributes.get((_CALCEXT, "value-type")) == "error" or is_error_value(text.strip())


def _row_texts(row: Any, budget: _Budget, errors: list[int] | None = None, covered: bool = False) -> list[str]:
    """A row's cell texts on its grid: repeats expanded, trailing empty cells dropped; the columns (0-based) of
    cells that are a formula's error value go to ``errors`` when given; a covered cell's text given when
    ``covered``."""
    texts: list[str] = []
    blanks = 0  # empty cells not yet written: only written when content follows
    for cell in row.childNodes:
        if cell.qname not in (_T_CELL, _T_COVERED):
            continue
        count = _repeat(cell, _REPEAT_COLUMNS)
        text = cell_text(cell, covered)
        if not text.strip():
            blanks += count
            continue
        if len(texts) + blanks + count > MAX_COLUMNS:
            raise TooLarge(f"一行超过 {MAX_COLUMNS:,} 列")
        budget.spend(blanks + count)
        texts.extend([""] * blanks)
        if errors is not None and _formula_error(cell, text):
            errors.extend(range(len(texts), len(texts) + count))
        texts.extend([text] * count)
        blanks = 0
    return texts


class _Shown:
    __slots__ = ("data_type", "number_format", "value")

    def __init__(self, value: str | None, data_type: str | None = None) -> None:
        self.value = value
        self.number_format = None
        self.data_type = data_type  # "e": a formula's error value, as openpyxl marks it


class _Sheet:
    """An ODS sheet as openpyxl-style rows of cells with ``value``, for the xlsx sheet splitting."""

    def __init__(self, table: Any, budget: _Budget, covered: bool = False) -> None:
        """``covered``: the covered cells' texts are given as they stand, for ``xlsx_merged.MergedValues`` to
        settle (read as their range's, or told); else they are blank."""
        self.table = table
        self.budget = budget
        self.covered = covered

    def iter_rows(self) -> Iterator[list[_Shown]]:
        number = 0
        pending = 0  # empty rows not yet yielded: only yielded when content follows
        for row in _rows(self.table):
            count = _repeat(row, _REPEAT_ROWS)
            errors: list[int] = []
            texts = _row_texts(row, self.budget, errors, self.covered)
            if not texts:
                pending += count
                continue
            if number + pending + count > MAX_ROWS:
                raise TooLarge(f"超过 {MAX_ROWS:,} 行")
            self.budget.check_rows(number + pending + count)
            for _ in range(pending):
                yield []
            number += pending + count
            pending = 0
            cells = [_Shown(text or None) for text in texts]
            for column in errors:
                cells[column] = _Shown(texts[column], "e")
            for index in range(count):
                if index:
                    self.budget.spend(len(cells))
                yield cells


def _sheet_name(table: Any, index: int) -> str:
    return table.attributes.get((_TABLE, "name")) or f"Sheet{index}"


_VISIBILITY = (_TABLE, "visibility")
_COLUMN = (_TABLE, "table-column")
_COLUMN_GROUPS = {(_TABLE, "table-column-group"), (_TABLE, "table-header-columns"), (_TABLE, "table-columns")}
_SPANNED = (_TABLE, "number-columns-spanned")
_MOST_HIDDEN_REPEATS = 10_000  # a hidden run repeated more often is a sheet's padding (empty), not looked at


def _hidden_rows(table: Any) -> frozenset[int]:
    """The 1-based numbers of the sheet's hidden rows (``table:visibility`` collapse or filter), as ``_Sheet``
    numbers its rows."""
    hidden: set[int] = set()
    number = 0
    for row in _rows(table):
        count = _repeat(row, _REPEAT_ROWS)
        if row.attributes.get(_VISIBILITY, "visible") != "visible" and count <= _MOST_HIDDEN_REPEATS:
            hidden.update(range(number + 1, number + count + 1))
        number += count
    return frozenset(hidden)


def _columns(element: Any) -> Iterator[Any]:
    for child in element.childNodes:
        if child.qname == _COLUMN:
            yield child
        elif child.qname in _COLUMN_GROUPS:
            yield from _columns(child)


def _hiding(table: Any) -> Hiding:
    """The sheet's hidden columns (``table:table-column`` with ``table:visibility`` collapse, 1-based) and where a
    spanned cell starting in one shows its value (its first shown column), as ``xlsx_hidden`` gives them for .xlsx;
    with the columns its print area (``table:print-ranges``) leaves out (``sheet_print_areas``)."""
    hidden: set[int] = set()
    number = 0
    for column in _columns(table):
        count = _repeat(column, _REPEAT_COLUMNS)
        if column.attributes.get(_VISIBILITY, "visible") != "visible":
            hidden.update(range(number + 1, min(number + count, MAX_COLUMNS) + 1))
        number += count
        if number >= MAX_COLUMNS:
            break
    unprinted = unprinted_columns(ods_printed_columns(table.attributes.get(_PRINT_RANGES)), min(number, MAX_COLUMNS))
    if not hidden:
        return Hiding().and_unprinted(unprinted)
    shown_at: dict[tuple[int, int], int] = {}
    r = 0
    for row in _rows(table):
        r += _repeat(row, _REPEAT_ROWS)
        c = 0
        for cell in row.childNodes:
            if cell.qname not in (_T_CELL, _T_COVERED):
                continue
            span = int(cell.attributes.get(_SPANNED, "1") or 1) if cell.qname == _T_CELL else 1
            if span > 1 and c + 1 in hidden:
                visible = next((k for k in range(c + 2, min(c + span, MAX_COLUMNS) + 1) if k not in hidden), None)
                if visible is not None:
                    shown_at[(r, c + 1)] = visible
            c += _repeat(cell, _REPEAT_COLUMNS)
            if c >= MAX_COLUMNS:
                break
    return Hiding(frozenset(hidden), shown_at).and_unprinted(unprinted)


_PRINT_RANGES = (_TABLE, "print-ranges")
_STYLE_NAME = (_TABLE, "style-name")
_ROWS_SPANNED = (_TABLE, "number-rows-spanned")
_MOST_SPANNED_COLUMNS = 200_000  # the columns of all spanned cells of a sheet mapped (as xlsx_merged's cells)


def _covered_with_content(table: Any, budget: _Budget, down: list[tuple[int, int, int, int]] | None = None
                          ) -> dict[tuple[int, int], tuple[int, int]]:
    """Covered cells (``table:covered-table-cell``) that hold something, each with the top-left cell of the spanned
    cell covering it, all 1-based and numbered as :class:`_Sheet` numbers them (repeats expanded): Calc keeps the
    contents of cells merged after they were filled there when asked to (「保留隐藏单元格的内容」), and shows only
    the top-left cell. One pass over the sheet's cells; each spanned cell's columns are mapped once (bounded), and
    the covered cells holding something count against ``max_cells`` as every cell with content does, before any is
    looked at (20,000 rows of one covered cell repeated over 16,384 columns, a 60 KB .ods, were walked column by
    column before the sheet's cells were counted: 12.5 s to refuse it; attack35). The spanned cells over two rows
    or more go to ``down`` as (top, left, bottom, right) (``xlsx_merged.merged_down``)."""
    covering: dict[int, tuple[int, int, int]] = {}  # column → (top, left, bottom) of the spanned cell over it
    found: dict[tuple[int, int], tuple[int, int]] = {}
    mapped = 0
    r = 0
    for row in _rows(table):
        r += 1
        c = 0
        for cell in row.childNodes:
            qname = cell.qname
            if qname not in (_T_CELL, _T_COVERED):
                continue
            count = _repeat(cell, _REPEAT_COLUMNS)
            if qname == _T_CELL:
                attributes = cell.attributes
                if _SPANNED in attributes or _ROWS_SPANNED in attributes:
                    try:
                        wide, tall = int(attributes.get(_SPANNED, "1")), int(attributes.get(_ROWS_SPANNED, "1"))
                    except ValueError:
                        wide = tall = 1
                    if tall > 1 and down is not None:
                        down.append((r, c + 1, r + tall - 1, c + wide))
                    if (wide > 1 or tall > 1) and mapped + wide <= _MOST_SPANNED_COLUMNS:
                        mapped += wide
                        for k in range(c + 1, c + wide + 1):
                            covering[k] = (r, c + 1, r + tall - 1)
            elif cell.firstChild is not None or (_OFFICE, "value-type") in cell.attributes:
                budget.spend(min(c + count, MAX_COLUMNS) - c)
                for k in range(c + 1, min(c + count, MAX_COLUMNS) + 1):
                    top = covering.get(k)
                    if top is not None and top[0] <= r <= top[2]:
                        found[(r, k)] = top[:2]
            c += count
            if c >= MAX_COLUMNS:
                break
        r += _repeat(row, _REPEAT_ROWS) - 1
    return found


def _hidden_sheet_styles(document: Any) -> set[str]:
    """The names of the table styles that hide their sheet (``style:table-properties table:display="false"``)."""
    names: set[str] = set()
    for styles in (document.automaticstyles, document.styles):
        for style in styles.childNodes if styles is not None else ():
            for child in style.childNodes:
                if child.qname == ("urn:oasis:names:tc:opendocument:xmlns:style:1.0", "table-properties") \
                        and child.attributes.get((_TABLE, "display")) == "false":
                    names.add(style.attributes.get(("urn:oasis:names:tc:opendocument:xmlns:style:1.0", "name"), ""))
    return names


def read_ods_tables(data: bytes, file: str, limits: Limits | None = None) -> list[RawTable]:
    """The raw tables of every sheet; hidden sheets, rows and columns are told and not read, as in xlsx (layouts26;
    a workbook whose every table is on hidden sheets is read as before)."""
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    budget = _Budget(limits or Limits())
    # the covered cells holding something, counted over the whole file, not a sheet at a time (3,000 sheets of
    # them each walked within the limit: the lead's reread of attack35's bound)
    covering = _Budget(budget.limits)
    tables: list[RawTable] = []
    notes: list[Problem] = []
    unvalued: list[tuple[str, int, int, str]] = []  # formulas whose value is an error, in rows read
    sheets = [child for child in document.spreadsheet.childNodes if child.qname == _T_TABLE]
    hidden_styles = _hidden_sheet_styles(document)
    hidden: list[tuple[Any, str]] = []
    merged_notes: list[Problem] = []  # values covered by a spanned cell (xlsx_merged)
    for index, table in enumerate(sheets, 1):
        name = _sheet_name(table, index)
        if table.attributes.get(_STYLE_NAME) in hidden_styles:
            hidden.append((table, name))  # read only when no sheet shown holds a table
            continue
        down: list[tuple[int, int, int, int]] = []  # the cells spanned over rows (a reason merged down)
        merged = MergedValues(covered_map(_covered_with_content(table, covering, down)), file, name,
                              merged_down(down), budget.spend)
        tables.extend(_sheet_tables(_Sheet(table, budget, covered=bool(merged.covered)), name, file,
                                    hidden_rows=_hidden_rows(table), notes=notes, unvalued=unvalued,
                                    hiding=_hiding(table), merged=merged))
        merged_notes += merged.problems
    for table, name in hidden:
        sheet = _sheet_tables(_Sheet(table, budget), name, file)
        if not tables:
            tables.extend(sheet)
        elif texts := [c.text for t in sheet for row in t.rows for c in row if not c.blank]:
            notes.append(hidden_sheet_problem(file, name, texts))
    if tables:
        tables[0].problems.extend([*unvalued_problems(file, unvalued), *told(notes, file), *merged_notes])
    return tables


def _odt_table(table: Any, file: str, number: int, heading: str | None, budget: _Budget) -> RawTable:
    label = f"表{number}"
    rows: list[list[Cell]] = []
    for r, shown in enumerate(_Sheet(table, budget).iter_rows(), 1):  # repeats expanded, bounded
        if shown:  # an empty row carries nothing (the xlsx reader skips them too)
            rows.append([Cell(cell.value or "", Source(file, sheet=label, table=number, row=r, column=c))
                         for c, cell in enumerate(shown, 1)])
    return RawTable(heading, Source(file, sheet=label, table=number), rows, certain=True)


def _body_tables(element: Any, file: str, tables: list[RawTable], heading: list[str | None],
                 budget: _Budget) -> None:
    from odf.teletype import extractText

    for child in element.childNodes:
        if child.nodeType != child.ELEMENT_NODE:
            continue
        if child.qname == _T_TABLE:
            number = len(tables) + 1
            tables.append(_odt_table(child, file, number, heading[0], budget))
            heading[0] = None
        elif child.qname in _PARAGRAPHS:
            heading[0] = better_heading(heading[0], extractText(child))
        else:
            _body_tables(child, file, tables, heading, budget)  # sections, lists, …


def read_odt_tables(data: bytes, file: str, limits: Limits | None = None) -> list[RawTable]:
    from odf.opendocument import load

    document = load(io.BytesIO(data))
    tables: list[RawTable] = []
    _body_tables(document.text, file, tables, [None], _Budget(limits or Limits()))
    return tables


def _read(data: bytes, file: str, limits: Limits, spreadsheet: bool) -> tuple[Document | None, list[Problem]]:
    kind = "OpenDocument 表格（.ods）" if spreadsheet else "OpenDocument 文档（.odt）"
    problem = check_zip(data, file, limits, kind)
    if problem is not None:
        return None, [problem]
    too_many = odf_problem(data, limits)
    if too_many is not None:
        return None, [Problem(Source(file), f"{kind}{too_many}")]
    try:
        tables = read_ods_tables(data, file, limits) if spreadsheet else read_odt_tables(data, file, limits)
    except TooLarge as exc:
        return None, [Problem(Source(file), f"{kind}过大：{exc}；未读取")]
    except Exception as exc:  # odfpy raises many kinds on a broken package
        return None, [Problem(Source(file), f"{kind}文件已损坏，无法读取（{type(exc).__name__}）")]
    if not tables:
        what = "内容" if spreadsheet else "表格"
        return None, [Problem(Source(file), f"{kind}中没有{what}，没有找到绩效目标表")]
    return traditional.interpret_either_script(tables, file, interpret_tables)


def read_ods(data: bytes, file: str, limits: Limits) -> tuple[Document | None, list[Problem]]:
    return _read(data, file, limits, spreadsheet=True)


def read_odt(data: bytes, file: str, limits: Limits) -> tuple[Document | None, list[Problem]]:
    return _read(data, file, limits, spreadsheet=False)
