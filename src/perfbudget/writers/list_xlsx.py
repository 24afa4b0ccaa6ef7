"""A long list as one print-ready xlsx sheet, written row by row by XlsxWriter in constant memory (print18, xlsxwriter).

openpyxl, even write-only, builds an object per cell and hashes its style: a 100,000-project list (1.7 million
cells) cost about 38 s of CPU in a web worker (bench/README.md). XlsxWriter's ``constant_memory`` mode writes each
row's XML to a temporary file as soon as the next row begins, its formats made once, so the memory stays flat and
the CPU is a fraction of openpyxl's (``bench/list_xlsx_cpu.py``). What the sheet says is what openpyxl's said, and
what a printer needs:

* a title row — the title (bold 14 pt) merged over the leading columns, the time of export over the trailing ones
  it needs (at least the last), each wrapped in its own cells and the row as tall as the taller — then the header
  row (bold, grey, centred, wrapped), frozen under both and both repeated on every printed page (``repeat_rows``:
  ``_xlnm.Print_Titles``);
* every cell 宋体 10.5 pt (charset 134, as the other workbooks name it, tied to no theme font: a Chinese WPS and
  Excel have it; openpyxl's default Calibri made WPS fall back as it pleased), with thin borders, text wrapped at the
  top of its cell, numbers right-aligned in their format (thousands separators for money) at the top too, a space's
  room after them (``clear_of_the_rule``, since print31);
* each row as tall as its longest wrapped text (lines counted as ``print_layout.lines_needed`` counts them, to the
  pixel XlsxWriter sets): LibreOffice prints a row without a height one line tall, the rest of a long
  name cut;
* A4 landscape, one page wide, as many pages tall as it takes, each ended by a page break the writer sets a little
  short of full (:class:`print_layout.PageFill` of :func:`_page_room`, print41), 「第 N 页，共 M 页」 at each page's
  foot; a list of more pages than a sheet holds breaks (:data:`_MAX_BREAKS`) goes on in another sheet, its title and
  header again, every page's foot saying 「第 K 部分，共 P 部分」 (print42: until then the pages past the 1,024th were
  left to the application, and LibreOffice may print them without some of their rows);
* numbers are numbers, exactly: an ``int`` as its digits, a ``Decimal`` handed to XlsxWriter as the Decimal itself
  (it formats a number with ``.16G``, which keeps a Decimal's own digits: 11.30 stays ``11.30``, where a float would
  print 9.99999999999999 as 9.999999999999989); a Decimal or an int of more than 15 significant digits (Excel's
  precision) is its exact text instead, as is a Decimal or a float that is no number; every other value is a string
  (``write_string``), never a formula (a text starting with 「=」 stays text), characters XML cannot hold dropped;
* the workbook's default format is 宋体 10.5 pt too: its digit is the unit of the column widths (in Excel and WPS a
  digit of 宋体 is as wide as one of Calibri 11; where 宋体 is missing, LibreOffice measures the widths by its
  substitute, a CJK font, not by a Latin fallback whose wide digits widened every column and shrank the print);
  a column's width is the width it asks as the file states it (``<col width>``, as openpyxl and print18's writer
  wrote it; XlsxWriter's ``set_column`` would add its padding of 5 pixels), to the pixel below (7 to a digit), so
  the sheet prints on as many pages at the same size.

The file goes to ``out`` when the last row is written (XlsxWriter zips its parts from temporary files in a
temporary folder of its own, removed whether the writing ends well or not).
"""

from __future__ import annotations

import functools
import math
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

import xlsxwriter

from perfbudget.writers.print_layout import (
    LINE_POINTS,
    MAX_ROW_POINTS,
    PAD_POINTS,
    PAGE_NUMBER,
    TAIL_SHARE,
    PageFill,
    clear_of_the_rule,
    text_width,
    wide_character,
    xlsx_room,
)

