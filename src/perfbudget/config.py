"""Settings that users may change: input limits, database URL, review thresholds.

Settings are plain frozen dataclasses passed down explicitly; nothing is read at
import time. ``Limits`` bound what a reader accepts so that a hostile or broken
file cannot exhaust the machine (see ``docs/limits.md``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

DEFAULT_DB_URL = "sqlite:///perfbudget.db"


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on input files: every reader and sheet parser refuses past one of them with a
    clear message instead of spending unbounded time or memory (see ``docs/security.md``).

    Attributes:
        max_file_bytes: largest file accepted (default 50 MiB; env PERFBUDGET_MAX_FILE_MB).
        max_unzipped_bytes: largest total of the bytes actually inflated from a docx/xlsx's parts
            (default 128 MiB; env PERFBUDGET_MAX_UNZIPPED_MB).
        max_part_bytes: largest one zip part (or PDF stream) may inflate to, counted while
            inflating, whatever size the container claims (default 32 MiB; env PERFBUDGET_MAX_PART_MB).
        max_compression_ratio: a zip member expanding more than this is a zip bomb (default 200;
            env PERFBUDGET_MAX_COMPRESSION_RATIO).
        max_pdf_pages: largest PDF read (default 2000 pages; env PERFBUDGET_MAX_PDF_PAGES).
        max_pdf_page_objects: most objects one PDF page may draw: content-stream operators plus
            text-string bytes (each may become a character), form XObjects counted each time they
            are drawn (default 20,000; env PERFBUDGET_MAX_PDF_PAGE_OBJECTS).
        max_pdf_objects: most objects the whole PDF may draw (default 100,000: some 30–40 pages of a
            Word table's PDF, 2,600–3,200 objects a page, 60–100 of a sheet's, 1,000–1,600 a page;
            pdfplumber spends 10–30 µs an object;
            env PERFBUDGET_MAX_PDF_OBJECTS).
        max_rows: most rows read from one sheet, Word table or CSV, and most lines of a text outside the
            one-pass tab-cell path (default 100,000;
            env PERFBUDGET_MAX_ROWS).
        max_cells: most cells read from one xlsx or docx file, fill-in sheets included; these are
            parsed by openpyxl/python-docx at some 10–20 µs a cell (default 150,000;
            env PERFBUDGET_MAX_CELLS).
        max_csv_cells: most cells read from one CSV fill-in sheet (the standard library's parser,
            some ten times faster; default 2,000,000; env PERFBUDGET_MAX_CSV_CELLS).
        max_html_elements: most elements of an HTML page, counted before parsing (BeautifulSoup
            spends some 40 µs an element; default 50,000; env PERFBUDGET_MAX_HTML_ELEMENTS).
        max_odf_elements: most XML elements of an OpenDocument file (.ods/.odt), counted in its
            parts before odfpy builds its tree at some 20 µs an element (a table cell with text is
            two; default 100,000; env PERFBUDGET_MAX_ODF_ELEMENTS).
        max_zip_parts: most parts (members) of a zip container: docx, xlsx, ods, odt, fill-in xlsx. Counted on
            the bytes before zipfile reads the central directory (some 7 µs and 600 bytes a member; a real
            docx has some tens, a workbook of a thousand sheets some thousands; default 10,000;
            env PERFBUDGET_MAX_ZIP_PARTS).
        max_xml_elements: most XML elements of a docx or xlsx (fill-in sheets too), counted in all its parts
            before python-docx or openpyxl builds them (some 1–5 µs and 150 bytes an element; perfbudget's own
            Word export holds some 40 elements a table cell, 80,000 for 100 projects; default 1,000,000;
            env PERFBUDGET_MAX_XML_ELEMENTS).
        max_xlsx_styles: most style records (cell formats, fonts, fills, borders, number formats) of an xlsx,
            counted before openpyxl builds them at some 20 µs and 1 KB each (Excel itself keeps at most 65,490
            cell formats; default 65,490; env PERFBUDGET_MAX_XLSX_STYLES).
        max_rtf_rows: most table rows (``\\row``, ``\\nestrow``) of an RTF file, counted on its bytes before
            LibreOffice converts it (its tables cost time quadratic in their rows: 2,000 rows some 3 s of CPU,
            20,000 rows past the conversion's time limit; a unit's file of 30 projects has some 800; default 3,000;
            env PERFBUDGET_MAX_RTF_ROWS).
        max_html_depth: deepest nesting of elements in an HTML page, measured by lxml before
            BeautifulSoup builds its tree (quadratic in the depth; default 500;
            env PERFBUDGET_MAX_HTML_DEPTH).
    """

    max_file_bytes: int = 50 * 1024 * 1024
    max_unzipped_bytes: int = 128 * 1024 * 1024
    max_part_bytes: int = 32 * 1024 * 1024
    max_compression_ratio: int = 200
    max_pdf_pages: int = 2000
    max_pdf_page_objects: int = 20_000
    max_pdf_objects: int = 100_000
    max_rows: int = 100_000
    max_cells: int = 150_000
    max_csv_cells: int = 2_000_000
    max_html_elements: int = 50_000
    max_odf_elements: int = 100_000
    max_xml_elements: int = 1_000_000
    max_xlsx_styles: int = 65_490
    max_rtf_rows: int = 3_000
    max_html_depth: int = 500
    max_zip_parts: int = 10_000

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """Limits with any of the environment variables of ``LIMIT_VARIABLES`` applied (unset or
        empty: the default). A value that is not a positive number raises ValueError naming it."""
        env = os.environ if environ is None else environ
        changes: dict[str, int] = {}
        for variable, (field_name, scale) in LIMIT_VARIABLES.items():
            text = env.get(variable, "").strip()
            if not text:
                continue
            try:
                number = float(text)
            except ValueError:
                number = -1
            if not number > 0 or number == float("inf"):
                raise ValueError(f"环境变量 {variable} 应为正数，实际为「{text}」")
            changes[field_name] = max(1, int(number * scale))
        return replace(cls(), **changes)


