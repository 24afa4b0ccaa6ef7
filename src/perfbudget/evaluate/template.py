"""Fill-in sheets with the targets filled in: CSV (the exact headers) or xlsx (with context).

Evaluation sheet (自评填报): per project a 全年执行数 row (its 分值 cell may set the 预算执行率
points), a 全年预算数 row (the adjusted budget; blank = the table's 预算数) and a 总体目标完成情况
row (年度总体目标 as achieved, shown on the 自评表), then one row per indicator.
Monitor sheet (监控填报): the same rows with the monitoring columns (rules.md §5).
The xlsx form adds read-only context columns (一级指标, 二级指标, 指标值) and a 分值 column
(blank = default split); the sheet is protected except for the cells to fill in, and
choice columns carry drop-down lists. The reader ignores the context columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from perfbudget.evaluate.vocabulary import (
    COL_ACTUAL,
    COL_DEVIATION,
    COL_FORECAST,
    COL_GRADE,
    COL_LEVEL1,
    COL_LEVEL2,
    COL_LEVEL3,
    COL_LIKELIHOOD,
    COL_PROJECT,
    COL_REASON,
    COL_REMARK,
    COL_SCORE,
    COL_TARGET,
    COL_WEIGHT,
    EVALUATION_COLUMNS,
    GRADES,
    LIKELIHOODS,
    MONITOR_COLUMNS,
    REASONS,
    ROW_BUDGET,
    ROW_EXECUTED,
    ROW_GOAL,
)
from perfbudget.model import Document, Kind, Project
from perfbudget.target import format_decimal
from perfbudget.writers.cell_safety import csv_cell, text_only
from perfbudget.writers.print_layout import (
    LINE_POINTS,
    MAX_ROW_POINTS,
    PAD_POINTS,
    content_widths,
    lines_needed,
    xlsx_page_number,
    xlsx_page_setup,
    xlsx_workbook,
)
from perfbudget.writers.stable_zip import stable_zip

KINDS = ("evaluation", "monitor")
FONT = "宋体"

_XLSX_COLUMNS = {
    "evaluation": (COL_PROJECT, COL_LEVEL1, COL_LEVEL2, COL_LEVEL3, COL_TARGET, COL_WEIGHT, COL_ACTUAL,
                   COL_GRADE, COL_SCORE, COL_DEVIATION),
    "monitor": (COL_PROJECT, COL_LEVEL1, COL_LEVEL2, COL_LEVEL3, COL_TARGET, COL_ACTUAL, COL_GRADE,
                COL_LIKELIHOOD, COL_FORECAST, COL_REASON, COL_DEVIATION, COL_REMARK),
}
_FILL_IN = {COL_WEIGHT, COL_ACTUAL, COL_GRADE, COL_SCORE, COL_DEVIATION, COL_LIKELIHOOD, COL_FORECAST,
            COL_REASON, COL_REMARK}
# (least, most) width of each column, in Excel units (print_layout): text columns as wide as their text up to the
# most, wrapped beyond; fill-in columns wide enough to write in by hand. The sheet is kept printable on A4
# landscape at a readable size (print_layout.content_widths): until print15 the columns were fixed at 179 units
# (the 自评 sheet printed at 6.6 pt) and 223 (the monitoring sheet, 4.8 pt), and 二级指标 such as
# 「服务对象满意度指标」 ran under the next column.
_WIDTH_RANGES = {COL_PROJECT: (12, 24), COL_LEVEL1: (10, 12), COL_LEVEL2: (10, 16), COL_LEVEL3: (14, 26),
                 COL_TARGET: (10, 16), COL_WEIGHT: (7, 7), COL_ACTUAL: (12, 12), COL_GRADE: (10, 10),
                 COL_SCORE: (7, 7), COL_DEVIATION: (20, 20), COL_LIKELIHOOD: (10, 10), COL_FORECAST: (12, 12),
                 COL_REASON: (10, 10), COL_REMARK: (10, 10)}


def project_key(project: Project) -> str:
    """What the 项目名称 column holds: the table's 项目名称 cell (name plus fund label)."""
    if project.name_cell:
        return project.name_cell
    return f"{project.name}-{project.fund_label}" if project.fund_label else project.name


