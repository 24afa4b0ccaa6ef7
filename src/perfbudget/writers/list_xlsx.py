"""A long list as one print-ready xlsx sheet, written straight as SpreadsheetML row by row (print18).

openpyxl, even write-only, builds an object per cell and hashes its style: a 100,000-project list (1.7 million
cells) cost about 38 s of CPU in a web worker (bench/README.md). Here a row is one string joined from the cells'
XML and written at once into the zip entry of the sheet, so the memory stays flat and the CPU is a few seconds
(``bench/list_xlsx_cpu.py``). What the sheet says is what openpyxl's said, and what a printer needs:

* a title row (bold 14 pt) with the time of export at its right, then the header row (bold, grey, centred,
  wrapped), frozen under both and both repeated on every printed page (``_xlnm.Print_Titles``);
* every cell 宋体 10.5 pt (charset 134, as the other workbooks name it: a Chinese WPS and Excel have it; openpyxl's
  default Calibri made WPS fall back as it pleased), with thin borders, text wrapped at the top of its cell, numbers
  right-aligned in their format (thousands separators for money) at the top too;
* each row as tall as its longest wrapped text (lines counted as ``print_layout.lines_needed`` counts them):
  LibreOffice prints a row without a height one line tall, the rest of a long name cut;
* A4 landscape, one page wide, as many pages tall as it takes, 「第 N 页，共 M 页」 at each page's foot;
* numbers are numbers: an ``int`` or a ``Decimal`` in positional notation, exactly; a Decimal of more than 15
  significant digits (Excel's precision) is its exact text instead; every other value is an inline string, never
  a formula (a text starting with 「=」 stays text), characters XML cannot hold dropped;
* the workbook's normal style is 宋体 10.5 pt too: its digit is the unit of the column widths (in Excel and WPS a
  digit of 宋体 is as wide as one of Calibri 11; where 宋体 is missing, LibreOffice measures the widths by its
  substitute, a CJK font, not by a Latin fallback whose wide digits widened every column and shrank the print).
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from perfbudget.writers.print_layout import LINE_POINTS, MAX_ROW_POINTS, PAD_POINTS, text_width

FONT = "宋体"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TITLE, _MADE, _HEADER, _TEXT = 1, 2, 3, 4  # the cellXfs of styles.xml; number formats follow from 5


@dataclass(frozen=True, slots=True)
class SheetColumn:
    """One column: its header, its width in characters, and the number format of a numeric column (else text)."""

    title: str
    width: float
    number_format: str | None = None


def column_letter(n: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    if _NOT_XML.search(value):
        value = _NOT_XML.sub("", value)
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    return f"<is><t{space}>{escape(value)}</t></is>"


def _cell(ref: str, style: int, value: Any) -> str:
    """One cell's XML: a number as a number (exactly), anything else as an inline string; none empty but bordered."""
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, bool):
        value = "是" if value else "否"
    elif isinstance(value, int):
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    elif isinstance(value, Decimal):
        if value.is_finite() and len(value.as_tuple().digits) <= 15:
            return f'<c r="{ref}" s="{style}"><v>{format(value, "f")}</v></c>'
        value = format(value, "f")  # past Excel's 15 digits: the exact text, never a rounded number
    elif isinstance(value, float):
        return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" s="{style}" t="inlineStr">{_text(str(value))}</c>'


@functools.cache
def _wide() -> re.Pattern[str]:
    """The wide characters of the Basic Multilingual Plane as :func:`perfbudget.writers.print_layout.text_width`
    counts them (East Asian width W or F), one character class made once (30 ms): found at C speed, where the
    function asks unicodedata per character. (A class of the BMP alone is a bitmap to ``re``; with the planes above
    it, a list of ranges tried one by one, four times slower.)"""
    ranges: list[tuple[int, int]] = []
    for point in range(0x10000):
        if 0xD800 <= point < 0xE000 or unicodedata.east_asian_width(chr(point)) not in ("W", "F"):
            continue
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1] = (ranges[-1][0], point)
        else:
            ranges.append((point, point))
    return re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]")


