"""A workbook of one indicator a row, each row's value under a number format of its own (the number format attacks'
shared setup: attack32, attack33)."""

from __future__ import annotations

import io


def workbook_of_formats(formats: list[str], value: object) -> bytes:
    """An .xlsx of a project and one indicator a format, its value ``value`` shown under that format."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["项目名称", "测试项目"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    for row, fmt in enumerate(formats, 3):
        sheet.append(["产出指标", "数量指标", f"第{row}期培训人数"])
        sheet.cell(row=row, column=4, value=value).number_format = fmt
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
