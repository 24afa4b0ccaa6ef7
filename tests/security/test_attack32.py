"""Round 32's attack (docs/security.md, 「Attacked from outside (attack32)」): each test failed on main 8e80b355."""

from __future__ import annotations

import io
import struct
import time
from decimal import Decimal

from perfbudget.load import load_bytes
from tests.security.biff_files import record, text_cell, workbook

# a format of 20,000 digit placeholders with a literal between each two: 80,001 characters (Excel allows 255)
_LONG_FORMAT = "0" + '"x"0' * 20_000


def _workbook_with_format(fmt: str, value: object, cells: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["项目名称", "测试项目"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    for row in range(3, 3 + cells):
        sheet.append(["产出指标", "数量指标", f"第{row}期培训人数"])
        sheet.cell(row=row, column=4, value=value).number_format = fmt
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_workbook_of_a_number_format_longer_than_excel_allows_is_refused_before_any_cell_is_shown() -> None:
    # forms35's literal point (readers/format_digits.py) read a cell's number format anew for every cell, and its
    # literals went into every cell's text: one format of 80,000 characters used by 2,000 cells (a 42 KB upload)
    # cost 104 s of CPU, 200 cells 10 s. A format longer than Excel's 255 characters refuses the workbook now.
    data = _workbook_with_format(_LONG_FORMAT, 123, 200)
    assert len(data) < 50_000
    started = time.process_time()
    result = load_bytes(data, "目标表.xlsx")
    assert time.process_time() - started < 1.0
    assert result.document is None
    assert [p.message for p in result.problems] == [
        "Excel 文件的自定义数字格式长 80001 个字符，超过 Excel 允许的 255 个字符；未读取"]
    fitting = load_bytes(_workbook_with_format('0!.0000"万元"', 30_000, 2), "目标表.xlsx")
    assert fitting.document is not None
    assert [i.target.raw for i in fitting.document.projects[0].indicators] == ["3.0000万元"] * 2


def test_an_xls_of_a_number_format_longer_than_excel_allows_is_refused_before_any_cell_is_shown() -> None:
    # the .xls reader shows its numbers through the same cell_text: a 52 KB .xls of one format of 8,001
    # characters (a FORMAT record) used by 3,000 cells cost 15.9 s of CPU.
    fmt = "0" + '"x"0' * 2_000
    globals_more = (record(0x041E, struct.pack("<HHB", 164, len(fmt), 0) + fmt.encode("latin-1"))
                    + record(0x00E0, struct.pack("<HHHBBBBIIH", 0, 164, 1, 0x20, 0, 0, 0, 0, 0, 0x20C0)))
    cells = text_cell(0, 0, "项目名称") + text_cell(0, 1, "测试") + b"".join(
        record(0x027E, struct.pack("<HHHI", row, 3, 16, (1 << 2) | 2)) for row in range(1, 3_000))
    started = time.process_time()
    result = load_bytes(workbook(cells, more_globals=globals_more), "目标表.xls")
    assert time.process_time() - started < 1.0
    assert [p.message for p in result.problems] == [
        "Excel 文件的自定义数字格式长 8001 个字符，超过 Excel 允许的 255 个字符；未读取"]


def test_a_fill_in_sheet_of_a_number_format_longer_than_excel_allows_is_refused() -> None:
    from perfbudget.evaluate.sheet import read_xlsx_bytes

    rows, problems = read_xlsx_bytes(_workbook_with_format(_LONG_FORMAT, 95, 3), "自评.xlsx")
    assert rows == []
    assert [p.message for p in problems] == [
        "xlsx 文件的自定义数字格式长 80001 个字符，超过 Excel 允许的 255 个字符；未读取"]


def test_a_number_past_28_digits_is_shown_whole_not_refused_as_a_damaged_workbook() -> None:
    # Decimal's default context (28 digits) made quantize raise for a float of 1E+308 under any format, and for
    # 1.5 under a format of 30 decimal places: the whole workbook was refused as damaged (InvalidOperation).
    from perfbudget.readers.xlsx import cell_text

    assert cell_text(1e308, "0.00") == "1" + "0" * 308 + ".00"
    assert cell_text(1e308, "General") == "1" + "0" * 308
    assert cell_text(10 ** 60, '0!.0000"万元"') == "1" + "0" * 56 + ".0000万元"
    assert cell_text(1.5, "0." + "0" * 30) == "1." + "5" + "0" * 29
    assert cell_text(1.5, "0." + "0" * 200) == "1." + "5" + "0" * 29  # Excel's most: 30 places
    result = load_bytes(_workbook_with_format("0.00", 1e308, 1), "目标表.xlsx")
    assert result.document is not None
    assert result.document.projects[0].indicators[0].target.raw == "1" + "0" * 308 + ".00"
    assert Decimal(cell_text(2.5, "0%").rstrip("%")) == 250