def _lines(text: str, width: float) -> int:
    """:func:`perfbudget.writers.print_layout.lines_needed`, the same count, its wide characters found at once (a
    text with a character above the BMP, rare, is measured by ``text_width`` itself)."""
    usable = round(max(width - 1.5, 2.0) * 10)  # in tenths: a narrow character 11, a wide one 20
    lines = 0
    for part in text.split("\n"):
        if part and max(part) > "\uffff":
            tenths = round(text_width(part) * 10)
        else:
            tenths = 11 * len(part) + 9 * len(_wide().findall(part))
        lines += max(1, -(-tenths // usable))
    return lines


def _height(values: Sequence[Any], widths: Sequence[float]) -> str:
    """A row's ``ht`` attribute when a text wraps to more than one line (LibreOffice prints a row without one a
    single line tall, the rest of the text cut), else nothing; a text can only need a second line when twice its
    length (every character wide) passes the column's width."""
    lines = 1
    for value, width in zip(values, widths, strict=True):
        if isinstance(value, str) and (2 * len(value) > width - 1.5 or "\n" in value):
            lines = max(lines, _lines(value, width))
    if lines == 1:
        return ""
    return f' ht="{min(lines * LINE_POINTS + PAD_POINTS, MAX_ROW_POINTS)}" customHeight="1"'


def _styles(formats: Sequence[str]) -> str:
    custom = [f for f in dict.fromkeys(formats) if f not in _BUILTIN_FORMATS]
    ids = {**_BUILTIN_FORMATS, **{f: 164 + n for n, f in enumerate(custom)}}
    font = f'<name val="{FONT}"/><charset val="134"/>'
    border = "".join(f'<{side} style="thin"><color rgb="FF999999"/></{side}>'
                     for side in ("left", "right", "top", "bottom"))
    top = '<alignment vertical="top" wrapText="1"/>'
    xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
           '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
           '<alignment horizontal="right"/></xf>',
           '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" '
           'applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>',
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" '
           f'applyAlignment="1">{top}</xf>',
           *(f'<xf numFmtId="{ids[f]}" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" '
             'applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>' for f in formats)]
    number_formats = "".join(f'<numFmt numFmtId="{ids[f]}" formatCode={quoteattr(f)}/>' for f in custom)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
            + (f'<numFmts count="{len(custom)}">{number_formats}</numFmts>' if custom else "")  # none: no element
            + f'<fonts count="4"><font><sz val="10.5"/>{font}</font>'
            f'<font><sz val="10.5"/>{font}</font><font><b/><sz val="14"/>{font}</font>'
            f'<font><b/><sz val="10.5"/>{font}</font></fonts>'
            '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
            '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDDDDD"/><bgColor indexed="64"/>'
            '</patternFill></fill></fills>'
            f'<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
            f'<border>{border}<diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _package(sheet_name: str) -> dict[str, str]:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    quoted = "'" + sheet_name.replace("'", "''") + "'"
    return {
        "[Content_Types].xml": head + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": head + f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/_rels/workbook.xml.rels": head + f'<Relationships xmlns="{_PKG}">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/workbook.xml": head + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
        f'<sheets><sheet name={quoteattr(sheet_name)} sheetId="1" r:id="rId1"/></sheets><definedNames>'
        f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{escape(quoted)}!$1:$2</definedName>'
        "</definedNames></workbook>",
    }


def write_list_xlsx(out: IO[bytes], sheet_name: str, title: str, made: str, columns: Sequence[SheetColumn],
                    rows: Iterable[Sequence[Any]]) -> int:
    """Write ``rows`` (each a value per column) under ``title`` and ``made`` to ``out``; the number of rows."""
    formats = [c.number_format for c in columns if c.number_format]
    styles = [5 + formats.index(c.number_format) if c.number_format else _TEXT for c in columns]
    letters = [column_letter(n) for n in range(1, len(columns) + 1)]
    widths = [c.width for c in columns]
    headers = [c.title for c in columns]
    count = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, text in _package(sheet_name).items():
            archive.writestr(name, text)
        archive.writestr("xl/styles.xml", _styles(formats))
        # (no zip64 records: the sheet stays far below 2 GiB at 100,000 rows, and some readers take zip64 badly)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            cols = "".join(f'<col min="{n}" max="{n}" width="{c.width}" customWidth="1"/>'
                           for n, c in enumerate(columns, 1))
            last = letters[-1]
            sheet.write((f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
                         '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" '
                         'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A3" '
                         'sqref="A3"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>'
                         f'<cols>{cols}</cols><sheetData>'
                         f'<row r="1" ht="24" customHeight="1">{_cell("A1", _TITLE, title)}'
                         + (_cell(f"{last}1", _MADE, made) if len(columns) > 1 else "") + "</row>"
                         f'<row r="2"{_height(headers, widths)}>' + "".join(_cell(f"{letter}2", _HEADER, c.title)
                                                 for letter, c in zip(letters, columns, strict=True)) + "</row>"
                         ).encode())
            chunk: list[str] = []
            for number, values in enumerate(rows, 3):
                chunk.append(f'<row r="{number}"{_height(values, widths)}>')
                chunk.extend(_cell(f"{letter}{number}", style, value)
                             for letter, style, value in zip(letters, styles, values, strict=True))
                chunk.append("</row>")
                count += 1
                if len(chunk) > 20_000:
                    sheet.write("".join(chunk).encode())
                    chunk.clear()
            sheet.write(("".join(chunk) + "</sheetData>"
                         '<pageMargins left="0.3" right="0.3" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
                         '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
                         "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
                         "</worksheet>").encode())
    return count
