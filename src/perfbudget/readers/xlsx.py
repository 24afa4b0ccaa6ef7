"""Reader for Excel workbooks (.xlsx, also as saved by WPS), with openpyxl in read-only mode.

Each sheet is read row by row (``read_only=True``: the sheet is streamed, not
loaded as objects). A merged range keeps its value in its top-left cell and the
others are empty, which is how the interpretation expects merged cells, so no
merge information is needed. Several tables in one sheet are split at their
heading rows (a row whose only cell reads ``…绩效目标表``) and at each new header
block (项目名称 after indicators). Numbers are shown as Excel shows them: the
cell's number format decides the decimals (``0.00`` → ``17.00``) and percentages.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Source
from perfbudget.readers.container import check_zip
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.stream import HEADING

_DECIMALS = re.compile(r"0\.(0+)")


def cell_text(value: Any, number_format: str | None) -> str:
    """A cell's value as the text Excel displays for the common formats."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        fmt = number_format or "General"
        number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
        percent = "%" in fmt
        if percent:
            number *= 100
        decimals = _DECIMALS.search(fmt)
        if decimals:
            number = number.quantize(Decimal(1).scaleb(-len(decimals.group(1))))
        elif number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        text = format(number.normalize() if not decimals and number != 0 else number, "f")
        return text + ("%" if percent else "")
    return str(value)


def _sheet_tables(ws: Any, title: str, file: str) -> list[RawTable]:
    tables: list[RawTable] = []
    current: RawTable | None = None
    heading: str | None = None
    for r, row in enumerate(ws.iter_rows(), 1):
        cells = []
        for c, cell in enumerate(row, 1):
            value = getattr(cell, "value", None)
            text = cell_text(value, getattr(cell, "number_format", None)) if value is not None else ""
            cells.append(Cell(text, Source(file, sheet=title, row=r, column=c)))
        while cells and cells[-1].blank:
            cells.pop()
        filled = [c for c in cells if not c.blank]
        if not filled:
            continue
        if len(filled) == 1 and HEADING.search(filled[0].text) and not filled[0].text.startswith(("项目", "单位")):
            heading, current = filled[0].text.strip(), None
            continue
        if current is None:
            current = RawTable(heading, Source(file, sheet=title, row=r), certain=True)
            tables.append(current)
            heading = None
        current.rows.append(cells)
    return tables


def read_xlsx_tables(data: bytes, file: str) -> list[RawTable]:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        tables: list[RawTable] = []
        for ws in workbook.worksheets:
            tables.extend(_sheet_tables(ws, ws.title, file))
        return tables
    finally:
        workbook.close()


def read_xlsx(data: bytes, file: str, limits: Limits) -> tuple[Document | None, list[Problem]]:
    problem = check_zip(data, file, limits, "Excel ")
    if problem is not None:
        return None, [problem]
    try:
        tables = read_xlsx_tables(data, file)
    except Exception as exc:  # openpyxl raises many kinds on a broken package
        return None, [Problem(Source(file), f"Excel 文件已损坏，无法读取（{type(exc).__name__}）")]
    if not tables:
        return None, [Problem(Source(file), "Excel 文件中没有内容，没有找到绩效目标表")]
    return interpret_tables(tables, file)