MB = 1024 * 1024
# environment variable → (Limits field, multiplier)
LIMIT_VARIABLES = {
    "PERFBUDGET_MAX_FILE_MB": ("max_file_bytes", MB),
    "PERFBUDGET_MAX_UNZIPPED_MB": ("max_unzipped_bytes", MB),
    "PERFBUDGET_MAX_PART_MB": ("max_part_bytes", MB),
    "PERFBUDGET_MAX_COMPRESSION_RATIO": ("max_compression_ratio", 1),
    "PERFBUDGET_MAX_PDF_PAGES": ("max_pdf_pages", 1),
    "PERFBUDGET_MAX_PDF_PAGE_OBJECTS": ("max_pdf_page_objects", 1),
    "PERFBUDGET_MAX_PDF_OBJECTS": ("max_pdf_objects", 1),
    "PERFBUDGET_MAX_ROWS": ("max_rows", 1),
    "PERFBUDGET_MAX_CELLS": ("max_cells", 1),
    "PERFBUDGET_MAX_CSV_CELLS": ("max_csv_cells", 1),
    "PERFBUDGET_MAX_HTML_ELEMENTS": ("max_html_elements", 1),
    "PERFBUDGET_MAX_ODF_ELEMENTS": ("max_odf_elements", 1),
    "PERFBUDGET_MAX_XML_ELEMENTS": ("max_xml_elements", 1),
    "PERFBUDGET_MAX_XLSX_STYLES": ("max_xlsx_styles", 1),
    "PERFBUDGET_MAX_RTF_ROWS": ("max_rtf_rows", 1),
    "PERFBUDGET_MAX_HTML_DEPTH": ("max_html_depth", 1),
    "PERFBUDGET_MAX_ZIP_PARTS": ("max_zip_parts", 1),
}


def megabytes_over(size: int, limit: int) -> tuple[str, str]:
    """A size over a limit and the limit, in MB, with the digits that show the size is larger
    (never 「1.0 MB，上限为 1.0 MB」): the limit as short as it is close (``50``, ``0.01``), the size
    with at least one decimal and as many more as it takes to exceed the limit's text."""
    limit_mb, size_mb = limit / 1048576, size / 1048576
    limit_text = next((text for digits in range(7)
                       if (text := f"{limit_mb:.{digits}f}") and float(text) > 0
                       and abs(float(text) - limit_mb) <= limit_mb / 1000), f"{limit_mb:.6f}")
    if "." in limit_text:
        limit_text = limit_text.rstrip("0").rstrip(".")
    size_text = next((text for digits in range(1, 7)
                      if float(text := f"{size_mb:.{digits}f}") > float(limit_text)), f"{size_mb:.6f}")
    return size_text, limit_text


def database_url(explicit: str | None = None) -> str:
    """The database URL: the explicit one, else env PERFBUDGET_DB, else SQLite in the current directory."""
    return explicit or os.environ.get("PERFBUDGET_DB") or DEFAULT_DB_URL


def replica_url(explicit: str | None = None) -> str | None:
    """The URL of a PostgreSQL streaming replica for the web app's reads: the explicit one, else env
    PERFBUDGET_DB_REPLICA, else None (everything on the primary). See docs/scale.md."""
    return explicit or os.environ.get("PERFBUDGET_DB_REPLICA") or None
