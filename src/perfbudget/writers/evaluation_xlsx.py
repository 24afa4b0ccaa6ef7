"""The 项目支出绩效自评表 as xlsx (openpyxl): a 汇总 sheet, then one sheet per project in the
standard layout (:mod:`perfbudget.writers.evaluation_layout`) with the scoring explanations
under the table. Font 宋体 (charset GB2312) so that Excel and WPS show the Chinese right.
"""

from __future__ import annotations

import io

from perfbudget.evaluate.result import Evaluation
from perfbudget.writers.cell_safety import text_only
from perfbudget.writers.evaluation_layout import COLUMNS, WIDTHS, Grid, project_grid, summary_rows

FONT = "宋体"


def evaluation_xlsx(evaluation: Evaluation) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fonts = {
        "title": Font(name=FONT, size=16, bold=True, charset=134),
        "subtitle": Font(name=FONT, size=11, charset=134),
        "header": Font(name=FONT, size=10.5, bold=True, charset=134),
        "label": Font(name=FONT, size=10.5, bold=True, charset=134),
        "total": Font(name=FONT, size=10.5, bold=True, charset=134),
    }
    body = Font(name=FONT, size=10.5, charset=134)
    header_fill = PatternFill("solid", fgColor="F2F2F2")
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "汇总"
    summary.append(["序号", "项目名称", "预算执行率得分", "总分", "自评等级"])
    for row in summary_rows(evaluation):
        summary.append(list(row))
    for row in summary.iter_rows():
        for cell in row:
            cell.font = fonts["header"] if cell.row == 1 else body
            cell.border = border
    for letter, width in zip("ABCDE", (6, 44, 14, 10, 10), strict=True):
        summary.column_dimensions[letter].width = width

    def write(grid: Grid) -> None:
        sheet = workbook.create_sheet(grid.sheet_name)
        for index, width in enumerate(WIDTHS, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for cell in grid.cells:
            target = sheet.cell(cell.row + 1, cell.col + 1, cell.text or None)
            target.font = fonts.get(cell.kind, body)
            centred = cell.kind in ("title", "subtitle", "header", "label", "number", "total")
            target.alignment = Alignment(horizontal="center" if centred else "left", vertical="center",
                                         wrap_text=True)
            if cell.kind == "header":
                target.fill = header_fill
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(start_row=cell.row + 1, start_column=cell.col + 1,
                                  end_row=cell.row + cell.rowspan, end_column=cell.col + cell.colspan)
            if cell.kind not in ("title", "subtitle"):
                for r in range(cell.row + 1, cell.row + cell.rowspan + 1):
                    for c in range(cell.col + 1, cell.col + cell.colspan + 1):
                        sheet.cell(r, c).border = border
        sheet.row_dimensions[1].height = 28
        row = grid.rows + 2
        sheet.cell(row, 1, "计分说明").font = fonts["label"]
        for line in grid.explanations:
            row += 1
            cell = sheet.cell(row, 1, line)
            cell.font = body
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=COLUMNS)
            sheet.row_dimensions[row].height = 15 * max(1, len(line) // 60 + 1)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToHeight = 0

    for project in evaluation.projects:
        write(project_grid(evaluation, project))
    buffer = io.BytesIO()
    text_only(workbook)  # no user text is ever a formula (writers/cell_safety.py)
    workbook.save(buffer)
    return buffer.getvalue()
