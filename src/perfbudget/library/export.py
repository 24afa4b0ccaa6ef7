"""The library as a workbook a bureau can publish (指标库.xlsx)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

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


def write_xlsx(groups: list[dict[str, Any]], path: Path) -> None:
    """One sheet, printed A4 landscape one page wide with the header row on every page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from perfbudget.writers.print_layout import xlsx_page_setup

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "指标库"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for g in groups:
        t = g["targets"]
        sheet.append([_safe(v) for v in (
            g["id"], g["name"], g["level1"], g["level2"], g["count"], g["units"], g["measure_unit"] or "",
            DIRECTIONS.get(g["direction"] or "", ""), *map(_number, (t["min"], t["p25"], t["p50"], t["p75"], t["max"],
                                                                     g["qualitative_share"])),
            "、".join(g["names"]))])
    widths = (6, 28, 12, 16, 8, 8, 10, 8, 10, 10, 10, 10, 10, 12, 40)
    for column, width in zip("ABCDEFGHIJKLMNO", widths, strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in (row[1], row[14]):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    xlsx_page_setup(sheet, [float(w) for w in widths], title_rows="1:1", sign_footer=False)
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    book.save(path)
