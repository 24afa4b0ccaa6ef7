"""The library as a workbook a bureau can publish (指标库.xlsx)."""

from __future__ import annotations

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


def write_xlsx(groups: list[dict[str, Any]], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

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
            DIRECTIONS.get(g["direction"] or "", ""), t["min"], t["p25"], t["p50"], t["p75"], t["max"],
            g["qualitative_share"], "、".join(g["names"]))])
    widths = (6, 28, 12, 16, 8, 8, 10, 8, 10, 10, 10, 10, 10, 12, 60)
    for column, width in zip("ABCDEFGHIJKLMNO", widths, strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    book.save(path)
