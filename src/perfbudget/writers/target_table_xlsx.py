"""The 项目支出绩效目标表 as an Excel workbook (openpyxl): one sheet per project, in table order.

Layout from :mod:`perfbudget.writers.target_table_layout`: a heading row, then the table
with merged ranges. Money is written as numbers with as many decimals as the amount has
(number format ``0.00``), so Excel can sum it and the reader gets ``17.00`` back; so are a
funds grid's plain figures, in their column's format (print35); all other cells are text.
Font 宋体 (Excel and WPS both show it) with thin borders and wrapped text.

Print-ready (:mod:`perfbudget.writers.print_layout`): column widths fitted to the Chinese
text, row heights for the wrapped text (资金用途 and 绩效目标 are never cut), A4 in the
orientation that fits, one page wide, the indicator header row repeated on every page of a
long table, the 填报人/审核人/日期 footer. The pages are computed and set as page breaks, and a 一级/二级 label
merged over rows that cross a page is one range a page, its text again on each (print20).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

from perfbudget.model import Document
from perfbudget.steps import Steps, quiet_steps
from perfbudget.vocabulary import DOCUMENT_KIND_LABELS
from perfbudget.writers.cell_safety import text_only
from perfbudget.writers.print_layout import (
    LONG_SPAN,
    fit_widths,
    heading_height,
    row_heights,
    running_head,
    split_at_pages,
    xlsx_merge,
    xlsx_one_page,
    xlsx_page_setup,
    xlsx_page_starts,
    xlsx_readable_one_page,
    xlsx_workbook,
)
from perfbudget.writers.stable_zip import stable_zip
from perfbudget.writers.target_table_layout import project_grid

FONT = "宋体"
_AMOUNT = re.compile(r"^-?\d+(?:\.\d+)?$")
_MIN_WIDTHS = [12, 12, 16, 14, 12, 10, 10]
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _number(text: str) -> tuple[float, str] | None:
    """A plain figure as a number and its format (as many decimals as written), None when the number would not
    show the same text: no figure, a leading zero (「0123」 is a code), more digits than a double holds."""
    if not _AMOUNT.match(text) or re.match(r"^-?0\d", text) or len(re.sub(r"\D", "", text).lstrip("0")) > 15:
        return None
    value = Decimal(text)
    decimals = max(-value.as_tuple().exponent, 0)  # type: ignore[operator]
    return float(value), "0." + "0" * decimals if decimals else "0"


def _sheet_name(seq: int, name: str, taken: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("_", f"{seq}.{name}")[:31]
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base[:27]}({n})"
        n += 1
    taken.add(candidate)
    return candidate


def target_table_xlsx(document: Document, original: bool = False, steps: Steps = quiet_steps) -> bytes:
    """The document's project tables as .xlsx bytes; ``original`` keeps targets as typed."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    workbook = xlsx_workbook()
    first = workbook.active
    assert first is not None
    first.title = DOCUMENT_KIND_LABELS.get(document.kind, "绩效目标表")  # 绩效目标表, 绩效自评表, 绩效监控表
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain, bold = Font(name=FONT, size=10.5, charset=134), Font(name=FONT, size=10.5, bold=True, charset=134)
    left = Alignment(wrap_text=True, vertical="center")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    # centred in a range that crosses a page, the text would be printed between the pages (cut)
    long_center = Alignment(wrap_text=True, vertical="top", horizontal="center")
    taken: set[str] = set()
    for index, project in enumerate(document.projects):
        ws = first if index == 0 else workbook.create_sheet()
        ws.title = _sheet_name(project.seq, project.name, taken)
        grid = project_grid(document, project, original)
        row0 = 1
        if grid.heading:
            cell = ws.cell(row=row0, column=1, value=grid.heading)
            cell.data_type = "s"
            cell.font = Font(name=FONT, size=12, bold=True, charset=134)
            cell.alignment = center
            ws.merge_cells(start_row=row0, start_column=1, end_row=row0, end_column=grid.width)
            row0 += 1
        widths = fit_widths(((s.col, s.colspan, s.text) for s in grid.cells), grid.width,
                            minimum=_MIN_WIDTHS + [10] * max(0, grid.width - len(_MIN_WIDTHS)), maximum=30)
        for c, width in enumerate(widths):
            ws.column_dimensions[get_column_letter(c + 1)].width = width
        heights = row_heights(((s.row, s.col, s.rowspan, s.colspan, s.text) for s in grid.cells), widths, grid.rows)
        for r, height in enumerate(heights):
            ws.row_dimensions[row0 + r].height = height
        lead = 0.0
        if grid.heading:  # as tall as its lines (a heading of three lines — name, form, year — printed one)
            lead = ws.row_dimensions[row0 - 1].height = heading_height(grid.heading, sum(widths))
        # the pages as computed, set as the sheet's page breaks: a 一级/二级 label is drawn again on each; a sheet a
        # little taller than a page is shrunk onto one, as one printing readably on one page (print28: the sample
        # table 14's 16 indicators printed two pages, the second holding three rows)
        one_page = xlsx_one_page(widths, heights, lead) or xlsx_readable_one_page(widths, [lead, *heights])
        starts = [] if one_page else xlsx_page_starts(widths, heights, lead, grid.header_rows)
        for start in starts:
            ws.row_breaks.append(Break(id=row0 + start - 1))
        for r in range(grid.rows):
            for c in range(grid.width):
                ws.cell(row=row0 + r, column=c + 1).border = border
        money_rows = {grid.header_rows - 3} if grid.header_rows >= 3 else set()
        for spec in grid.cells:
            for part_row, part_rows in split_at_pages(spec.row, spec.rowspan, starts):
                cell = ws.cell(row=row0 + part_row, column=spec.col + 1)
                # the money row's amounts, and a funds grid's figures (print35: text cells until then, Excel's
                # 「number stored as text」 marks and no SUM), each column in one format (``_column_figures``)
                money = spec.figure or (spec.row in money_rows and spec.col in (2, 4, 6))
                number = _number(spec.text) if money else None
                if number is not None:
                    cell.value, cell.number_format = number
                else:
                    cell.value = spec.text or None
                    if spec.text:
                        cell.data_type = "s"
                cell.font = bold if spec.bold else plain
                cell.alignment = (long_center if part_rows > LONG_SPAN else center) if spec.center else left
                if part_rows > 1 or spec.colspan > 1:
                    xlsx_merge(ws, row0 + part_row, spec.col + 1, row0 + part_row + part_rows - 1,
                               spec.col + spec.colspan)
        header_row = row0 + grid.header_rows
        unit = document.unit
        xlsx_page_setup(ws, widths, title_rows=f"{header_row}:{header_row}",
                        head=running_head(f"{unit.code or ''}{unit.name or ''}", project.name), one_page=one_page)
        steps("排版", index + 1, len(document.projects))
    workbook.active = 0
    buffer = io.BytesIO()
    text_only(workbook)  # no user text is ever a formula (writers/cell_safety.py)
    steps("保存文件", 0, None)
    workbook.save(buffer)
    return stable_zip(buffer.getvalue())