def _rows(document: Document, projects: Iterable[Project], kind: str = "evaluation") -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    unit = document.money_unit or ""
    for project in projects:
        key = project_key(project)
        budget = project.budget.total
        budget_text = f"预算数 {format_decimal(budget)}{unit}" if budget is not None else "预算数未注明"
        rows.append({COL_PROJECT: key, COL_LEVEL1: "预算执行", COL_LEVEL2: "", COL_LEVEL3: ROW_EXECUTED,
                     COL_TARGET: budget_text})
        if kind == "evaluation":
            rows.append({COL_PROJECT: key, COL_LEVEL1: "预算执行", COL_LEVEL2: "", COL_LEVEL3: ROW_BUDGET,
                         COL_TARGET: f"年初{budget_text}；调整后填调整后金额，未调整留空"})
            rows.append({COL_PROJECT: key, COL_LEVEL1: "总体目标", COL_LEVEL2: "", COL_LEVEL3: ROW_GOAL,
                         COL_TARGET: "；".join(project.goals)})
        for indicator in project.indicators:
            rows.append({COL_PROJECT: key, COL_LEVEL1: indicator.level1, COL_LEVEL2: indicator.level2,
                         COL_LEVEL3: indicator.level3, COL_TARGET: indicator.target.raw,
                         "_qualitative": "1" if indicator.target.kind is Kind.QUALITATIVE else ""})
    return rows


def template_csv(document: Document, projects: Iterable[Project] | None = None, kind: str = "evaluation") -> str:
    """The CSV fill-in sheet as text (write it as UTF-8 with BOM so that Excel/WPS open it right).

    The evaluation sheet ends with a blank 分值 column: a weight typed there is used (the 全年执行数
    row's sets the 预算执行率 points); blank keeps the default split."""
    columns = (*EVALUATION_COLUMNS, COL_WEIGHT) if kind == "evaluation" else MONITOR_COLUMNS
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in _rows(document, projects if projects is not None else document.projects, kind):
        writer.writerow([csv_cell(row.get(c, "")) for c in columns])
    return buffer.getvalue()


