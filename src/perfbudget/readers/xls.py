"""Reader for Excel 97-2003 workbooks (.xls, also WPS spreadsheets .et), with xlrd.

xlrd reads the BIFF records with their cell formats (``formatting_info=True``), so numbers
are shown as Excel shows them, like the xlsx reader (``0.00`` → ``17.00``, ``0%`` → ``86%``,
dates as dates). A merged range keeps its value in its top-left cell; a value under a merged cell (another cell
of the range, xlrd's ``merged_cells``) is settled as in .xlsx (``xlsx_merged``: read as the range's where its
top-left cell is empty, else told and not read; blanked without a word until forms37). The rows then go through
the xlsx reader's sheet splitting (headings, several tables per sheet) and the one interpretation.

python-calamine reads .xls faster but gives bare values without their formats
(``17.0`` for ``17.00``); see bench/formats.py and docs/formats.md.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Source
from perfbudget.readers import traditional
from perfbudget.readers.biff_bounds import biff_problem, workbook_stream
from perfbudget.readers.bounds import Budget, LimitExceeded
from perfbudget.readers.grid import RawTable
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.number_shape import format_problem
from perfbudget.readers.sheet_print_areas import xls_printed_columns
from perfbudget.readers.xlsx import _sheet_tables, without_instruction_sheets
from perfbudget.readers.xlsx_formulas import unvalued_problems
from perfbudget.readers.xlsx_hidden import Hiding, hidden_sheet_problem, told
from perfbudget.readers.xlsx_merged import MergedValues, covered_map, merged_down
from perfbudget.readers.xlsx_print_area import unprinted_columns

MAX_MERGED_CELLS = 1_000_000  # a 1,000-table sheet has about 120,000 merged cells
_EMPTY, _TEXT, _NUMBER, _DATE, _BOOLEAN, _ERROR, _BLANK = range(7)  # xlrd's XL_CELL_* types


class _Shown:
    """One cell as the xlsx reader's sheet splitting wants it: a value and its number format."""

    __slots__ = ("data_type", "number_format", "value")

    def __init__(self, value: Any, number_format: str | None = None, data_type: str | None = None) -> None:
        self.value = value
        self.number_format = number_format
        self.data_type = data_type  # "e": a formula's error value (#NAME?), openpyxl's word for it


_NOTHING = _Shown(None)


class TooLarge(Exception):
    """The merged ranges cover more cells than any real table."""


def _covered_with_content(sheet: Any) -> dict[tuple[int, int], tuple[int, int]]:
    """Cells inside a merged range, other than its top-left one, that hold something (normally none), each with its
    range's top-left cell, all 1-based (for ``xlsx_merged.MergedValues``).

    Ranges are clipped to the cells the sheet has; a file whose ranges cover more than
    :data:`MAX_MERGED_CELLS` cells in all is refused (a hostile file could claim millions).
    """
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    ranges = []
    area = 0
    for rlo, rhi, clo, chi in sheet.merged_cells:
        rhi, chi = min(rhi, sheet.nrows), min(chi, sheet.ncols)
        if rhi > rlo and chi > clo:
            area += (rhi - rlo) * (chi - clo)
            ranges.append((rlo, rhi, clo, chi))
    if area > MAX_MERGED_CELLS:
        raise TooLarge(f"合并单元格覆盖超过 {MAX_MERGED_CELLS:,} 个单元格")
    for rlo, rhi, clo, chi in ranges:
        for r in range(rlo, rhi):
            kinds = sheet.row_types(r)
            covered.update(((r + 1, c + 1), (rlo + 1, clo + 1)) for c in range(clo, min(chi, len(kinds)))
                           if kinds[c] not in (_EMPTY, _BLANK) and (r, c) != (rlo, clo))
    return covered


class _Sheet:
    """An xlrd sheet seen as a stream of rows of :class:`_Shown` cells (openpyxl's ``iter_rows`` shape)."""

    def __init__(self, book: Any, sheet: Any, settled: bool = False) -> None:
        """``settled``: the covered cells' values are given as they stand, for ``xlsx_merged.MergedValues`` to settle
        (read as their range's, or told); else they are blank (a hidden sheet's, told as a whole)."""
        self.book = book
        self.sheet = sheet
        self.merged = _covered_with_content(sheet)
        self.covered = frozenset() if settled else frozenset((r - 1, c - 1) for r, c in self.merged)

    def reset_dimensions(self) -> None:
        """Rows are as long as their last cell already (``ragged_rows``)."""

    def _format(self, r: int, c: int) -> str | None:
        book = self.book
        xf = book.xf_list[self.sheet.cell_xf_index(r, c)]
        fmt = book.format_map.get(xf.format_key)
        return fmt.format_str if fmt is not None else None

    def _shown(self, r: int, c: int, kind: int, value: Any) -> _Shown:
        import xlrd

        if kind == _TEXT:
            return _Shown(value)
        if kind == _NUMBER:
            return _Shown(value, self._format(r, c))
        if kind == _DATE:
            try:
                return _Shown(xlrd.xldate.xldate_as_datetime(value, self.book.datemode), self._format(r, c))
            except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                return _Shown(value, self._format(r, c))
        if kind == _BOOLEAN:
            return _Shown(bool(value))
        if kind == _ERROR:
            return _Shown(xlrd.error_text_from_code.get(value, "#ERR"), None, "e")
        return _NOTHING

    def iter_rows(self) -> Iterator[list[_Shown]]:
        sheet, covered = self.sheet, self.covered
        for r in range(sheet.nrows):
            kinds = sheet.row_types(r)
            values = sheet.row_values(r)
            row = []
            for c, kind in enumerate(kinds):
                if kind in (_EMPTY, _BLANK) or (covered and (r, c) in covered):
                    row.append(_NOTHING)
                else:
                    row.append(self._shown(r, c, kind, values[c]))
            yield row