FONT = "宋体"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EXACT_DIGITS = 15  # Excel keeps 15 significant digits
_LARGEST_EXACT_INT = 10**_EXACT_DIGITS
_PIXELS_A_DIGIT = 7  # XlsxWriter's column pixels per digit of the default font (Calibri 11, 宋体 10.5 alike)
_BORDER = {"border": 1, "border_color": "#999999"}
_TITLE_SCALE = 14 / 10.5  # the title's 14 pt against the cells' 10.5: its characters that much wider
_TITLE_LINE_POINTS = 19  # one line of 14 pt with leading
# A row of one line: 22 pixels, 16.5 pt, a line's 14.5 and 2 to spare (print28: it was 19 pixels, 14.25 pt, a line of
# 宋体 10.5 pt exactly; LibreOffice, setting its CJK font's 15.2 pt line, printed each one-line row's text on its
# bottom border, the descenders cut)
ONE_LINE_PIXELS = 22
_MARGINS = {"left": 0.3, "right": 0.3, "top": 0.6, "bottom": 0.6}  # inches
_MAX_BREAKS = 1023  # the page breaks a sheet holds (Excel's; XlsxWriter keeps the first 1023)


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


@functools.cache
def _wide() -> re.Pattern[str]:
    """The wide characters of the Basic Multilingual Plane as :func:`perfbudget.writers.print_layout.text_width`
    counts them (``print_layout.wide_character``), one character class made once (30 ms): found at C speed, where
    the function asks unicodedata per character. (A class of the BMP alone is a bitmap to ``re``; with the planes
    above it, a list of ranges tried one by one, four times slower.)"""
    ranges: list[tuple[int, int]] = []
    for point in range(0x10000):
        if 0xD800 <= point < 0xE000 or not wide_character(chr(point)):
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


def _row_height(values: Sequence[Any], widths: Sequence[float]) -> float | None:
    """A row's height in points when a text wraps to more than one line (LibreOffice prints a row without one a
    single line tall, the rest of the text cut), else None; a text can only need a second line when twice its
    length (every character wide) passes the column's width."""
    lines = 1
    for value, width in zip(values, widths, strict=True):
        if isinstance(value, str) and (2 * len(value) > width - 1.5 or "\n" in value):
            lines = max(lines, _lines(value, width))
    if lines == 1:
        return None
    return min(lines * LINE_POINTS + PAD_POINTS, MAX_ROW_POINTS)


def _column_pixels(width: float) -> int:
    """The pixels of a column ``width`` digits wide, never wider than asked (the print is fitted to one page wide
    by the columns' sum: a fraction of a digit more across the sheet may print it a step smaller)."""
    return math.floor(width * _PIXELS_A_DIGIT + 1e-9)


def _text(value: str) -> str:
    return _NOT_XML.sub("", value) if _NOT_XML.search(value) else value


def write_list_xlsx(out: IO[bytes], sheet_name: str, title: str, made: str, columns: Sequence[SheetColumn],
                    rows: Iterable[Sequence[Any]]) -> int:
    """Write ``rows`` (each a value per column) under ``title`` and ``made`` to ``out``; the number of rows."""
    with tempfile.TemporaryDirectory(prefix="perfbudget-xlsx-", ignore_cleanup_errors=True) as folder:
        workbook = xlsxwriter.Workbook(out, {
            "constant_memory": True, "tmpdir": folder, "strings_to_formulas": False, "strings_to_urls": False,
            "default_row_height": ONE_LINE_PIXELS,
            "default_format_properties": {"font_name": FONT, "font_size": 10.5, "font_charset": 134,
                                          "font_family": 0, "font_scheme": "none"}})
        try:
            count = _write_sheet(workbook, sheet_name, title, made, columns, rows)
        except BaseException:
            for sheet in workbook.worksheets():  # its temporary file of rows, open: closed before the folder goes
                if sheet.row_data_fh is not None and not sheet.row_data_fh_closed:
                    sheet.row_data_fh.close()
            raise
        workbook.close()
    return count