def template_xlsx(document: Document, projects: Iterable[Project] | None = None, kind: str = "evaluation",
                  month: int | None = None) -> bytes:
    """The xlsx fill-in sheet as bytes."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = _XLSX_COLUMNS[kind]
    workbook = xlsx_workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "自评填报" if kind == "evaluation" else "监控填报"
    title = "项目支出绩效自评填报表" if kind == "evaluation" else "项目绩效运行监控填报表"
    unit = document.unit
    heading = f"{title}　{unit.code or ''}{unit.name or ''}　金额单位：{document.money_unit or '万元'}"
    sheet.cell(1, 1, heading)
    sheet.cell(1, 1).font = Font(name=FONT, size=14, bold=True, charset=134)
    if kind == "evaluation":
        hint = ("填写说明：灰色列为指标信息，请勿修改；「全年执行数」行填执行金额；定量指标填实际完成值（可带单位，"
                "如 98%、1.5小时）；时效指标填完成日期（如 2025年9月28日）；定性指标选完成等级，得分可留空"
                "（按等级区间下限计）；「全年预算数」行填调整后预算数（未调整留空）；「总体目标完成情况」行填"
                "年度总体目标实际完成情况；分值留空按默认分配（填写时含预算执行率合计须为 100）。")
    else:
        hint = ("填写说明：实际完成值填 1–M 月累计执行情况；「全年执行数」行填截至本月的执行金额；完成目标可能性必填，"
                "不是「确定能」时须填全年预计完成情况和偏差原因。")
    sheet.cell(2, 1, hint).font = Font(name=FONT, size=10, color="666666", charset=134)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(columns))
    rows = _rows(document, projects if projects is not None else document.projects, kind)
    headers = [f"1-{month}月执行情况" if column == COL_ACTUAL and kind == "monitor" and month else column
               for column in columns]
    widths = content_widths(([str(row.get(column) or "") for column in columns] for row in rows),
                            [_WIDTH_RANGES[column] for column in columns])
    sheet.row_dimensions[1].height = 24
    sheet.row_dimensions[2].height = max(30, lines_needed(hint, sum(widths)) * LINE_POINTS + PAD_POINTS)
    sheet.cell(2, 1).alignment = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    grey = PatternFill("solid", fgColor="EEEEEE")
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    body_font = Font(name=FONT, size=11, charset=134)
    for index, header in enumerate(headers, 1):
        cell = sheet.cell(3, index, header)
        cell.font = Font(name=FONT, size=11, bold=True, charset=134)
        cell.fill = header_fill
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = widths[index - 1]
    sheet.row_dimensions[3].height = max(lines_needed(h, w) for h, w in zip(headers, widths, strict=True)) * \
        LINE_POINTS + PAD_POINTS
    grade_list = DataValidation(type="list", formula1=f'"{",".join(GRADES)}"', allow_blank=True)
    likely_list = DataValidation(type="list", formula1=f'"{",".join(LIKELIHOODS)}"', allow_blank=True)
    reason_list = DataValidation(type="list", formula1=f'"{",".join(REASONS)}"', allow_blank=True,
                                 showErrorMessage=False)
    for validation in (grade_list, likely_list, reason_list):
        sheet.add_data_validation(validation)
    for offset, row in enumerate(rows):
        number = 4 + offset
        special = row[COL_LEVEL3] in (ROW_EXECUTED, ROW_BUDGET, ROW_GOAL)
        special_inputs = (COL_ACTUAL, COL_WEIGHT) if row[COL_LEVEL3] == ROW_EXECUTED else (COL_ACTUAL,)
        for index, column in enumerate(columns, 1):
            cell = sheet.cell(number, index, row.get(column) or None)
            cell.font = body_font
            cell.border = border
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            fill_in = column in _FILL_IN and not (special and column not in special_inputs)
            if fill_in:
                cell.protection = Protection(locked=False)
                cell.number_format = "@"
            else:
                cell.fill = grey
            if column == COL_GRADE and fill_in and (row.get("_qualitative") or kind == "monitor"):
                grade_list.add(cell)
            elif column == COL_LIKELIHOOD and fill_in:
                likely_list.add(cell)
            elif column == COL_REASON and fill_in:
                reason_list.add(cell)
        lines = max(lines_needed(str(row.get(column) or ""), width)
                    for column, width in zip(columns, widths, strict=True))
        if lines > 1:  # wrapped text gets the height it needs (a spreadsheet prints a row as tall as it is set)
            sheet.row_dimensions[number].height = min(MAX_ROW_POINTS, lines * LINE_POINTS + PAD_POINTS)
    sheet.freeze_panes = "E4"
    # A4, one page wide, the header row on every page, and the form's title (row 1) in the top margin of every page
    # after the first (download-cost: the later pages did not say what form they were; the hint in row 2 is too tall
    # to repeat with it, and print titles must be one run of rows)
    xlsx_page_setup(sheet, widths, title_rows="3:3", sign_footer=False, head=heading)
    sheet.HeaderFooter.differentFirst = True  # (the first page has the title in its row 1: no page header)
    xlsx_page_number(sheet)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False
    buffer = io.BytesIO()
    text_only(workbook)  # no user text is ever a formula (writers/cell_safety.py)
    workbook.save(buffer)
    return stable_zip(buffer.getvalue())  # the same bytes from every face (writers/stable_zip.py)
