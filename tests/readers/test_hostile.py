"""Issue 12, point 1: small hostile files are refused (or read) at bounded cost, with a clear message.

The files are generated (tests/readers/hostile_files.py); timings are measured in
bench/hostile.py, not here. Each test checks that the reader refuses past the right limit
and names the environment variable that sets it, and that a file just under the limit is
still read.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from perfbudget.config import Limits
from perfbudget.evaluate.sheet import read_sheet_bytes
from perfbudget.load import load_bytes
from perfbudget.readers.container import check_zip, inflated_size
from tests.readers import hostile_files as hostile


def _refused(data: bytes, name: str, *words: str, limits: Limits | None = None) -> str:
    result = load_bytes(data, name, limits=limits)
    assert result.document is None
    message = result.errors[0].message
    for word in words:
        assert word in message, message
    return message


def test_pdf_page_with_too_many_lines_is_refused_before_parsing() -> None:
    _refused(hostile.pdf_lines(30_000), "lines.pdf", "绘制的对象超过 20000", "PERFBUDGET_MAX_PDF_PAGE_OBJECTS")


def test_pdf_under_the_object_limit_is_read() -> None:
    result = load_bytes(hostile.pdf_lines(400), "lines.pdf")
    assert result.document is None and "没有找到表格" in result.errors[0].message  # parsed, found no table


def test_pdf_stream_bomb_is_refused_by_inflated_bytes() -> None:
    _refused(hostile.pdf_stream_bomb(40), "bomb.pdf", "数据流解压后超过 32 MB", "PERFBUDGET_MAX_PART_MB")
    _refused(hostile.pdf_stream_bomb(3), "bomb.pdf", "数据流", limits=Limits(max_part_bytes=2 * 1024 * 1024))


def test_pdf_total_of_streams_is_bounded() -> None:
    data = hostile.pdf([b" " * (600 * 1024)] * 4)
    _refused(data, "pages.pdf", "共超过", "PERFBUDGET_MAX_UNZIPPED_MB",
             limits=Limits(max_unzipped_bytes=2 * 1024 * 1024))


def test_pdf_long_text_counts_its_characters() -> None:
    _refused(hostile.pdf_text_bomb(50_000), "text.pdf", "绘制的对象超过")


def test_pdf_nested_forms_are_counted_each_time_drawn() -> None:
    _refused(hostile.pdf_nested_forms(6, 10), "forms.pdf", "绘制的对象超过")  # 10^5 lines from 2 KB


def test_pdf_form_drawing_itself_is_refused() -> None:
    _refused(hostile.pdf_self_drawing_form(), "loop.pdf", "循环")


def test_pdf_objects_of_the_whole_file_are_bounded() -> None:
    data = hostile.pdf([b"0 0 m 1 1 l S\n" * 500] * 4)
    _refused(data, "many.pdf", "PERFBUDGET_MAX_PDF_OBJECTS", limits=Limits(max_pdf_objects=4_000))


def test_pdf_page_count_is_checked_without_building_every_page() -> None:
    _refused(hostile.pdf([b""] * 5), "pages.pdf", "PERFBUDGET_MAX_PDF_PAGES", limits=Limits(max_pdf_pages=4))


def test_docx_whose_directory_understates_a_part_is_refused() -> None:
    data = hostile.docx_understated(20)
    message = _refused(data, "lie.docx", "实际大小超过 zip 目录中声明")
    assert "word/document.xml" in message


def test_inflated_size_counts_real_bytes_and_stops_at_the_cap() -> None:
    import io
    import zipfile

    data = hostile.zip_with({"a.xml": b"x" * 5_000_000}, understate="a.xml", claimed=100)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    assert info.file_size == 100  # what the directory claims
    assert inflated_size(data, info, 10**9) == 5_000_000  # what it really gives
    assert inflated_size(data, info, 1_000_000) is None


def test_part_larger_than_the_part_limit_is_refused() -> None:
    import random

    data = hostile.zip_with({"word/document.xml": random.Random(1).randbytes(2 * 1024 * 1024)})
    problem = check_zip(data, "big.docx", Limits(max_part_bytes=1024 * 1024), "Word ")
    assert problem is not None and "PERFBUDGET_MAX_PART_MB" in problem.message


def test_docx_cell_spanning_a_billion_columns_is_refused() -> None:
    _refused(hostile.docx_wide_span(1_000_000_000), "span.docx", "单元格的上限", "PERFBUDGET_MAX_CELLS")


def test_docx_rows_are_bounded() -> None:
    _refused(hostile.docx_many_cells(300, 2), "rows.docx", "行的上限", "PERFBUDGET_MAX_ROWS",
             limits=Limits(max_rows=200))


def test_xlsx_with_too_many_cells_is_refused_before_parsing() -> None:
    _refused(hostile.xlsx_many_rows(55_000), "rows.xlsx", "单元格的上限", "PERFBUDGET_MAX_CELLS")


def test_xlsx_rows_are_bounded() -> None:
    _refused(hostile.xlsx_many_rows(300), "rows.xlsx", "行的上限", limits=Limits(max_rows=200))


def test_xlsx_claiming_full_size_with_far_cells_is_bounded() -> None:
    _refused(hostile.xlsx_far_cells(50), "far.xlsx", "单元格的上限")


def test_fill_in_sheet_xlsx_is_streamed_and_bounded() -> None:
    rows, problems = read_sheet_bytes(hostile.xlsx_many_rows(70_000), "sheet.xlsx")
    assert not rows and "单元格的上限" in problems[0].message
    rows, problems = read_sheet_bytes(hostile.xlsx_many_rows(300), "sheet.xlsx", limits=Limits(max_rows=200))
    assert not rows and "行的上限" in problems[0].message and "PERFBUDGET_MAX_ROWS" in problems[0].message
    rows, problems = read_sheet_bytes(hostile.xlsx_many_rows(150), "sheet.xlsx", limits=Limits(max_rows=200))
    assert problems and "表头缺少列" in problems[0].message  # read (the header lacks the score columns)


def test_fill_in_sheet_xlsx_understating_a_part_is_refused() -> None:
    data = hostile.zip_with({"xl/worksheets/sheet1.xml": b"<x/>" * 2_000_000}, understate="xl/worksheets/sheet1.xml")
    rows, problems = read_sheet_bytes(data, "sheet.xlsx")
    assert not rows and "压缩炸弹" in problems[0].message


@pytest.mark.parametrize(("data", "words"), [
    (hostile.csv_many_rows(100_001), ("行的上限", "PERFBUDGET_MAX_ROWS")),
    (hostile.csv_wide_row(2_000_001), ("单元格的上限", "PERFBUDGET_MAX_CSV_CELLS")),
])
def test_fill_in_sheet_csv_is_bounded(data: bytes, words: tuple[str, ...]) -> None:
    rows, problems = read_sheet_bytes(data, "sheet.csv")
    assert not rows
    for word in words:
        assert word in problems[0].message


def test_html_with_too_many_elements_is_refused_before_parsing() -> None:
    _refused(hostile.html_cells(70_000), "cells.html", "元素", "PERFBUDGET_MAX_HTML_ELEMENTS")
    result = load_bytes(hostile.html_cells(2_000), "cells.html")
    assert "PERFBUDGET_MAX_HTML_ELEMENTS" not in result.errors[0].message  # parsed (and found no full table)


def test_json_nesting_and_size_are_bounded() -> None:
    head = b'{"format": "perfbudget/1", "projects": '
    _refused(head + b"[" * 100_000, "deep.json", "嵌套层数过多")  # used to raise RecursionError
    _refused(head + b"[" + b"{}," * 800_000 + b"{}]}", "many.json", "PERFBUDGET_MAX_CELLS")


def test_every_limit_is_documented_with_its_variable() -> None:
    from pathlib import Path

    from perfbudget.config import LIMIT_VARIABLES

    text = (Path(__file__).resolve().parents[2] / "docs" / "security.md").read_text(encoding="utf-8")
    for variable in LIMIT_VARIABLES:
        assert variable in text, variable


def test_pdfminer_decodes_as_published_outside_a_read() -> None:
    """The counting decoders act only inside a read (perfbudget.readers.pdf_bounds)."""
    import zlib

    from pdfminer.pdftypes import PDFStream, resolve1

    from perfbudget.readers.pdf_bounds import bounded_streams

    big = b" " * (3 * 1024 * 1024)
    assert resolve1(PDFStream({"Filter": []}, big)).get_data() == big
    with bounded_streams(Limits()):
        pass  # installs the decoders
    from pdfminer.psparser import LIT

    stream = PDFStream({"Filter": LIT("FlateDecode")}, zlib.compress(big))
    assert stream.get_data() == big  # no budget active: no limit
    with bounded_streams(Limits(max_part_bytes=1024 * 1024)) as budget:
        stream = PDFStream({"Filter": LIT("FlateDecode")}, zlib.compress(big))
        with pytest.raises(Exception, match="数据流"):
            stream.get_data()
    assert budget.exceeded is not None


@pytest.mark.parametrize(("name", "spreadsheet"), [("repeat.ods", True), ("repeat.odt", False)])
def test_opendocument_repeats_are_bounded_by_the_cell_limit(name: str, spreadsheet: bool) -> None:
    """Some 700 bytes repeating a 16,384-cell row a million times took 10.7 s and 1.1 GB before
    the reader refused it at its own 5,000,000 cells (attack9): now the readers' cell limit."""
    import resource
    import time

    start, peak = time.process_time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(hostile.ods_repeated(1_000_000, 16_384, spreadsheet), name, "行的上限", "PERFBUDGET_MAX_ROWS")
    _refused(hostile.ods_repeated(50_000, 16_384, spreadsheet), name, "单元格的上限", "PERFBUDGET_MAX_CELLS")
    assert time.process_time() - start < 3
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 300 * 1024  # KiB
    _refused(hostile.ods_repeated(300, 2, spreadsheet), name, "行的上限", "PERFBUDGET_MAX_ROWS",
             limits=Limits(max_rows=200))