def _write_sheet(workbook: xlsxwriter.Workbook, sheet_name: str, title: str, made: str,
                 columns: Sequence[SheetColumn], rows: Iterable[Sequence[Any]]) -> int:
    text_format = workbook.add_format({**_BORDER, "text_wrap": True, "valign": "top"})
    number_formats = {f: workbook.add_format({**_BORDER, "valign": "top", "num_format": clear_of_the_rule(f)})
                      for f in dict.fromkeys(c.number_format for c in columns if c.number_format)}
    formats = [number_formats[c.number_format] if c.number_format else text_format for c in columns]
    widths = [c.width for c in columns]
    header_format = workbook.add_format({**_BORDER, "bold": True, "bg_color": "#DDDDDD", "pattern": 1,
                                         "align": "center", "valign": "vcenter", "text_wrap": True})
    room = _page_room(widths)
    parts: list[Any] = []
    sheet, repeated = _begin_part(workbook, parts, sheet_name, title, made, columns, widths, header_format)
    fill = PageFill(room, repeated)
    breaks: list[int] = []
    write_string, write_number, write_blank = sheet.write_string, sheet.write_number, sheet.write_blank
    count, number = 0, 2
    pages: list[int] = []  # each finished part's printed pages
    for values in rows:
        height = _row_height(values, widths)
        points = height or ONE_LINE_PIXELS * 0.75
        if fill.starts_page(points, repeated):
            if len(breaks) < _MAX_BREAKS:
                breaks.append(number)
            else:  # the sheet holds no more breaks: the list goes on in a sheet of its own (print42)
                sheet.set_h_pagebreaks(breaks)
                pages.append(len(breaks) + 1)
                sheet, repeated = _begin_part(workbook, parts, sheet_name, title, made, columns, widths,
                                              header_format)
                write_string, write_number, write_blank = sheet.write_string, sheet.write_number, sheet.write_blank
                fill, breaks, number = PageFill(room, repeated), [], 2
                fill.starts_page(points)
        if height is not None:
            sheet.set_row(number, height)
        for n, (value, cell_format) in enumerate(zip(values, formats, strict=True)):
            kind = type(value)
            if value is None or value == "":
                write_blank(number, n, None, cell_format)
            elif kind is str:
                write_string(number, n, _text(value), cell_format)
            elif kind is bool:
                write_string(number, n, "是" if value else "否", cell_format)
            elif kind is int and -_LARGEST_EXACT_INT < value < _LARGEST_EXACT_INT:
                write_number(number, n, value, cell_format)
            elif isinstance(value, Decimal | int):
                _write_exact(write_number, write_string, number, n, Decimal(value), cell_format)
            elif kind is float and math.isfinite(value):
                write_number(number, n, value, cell_format)
            else:
                write_string(number, n, _text(str(value)), cell_format)
        count += 1
        number += 1
    sheet.set_h_pagebreaks(breaks)
    pages.append(len(breaks) + 1)
    if len(parts) > 1:  # each page says which part it is of, once the pages are apart, and its page of them all
        _number_through(parts, pages)
    return count


def _number_through(parts: Sequence[Any], pages: Sequence[int]) -> None:
    """Number the pages of a list's ``parts`` (sheets of ``pages`` printed pages each) through them all: each sheet
    begins at the pages before it and one, and says the pages of them all as a number — 「第 K 部分，共 P 部分　第 N
    页，共 M 页」 the same from every program. (print42's first reading left ``&P``/``&N`` to the program: LibreOffice
    prints the whole workbook and numbered part 2's first page 「第 4 页，共 7 页」, Excel prints the active sheet by
    default and numbered it 「第 1 页，共 3 页」.)"""
    total, before = sum(pages), 0
    for part, (sheet, count) in enumerate(zip(parts, pages, strict=True), 1):
        sheet.set_start_page(before + 1)
        sheet.set_footer(f"&C{part_label(part, len(parts))}　{PAGE_NUMBER.replace('&N', str(total))}")
        before += count


def part_label(part: int, parts: int) -> str:
    """「第 2 部分，共 3 部分」: which sheet of a list split over sheets a printed page is of."""
    return f"第 {part} 部分，共 {parts} 部分"


_SHEET_NAME_CHARS = 31  # Excel's longest sheet name