def _hiding(sheet: Any) -> Hiding:
    """The sheet's hidden columns (``colinfo_map``, 1-based) and where a merged range starting in one shows its value
    (its first shown column), as ``xlsx_hidden.hidden_columns`` gives them for .xlsx."""
    columns = frozenset(c + 1 for c, info in sheet.colinfo_map.items() if info.hidden)
    if not columns:
        return Hiding()
    shown_at: dict[tuple[int, int], int] = {}
    for rlo, _rhi, clo, chi in sheet.merged_cells:
        if clo + 1 in columns:
            visible = next((c for c in range(clo + 2, chi + 1) if c not in columns), None)
            if visible is not None:
                shown_at[(rlo + 1, clo + 1)] = visible
    return Hiding(columns, shown_at)


def read_xls_tables(data: bytes, file: str, limits: Limits | None = None) -> list[RawTable]:
    """The raw tables of every sheet; past a limit (counted on the records before xlrd parses them, then rows
    per sheet while streaming) :class:`LimitExceeded`."""
    import xlrd

    limits = limits or Limits()
    stream = workbook_stream(data)
    if stream is None or stream[:8] == data[:8]:  # no workbook stream, or one that is a compound file again
        raise xlrd.XLRDError("no workbook stream")
    if (problem := biff_problem(stream, limits)) is not None:
        raise LimitExceeded(problem)
    budget = Budget(limits)
    # the stream xlrd would find in the compound file, the one counted; ragged rows: a row holds only up to its
    # last cell (a hostile file may claim 256 columns everywhere); xlrd's warnings about damaged records go to
    # a buffer, not to standard output
    book = xlrd.open_workbook(file_contents=stream, formatting_info=True, on_demand=True, ragged_rows=True,
                              logfile=io.StringIO())
    try:
        if (long_format := format_problem(fmt.format_str for fmt in book.format_map.values())) is not None:
            raise LimitExceeded(long_format)  # (before any cell is shown with it: attack32)
        tables: list[RawTable] = []
        notes: list[Problem] = []
        unvalued: list[tuple[str, int, int, str]] = []  # formulas whose value is an error, in rows read
        hidden: list[int] = []
        merged_notes: list[Problem] = []  # values under merged cells (xlsx_merged)
        printed = xls_printed_columns(book)  # the columns each sheet's print area covers (sheet_print_areas)
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.visibility:  # hidden (1) or very hidden (2): read only when no sheet shown holds a table
                hidden.append(index)
            else:
                rows = frozenset(r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden)
                spans = {(rlo + 1, clo + 1): chi - clo for rlo, _rhi, clo, chi in sheet.merged_cells if chi - clo > 1}
                rows_of = _Sheet(book, sheet, settled=True)
                down = merged_down((rlo + 1, clo + 1, min(rhi, sheet.nrows), chi) for rlo, rhi, clo, chi
                                   in sheet.merged_cells)
                merged = MergedValues(covered_map(rows_of.merged), file, sheet.name, down, budget.add_cells)
                tables.extend(_sheet_tables(rows_of, sheet.name, file, budget, rows, notes,
                                            unvalued=unvalued, spans=spans, merged=merged,
                                            hiding=_hiding(sheet).and_unprinted(
                                                unprinted_columns(printed.get(index), sheet.ncols))))
                merged_notes += merged.problems
            book.unload_sheet(index)
        for index in hidden:
            sheet = book.sheet_by_index(index)
            shown = _sheet_tables(_Sheet(book, sheet), sheet.name, file, budget)
            book.unload_sheet(index)
            if not tables:
                tables.extend(shown)  # every table on a hidden sheet: read as before
            elif texts := [c.text for table in shown for row in table.rows for c in row if not c.blank]:
                notes.append(hidden_sheet_problem(file, sheet.name, texts, sheet.visibility == 2))
        if tables:
            tables[0].problems.extend([*unvalued_problems(file, unvalued), *told(notes, file), *merged_notes])
        return without_instruction_sheets(tables, file)
    finally:
        book.release_resources()


def read_xls(data: bytes, file: str, limits: Limits) -> tuple[Document | None, list[Problem]]:
    """Read an .xls/.et workbook; a damaged or password-protected one is a clear error."""
    try:
        tables = read_xls_tables(data, file, limits)
    except LimitExceeded as exc:
        return None, [Problem(Source(file), f"Excel {exc}")]
    except TooLarge as exc:
        return None, [Problem(Source(file), f"Excel 文件过大（{exc}），未读取")]
    except Exception as exc:  # xlrd raises XLRDError, struct.error, IndexError … on damaged records
        if "encrypted" in str(exc).lower():
            return None, [Problem(Source(file), "Excel 文件已加密（设置了打开密码），无法读取；请在 Excel/WPS 中"
                                                "取消密码后另存为 .xlsx 再导入")]
        return None, [Problem(Source(file), f"Excel 97-2003 文件（.xls/.et）已损坏，无法读取（{type(exc).__name__}）")]
    if not tables:
        return None, [Problem(Source(file), "Excel 文件中没有内容，没有找到绩效目标表")]
    return traditional.interpret_either_script(tables, file, interpret_tables)
