"""The 项目支出绩效目标表 as an Excel workbook (openpyxl): every project on one sheet, one below the other.

Layout from :mod:`perfbudget.writers.target_table_layout`: a heading row, the table
with merged ranges, a blank row. Money is written as numbers with as many decimals
as the amount has (number format ``0.00``), so Excel can sum it and the reader gets
``17.00`` back; all other cells are text. Font 宋体 (Excel and WPS both show it) with
thin borders and wrapped text.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

from perfbudget.model import Document
from perfbudget.writers.cell_safety import text_only
from perfbudget.writers.target_table_layout import project_grid

FONT = "宋体"
_AMOUNT = re.compile(r"^-?\d+(?:\.\d+)?$")
_WIDTHS = [14, 16, 30, 26, 14, 12, 12]


def _number(text: str) -> tuple[float, str] | None:
    if not _AMOUNT.match(text):
        return None
    value = Decimal(text)
    decimals = max(-value.as_tuple().exponent, 0)  # type: ignore[operator]
    return float(value), "0." + "0" * decimals if decimals else "0"


def target_table_xlsx(document: Document) -> bytes:
    """The document's project tables as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    ws = workbook.active
    ws.title = "绩效目标表" if document.kind != "self-evaluation" else "绩效自评表"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain, bold = Font(name=FONT, size=10.5), Font(name=FONT, size=10.5, bold=True)
    left = Alignment(wrap_text=True, vertical="center")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    row0 = 1
    width = 0
    for project in document.projects:
        grid = project_grid(document, project)
        width = max(width, grid.width)
        if grid.heading:
            cell = ws.cell(row=row0, column=1, value=grid.heading)
            cell.font = Font(name=FONT, size=12, bold=True)
            ws.merge_cells(start_row=row0, start_column=1, end_row=row0, end_column=grid.width)
            row0 += 1
        for r in range(grid.rows):
            for c in range(grid.width):
                ws.cell(row=row0 + r, column=c + 1).border = border
        money_rows = {grid.header_rows - 3} if grid.header_rows >= 3 else set()
        for spec in grid.cells:
            cell = ws.cell(row=row0 + spec.row, column=spec.col + 1)
            number = _number(spec.text) if spec.row in money_rows and spec.col in (2, 4, 6) else None
            if number is not None:
                cell.value, cell.number_format = number
            else:
                cell.value = spec.text or None
                if spec.text:
                    cell.data_type = "s"
            cell.font = bold if spec.bold else plain
            cell.alignment = center if spec.center else left
            if spec.rowspan > 1 or spec.colspan > 1:
                ws.merge_cells(start_row=row0 + spec.row, start_column=spec.col + 1,
                               end_row=row0 + spec.row + spec.rowspan - 1, end_column=spec.col + spec.colspan)
        row0 += grid.rows + 1
    for c in range(max(width, 1)):
        ws.column_dimensions[get_column_letter(c + 1)].width = _WIDTHS[c] if c < len(_WIDTHS) else 14
    buffer = io.BytesIO()
    text_only(workbook)  # no user text is ever a formula (writers/cell_safety.py)
    workbook.save(buffer)
    return buffer.getvalue()
