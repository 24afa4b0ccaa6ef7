"""The 项目支出绩效自评表 as xlsx (openpyxl): one sheet per project in the standard layout
(:mod:`perfbudget.writers.evaluation_layout`) with the scoring explanations under the table,
then a 汇总 sheet. The workbook opens on the first project's 自评表.

Print-ready: numbers and percentages are numeric cells with number formats (分值 and 得分
``0.00``, 执行率 ``0.00%``, money as many decimals as the amount has), so SUM works and no
"number stored as text" marks appear; A4 in the orientation that fits, one page wide, the
indicator header row repeated on every page, row heights for the wrapped text, and the
填报人/审核人/日期 footer (:mod:`perfbudget.writers.print_layout`). Font 宋体 (charset GB2312)
so that Excel and WPS show the Chinese right.
"""

from __future__ import annotations

import io

from perfbudget.evaluate.result import Evaluation
from perfbudget.writers.cell_safety import text_only
from perfbudget.writers.evaluation_layout import COLUMNS, WIDTHS, Grid, project_grid, summary_values
from perfbudget.writers.print_layout import LONG_SPAN, lines_needed, row_heights, xlsx_merge, xlsx_page_setup

FONT = "宋体"
INDICATOR_HEADER_ROW = 12  # 1-based: the 一级指标 … 偏差原因分析 header row of every project sheet


def evaluation_xlsx(evaluation: Evaluation, original: bool = False) -> bytes:
    """The 自评表 workbook; ``original`` keeps the targets as typed."""
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
    first_sheet = workbook.active
    assert first_sheet is not None

    def write(grid: Grid, index: int) -> None:
        sheet = first_sheet if index == 0 else workbook.create_sheet(grid.sheet_name)
        sheet.title = grid.sheet_name
        widths = [float(w) for w in WIDTHS]
        for column, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        for cell in grid.cells:
            target = sheet.cell(cell.row + 1, cell.col + 1)
            if cell.value is not None:
                target.value = cell.value
                target.number_format = cell.number_format or "0.00"
            else:
                target.value = cell.text or None
                if cell.text:
                    target.data_type = "s"
            target.font = fonts.get(cell.kind, body)
            centred = cell.kind in ("title", "subtitle", "header", "label", "number", "total")
            # centred in a range that crosses a page, the text would be printed between the pages (cut)
            target.alignment = Alignment(horizontal="center" if centred else "left", wrap_text=True,
                                         vertical="top" if cell.rowspan > LONG_SPAN else "center")
            if cell.kind == "header":
                target.fill = header_fill
            if cell.rowspan > 1 or cell.colspan > 1:
                xlsx_merge(sheet, cell.row + 1, cell.col + 1, cell.row + cell.rowspan, cell.col + cell.colspan)
            if cell.kind not in ("title", "subtitle"):
                for r in range(cell.row + 1, cell.row + cell.rowspan + 1):
                    for c in range(cell.col + 1, cell.col + cell.colspan + 1):
                        sheet.cell(r, c).border = border
        sized = [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in grid.cells if c.kind != "title"]
        for row, height in enumerate(row_heights(sized, widths, grid.rows), 1):
            sheet.row_dimensions[row].height = height
        sheet.row_dimensions[1].height = 28
        row = grid.rows + 2
        sheet.cell(row, 1, "计分说明").font = fonts["label"]
        for line in grid.explanations:
            row += 1
            cell = sheet.cell(row, 1, line)
            cell.data_type = "s"
            cell.font = body
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            xlsx_merge(sheet, row, 1, row, COLUMNS)
            sheet.row_dimensions[row].height = 14.5 * lines_needed(line, sum(widths)) + 4
        xlsx_page_setup(sheet, widths, title_rows=f"{INDICATOR_HEADER_ROW}:{INDICATOR_HEADER_ROW}")

    for index, project in enumerate(evaluation.projects):
        write(project_grid(evaluation, project, original), index)
    summary = workbook.create_sheet("汇总") if evaluation.projects else first_sheet
    summary.title = "汇总"
    headers = ["序号", "项目名称", "预算执行率得分", "总分", "自评等级"]
    summary.append(headers)
    for seq, name, execution, total, grade in summary_values(evaluation):
        summary.append([seq, name, execution, total, grade])
    for row in summary.iter_rows():
        for cell in row:
            cell.font = fonts["header"] if cell.row == 1 else body
            cell.border = border
            cell.alignment = Alignment(vertical="center", wrap_text=True,
                                       horizontal="left" if cell.column == 2 and cell.row > 1 else "center")
            if cell.row > 1 and cell.column in (3, 4):
                cell.number_format = "0.00"
            elif cell.row > 1 and cell.column == 2:
                cell.data_type = "s"
    names = [len(p.name_cell or p.name) for p in evaluation.projects] or [10]
    summary_widths = [6.0, min(60.0, max(20.0, 2.0 * max(names) + 2)), 16.0, 10.0, 10.0]
    for letter, width in zip("ABCDE", summary_widths, strict=True):
        summary.column_dimensions[letter].width = width
    for row_number in range(2, summary.max_row + 1):
        name = str(summary.cell(row_number, 2).value or "")
        summary.row_dimensions[row_number].height = 14.5 * lines_needed(name, summary_widths[1]) + 5
    xlsx_page_setup(summary, summary_widths, title_rows="1:1")
    workbook.active = 0
    buffer = io.BytesIO()
    text_only(workbook)  # no user text is ever a formula (writers/cell_safety.py)
    workbook.save(buffer)
    return buffer.getvalue()
