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
