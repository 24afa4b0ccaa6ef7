"""The library as a workbook a bureau can publish (指标库.xlsx)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from perfbudget.steps import Steps, quiet_steps

HEADERS = ("编号", "指标名称", "一级指标", "二级指标", "指标数", "单位数", "计量单位", "方向", "最小值", "p25",
           "中位数", "p75", "最大值", "定性指标占比", "包含的名称")
DIRECTIONS = {"positive": "正向", "reverse": "反向", "exact": "等于"}


def _safe(value: Any) -> Any:
    """Text that a spreadsheet would take for a formula is kept as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _number(value: Any) -> Any:
    """A target statistic (a decimal string) as a number cell, so the workbook can calculate."""
    try:
        return Decimal(value) if isinstance(value, str) and value else value
    except InvalidOperation:
        return value


# (least, most) width of each column in Excel units (print_layout): text as wide as its text up to the most, then
# wrapped; numbers exactly as wide as their widest (a number narrower than its column prints as ###). Until print15
# the columns were fixed at 198 units and the 指标库 printed at 5.9 pt on A4 landscape.
_TEXT_RANGES = {1: (12.0, 24.0), 2: (10.0, 12.0), 3: (10.0, 16.0), 6: (8.0, 10.0), 14: (16.0, 40.0)}
_NUMBER_COLUMNS = (0, 4, 5, 8, 9, 10, 11, 12, 13)
# Every cell's font, as the other workbooks name it (writers/list_xlsx.py): 宋体, charset 134 (GB2312), which a Chinese
# Excel, WPS and Word on Windows have and LibreOffice replaces by its CJK font; 11 pt (the size the cells had), so that
# the 15 columns fitted to one landscape page still print at 7.5 pt or more. Until print26 the cells named no font:
# openpyxl's Calibri 11, whose CJK fallback each program chose as it pleased, and rows sized for 宋体 printed in
# another width.
FONT = "宋体"
FONT_POINTS = 11.0


def _widths(rows: list[list[Any]]) -> list[float]:
    from perfbudget.writers.print_layout import content_widths, text_width

    ranges = []
    for col, header in enumerate(HEADERS):
        if col in _NUMBER_COLUMNS:
            widest = max([text_width(str(row[col])) + 2 for row in rows if row[col] not in (None, "")], default=6.0)
            ranges.append((max(6.0, widest), max(6.0, widest)))
        else:
            ranges.append(_TEXT_RANGES.get(col, (text_width(header) + 2, text_width(header) + 2)))
    return content_widths(([str(v) if v is not None else "" for v in row] for row in rows), ranges)


def write_xlsx(groups: list[dict[str, Any]], path: Path | IO[bytes], steps: Steps = quiet_steps) -> None:
    """One sheet, printed A4 landscape one page wide with the header row on every page, at a readable size; ``steps``
    told 排版 a group at a time, then 保存文件."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from perfbudget.writers.print_layout import (
        LINE_POINTS,
        MAX_ROW_POINTS,
        PAD_POINTS,
        XLSX_FONT,
        lines_needed,
        xlsx_page_number,
        xlsx_page_setup,
        xlsx_workbook,
    )

    book = xlsx_workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "指标库"
    sheet.append(HEADERS)
    rows = []
    for g in groups:
        t = g["targets"]
        rows.append([_safe(v) for v in (
            g["id"], g["name"], g["level1"], g["level2"], g["count"], g["units"], g["measure_unit"] or "",
            DIRECTIONS.get(g["direction"] or "", ""), *map(_number, (t["min"], t["p25"], t["p50"], t["p75"], t["max"],
                                                                     g["qualitative_share"])),
            "、".join(g["names"]))])
        sheet.append(rows[-1])
    widths = _widths(rows)
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    plain = Font(name=FONT, size=FONT_POINTS, charset=134)
    bold = Font(name=FONT, size=FONT_POINTS, bold=True, charset=134)
    scale = FONT_POINTS / 10.5  # a line of 11 pt is that much taller than one of 10.5 (LINE_POINTS)
    line = Side(style="thin", color="999999")
    border, grey = Border(left=line, right=line, top=line, bottom=line), PatternFill("solid", fgColor="DDDDDD")
    header_alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    body_alignment = Alignment(wrap_text=True, vertical="top")
    for number, row in enumerate([list(HEADERS), *rows], 1):
        for cell in sheet[number]:  # a grid as the list exports print it: bordered, the header row grey and bold
            cell.font, cell.border = (bold if number == 1 else plain), border
            cell.alignment = header_alignment if number == 1 else body_alignment
            if number == 1:
                cell.fill = grey
        lines = max(lines_needed(str(value) if value is not None else "", width)
                    for value, width in zip(row, widths, strict=True))
        sheet.row_dimensions[number].height = min(MAX_ROW_POINTS, lines * LINE_POINTS * scale + PAD_POINTS)
        steps("排版", number - 1, len(rows))
    sheet.freeze_panes = "A2"
    xlsx_page_setup(sheet, widths, title_rows="1:1", sign_footer=False)
    xlsx_page_number(sheet)
    sheet.oddHeader.center.font = XLSX_FONT  # (it named none: the default font's, print30)
    # what the pages are, at the top of every one: printed, the workbook said 「指标库」 nowhere (its sheet's name is
    # not printed), each page beginning with the header row (print25)
    sheet.oddHeader.center.text = f"指标库（共 {len(groups)} 组指标）"
    sheet.oddHeader.center.size = 9
    steps("保存文件", 0, None)
    book.save(path)
