"""Read a fill-in sheet (CSV or xlsx) into :class:`SheetRow` records, never raising on bad input.

CSV: UTF-8 with or without BOM, GB18030 (as WPS saves it) or UTF-16, decoded by
:func:`perfbudget.readers.decode.decode_bytes`; comma-separated (tab-separated is accepted
when the header row has tabs and no commas). The first non-blank row is the header.

xlsx: the sheet named 自评填报/监控填报, else the first sheet holding a header row (a row
with 项目名称 and 三级指标 in its first 20 rows). Cells typed as numbers are read as the
number the user sees: a cell formatted as percent holding 0.98 reads ``98%``.

A blank 项目名称 repeats the one above (users often leave it blank under a merged cell).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from perfbudget.config import Limits
from perfbudget.evaluate.actuals import SheetRow
from perfbudget.evaluate.vocabulary import (
    COL_ACTUAL,
    COL_LEVEL3,
    COL_LIKELIHOOD,
    COL_PROJECT,
    CONTEXT_COLUMNS,
    EVALUATION_COLUMNS,
    MONITOR_COLUMNS,
    OPTIONAL_COLUMNS,
    canonical_header,
    period_month,
)
from perfbudget.model import Problem, Severity, Source
from perfbudget.readers import read_file
from perfbudget.readers.bounds import Budget, LimitExceeded
from perfbudget.readers.container import check_zip, sheet_cells, xml_problem
from perfbudget.readers.decode import DecodeError, break_problems, decode_bytes
from perfbudget.readers.number_shape import format_problem
from perfbudget.readers.text_lines import first_line_with_text
from perfbudget.writers.cell_safety import csv_unescape

SHEET_NAMES = ("自评填报", "监控填报")
_ZIP_MAGIC = b"PK\x03\x04"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # a line with its ending, as newline="" gives it


def required_columns(kind: str) -> tuple[str, ...]:
    if kind == "monitor":
        return (COL_PROJECT, COL_LEVEL3, COL_ACTUAL, COL_LIKELIHOOD)
    return EVALUATION_COLUMNS


def known_columns(kind: str) -> set[str]:
    return set(EVALUATION_COLUMNS) | set(MONITOR_COLUMNS) | set(OPTIONAL_COLUMNS) | set(CONTEXT_COLUMNS)


def _month_problem(source: Source, text: str, month: int | None) -> Problem | None:
    """An error when a monitoring sheet's 「1-M月执行情况」 header or 「1-M月执行数」 row states another month than
    the one monitored (its figures are cumulative to M: read as another month's they give wrong lights)."""
    stated = period_month(text)
    if month is None or stated is None or stated == month:
        return None
    return Problem(source, f"「{text.strip()}」是 1-{stated} 月的执行情况，与监控月份 1-{month} 月不一致："
                           f"请按 1-{month} 月填报（下载 1-{month} 月的填报表），或把监控月份改为 {stated} 月")


def _rows_from_grid(grid: list[tuple[Source, list[str]]], header_at: int, file: str, kind: str,
                    header_source: Source, month: int | None = None) -> tuple[list[SheetRow], list[Problem]]:
    problems: list[Problem] = []
    stated: int | None = None
    if kind == "monitor":
        stated_months = {m for h in grid[header_at][1] if (m := period_month(h)) is not None}
        if month is None and len(stated_months) == 1:  # the header's 「1-M月执行情况」 names the month monitored
            month = stated = stated_months.pop()
        problems += [p for h in grid[header_at][1] if (p := _month_problem(header_source, h, month))]
    headers = [canonical_header(h) for h in grid[header_at][1]]
    missing = [c for c in required_columns(kind) if c not in headers]
    if missing:
        expected = ",".join(required_columns(kind))
        problems.append(Problem(header_source, f"表头缺少列：{'、'.join(missing)}（表头应为：{expected}）"))
        return [], problems
    known = known_columns(kind)
    for header in headers:
        if header and header not in known:
            problems.append(Problem(header_source, f"未知列「{header}」，已忽略", Severity.WARNING))
    seen: set[str] = set()
    for header in headers:
        if header and header in seen:
            problems.append(Problem(header_source, f"列「{header}」重复"))
        seen.add(header)
    rows: list[SheetRow] = []
    last_project = ""
    for source, values in grid[header_at + 1:]:
        if not any(v.strip() for v in values):
            continue
        cells = {h: (csv_unescape(values[i].strip()) if i < len(values) else "") for i, h in enumerate(headers) if h}
        if not cells.get(COL_PROJECT):
            cells[COL_PROJECT] = last_project
        last_project = cells[COL_PROJECT]
        if kind == "monitor" and (wrong := _month_problem(source, cells.get(COL_LEVEL3, ""), month)):
            problems.append(wrong)
        rows.append(SheetRow(source, cells, stated))
    if not rows:
        problems.append(Problem(header_source, "表头下没有数据行"))
    return rows, problems


def read_csv_text(text: str, file: str, kind: str = "evaluation", limits: Limits | None = None,
                  month: int | None = None) -> tuple[list[SheetRow], list[Problem]]:
    """Rows of a CSV fill-in sheet (already decoded); past a row or cell limit, an error. ``month``: the month
    monitored, which a 「1-M月执行情况」 header must agree with."""
    budget = Budget(limits or Limits(), csv=True)
    text = text.lstrip("\ufeff")
    first = first_line_with_text(text)  # the first line that is not blank, the text not split
    delimiter = "\t" if "\t" in first and "," not in first else ","
    try:  # every delimiter may end a cell: a cheap upper bound, checked before parsing
        budget.add_cells(text.count(delimiter) + text.count("\n"))
    except LimitExceeded as exc:
        return [], [Problem(Source(file), str(exc))]
    budget.cells = 0
    reader = csv.reader(_lines(text), delimiter=delimiter)
    grid: list[tuple[Source, list[str]]] = []
    line = 1
    try:
        for record in reader:
            budget.row(len(record), "CSV 文件")
            grid.append((Source(file, line=line), record))
            line = reader.line_num + 1
    except csv.Error as exc:
        return [], [Problem(Source(file, line=line), f"CSV 格式错误：{exc}")]
    except LimitExceeded as exc:
        return [], [Problem(Source(file, line=line), str(exc))]
    header_at = next((i for i, (_, values) in enumerate(grid) if any(v.strip() for v in values)), None)
    if header_at is None:
        return [], [Problem(Source(file), "文件为空")]
    return _rows_from_grid(grid, header_at, file, kind, grid[header_at][0], month)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their endings (``\\r\\n``, ``\\r`` or ``\\n``), one at a time: what
    ``io.StringIO(text, newline="")`` gives, without its copy of the whole text at four bytes a character (a
    43 MB sheet peaked at 429 MB while read until 2026-12-04, now 258 MB; found by attack16)."""
    if text.count("\r") != text.count("\r\n"):  # a lone CR ends a line too (old Mac files): the slower way
        for match in _LINE.finditer(text):
            yield match.group()
        return
    start = 0
    while end := text.find("\n", start) + 1:
        yield text[start:end]
        start = end
    if start < len(text):
        yield text[start:]


def _number_text(value: float | int, number_format: str) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if isinstance(value, float) and len(number.as_tuple().digits) > 15:
        number = Decimal(format(value, ".15g"))  # Excel keeps 15 significant digits
    if "%" in number_format:
        number = number * 100
        text = format(number.normalize(), "f")
        return f"{text}%"
    text = format(number.normalize(), "f") if number != number.to_integral_value() else str(int(number))
    return text


def cell_text(cell: Any) -> str:
    """What the user sees in an xlsx cell, as text."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, int | float):
        return _number_text(value, cell.number_format or "")
    return str(value).strip()


def read_xlsx_bytes(data: bytes, file: str, kind: str = "evaluation", limits: Limits | None = None,
                    month: int | None = None) -> tuple[list[SheetRow], list[Problem]]:
    """Rows of an xlsx fill-in sheet, streamed (openpyxl read-only) and bounded by ``limits``."""
    from openpyxl import load_workbook

    limits = limits or Limits()
    problem = check_zip(data, file, limits, "xlsx ")
    if problem is not None:
        return [], [problem]
    if (too_many := xml_problem(data, limits, workbook=True)) is not None:
        return [], [Problem(Source(file), f"xlsx {too_many}")]
    budget = Budget(limits)
    try:
        budget.add_cells(sheet_cells(data))  # refused before parsing when the sheets hold too many cells
    except LimitExceeded as exc:
        return [], [Problem(Source(file), str(exc))]
    budget.cells = 0
    from perfbudget.readers.xlsx_print_area import long_defined_name

    if (long_name := long_defined_name(data)) is not None:  # (openpyxl's parse of them: the lead's reread)
        return [], [Problem(Source(file), long_name)]
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds on broken files
        return [], [Problem(Source(file), f"无法读取 xlsx 文件：{exc}")]
    try:
        if (long_format := format_problem(getattr(workbook, "_number_formats", ()))) is not None:
            return [], [Problem(Source(file), f"xlsx {long_format}")]  # (read for each cell: attack32)
        sheets = sorted(workbook.worksheets, key=lambda ws: ws.title not in SHEET_NAMES)
        for sheet in sheets:
            found = _sheet_grid(sheet, file, budget)
            if found is not None:
                grid, header_at = found
                return _rows_from_grid(grid, header_at, file, kind, grid[header_at][0], month)
    except LimitExceeded as exc:
        return [], [Problem(Source(file), str(exc))]
    except Exception as exc:  # a damaged sheet part
        return [], [Problem(Source(file), f"无法读取 xlsx 文件：{exc}")]
    finally:
        workbook.close()
    expected = ",".join(required_columns(kind))
    return [], [Problem(Source(file), f"工作簿中没有找到表头行（应含：{expected}）")]


def _sheet_grid(sheet: Any, file: str, budget: Budget) -> tuple[list[tuple[Source, list[str]]], int] | None:
    """The sheet's non-empty rows and the index of its header row, or None without a header."""
    budget.new_sheet()
    sheet.reset_dimensions()  # rows as long as their last cell, not as the (claimed) sheet dimension
    grid: list[tuple[Source, list[str]]] = []
    header_at = None
    for number, row in enumerate(sheet.iter_rows(), 1):
        if not row:
            continue
        budget.row(len(row), f"工作表「{sheet.title}」")
        values = [cell_text(cell) for cell in row]
        grid.append((Source(file, sheet=sheet.title, row=number), values))
        if header_at is None and len(grid) <= 20:
            names = {canonical_header(v) for v in values}
            if COL_PROJECT in names and COL_LEVEL3 in names:
                header_at = len(grid) - 1
        if header_at is None and len(grid) > 20:
            return None  # no header in the first 20 rows: not a fill-in sheet
    return (grid, header_at) if header_at is not None else None


def read_sheet_bytes(data: bytes, file: str, kind: str = "evaluation", limits: Limits | None = None,
                     month: int | None = None) -> tuple[list[SheetRow], list[Problem]]:
    """Rows of a fill-in sheet: xlsx when the bytes are a zip, CSV text otherwise (``month``: the month
    monitored, checked against a 「1-M月执行情况」 header and 「1-M月执行数」 rows)."""
    if data.startswith(_ZIP_MAGIC):
        return read_xlsx_bytes(data, file, kind, limits, month)
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return [], [Problem(Source(file), str(exc))]
    if decoded.breaks:  # a character cut in two: each place an error (a sheet with errors is not scored)
        rows, problems = read_csv_text(decoded.text, file, kind, limits, month)
        return rows, break_problems(decoded, file) + problems
    return read_csv_text(decoded.text, file, kind, limits, month)


def read_sheet(path: str, kind: str = "evaluation", limits: Limits | None = None,
               month: int | None = None) -> tuple[list[SheetRow], list[Problem]]:
    """Rows of a fill-in sheet file; an unreadable file is a problem, not an exception."""
    try:
        limits = limits or Limits.from_env()
    except ValueError as exc:
        return [], [Problem(Source(path), str(exc))]
    data = read_file(path, limits)  # a regular file, read at most to the size limit
    if not isinstance(data, bytes):
        return [], [data]
    return read_sheet_bytes(data, path, kind, limits, month)