def _begin_part(workbook: xlsxwriter.Workbook, parts: list[Any], sheet_name: str, title: str, made: str,
                columns: Sequence[SheetColumn], widths: Sequence[float], header_format: Any) -> tuple[Any, float]:
    """A new sheet for the list's next part (its first, or the next once a sheet holds :data:`_MAX_BREAKS` page
    breaks), set up to print — widths, frozen and repeated title and header rows, A4 landscape one page wide,
    margins, page numbers — with its title row (a later part's title saying 「（续，第 N 部分）」) and header row;
    the sheet and the points of the two rows, printed again on every page. ``widths`` are the columns' and
    ``header_format`` the header cells' (one for all the parts)."""
    part = len(parts) + 1
    suffix = "" if part == 1 else f"（{part}）"
    sheet = workbook.add_worksheet(sheet_name[:_SHEET_NAME_CHARS - len(suffix)] + suffix)
    parts.append(sheet)
    for n, column in enumerate(columns):
        sheet.set_column_pixels(n, n, _column_pixels(column.width))
    sheet.freeze_panes(2, 0)
    sheet.repeat_rows(0, 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(**_MARGINS)
    sheet.set_footer("&C" + PAGE_NUMBER)

    title_height = _title_row(workbook, sheet, title if part == 1 else f"{title}（续，第 {part} 部分）", made, widths)
    headers = [c.title for c in columns]
    header_height = _row_height(headers, widths)
    if header_height is not None:
        sheet.set_row(1, header_height)
    for n, header in enumerate(headers):
        sheet.write_string(1, n, _text(header), header_format)
    return sheet, title_height + (header_height or ONE_LINE_PIXELS * 0.75)


def _page_room(widths: Sequence[float]) -> float:
    """The points of rows (the repeated title and header among them) a printed page holds (:func:`xlsx_room`: A4
    landscape between :data:`_MARGINS`, fitted to one page wide at the whole percent that fits, the columns the
    pixels they are set, 7 a digit: a page of Excel's, which prints the sheet largest, is the shortest in rows;
    LibreOffice here, measuring by a wider digit, prints it smaller and its pages less full), filled to
    :data:`print_layout.TAIL_SHARE` (the rows' heights and the scale are exact: 2 % kept for the applications'
    rounding; until the second reading of print41 :data:`print_layout.PAGE_SHARE`, 94 %, a page of the 51-project
    list's 77.25 pt rows held 5 where Excel prints 6, 11 pages where 9)."""
    margins = (_MARGINS["left"] + _MARGINS["right"], _MARGINS["top"] + _MARGINS["bottom"])
    return xlsx_room(widths, margins, _column_pixels, wide=True) * TAIL_SHARE


def _title_row(workbook: xlsxwriter.Workbook, sheet: Any, title: str, made: str, widths: Sequence[float]) -> float:
    """The title (bold 14 pt) over the leading columns and the time of export over the trailing ones it needs,
    each wrapped within its own cells, the row as tall as the taller. (Until print19 both stood in one cell each
    and spilled into the empty ones between: a title of a few filters and the time, right-aligned, printed over
    each other.)"""
    title_format = workbook.add_format({"bold": True, "font_size": 14, "text_wrap": True, "valign": "top"})
    if len(widths) == 1:
        lines = _lines(title, widths[0] / _TITLE_SCALE)
        single = float(max(24, lines * _TITLE_LINE_POINTS + PAD_POINTS))
        sheet.set_row(0, single)
        sheet.write_string(0, 0, _text(title), title_format)
        return single
    first = len(widths) - 1  # the first of the columns under the time: at least the last, as many as it needs
    while first > 1 and sum(widths[first:]) < text_width(made) + 1.5:
        first -= 1
    title_lines = _lines(title, sum(widths[:first]) / _TITLE_SCALE)
    made_lines = _lines(made, sum(widths[first:]))
    height = float(min(max(24, title_lines * _TITLE_LINE_POINTS + PAD_POINTS, made_lines * LINE_POINTS + PAD_POINTS),
                       MAX_ROW_POINTS))
    sheet.set_row(0, height)
    made_format = workbook.add_format({"align": "right", "valign": "bottom", "text_wrap": True})
    for (start, end), text, cell_format in (((0, first - 1), title, title_format),
                                            ((first, len(widths) - 1), made, made_format)):
        if start == end:
            sheet.write_string(0, start, _text(text), cell_format)
        else:
            sheet.merge_range(0, start, 0, end, _text(text), cell_format)
    return height


def _write_exact(write_number: Any, write_string: Any, row: int, col: int, value: Decimal, cell_format: Any) -> None:
    """A Decimal as a number of its own digits, in positional notation (1E+2 is 100), when Excel can hold them;
    else (more than 15 significant digits, or no number at all) its exact text."""
    _, digits, exponent = value.as_tuple()
    if isinstance(exponent, int) and len(digits) <= _EXACT_DIGITS:
        write_number(row, col, value if exponent <= 0 else value.quantize(Decimal(1)), cell_format)
    else:
        write_string(row, col, format(value, "f"), cell_format)
