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
)
from perfbudget.model import Problem, Severity, Source
from perfbudget.readers import file_too_large
from perfbudget.readers.decode import DecodeError, decode_bytes

SHEET_NAMES = ("自评填报", "监控填报")
_ZIP_MAGIC = b"PK\x03\x04"


def required_columns(kind: str) -> tuple[str, ...]:
    if kind == "monitor":
        return (COL_PROJECT, COL_LEVEL3, COL_ACTUAL, COL_LIKELIHOOD)
    return EVALUATION_COLUMNS


def known_columns(kind: str) -> set[str]:
    return set(EVALUATION_COLUMNS) | set(MONITOR_COLUMNS) | set(OPTIONAL_COLUMNS) | set(CONTEXT_COLUMNS)


def _rows_from_grid(grid: list[tuple[Source, list[str]]], header_at: int, file: str, kind: str,
                    header_source: Source) -> tuple[list[SheetRow], list[Problem]]:
    problems: list[Problem] = []
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
        cells = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(headers) if h}
        if not cells.get(COL_PROJECT):
            cells[COL_PROJECT] = last_project
        last_project = cells[COL_PROJECT]
        rows.append(SheetRow(source, cells))
    if not rows:
        problems.append(Problem(header_source, "表头下没有数据行"))
    return rows, problems


def read_csv_text(text: str, file: str, kind: str = "evaluation") -> tuple[list[SheetRow], list[Problem]]:
    """Rows of a CSV fill-in sheet (already decoded)."""
    text = text.lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    grid: list[tuple[Source, list[str]]] = []
    line = 1
    try:
        for record in reader:
            grid.append((Source(file, line=line), record))
            line = reader.line_num + 1
    except csv.Error as exc:
        return [], [Problem(Source(file, line=line), f"CSV 格式错误：{exc}")]
    header_at = next((i for i, (_, values) in enumerate(grid) if any(v.strip() for v in values)), None)
    if header_at is None:
        return [], [Problem(Source(file), "文件为空")]
    return _rows_from_grid(grid, header_at, file, kind, grid[header_at][0])


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


def read_xlsx_bytes(data: bytes, file: str, kind: str = "evaluation",
                    limits: Limits | None = None) -> tuple[list[SheetRow], list[Problem]]:
    """Rows of an xlsx fill-in sheet."""
    import zipfile

    from openpyxl import load_workbook

    limits = limits or Limits()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > limits.max_unzipped_bytes:
            return [], [Problem(Source(file), "xlsx 解压后过大，拒绝读取")]
        workbook = load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds on broken files
        return [], [Problem(Source(file), f"无法读取 xlsx 文件：{exc}")]
    sheets = sorted(workbook.worksheets, key=lambda ws: ws.title not in SHEET_NAMES)
    for sheet in sheets:
        grid: list[tuple[Source, list[str]]] = []
        header_at = None
        for row in sheet.iter_rows():
            if not row:
                continue
            values = [cell_text(cell) for cell in row]
            number = row[0].row
            grid.append((Source(file, sheet=sheet.title, row=number), values))
            if header_at is None and len(grid) <= 20:
                names = {canonical_header(v) for v in values}
                if COL_PROJECT in names and COL_LEVEL3 in names:
                    header_at = len(grid) - 1
        if header_at is not None:
            return _rows_from_grid(grid, header_at, file, kind, grid[header_at][0])
    expected = ",".join(required_columns(kind))
    return [], [Problem(Source(file), f"工作簿中没有找到表头行（应含：{expected}）")]


def read_sheet_bytes(data: bytes, file: str, kind: str = "evaluation",
                     limits: Limits | None = None) -> tuple[list[SheetRow], list[Problem]]:
    """Rows of a fill-in sheet: xlsx when the bytes are a zip, CSV text otherwise."""
    if data.startswith(_ZIP_MAGIC):
        return read_xlsx_bytes(data, file, kind, limits)
    try:
        text = decode_bytes(data).text
    except DecodeError as exc:
        return [], [Problem(Source(file), str(exc))]
    return read_csv_text(text, file, kind)


def read_sheet(path: str, kind: str = "evaluation",
               limits: Limits | None = None) -> tuple[list[SheetRow], list[Problem]]:
    """Rows of a fill-in sheet file; an unreadable file is a problem, not an exception."""
    from pathlib import Path

    try:
        limits = limits or Limits.from_env()
    except ValueError as exc:
        return [], [Problem(Source(path), str(exc))]
    try:
        size = Path(path).stat().st_size
        if size > limits.max_file_bytes:
            return [], [file_too_large(path, size, limits)]
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return [], [Problem(Source(path), "文件不存在")]
    except OSError as exc:
        return [], [Problem(Source(path), f"无法读取文件：{exc.strerror or exc}")]
    return read_sheet_bytes(data, path, kind, limits)
