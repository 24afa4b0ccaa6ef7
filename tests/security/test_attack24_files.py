"""Hostile files found by attack24 (2026-12-05): scans that ran before any limit, quadratic in a few kilobytes.
Each measured in CPU time (``time.process_time``), with bounds some 20 times what they cost now and under what
they cost on main's code (seconds to minutes)."""

from __future__ import annotations

import io
import time
import zipfile

from perfbudget.load import load_bytes

_SHEET = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def _workbook(sheet: bytes) -> bytes:
    """A workbook made by openpyxl whose first sheet's XML is replaced by ``sheet``."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "x"
    made = io.BytesIO()
    book.save(made)
    source, out = zipfile.ZipFile(io.BytesIO(made.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            part = source.read(info.filename)
            archive.writestr(info.filename, sheet if info.filename == "xl/worksheets/sheet1.xml" else part)
    return out.getvalue()


def _cpu(read: object) -> float:
    started = time.process_time()
    read()  # type: ignore[operator]
    return time.process_time() - started


def test_a_workbook_of_many_elements_named_like_a_cell_is_scanned_once() -> None:
    # The scan for formulas saved without their values (xlsx_formulas) ran over the sheet's XML before openpyxl: a
    # cell's content was `(.*?)` up to the next `</c>`, so 8,000 elements `<c-x>…</c-x>` (a 4 KB workbook; any upload
    # or `perfbudget read`) scanned the rest of the part each: 8 s of CPU, 50 s at 20,000, and a million are allowed.
    extension = b"".join(b"<c-x>%d</c-x>" % n for n in range(8_000))
    data = _workbook(_SHEET + b'<sheetData><row r="1"><c r="A1"><f>1</f><v>1</v></c></row></sheetData>'
                     b'<extLst><ext uri="x">' + extension + b"</ext></extLst></worksheet>")
    assert _cpu(lambda: load_bytes(data, "t.xlsx")) < 1.5
    # an absurd cell reference (a 100,000-letter column) is not turned into a number either
    data = _workbook(_SHEET + b'<sheetData><row r="1"><c r="' + b"A" * 100_000 + b'1"><f>1</f></c></row>'
                     b"</sheetData></worksheet>")
    assert _cpu(lambda: load_bytes(data, "t.xlsx")) < 1.5
    # (what the scan is for, a formula without its value an error at its cell: tests/readers/test_layouts25_layouts.py)


def test_a_pdf_page_of_unclosed_parentheses_is_counted_in_one_pass() -> None:
    # The count of what a page draws (pdf_bounds) took its text strings with a regular expression from every `(` to
    # the `)` closing it, or to the end: a 505-byte PDF whose page holds 20,000 `(` cost 12 s of CPU before any
    # limit was looked at (10,000: 2.6 s).
    from perfbudget.readers.pdf_bounds import content_objects, string_bytes

    assert _cpu(lambda: content_objects(b"BT " + b"(" * 10_000 + b" ET")) < 0.2
    # the strings are counted as a PDF reads them: escapes, nested parentheses, a string never closed
    assert string_bytes(b"(abc) Tj (a\\)b) Tj (x(y)z) Tj") == 3 + 4 + 5
    assert string_bytes(b"(ab") == 2


def test_an_opendocument_manifest_of_unclosed_entries_is_sniffed_in_one_pass() -> None:
    # Sniffing an OpenDocument file without a mimetype part looked for the manifest's root entry with `[^>]*`: from
    # every `<manifest:file-entry` to the end of a manifest without `>`; 5,000 entries (a 541-byte file) cost 2.5 s,
    # 10,000 11 s, and a manifest of 1 MB is read.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("META-INF/manifest.xml", b"<manifest:file-entry " * 5_000)
        archive.writestr("content.xml", b"<x/>")
    data = out.getvalue()
    assert _cpu(lambda: load_bytes(data, "t.ods")) < 1.0


def test_a_text_line_of_level_labels_is_tried_as_a_header_once_per_label() -> None:
    # A glued indicator table in prose (text_glued) was looked for from each 「一级指标」 of a line, reading every
    # label after it as a header cell, and copying the rest of the line each time: 30 KB of 「一级指标」 cost 4 s of
    # CPU, 120 KB 68 s. A header is read up to 40 cells, its level columns first, from a slice of the line.
    data = ("一级指标" * 2_500).encode()
    assert _cpu(lambda: load_bytes(data, "t.txt")) < 1.0
    data = ("绩效目标如下：" + "一级指标二级指标三级指标" * 2_500).encode()
    assert _cpu(lambda: load_bytes(data, "t.txt")) < 1.0


def test_an_html_cell_of_many_blocks_or_form_fields_is_read_in_one_walk() -> None:
    # A cell's text was made by replacing each <br> and inserting a line break after each <p>/<div>/<li>, and a
    # saved form's fields by replacing each: bs4 looks each up among its siblings (quadratic). 10,000 <p> in one
    # cell (30 KB) cost 5 s of CPU, 20,000 16 s; 20,000 <input> 10 s.
    def page(cell: str) -> bytes:
        return f"<html><body><table><tr><td>项目名称</td><td>{cell}</td></tr></table></body></html>".encode()

    assert _cpu(lambda: load_bytes(page("<p>" * 10_000), "t.html")) < 1.5
    assert _cpu(lambda: load_bytes(page('<input value="1">' * 12_000), "t.html")) < 1.5
    # the text is read as before: lines from <br> and blocks, a source line break a space (none between Chinese)
    from perfbudget.readers.html import read_html_tables

    cell = "<p>一\n二</p><div>a\nb<br>c</div><pre>x\ny</pre><input value='95%'><select><option>否<option selected>是"
    tables = read_html_tables(f"<table><tr><td>项目名称</td><td>{cell}</td></tr></table>", "t.html")
    assert tables[0].rows[0][1].text == "一二\na b\nc\nx\ny95%是"
