"""Found by attack15 (2026-12-04); each test failed before its fix.

An Excel 97-2003 workbook (.xls/.et) had no bound at all: xlrd parsed every cell of a sheet (and every shared
string and cell format of the workbook) before a row reached the reader, so a 7.8 MB file of 1,280,000 numbers
cost 18 s of CPU and 440 MB, one at the 50 MB file limit minutes and gigabytes; a sheet named by 3,000
``BOUNDSHEET`` records was parsed 3,000 times. The records are now counted before xlrd opens the file
(``readers/biff_bounds.py``)."""

from __future__ import annotations

import struct

from perfbudget.config import Limits
from perfbudget.load import load_bytes
from tests.security import biff_files as biff

_SMALL = Limits(max_cells=1000, max_rows=200, max_xlsx_styles=100)


def _messages(data: bytes, limits: Limits = _SMALL) -> list[str]:
    result = load_bytes(data, "hostile.xls", limits=limits)
    return [problem.message for problem in result.errors]


def _refused(data: bytes, *words: str, limits: Limits = _SMALL) -> None:
    result = load_bytes(data, "hostile.xls", limits=limits)
    assert result.document is None
    message = result.errors[0].message
    assert message.startswith("Excel "), message
    for word in words:
        assert word in message, message


def test_cells_of_an_xls_are_counted_before_xlrd_parses_them() -> None:
    _refused(biff.workbook(biff.number_rows(20, 100)), "超过 1000 个单元格的上限", "PERFBUDGET_MAX_CELLS")
    # under the bound the sheet is read (a table of numbers only is no 绩效目标表), and counted once
    assert not any("上限" in message for message in _messages(biff.workbook(biff.number_rows(9, 100))))


def test_a_sheet_named_by_many_boundsheet_records_counts_each_time() -> None:
    # xlrd parses the sheet once for each record naming it: 30 × 100 cells
    assert not any("上限" in m for m in _messages(biff.workbook(biff.number_rows(1, 100))))
    _refused(biff.workbook(biff.number_rows(1, 100), sheets=30), "超过 1000 个单元格的上限")


def test_cells_hidden_inside_another_record_are_counted_where_xlrd_reads_them() -> None:
    # the sheet's BOF lies inside the body of an unknown record of the linear walk; xlrd starts at the offset
    sheet = biff.number_rows(20, 100)
    hidden = biff.record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0)) + sheet[:8000]
    wrapper = struct.pack("<HH", 0x0999, len(hidden))  # an unknown record holding the sheet's first records
    head = biff.globals_records()
    offset = len(head) + 13 + 4 + len(wrapper)
    head += biff.record(0x0085, struct.pack("<IBBBB", offset, 0, 0, 1, 0) + b"S") + biff.record(0x000A)
    data = biff.compound_file("Workbook", head + wrapper + hidden + biff.record(0x000A))
    _refused(data, "超过 1000 个单元格的上限")


def test_rows_records_and_cell_formats_of_an_xls_are_bounded() -> None:
    _refused(biff.workbook(biff.number_rows(300, 1)), "行的上限", "PERFBUDGET_MAX_ROWS")
    _refused(biff.workbook(biff.record(0x0999) * 4000), "超过 3000 条记录的上限", "PERFBUDGET_MAX_CELLS")
    _refused(biff.workbook(b"", styles=150), "超过 100 条单元格格式记录的上限", "PERFBUDGET_MAX_XLSX_STYLES")


def test_sheets_of_an_xls_are_bounded_as_the_parts_of_an_xlsx() -> None:
    # 140,000 BOUNDSHEET records naming an empty sheet: 3.1 s of CPU and 474 MB before 「没有内容」
    limits = Limits(max_cells=1000, max_zip_parts=50)
    _refused(biff.workbook(b"", sheets=60), "60 个工作表，超过 50 个的上限", "PERFBUDGET_MAX_ZIP_PARTS", limits=limits)
    assert "上限" not in _messages(biff.workbook(b"", sheets=50), limits)[0]


def test_defined_names_of_an_xls_are_bounded_as_its_sheets() -> None:
    # 300,000 NAME records (7.7 MB): 3.2 s of CPU and 521 MB before 「没有内容」
    def name(n: int) -> bytes:
        text = f"N{n}".encode()
        return biff.record(0x0018, struct.pack("<HBBHHH", 0, 0, len(text), 0, 0, 0) + b"\0" * 4 + b"\0" + text)

    limits = Limits(max_cells=1000, max_zip_parts=50)
    _refused(biff.workbook(b"", more_globals=b"".join(name(n) for n in range(60))), "超过 50 个定义的名称的上限",
             "PERFBUDGET_MAX_ZIP_PARTS", limits=limits)
    assert "上限" not in _messages(biff.workbook(b"", more_globals=b"".join(name(n) for n in range(40))), limits)[0]


def test_shared_strings_claimed_past_the_cell_bound_are_refused() -> None:
    # xlrd loops over the SST record's own count of strings
    sst = biff.record(0x00FC, struct.pack("<ii", 5000, 5000) + b"\x01\x00\x00x" * 1000)
    head = biff.globals_records() + sst
    offset = len(head) + 13 + 4
    head += biff.record(0x0085, struct.pack("<IBBBB", offset, 0, 0, 1, 0) + b"S") + biff.record(0x000A)
    data = biff.compound_file("Workbook", head + biff.record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB,
                                                                               0x07CC, 0, 0)) + biff.record(0x000A))
    _refused(data, "超过 1000 个单元格的上限")


def test_a_text_cell_of_an_xls_under_every_bound_keeps_its_place() -> None:
    rows = biff.text_cell(0, 0, "项目名称") + biff.text_cell(0, 1, "测试项目")
    result = load_bytes(biff.workbook(rows), "one.xls", limits=_SMALL)
    assert result.errors and "上限" not in result.errors[0].message


# Text: the general path bounded its lines (attack11) but not the cells of a line, and the layout detectors
# split whole lines into cells: 22,000 lines of 1,000 tab cells (44 MB) took over 30 s of CPU and 5 GB, one line
# of 22,000,000 ``a<TAB>`` (44 MB) over 30 s before 「没有找到…」.

def _text_refused(text: str, *words: str) -> None:
    result = load_bytes(text.encode("utf-8"), "wide.txt", limits=_SMALL)
    assert result.document is None
    message = result.errors[0].message
    for word in ("文本超过 1000 个单元格的上限", "PERFBUDGET_MAX_CELLS", *words):
        assert word in message, message


def test_wide_lines_of_a_text_are_bounded_by_their_cells() -> None:
    _text_refused(("甲\t" * 100 + "\n") * 30)  # 30 lines, far under the line bound
    _text_refused(("甲 | " * 100 + "\n") * 30)


def test_one_line_of_many_cells_is_refused_before_the_layout_detectors_split_it() -> None:
    _text_refused("甲\t" * 2_000)
    _text_refused("甲 | " * 2_000)
    _text_refused("项目名称 （" + " 甲" * 2_000)


def test_space_cells_behind_an_unclosed_parenthesis_are_one_cell() -> None:
    # split_spaces joined each token onto its cell (quadratic: 2.2 MB took 21 s); the same cells now
    from perfbudget.readers.text_layouts import split_spaces

    assert split_spaces("项目名称 （ 甲 乙） 丙  丁") == ["项目名称", "（甲乙）", "丙", "丁"]
    assert split_spaces("指标（" + " 甲" * 5) == ["指标（甲甲甲甲甲"]
    assert split_spaces("a) b (c d) e") == ["a)", "b", "(cd)", "e"]