def test_opendocument_elements_are_counted_before_odfpy_parses() -> None:
    """780 KB of 300,000 distinct text cells cost 8 s of CPU and 560 MB before the cell limit refused
    them (odfpy builds the whole tree first; attack9): now counted on the XML before parsing."""
    import time

    start = time.process_time()
    _refused(hostile.ods_many_text_cells(30_000, 10), "cells.ods", "XML 元素的上限", "PERFBUDGET_MAX_ODF_ELEMENTS")
    _refused(hostile.ods_many_text_cells(30_000, 10, spreadsheet=False), "cells.odt", "PERFBUDGET_MAX_ODF_ELEMENTS")
    assert time.process_time() - start < 2


def test_a_device_pipe_or_growing_file_is_never_read_without_bound(tmp_path: Path) -> None:
    """``perfbudget read`` of a link to /dev/zero grew to 6 GB in 20 s (its stat size is 0, then it was
    read whole); a FIFO waited for ever; a file growing after the size check was read whole (attack9)."""
    import resource

    from perfbudget.evaluate.sheet import read_sheet
    from perfbudget.load import load_path

    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for path in (zero, fifo):
        result = load_path(path, limits=Limits(max_file_bytes=1024 * 1024))
        assert result.document is None and "不是普通文件" in result.errors[0].message, result.errors
        rows, problems = read_sheet(str(path), limits=Limits(max_file_bytes=1024 * 1024))
        assert not rows and "不是普通文件" in problems[0].message
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KiB


def test_a_file_read_stops_at_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The size is checked before reading and again while reading (a file growing in between)."""
    from perfbudget import readers

    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 3000)
    real_stat = Path.stat

    def stale_stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:  # the size seen before it grew
        found = real_stat(self, *args, **kwargs)  # type: ignore[arg-type]
        return os.stat_result((found.st_mode, *found[1:6], 10, *found[7:]))

    monkeypatch.setattr(Path, "stat", stale_stat)
    found = readers.read_file(path, Limits(max_file_bytes=1000))
    assert not isinstance(found, bytes) and "文件过大" in found.message
