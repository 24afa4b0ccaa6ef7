"""Hostile files and limits of attack11 (2026-12-03); each test failed before its fix."""

from __future__ import annotations

from perfbudget.config import Limits
from perfbudget.load import load_bytes
from tests.readers.hostile_files import zip_many_parts


def _nested_page(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "x" + "</div>" * depth + "</body></html>").encode()


def test_the_html_nesting_limit_is_an_environment_variable() -> None:
    limits = Limits.from_env({"PERFBUDGET_MAX_HTML_DEPTH": "50"})
    assert limits.max_html_depth == 50
    assert Limits().max_html_depth == 500
    result = load_bytes(_nested_page(100), "nested.html", limits=limits)
    assert result.document is None
    message = result.errors[0].message
    assert "嵌套" in message and "50 层" in message and "PERFBUDGET_MAX_HTML_DEPTH" in message
    # the same page under the default limit is parsed (no nesting complaint)
    default = load_bytes(_nested_page(100), "nested.html")
    assert all("PERFBUDGET_MAX_HTML_DEPTH" not in problem.message for problem in default.errors)


def test_a_text_of_empty_cells_is_refused_in_bounded_memory() -> None:
    """45 MB of ``,,,,`` lines cost 1.4 GB and some 10 s of CPU: a dozen layout detectors each split the whole
    text into lines to look at the first few thousand. Now 130 MB and 0.5 s (the process, `perfbudget read`)."""
    import tracemalloc

    data = b",,,,\n" * 2_000_000  # 10 MB
    tracemalloc.start()
    try:
        result = load_bytes(data, "empty.csv")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.document is None
    assert result.errors[0].message.startswith("没有找到可识别的绩效目标表（文本中没有表格结构）：文本中没有")
    assert peak < 60 * 1024 * 1024, peak  # the text (10 MB) and its decoded copy, not lists of lines


def test_the_head_of_a_text_is_split_as_the_whole_text_would_be() -> None:
    from perfbudget.readers.text_lines import head_lines

    texts = ["", "a", "a\n", "a\r\nb\rc\n\nd", "x\r" * 40_000 + "\ny", ("行\u2028" * 50_000) + "\x0bz\x1c",
             "a" * 200_000 + "\r\n" + "b\r\n" * 10, "\r\n".join(str(i) for i in range(100_000))]
    for text in texts:
        for count in (0, 1, 2, 3, 400, 3000, 5000, 99_999, 100_001):
            assert head_lines(text, count) == text.splitlines()[:count], (text[:20], count)
    # a prefix ending between \r and \n
    text = "a" * (64 * 1024 - 1) + "\r\n" + "b\n" * 5
    for count in range(1, 8):
        assert head_lines(text, count) == text.splitlines()[:count]


def test_a_zip_of_very_many_tiny_parts_is_refused_before_zipfile_reads_its_directory() -> None:
    """550,000 empty members (47 MB) cost 13 s of CPU and 390 MB before 「Word 文件已损坏，无法读取（KeyError）」:
    zipfile built an object for every member, in the sniffer, the zip checks and python-docx each."""
    import time

    from perfbudget.evaluate.sheet import read_sheet_bytes

    word = {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}
    for name, first in (("many.docx", word), ("many.xlsx", {"xl/workbook.xml": "<workbook/>"}),
                        ("many.ods", {"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}),
                        ("many.zip", {"OFD.xml": "<ofd/>"})):
        data = zip_many_parts(60_000, first)
        started = time.process_time()
        result = load_bytes(data, name)
        assert time.process_time() - started < 0.5, name
        assert result.document is None
        assert "PERFBUDGET_MAX_ZIP_PARTS" in result.errors[0].message, (name, result.errors[0].message)
        assert "60002" in result.errors[0].message or "60001" in result.errors[0].message
    _, sheet = read_sheet_bytes(zip_many_parts(60_000, {"xl/workbook.xml": "<workbook/>"}), "sheet.xlsx")
    assert "PERFBUDGET_MAX_ZIP_PARTS" in sheet[0].message
    limits = Limits.from_env({"PERFBUDGET_MAX_ZIP_PARTS": "100"})
    assert limits.max_zip_parts == 100
    result = load_bytes(zip_many_parts(200, word), "few.docx", limits=limits)
    assert "PERFBUDGET_MAX_ZIP_PARTS" in result.errors[0].message


def test_the_first_line_with_text_is_found_as_splitting_the_text_would() -> None:
    import random

    from perfbudget.readers.text_lines import first_line_with_text

    pieces = ["", " ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\u2028", "\u3000",
              "a", "项目", ",", "\ta\t"]
    chooser = random.Random(11)
    for _ in range(5_000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 12)))
        assert first_line_with_text(text) == next((line for line in text.splitlines() if line.strip()), ""), repr(text)


def test_a_csv_fill_in_sheet_of_empty_cells_is_refused_in_bounded_memory() -> None:
    """9,000,000 lines of ``,,,,`` (45 MB) peaked at 740 MB: the whole text was split to find its first line."""
    import tracemalloc

    from perfbudget.evaluate.sheet import read_sheet_bytes

    data = b",,,,\n" * 2_000_000
    tracemalloc.start()
    try:
        rows, problems = read_sheet_bytes(data, "sheet.csv")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rows == [] and "PERFBUDGET_MAX_CSV_CELLS" in problems[0].message
    assert peak < 60 * 1024 * 1024, peak


def test_a_text_of_more_lines_than_the_row_limit_is_refused_unless_the_one_pass_path_reads_it() -> None:
    """1,000,000 lines of ``a|b`` (pipe rows, 4 MB) took 6.4 s and 760 MB; 9,000,000 over two minutes."""
    import time

    limits = Limits.from_env({"PERFBUDGET_MAX_ROWS": "1000"})
    started = time.process_time()
    result = load_bytes(b"a|b\n" * 200_000, "pipes.txt", limits=limits)
    assert time.process_time() - started < 1.0
    assert result.document is None
    assert "PERFBUDGET_MAX_ROWS" in result.errors[0].message and "1000 行" in result.errors[0].message
    result = load_bytes(b"a|b\n" * 200_000, "pipes.txt", form="pipe-rows", limits=limits)
    assert "PERFBUDGET_MAX_ROWS" in result.errors[0].message
    # the empty cells keep their message (no layout takes them)
    assert load_bytes(b",,,,\n" * 5_000, "e.csv", limits=limits).errors[0].message.startswith("没有找到可识别")
