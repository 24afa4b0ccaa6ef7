"""Print-ready sizing shared by the xlsx and docx writers: text widths of Chinese text, column
widths that fit their content, row heights for wrapped text, A4 page setup with the orientation
that fits, the 填报人/审核人/日期 footer and page numbers.

Widths are in Excel's column unit (about one Latin digit, 0.19 cm at 10.5 pt); a CJK character
takes two. A4 holds about 90 units across in portrait and 135 in landscape with 1.5 cm margins;
wider tables are printed landscape, and every sheet is fitted to one page wide.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from copy import copy
from functools import reduce
from itertools import pairwise
from operator import add
from typing import Any, ClassVar, Protocol, TypeVar


class _Rows(Protocol):
    """A grid's cell as the paging sees it (a dataclass): the row it starts in and how many it spans."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def row(self) -> int: ...

    @property
    def rowspan(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_Rows)

PORTRAIT_UNITS = 90
A4_POINTS = (595.3, 841.9)
LANDSCAPE_UNITS = 135
LINE_POINTS = 14.5  # one line of 10.5 pt 宋体 with leading
MAX_ROW_POINTS = 409  # Excel's tallest row
PAD_POINTS = 5
CM_PER_UNIT = 0.19
POINTS_PER_CM = 72 / 2.54
SIGN_FOOTER = "填报人：　　　　　　审核人：　　　　　　填报日期：　　　　年　　月　　日"
PAGE_NUMBER = "第 &P 页，共 &N 页"
# The HTML downloads printed from a browser: A4 (Chromium prints US Letter otherwise), the page
# number in the bottom margin, rows never split, a heading kept with its table, a table's <thead>
# repeated on every page. Rows are kept whole by their cells that span one row: a row kept whole
# (tr) holds its cells merged down too, so Chromium moved a table whose 产出指标 spans 45 rows to
# the next page whole, leaving the first page a third empty.
PAGE_COUNTER = '"第 " counter(page) " 页，共 " counter(pages) " 页"'  # 「第 N 页，共 M 页」 as CSS content
PRINT_CSS = f"""
@page{{size:A4;margin:15mm 12mm 16mm;
@bottom-center{{content:{PAGE_COUNTER};font-size:9pt}}}}
@media print{{td:not([rowspan]),th:not([rowspan]){{break-inside:avoid}}h2,h3{{break-after:avoid}}
thead{{display:table-header-group}}}}
"""

# A cell merged over more rows than this may cross a page: its text goes to the top (a workbook prints
# a range's centred text where the middle falls — across a page break, cut in two: the 自评表's 效益指标
# over two rows of long 偏差原因 printed half on each page). Every range of two rows or more can cross one.
LONG_SPAN = 1


# Characters of East Asian width A (ambiguous) that the Chinese fonts the downloads name set a character wide: the
# pages' 宋体 stack (Noto Serif CJK SC here, measured by Chromium: 「≥」 10 pt at 10 pt) and the workbooks' 宋体 —
# the symbols, arrows, quotes and circled numbers from U+2000 and the Latin-1 signs of GB2312 — but not the primes,
# super- and subscripts, 「€」, 「–」 (5.9 pt at 10.5 pt), 「°」, 「·」 or the Greek and Cyrillic letters (proportional,
# about half a character). 「™」 is wide: 8.3 pt at 10.5 pt, nearer a character than half (counted less, it would
# break a line sized for it)
_NARROW_SIGNS = frozenset("′″‴․‾€–")
_WIDE_LATIN = frozenset("§±×÷¶ˉ")


def wide_character(char: str) -> bool:
    """Whether ``char`` prints a CJK character wide (two column units): East Asian width W or F, or an ambiguous one
    the Chinese fonts set so. Until print38 only W and F: 「≥90.91%」 was measured 7.7 units and printed 8.6 by
    Chromium, which broke it 「≥90.91 / %」 in the 监控表 page's 年度指标值 column sized for it on one line."""
    kind = unicodedata.east_asian_width(char)
    return kind in ("W", "F") or (kind == "A" and (char in _WIDE_LATIN or (
        ord(char) >= 0x2000 and not 0x2070 <= ord(char) <= 0x209F and char not in _NARROW_SIGNS
        and unicodedata.category(char) != "Mn")))  # (a variation selector is no character of its own)


class _CharWidths(dict[str, float]):
    """A character's printed width in column units, worked out on its first look-up and kept (the first
    ``KEPT`` characters seen: a file of every character of Unicode would otherwise hold some 100 MB)."""

    KEPT: ClassVar[int] = 30_000

    def __missing__(self, char: str) -> float:
        width = 2.0 if wide_character(char) else 1.1
        if len(self) < self.KEPT:
            self[char] = width
        return width


_CHAR_WIDTHS = _CharWidths()


def text_width(text: str) -> float:
    """The printed width of one line in column units: wide (CJK, full-width) characters take two. Added up one
    character after another from 0.0 as before, but in C (``reduce``; ``sum`` adds floats otherwise from Python
    3.12): a Word download measured each of a long table's 8 MB of text twice a character at a time in Python
    (download-cost)."""
    return reduce(add, map(_CHAR_WIDTHS.__getitem__, text), 0.0)


def char_widths(text: str) -> list[float]:
    """Each character's printed width in column units (:func:`text_width` adds them up)."""
    return list(map(_CHAR_WIDTHS.__getitem__, text))


def cell_room(width: float) -> float:
    """The units a line of a workbook cell ``width`` units wide holds, between its margins (:func:`lines_needed`)."""
    return max(width - 1.5, 2.0)


def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` (newlines kept) takes in a cell ``width`` units wide, wrapped."""
    usable = cell_room(width)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in (text.split("\n") if text else [""]))


def heading_height(text: str, width: float, points: float = 12) -> float:
    """The height of a heading row ``width`` units wide in a ``points`` pt font (12 pt bold: the 绩效目标表's): its
    lines, newlines kept and wrapped, at least 24 pt."""
    scale = points / 10.5
    return max(24.0, min(MAX_ROW_POINTS, lines_needed(text, width / scale) * LINE_POINTS * scale + PAD_POINTS))


def fit_widths(cells: Iterable[tuple[int, int, str]], columns: int, minimum: Sequence[float] | float = 8,
               maximum: float = 40) -> list[float]:
    """Column widths from the cells that sit in one column: (col, colspan, text) triples; the
    widest line of a single-column cell, plus padding, between ``minimum`` and ``maximum``."""
    lows = list(minimum) if isinstance(minimum, Sequence) else [float(minimum)] * columns
    widths = [float(low) for low in lows[:columns]] + [8.0] * max(0, columns - len(lows))
    for col, span, text in cells:
        if span != 1 or col >= columns:
            continue
        widest = max((text_width(line) for line in text.split("\n")), default=0.0) + 2
        widths[col] = min(max(widths[col], widest), max(maximum, lows[col] if col < len(lows) else 0))
    return widths


# A grid's column (the 自评表's, the 监控表's) is never narrower than this (three CJK characters a line) unless its
# every line is, nor wider than this share of the table. The widths are worked out on at most ``SAMPLE_ROWS`` of
# its rows (a fixed random choice), after each column is given room for its longest text in ``TALL_LINES`` lines
# (three quarters of a landscape page).
LEAST_UNITS = 7.5
TALL_LINES = 24
MOST_SHARE = 0.3
SAMPLE_ROWS = 200


def _lines(parts: Sequence[float], width: float) -> int:
    usable = max(width - 1.5, 2.0)
    return sum(max(1, math.ceil(part / usable)) for part in parts)


def _top_two(lines: dict[int, int]) -> tuple[int, int, int]:
    """(most lines, its column, most lines of the other columns) of a row's cells."""
    tallest = max(lines, key=lambda col: lines[col])
    return lines[tallest], tallest, max((n for col, n in lines.items() if col != tallest), default=1)


# an amount, a count or a rate (「1125.00」, 「3,359.62」, 「100%」), a target's too (「≥90.91%」, 「=100%」, 「>=95%」
# since print38: the 监控表 page printed 「≥90.91 / %」), the one pattern of the writers' layouts: never broken over
# lines (the 绩效目标表 page's columns, the 自评表's and 监控表's columns, the Word 自评表's figure cells), kept whole
# in a row's height
FIGURE = re.compile(r"(?:[≥≤≧≦＞＜><]=?|[=＝])?[-+]?[\d,]+(?:\.\d+)?%?$")


def _base_with_numbers(base: Sequence[float], ones: Sequence[float]) -> tuple[float, ...]:
    """``base``, each column at least as wide as its numbers need on one line (``ones``), the room taken from the
    other columns' width above their own numbers in proportion. Until print21 it was ``base`` alone: a 监控表's
    全年预算数 column of 10 units printed 「12,345,678.90」 as 「###」 in Excel and LibreOffice."""
    total = float(sum(base))
    widths = [max(float(b), one) for b, one in zip(base, ones, strict=True)]
    over = sum(widths) - total
    free = [width - one for width, one in zip(widths, ones, strict=True)]
    if over > 0 and sum(free) > over:
        widths = [width - room * over / sum(free) for width, room in zip(widths, free, strict=True)]
    return tuple(round(width, 1) for width in widths)


STEPS_TRIED = 4  # widenings to where a text of a column takes a line less, the nearest first, besides 1 and 3 units


def _steps(width: float, texts: Iterable[Sequence[float]]) -> list[float]:
    """The widenings of a column of ``width`` tried by :func:`shared_widths`: a unit, three, and the nearest
    :data:`STEPS_TRIED` widths at which one of its ``texts`` (the widths of its lines; those of the rows it makes
    tallest, the only ones a wider column shortens) takes a line less. Until print28
    only one and three units were tried, so a column whose texts wanted ten more for a line less (the 三级指标
    「指标1:完成中型灌区节水改造项目数量」 of the corpus's 自评 table 08 in 29.9 units) never got them: the rest went
    by ``base`` to an empty 偏差原因分析, and the 9-indicator form printed on two pages."""
    wanted: set[float] = set()
    for parts in texts:
        for part in parts:
            now = _lines([part], width)
            if now > 1:
                wanted.add(math.ceil((part / (now - 1) + 1.5 - width) * 10) / 10)
    return [1.0, 3.0, *sorted(step for step in wanted if step > 0)[:STEPS_TRIED]]


def shared_widths(base: Sequence[float], cells: Iterable[tuple[int, int, int, str, int]]) -> tuple[float, ...]:
    """A table's column widths shared out by its content, the table as wide as ``base`` (printed at the same
    scale). ``cells`` are (row, col, colspan, text, lines): those in one column count; ``lines`` is 1 for a cell
    that must not wrap (a number: 「180.00%」 broken over two lines is misread), 2 for one that may take two lines
    at most (a header, a label), 0 for a text. Each column starts at its floor — ``LEAST_UNITS`` (or its widest
    line, when narrower), room for its numbers on one line and its headers and labels in two, and for its longest
    text in ``TALL_LINES`` lines; the rest of the width goes, a unit at a time, to the column where it saves the
    most printed lines over the table's rows (a row is as tall as its tallest cell), each column at most
    ``MOST_SHARE`` of the table and no wider than its widest line; what no column can use goes back in
    proportion to ``base``. When the floors together are wider than the table, the widths are ``base`` with room
    for its numbers on a line (:func:`_base_with_numbers`). Until print16 the 自评表 and 监控表
    had fixed widths: a 200-character 年度指标值 in the 监控表's column of 10 units was a row taller than a page,
    printed past the page's foot and cut (Excel) or run into the footer (Word), and every long 偏差原因分析 a row
    of 20 lines, while 预警 and 进度 held two words in columns as wide."""
    total = float(sum(base))
    count = len(base)
    floors = [0.0] * count
    most = [0.0] * count
    texts: dict[int, dict[int, list[float]]] = {}
    ones = [0.0] * count  # room for what must be on one line (numbers)
    for row, col, span, text, lines_kept in cells:
        if span != 1 or col >= count or not text:
            continue
        parts = [text_width(part) for part in text.split("\n")]
        if lines_kept:
            floors[col] = max(floors[col], sum(parts) / lines_kept + 2.5)
        if lines_kept == 1 and FIGURE.match(text):
            ones[col] = max(ones[col], sum(parts) + 2.5)
        texts.setdefault(row, {})[col] = parts  # (a label's lines count too: until print28 a label kept to two lines
        # was not weighed, and a column narrowed to its floor set 「其中：当年财政拨款」 over two where it fitted one)
        most[col] = max(most[col], min(MOST_SHARE * total, max(parts) + 2))
    widths = [max(floor, min(LEAST_UNITS, widest or LEAST_UNITS)) for floor, widest in zip(floors, most, strict=True)]
    if sum(widths) >= total:
        return _base_with_numbers(base, ones)
    # first, room for the longest text of each column in at most TALL_LINES lines (a row taller than a page is cut)
    longest = [0.0] * count
    for row_texts in texts.values():
        for col, parts in row_texts.items():
            longest[col] = max(longest[col], sum(parts))
    tall = [max(0.0, min(most[col], longest[col] / TALL_LINES + 2) - widths[col]) for col in range(count)]
    if sum(tall) > 0:
        given = min(1.0, (total - sum(widths)) / sum(tall))
        widths = [width + extra * given for width, extra in zip(widths, tall, strict=True)]
    keys = sorted(texts)
    if len(keys) > SAMPLE_ROWS:  # (a fixed choice: the same table, the same widths)
        keys = sorted(random.Random(len(keys)).sample(keys, SAMPLE_ROWS))
    rows = [texts[key] for key in keys]
    lines = [{col: _lines(parts, widths[col]) for col, parts in cols.items()} for cols in rows]
    by_column: dict[int, list[int]] = {}
    for index, cols in enumerate(rows):
        for col in cols:
            by_column.setdefault(col, []).append(index)
    spare = total - sum(widths)
    while spare >= 1:
        tops = [_top_two(row_lines) for row_lines in lines]
        best = (0.0, -1, 0.0)
        for col, indexes in by_column.items():
            tallest_in = [index for index in indexes if tops[index][1] == col]  # (only those rows can be shortened)
            for step in _steps(widths[col], [rows[index][col] for index in tallest_in]):
                if step > spare or widths[col] + step > most[col]:
                    continue
                saved = 0
                for index in tallest_in:
                    height, _, second = tops[index]
                    saved += height - max(second, _lines(rows[index][col], widths[col] + step))
                if saved / step > best[0]:
                    best = (saved / step, col, step)
        if best[1] < 0:
            break
        _, col, step = best
        widths[col] += step
        spare -= step
        for index in by_column[col]:
            lines[index][col] = _lines(rows[index][col], widths[col])
    widths = [width + spare * float(b) / total for width, b in zip(widths, base, strict=True)]
    return tuple(round(width, 1) for width in widths)


def row_heights(cells: Iterable[tuple[int, int, int, int, str]], widths: Sequence[float],
                rows: int, line: float = LINE_POINTS, pad: float = PAD_POINTS) -> list[float]:
    """Row heights in points for (row, col, rowspan, colspan, text) cells, ``line`` points a line and ``pad`` a row
    (a workbook's by default; :data:`DOCX_LINE_POINTS` for Word); a cell spanning rows shares its lines over them
    (the last row takes what the others do not give)."""
    heights = [line + pad] * rows
    tall: list[tuple[int, int, float]] = []
    for row, col, rowspan, colspan, text in cells:
        if row >= rows:
            continue
        width = sum(widths[col:col + colspan])
        need = lines_needed(text, width) * line + pad
        if rowspan == 1:
            heights[row] = max(heights[row], need)
        else:
            tall.append((row, min(rows, row + rowspan), need))
    for first, end, need in tall:
        have = sum(heights[first:end])
        if have < need:
            heights[end - 1] += need - have
    return heights


# A sheet at most this many units wide prints, fitted to A4 landscape, at 70 % or more: its 11 pt text at 7.7 pt
# or more. LibreOffice printed a fill-in sheet of 179 units at 60 % (6.6 pt), the monitoring sheet of 223 at
# 44 % (4.8 pt) and the 指标库 of 198 at 54 % (print15): too small to read.
READABLE_UNITS = 150


def content_widths(rows: Iterable[Sequence[str]], ranges: Sequence[tuple[float, float]],
                   limit: float = READABLE_UNITS) -> list[float]:
    """Column widths for a plain sheet (one value a cell, every cell wrapped): each column as wide as its widest
    line plus padding, between its (least, most); then, while the sheet is wider than ``limit``, the columns
    wider than their least give up the excess in proportion to what they have above it."""
    widths = [float(low) for low, _ in ranges]
    for row in rows:
        for col, text in enumerate(row[:len(ranges)]):
            widest = max((text_width(line) for line in str(text).split("\n")), default=0.0) + 2
            widths[col] = max(widths[col], min(widest, ranges[col][1]))
    spare = sum(width - low for width, (low, _) in zip(widths, ranges, strict=True))
    excess = sum(widths) - limit
    if excess > 0 and spare > 0:
        keep = max(0.0, 1 - excess / spare)
        widths = [low + (width - low) * keep for width, (low, _) in zip(widths, ranges, strict=True)]
    return [round(width, 1) for width in widths]


def landscape(widths: Sequence[float]) -> bool:
    """True when the table is too wide for A4 portrait."""
    return sum(widths) > PORTRAIT_UNITS


def xlsx_merge(sheet: Any, first_row: int, first_column: int, last_row: int, last_column: int) -> None:
    """``sheet.merge_cells`` for a range that overlaps no range merged before (the writers' grids never do),
    without openpyxl's check of the new range against every range already merged: quadratic in the merged
    ranges, a project of 10,000 indicators took 82 s of CPU for its workbook until 2026-12-04 (found by
    attack12). The same merged range and edge borders as ``merge_cells``."""
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.merge import MergedCellRange

    merged = MergedCellRange(sheet, CellRange(min_col=first_column, min_row=first_row, max_col=last_column,
                                              max_row=last_row).coord)
    sheet.merged_cells.ranges.add(merged)
    sheet._clean_merge_range(merged)


# xlsx_page_setup's margins in inches: left and right, top and bottom
_SIDE_MARGINS, _END_MARGINS = 0.6 + 0.6, 0.6 + 0.7
# (print28: 0.7 and 0.8 before; the head of 9 pt from 0.3 in and the sign-off footer's two lines from 0.4 in still end
# about 8 pt clear of the rows, and a landscape page holds 15 pt more: the corpus's 9-indicator 自评表 08 on one page)
# A sheet's pages are cut a little short of what its rows are computed to fill: the applications round the scale
# and a row's height to their own units, and a row a point too tall for the page would start a page of its own
PAGE_SHARE = 0.94


def xlsx_page_starts(widths: Sequence[float], heights: Sequence[float], lead: float = 0.0,
                     repeated: int | None = None, tail: Sequence[float] = (), last: int | None = None,
                     alone: bool = False) -> list[int]:
    """The rows (0-based in ``heights``) that start a printed page of a sheet set up by :func:`xlsx_page_setup`:
    ``widths`` its columns in characters (of the workbook's default 11 pt font, :data:`XLSX_DIGIT_PIXELS` a digit),
    ``heights`` its rows in points after ``lead`` points of rows above them (a heading), ``repeated`` the row printed
    again at the top of every page after it (the indicator header). The sheet is fitted to one page wide — scaled
    down by the whole percent that fits, as Excel, WPS and LibreOffice do — and every page filled to
    :data:`PAGE_SHARE` of its height. The writers set these rows as the sheet's page breaks, so that the pages are the
    ones computed here and a range merged over a page break can be drawn as a range on each page
    (:func:`split_at_pages`).

    ``tail``: the heights of rows after the table (the 计分说明 lines), kept on the page that ends it with its rows
    from ``last`` (the last indicator; its last row when None) or more (:func:`tail_kept_with_table`; ``alone``: or on
    a page of its own after a table that fits its first page)."""
    room = xlsx_room(widths)
    starts = page_starts([*heights, *tail], room * PAGE_SHARE, lead, repeated)
    if repeated is not None:  # a page never ends with the indicator header: it begins the next (print30)
        starts = sorted({repeated if start == repeated + 1 else start for start in starts})
    if last is not None:  # the rows after ``last`` (总分) go with it: print32 found the seed's 总分 alone on page 2
        starts = sorted({min(start, last) if start < len(heights) else start for start in starts})
    return tail_kept_with_table(starts, heights, tail, room * TAIL_SHARE, lead, repeated, last, alone)


# The page that ends a table with its 计分说明 is filled up to this share of its height (the rows' heights are exact;
# PAGE_SHARE's margin is for rounding the scale, which the notes' page can spare: a page more otherwise)
TAIL_SHARE = 0.98


def tail_kept_with_table(starts: Sequence[int], heights: Sequence[float], tail: Sequence[float], room: float,
                         lead: float = 0.0, repeated: int | None = None, last: int | None = None,
                         alone: bool = False) -> list[int]:
    """``starts`` (:func:`page_starts` of ``heights`` then ``tail``) without a page beginning in the tail: the page
    that ends the table holds the whole tail (``room`` points a page, ``lead`` above the first page's rows and the
    ``repeated`` row above a later page's), else it begins at the latest row up to ``last`` (the table's last row
    when None) that makes it hold them. A sheet repeats its title rows on every page, so that a page of 计分说明
    alone printed under the indicator header (print20–28's left item). A tail taller than a page is left where it
    falls.

    ``alone``: a table that fits its first page but not with the tail ends that page whole, and the tail (after its
    first row, the gap under the table) begins the next: ``[len(heights) + 1]``, a page that needs no repeated row
    (the writer sets none). print32: the seed's 自评表 workbook printed its last indicator, 满意度, alone on page 2 with
    the 总分 and the 计分说明, cut from the eight indicators on page 1."""
    rows = len(heights)
    if alone and lead + sum(heights) <= room < lead + sum(heights) + sum(tail) and sum(tail[1:]) <= room:
        return [rows + 1]
    if all(start < rows for start in starts):
        return list(starts)
    kept = [start for start in starts if start < rows]
    again = heights[repeated] if repeated is not None else 0.0

    def holds(first: int) -> bool:
        return (again if kept or first else lead) + sum(heights[first:]) + sum(tail) <= room

    if holds(kept[-1] if kept else 0):
        return kept
    earliest = kept[-1] + 1 if kept else (repeated + 2 if repeated is not None else 1)
    for row in range(rows - 1 if last is None else last, earliest - 1, -1):
        if holds(row):
            return [*kept, row]
    return list(starts)


# The pixels of a digit of the workbooks' default font, 宋体 11 (print30), by which Excel and WPS measure a column's
# width: 8 where Calibri 11's were 7 (the sheets print an eighth smaller than when the default was Calibri, so a page
# holds more rows: the rooms were still computed with 7 until print32, and the seed's 自评表 of 510 pt was cut before
# its last indicator where Excel prints it at 96 % on one page, LibreOffice, measuring 宋体 by a wider font, at 86 %)
XLSX_DIGIT_PIXELS = 8


def _column_pixels(width: float) -> float:
    """A column ``width`` characters wide as Excel draws it: :data:`XLSX_DIGIT_PIXELS` a digit and 5 of padding."""
    return width * XLSX_DIGIT_PIXELS + 5


def xlsx_room(widths: Sequence[float], margins: tuple[float, float] = (_SIDE_MARGINS, _END_MARGINS),
              pixels: Callable[[float], float] = _column_pixels, wide: bool | None = None) -> float:
    """The points of rows a page of a sheet holds, fitted to one page wide at the whole percent that fits: the sheet
    set up by :func:`xlsx_page_setup` (A4, landscape when :func:`landscape`), unless told its ``margins`` (inches:
    left and right, top and bottom together), its columns' ``pixels`` (of a column ``width`` wide) or ``wide``
    (landscape; the list exports', ``list_xlsx``)."""
    side, ends = margins
    landscaped = landscape(widths) if wide is None else wide
    page_width, page_height = (A4_POINTS[1], A4_POINTS[0]) if landscaped else A4_POINTS
    sheet_width = sum(pixels(width) for width in widths) * 0.75
    scale = min(1.0, math.floor((page_width - side * 72) / sheet_width * 100) / 100)
    return (page_height - ends * 72) / scale


# A sheet whose rows are at most this much taller than its page holds (fitted to one page wide) is printed on one
# page, shrunk to fit by the program (Excel's, WPS's and LibreOffice's 「调整为 1 页宽 1 页高」), rather than cut before
# its last rows: at most 10 % smaller than fitted to the width alone.
ONE_PAGE_OVER = 1 / 0.9


def xlsx_one_page(widths: Sequence[float], heights: Sequence[float], lead: float = 0.0) -> bool:
    """Whether a sheet of ``widths`` and rows of ``heights`` (after ``lead`` points of a heading) is to be printed on
    one page (:func:`xlsx_page_setup`'s ``one_page``): it is at most :data:`ONE_PAGE_OVER` times what a page holds.
    print27: the 部门整体 table 29's workbook, 20 rows 4 pt taller than a landscape page at its computed scale, printed
    its last three rows on a second page, under the repeated header, a label split over the two."""
    return lead + sum(heights) <= xlsx_room(widths) * ONE_PAGE_OVER


# A form whose rows and notes would print at this scale or more on one page (its 10.5 pt text at 7.9 pt or more, as
# the 指标库 and the lists print) is printed on one page
READABLE_SCALE = 0.75


def xlsx_readable_one_page(widths: Sequence[float], heights: Sequence[float]) -> bool:
    """Whether a sheet of ``widths`` whose every row (its notes too) is in ``heights`` prints on one page, fitted one
    page wide and one tall (:func:`xlsx_page_setup`'s ``one_page``), at :data:`READABLE_SCALE` or more. print28: the
    corpus's 9-indicator 自评表 08 printed its form over two pages and its 计分说明 on the second, about 70 % full
    (print20–27's left item); it is one page at 8.6 pt now, as a person would print it."""
    printable = (A4_POINTS[0] if landscape(widths) else A4_POINTS[1]) - _END_MARGINS * 72
    width_scale = printable / xlsx_room(widths)
    return min(width_scale, printable / sum(heights)) >= READABLE_SCALE


# A sheet that prints on a page fewer when at most this much smaller than fitted to its width is printed so (as
# ONE_PAGE_OVER does for one page)
FEWER_PAGES_SCALE = 0.9


def widened_for_fewer_pages(widths: list[float], pages_of: Callable[[list[float]], int],
                            points: float = 0.0) -> list[float]:
    """``widths`` made wider by the least whole percent, up to 1 / :data:`FEWER_PAGES_SCALE`, at which a sheet of
    three pages or more (``pages_of(widths)``: its pages as computed) prints on fewer, in the same orientation;
    ``widths`` when none does. Fitted one page wide, a wider sheet prints smaller — its rows and notes each on the
    page computed, the sheet's page breaks, which Excel, WPS and LibreOffice keep only when the sheet is fitted to
    its width alone (fitted to two pages tall they set their own breaks: LibreOffice printed r05's last rows without
    their 一级/二级 labels). print35: r05's 自评表 (19 indicators, 23 计分说明 lines) printed three pages, the second a
    third full, its last indicator kept with the 总分 and the notes on the third (print32–34's left item); four
    percent wider, two. ``points``: the sheet's rows and notes in all, when known: a sheet that could not be a page
    shorter however much smaller is not laid out again."""
    pages = pages_of(widths)
    widest = [width / FEWER_PAGES_SCALE for width in widths]
    if pages < 3 or points > (pages - 1) * xlsx_room(widest) * PAGE_SHARE:
        return widths
    for percent in range(101, math.floor(100 / FEWER_PAGES_SCALE) + 1):
        wider = [width * percent / 100 for width in widths]
        if landscape(wider) != landscape(widths):
            break
        if pages_of(wider) < pages:
            return wider
    return widths


def _fill(heights: Iterable[float], room: float, used: float, placed: int, again: float, after: float = math.inf,
          later: float = 0.0) -> tuple[list[int], float, int]:
    """The rule of :func:`page_starts` and :class:`PageFill`: the rows of ``heights`` (0-based) that do not fit under
    the ``used`` points of ``placed`` rows already on a page of ``room`` points (and there are some), so that they
    begin the next page under ``again`` points of rows printed again there (a row past ``after``: ``later``); with
    the points and rows then on the last page. One loop over the run in local variables (the second reading of
    print42: ``page_starts`` through a method call a row took twice the time on long runs)."""
    starts: list[int] = []
    for row, height in enumerate(heights):
        if used + height > room and placed:
            starts.append(row)
            used, placed = later if row > after else again, 0
        used += height
        placed += 1
    return starts, used, placed


class PageFill:
    """The printed page a run of rows is filling, a row at a time: :meth:`starts_page` tells whether the next row
    begins a new page (:func:`page_starts` of a whole run; a list written as it is read counts its pages so without
    keeping its rows, ``list_xlsx``)."""

    __slots__ = ("placed", "room", "used")

    def __init__(self, room: float, lead: float = 0.0) -> None:
        self.room, self.used, self.placed = room, lead, 0

    def starts_page(self, height: float, again: float = 0.0) -> bool:
        """Place a row ``height`` points tall: True when it does not fit under the rows already on the page (and
        there are some), so that it begins the next page under ``again`` points of rows printed again there."""
        if self.used + height > self.room and self.placed:  # _fill's rule, for one row without its loop
            self.used, self.placed = again + height, 1
            return True
        self.used += height
        self.placed += 1
        return False


def page_starts(heights: Sequence[float], room: float, lead: float = 0.0, repeated: int | None = None,
                again: float = 0.0) -> list[int]:
    """The rows (0-based in ``heights``, in points) that start a page of ``room`` points, the first page holding
    ``lead`` points above them and every later one the ``repeated`` row (the indicator header) again — or, with no
    such row among ``heights``, ``again`` points of rows above them (a list's title and header rows)."""
    if repeated is None or not -len(heights) <= repeated < len(heights):
        return _fill(heights, room, lead, 0, again)[0]
    return _fill(heights, room, lead, 0, again, repeated, heights[repeated])[0]


# A Word table row of one line of 10.5 pt text as Word, WPS and LibreOffice set it (the table style's single spacing,
# no cell padding above or below) is 12.5 to 15 pt; the pages of a Word 自评表/监控表 are computed with these and cut
# at this share of what docx_page_height gives (the footer takes less than its two lines: about 10 % to spare), so
# that a page computed full is not more than full when printed (at 14 and 2 pt a row, the seed's 自评表 of nine
# indicators, one page in LibreOffice, was cut over two). Since print33 counted as print32 counts the 绩效目标表's
# (target_table_docx.TARGET_LINE_POINTS, TARGET_PAGE_SHARE): LibreOffice sets 12.2 pt a line and a one-line row 13.8,
# Word's body is 481 pt where 464 are counted; at 13.5 a line and cut at 92 %, r197's 监控表 (rows of 9 lines of
# 偏差原因分析) printed two indicators a page, each page ending 150 pt above its foot where the next needed 112
DOCX_LINE_POINTS = 13.0
DOCX_PAD_POINTS = 1.5
DOCX_PAGE_SHARE = 0.97


def indicator_page_starts(heights: Sequence[float], room: float, header_row: int, totals: int,
                          lead: float = 0.0) -> list[int]:
    """The rows of a 自评表/监控表 grid drawn from row 0 (``heights`` in points) that start a printed page of ``room``
    points (:func:`page_starts`), ``header_row`` (the indicator header) at the top of every later page. The first
    indicator goes with the head (kept with it), and the rows from ``totals`` (总分) with the last indicator. The
    Word and HTML writers start a table there on a new page (Word, WPS and Chromium repeat no merged cell's text on
    the next page, nor can Word be told where to break a table), so that a 一级/二级 label merged over rows crossing a
    page is drawn again on the next (:func:`split_at_pages`), as the workbooks do since print20."""
    first, last = header_row + 2, totals - 1
    return sorted({max(first, min(start, last)) for start in page_starts(heights, room, lead, header_row)
                   if first <= last})


def head_page_starts(heights: Sequence[float], room: float, header_row: int, totals: int, lead: float,
                     head: Iterable[tuple[int, int]]) -> list[int]:
    """:func:`indicator_page_starts`, and where the head (the rows before ``header_row``, its merged cells ``head``
    as (row, rows)) does not fit on its first page with the first indicator, the rows it is cut at too: each the row
    that runs over its page, moved up to the top of a merged cell it falls in, and to the head's last row when it
    falls after it (that row, 绩效目标, goes with the indicator header and the first indicator); the pages after a cut
    counted from it. The head of the
    corpus tables 38 and 106 (20–30 rows of unlabelled extras) printed its last rows, the indicator header and one
    indicator alone on page 2, the other indicators on page 3: the head broke where the program found its page full,
    the indicators where computed from a page 1 holding the whole head (print29's left item, fixed by print30)."""
    spans = [(row, row + rows) for row, rows in head if rows > 1]
    cuts: list[int] = []
    begin, used = 0, lead
    while True:
        starts = page_starts(heights[begin:], room, used, header_row - begin)
        cut = begin + starts[0] if starts else totals
        if cut >= header_row + 2 or cut >= totals:
            break
        cut = min(cut, header_row - 1)  # (the head's last row, 绩效目标, goes with the header and an indicator)
        cut = next((top for top, end in spans if top < cut < end), cut)
        if cut <= begin:  # (a merged cell taller than a page: left to break where it falls)
            break
        cuts.append(cut)
        begin, used = cut, 0.0
    return cuts + [begin + start for start in indicator_page_starts(heights[begin:], room, header_row - begin,
                                                                      totals - begin, used)]


def docx_page_starts(heights: Sequence[float], page_height: float, header_row: int, totals: int,
                     lead: float = 0.0, head: Iterable[tuple[int, int]] | None = None,
                     share: float = DOCX_PAGE_SHARE) -> list[int]:
    """:func:`indicator_page_starts` of a Word page (``heights`` by :func:`row_heights` at
    :data:`DOCX_LINE_POINTS`), cut at ``share`` of its height, ``lead`` points above the table on its first page (the
    绩效目标表's heading paragraph); with ``head`` (its merged cells), :func:`head_page_starts`."""
    if head is not None:
        return head_page_starts(heights, page_height * share, header_row, totals, lead, head)
    return indicator_page_starts(heights, page_height * share, header_row, totals, lead)


def page_parts(cells: Iterable[_Spanned], header_row: int, rows: int,
               starts: Sequence[int]) -> Iterator[tuple[int, int, list[_Spanned]]]:
    """(first row, end row, cells at rows from 0) of each table a grid of ``rows`` rows is drawn as: its head (the
    rows before ``header_row``), then its indicators cut at ``starts`` (:func:`indicator_page_starts`), each part
    after the first led by the indicator header row again, and a label merged over rows of two parts drawn in each
    (:func:`split_at_pages`). ``cells`` are dataclasses with ``row`` and ``rowspan`` (the 自评表/监控表's and the
    绩效目标表's): the Word writers draw each part as a table, the parts after the first on a new page.

    Each cell is split once and its pieces put in their parts (found by bisection). Until attack29 every part split
    every cell at every page start again, parts × cells × starts: a project of 990 indicators with long texts (a page
    a row or two, some 1,000 parts) cost 147 s of CPU for each Word download of it."""
    from dataclasses import replace

    cells = list(cells)
    cuts = [start for start in starts if start < header_row]  # a head cut where it runs over (head_page_starts)
    starts = [start for start in starts if start > header_row]  # (at header_row: the indicators begin a page)
    bounds = [0, *cuts, header_row, *starts, rows]
    if any(b < a for a, b in pairwise(bounds)):  # (never so: starts are sorted rows of the indicators)
        yield from _page_parts_unsorted(cells, header_row, bounds, starts)
        return
    pieces: list[list[tuple[_Spanned, int, int]]] = [[] for _ in range(len(bounds) - 1)]
    for cell in cells:
        if cell.row < header_row:  # the head: cut only between its merged cells (head_page_starts)
            pieces[bisect_right(bounds, cell.row) - 1].append((cell, cell.row, cell.rowspan))
            continue
        for part_row, part_rows in split_at_pages(cell.row, cell.rowspan, starts):
            part = bisect_right(bounds, part_row) - 1
            if 0 <= part < len(pieces):  # (bounds[part] <= part_row < bounds[part + 1])
                pieces[part].append((cell, part_row, part_rows))
    heads = [cell for cell in cells if cell.row == header_row]
    for part, (first, end) in enumerate(pairwise(bounds)):
        lead = 1 if first > header_row else 0
        specs = [replace(cell, row=0) for cell in heads] if lead else []
        specs.extend(replace(cell, row=part_row - first + lead, rowspan=part_rows)
                     for cell, part_row, part_rows in pieces[part])
        yield first, end, specs


def _page_parts_unsorted(cells: list[_Spanned], header_row: int, bounds: list[int],
                         starts: Sequence[int]) -> Iterator[tuple[int, int, list[_Spanned]]]:
    """:func:`page_parts` part by part (as before attack29), for bounds out of order."""
    from dataclasses import replace

    def split(first: int, count: int, cuts: Sequence[int]) -> list[tuple[int, int]]:  # every start read, in order
        parts, start = [], first
        for cut in cuts:
            if start < cut < first + count:
                parts.append((start, cut - start))
                start = cut
        parts.append((start, first + count - start))
        return parts

    for first, end in pairwise(bounds):
        lead = 1 if first > header_row else 0
        specs = [replace(cell, row=0) for cell in cells if cell.row == header_row] if lead else []
        for cell in cells:
            for part_row, part_rows in split(cell.row, cell.rowspan, starts if first >= header_row else []):
                if first <= part_row < end:
                    specs.append(replace(cell, row=part_row - first + lead, rowspan=part_rows))
        yield first, end, specs


def split_at_pages(first: int, count: int, starts: Sequence[int]) -> list[tuple[int, int]]:
    """The parts (first row, rows) of a range of ``count`` rows from ``first`` that fall on one page each, pages
    starting at ``starts``: a 一级 or 二级 label merged over rows that cross a page is drawn again at the top of the
    next page, as a range of its own (Excel, WPS and LibreOffice print a merged range's text once, so that the rows
    on the next page stood under blank 一级/二级 cells until print20). ``starts`` ascend (as :func:`page_starts` and
    :func:`indicator_page_starts` give them) and only those inside the range are read, found by bisection: every cell
    of a long table read every page start until attack29."""
    parts, start = [], first
    for cut in starts[bisect_right(starts, first):bisect_left(starts, first + count)]:
        if start < cut < first + count:
            parts.append((start, cut - start))
            start = cut
    parts.append((start, first + count - start))
    return parts


RUNNING_NAME_CHARS = 28  # of a project's name in the running head: one line of 9 pt over a portrait page
RUNNING_UNIT_CHARS = 20


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


def running_head(unit: str | None, name: str, labelled: bool = True) -> str:
    """The line at the top of every printed page of a project's sheet saying whose table it is: 「预算单位：…
    项目名称：…」 (print24). A long table's later pages began with the indicator header alone: a page taken from a
    unit's pile named neither the unit nor the project. On every page, the first too: LibreOffice gives a sheet's own
    first page no first-page header (only the file's first page), and Excel, WPS and LibreOffice should print alike.
    Long names are cut with 「…」 (Excel refuses a header of more than 255 characters). Not ``labelled``: the unit and
    the name alone (Word's page header, whose 「预算单位：…」 the Word reader would take for the unit of a form that
    writes it there)."""
    unit_label, name_label = ("预算单位：", "项目名称：") if labelled else ("", "")
    parts = [f"{unit_label}{_cut(unit, RUNNING_UNIT_CHARS)}" if unit else "",
             f"{name_label}{_cut(name, RUNNING_NAME_CHARS)}" if name else ""]
    return "　".join(part for part in parts if part)


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: every ASCII character but letters, digits and the space escaped (a name holding
    「"」 or 「</style>」 stays inside its string and its ``<style>``)."""
    return '"' + "".join(c if c.isalnum() or c == " " or ord(c) > 0x9f else f"\\{ord(c):x} " for c in text) + '"'


# The official forms printed from a browser (the 绩效目标表, 自评表 and 监控表 downloads, a unit's whole 绩效目标表
# download) carry the sign-off line at the left of every page's foot and the page number at its right, as their Word
# and Excel forms print their footers (print42: the pages printed the page number alone, no 填报人/审核人/填报日期 to
# sign); not the public unit page or the web's own pages, which nobody signs.
SIGN_CSS = (f"@page{{@bottom-left{{content:{css_string(SIGN_FOOTER)};font-size:9pt;white-space:pre}}"
            f"@bottom-center{{content:none}}@bottom-right{{content:{PAGE_COUNTER};font-size:9pt}}}}")


def html_page_rule(name: str, head: str, wide: bool = False) -> str:
    """A named page (CSS ``page: name``) whose top margin prints ``head`` (a :func:`running_head`): Chromium prints
    the page margin boxes (the page numbers are one), so each project's pages say whose they are (print24); ``wide``:
    A4 landscape."""
    size = "size:A4 landscape;" if wide else ""
    return f"@page {name}{{{size}@top-center{{content:{css_string(head)};font-size:9pt}}}}"


# The font of a workbook's page header and footer (print29: they named none, so each program set them in its
# default font, Calibri, which a Chinese WPS on Kylin or UOS lacks; their Chinese text was its fallback's)
XLSX_FONT = "宋体"


# 11 pt, WPS's and a Chinese Excel's own default: at 10.5 (the body's size) LibreOffice printed the corpus table 170's
# one-page sheet without its last row (its page breaks and its page count disagree when the rows end a few points above
# the footer; at 11, as with Calibri 11, all 145 corpus tables print whole)
XLSX_DEFAULT_POINTS = 11


def xlsx_workbook() -> Any:
    """A new openpyxl workbook whose default font (the Normal style's, the first of styles.xml) is 宋体, as its cells'
    (print30: it was openpyxl's Calibri 11, which Excel and WPS showed in every cell not styled and which a Chinese WPS
    on Kylin or UOS lacks). Call it before any cell is styled: the default font is the first font."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.styles.borders import DEFAULT_BORDER
    from openpyxl.styles.named_styles import NamedStyle, NamedStyleList
    from openpyxl.utils.indexed_list import IndexedList

    workbook = Workbook()
    font = Font(name=XLSX_FONT, size=XLSX_DEFAULT_POINTS, charset=134)
    workbook._fonts = IndexedList([font])
    workbook._named_styles = NamedStyleList()
    workbook.add_named_style(NamedStyle(name="Normal", font=font, border=copy(DEFAULT_BORDER), builtinId=0))
    return workbook


EXCEL_ROWS = 1_048_576  # a sheet's rows (Excel 2007 on): a print area to it is whole columns


def xlsx_page_setup(sheet: Any, widths: Sequence[float], title_rows: str | None = None,
                    sign_footer: bool = True, head: str | None = None, one_page: bool = False) -> None:
    """A4, the orientation that fits, one page wide (as many pages down as needed; one page tall too when
    ``one_page``: :func:`xlsx_one_page`), centred, narrow margins, ``title_rows`` (``"12:12"``) repeated on every
    page, the sign-off footer; ``head`` (a :func:`running_head`, a 汇总's title) printed in the top margin of every
    page. Its print area is its ``widths``' columns, every row (print40: the workbooks set none, and Excel or WPS then
    print whatever a person adds beside the table, fitted to the page with it; the area stopped at the table's last
    row at first, so rows a unit adds below it did not print). Whole columns are written ``$A$1:$G$1048576`` (Excel
    shows them ``$A:$G``; openpyxl neither writes nor reads that form); the readers honour the area's columns only."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    sheet.print_area = f"A1:{get_column_letter(len(widths))}{EXCEL_ROWS}"

    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape(widths) else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1 if one_page else 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.6, right=0.6, top=0.6, bottom=0.7, header=0.3, footer=0.4)
    if title_rows:
        sheet.print_title_rows = title_rows
    if sign_footer:
        sheet.oddFooter.left.text = SIGN_FOOTER
        sheet.oddFooter.left.size = 10
        sheet.oddFooter.left.font = XLSX_FONT
        sheet.oddFooter.right.text = PAGE_NUMBER
        sheet.oddFooter.right.size = 9
        sheet.oddFooter.right.font = XLSX_FONT
    if head:
        sheet.oddHeader.center.text = head.replace("&", "&&")  # (「&」 starts a code in a header)
        sheet.oddHeader.center.size = 9
        sheet.oddHeader.center.font = XLSX_FONT


def xlsx_page_number(sheet: Any) -> None:
    """The page number (第 N 页，共 M 页) in the middle of a sheet's footer, 9 pt 宋体 (the sheets without the sign-off
    footer: the 填报表 and the 指标库), on its first page too when that has a header and footer of its own (print30:
    the 填报表's page 1, ``differentFirst`` since download-cost, printed none; its text named no font)."""
    footers = [sheet.oddFooter, *([sheet.firstFooter] if sheet.HeaderFooter.differentFirst else [])]
    for footer in footers:
        footer.center.text = PAGE_NUMBER
        footer.center.size = 9
        footer.center.font = XLSX_FONT


def docx_section(section: Any, widths: Sequence[float], sign_footer: bool = True) -> float:
    """A4 in the orientation that fits, 1.8 cm margins, the sign-off footer; returns the usable
    width in cm."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    wide = landscape(widths)
    section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Cm(29.7), Cm(21.0)) if wide else (Cm(21.0), Cm(29.7))
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    if sign_footer:
        paragraph = section.footer.paragraphs[0]
        paragraph.text = SIGN_FOOTER
    docx_page_numbers(section.footer.add_paragraph() if sign_footer else section.footer.paragraphs[0])
    return (29.7 if wide else 21.0) - 3.6


def docx_page_height(usable_width: float) -> float:
    """The height in points a page of :func:`docx_section` holds for the body: the other side of A4 from its usable
    width (in cm), less the margins and the two footer lines."""
    landscape_page = usable_width > 21.0 - 3.6
    return ((21.0 if landscape_page else 29.7) - 3.6) * POINTS_PER_CM - 2 * LINE_POINTS


# A table's head kept whole with its first indicator row when it takes at most this share of a page; a taller head
# keeps only its last rows (this share of a page) with the indicators.
KEPT_SHARE = 0.6


def kept_with_next(heights: Sequence[float], page_height: float) -> list[bool]:
    """Which rows of a table's head (``heights`` in points) are kept with the next (``w:keepNext``): every one when
    the head takes at most :data:`KEPT_SHARE` of ``page_height``, else its last rows within that share only, so that
    Word breaks a head taller than a page before the rows that lead into the indicators (kept whole, such a head went
    to the next page, and a page held the table's heading alone: a 自评 table read with its funds grid and texts as 40
    rows, print20)."""
    room = KEPT_SHARE * page_height
    if sum(heights) <= room:
        return [True] * len(heights)
    kept = [False] * len(heights)
    total = 0.0
    for index in range(len(heights) - 1, -1, -1):
        total += heights[index]
        if total > room:
            break
        kept[index] = True
    return kept


def docx_chinese_fonts(document: Any, font: str, latin: str) -> None:
    """The fonts a Word file asks for where a run names none: the document's defaults (``w:docDefaults``) name
    ``font`` for Chinese and ``latin`` for Latin text, and a theme font anywhere (the template's heading and list
    styles) is the theme's Chinese one (``w:themeFontLang`` zh-CN: 宋体 in python-docx's theme). The text's language
    is left en-US: marked zh-CN, LibreOffice sets 「≥」, 「×」 and quotes in the CJK font, a character wide, and the
    pages computed for them ran over (the seed's Word 监控表 printed two pages). print35: python-docx's template
    named the theme's fonts in its defaults, and its theme language ja-JP made them ＭＳ 明朝 and Cambria — fonts a
    Chinese office machine lacks — for every paragraph mark, empty cell and style not set to 宋体 (the text runs
    name 宋体 themselves, print17)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is not None:
        fonts = defaults.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            defaults.insert(0, fonts)
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{theme}"), None)
        for script, name in (("ascii", latin), ("hAnsi", latin), ("eastAsia", font), ("cs", latin)):
            fonts.set(qn(f"w:{script}"), name)
    settings = document.settings.element
    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is None:
        theme_language = OxmlElement("w:themeFontLang")
        settings.append(theme_language)
    theme_language.set(qn("w:eastAsia"), "zh-CN")


def docx_project_section(document: Any, index: int, head: str, font: str) -> None:
    """Begin the ``index``-th project's part of a Word file: a section of its own (a new page after the first), whose
    page header is ``head`` (a :func:`running_head`, 9 pt in ``font``) and whose footer is the first section's (print24:
    a project's later pages named neither the unit nor the project; a page header is a section's, so each project is
    one)."""
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    if index:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        # the paragraph that ends the section before: 1 pt, so that a table filling its page leaves no page blank
        ending = document.paragraphs[-1]
        ending.paragraph_format.space_before = ending.paragraph_format.space_after = Pt(0)
        ending.paragraph_format.line_spacing = Pt(1)
        ending.paragraph_format.keep_with_next = False
        ending.paragraph_format.page_break_before = False
        ending.add_run("").font.size = Pt(1)
    else:
        section = document.sections[0]
    section.header_distance = Cm(0.9)  # (python-docx's 1.27 cm set the head against the table, 1.8 cm down)
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(head)
    run.font.size = Pt(9)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def docx_page_numbers(paragraph: Any) -> None:
    """「第 n 页，共 m 页」 centred in a footer paragraph, as Word's PAGE and NUMPAGES fields."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("第 ", "PAGE"), (" 页，共 ", "NUMPAGES"), (" 页", None)):
        paragraph.add_run(text)
        if field is None:
            continue
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), f" {field} ")
        run = OxmlElement("w:r")
        value = OxmlElement("w:t")
        value.text = "1"
        run.append(value)
        simple.append(run)
        paragraph._p.append(simple)


def docx_repeat_header(row: Any) -> None:
    """Mark a table row to repeat at the top of every page (Word repeats leading rows only)."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


# Room above and below a Word table cell's text (print29): the Table Grid style gives none, and LibreOffice, setting the
# 宋体 it lacks in Noto CJK on a 12.8 pt line, drew the text against the rule above it; 1 pt each side
DOCX_CELL_PAD_POINTS = 1.0
# a Word cell's margin left and right (0.19 cm, the Table Grid style's), written again beside the top and bottom
DOCX_CELL_SIDE_TWIPS = 108


def docx_cell_padding(table: Any, points: float = DOCX_CELL_PAD_POINTS, bottom: float | None = None) -> None:
    """Give every cell of a python-docx table ``points`` of room above its text and ``bottom`` (``points`` unless
    given) below it (``w:tblCellMar``; left and right as the Table Grid style has them)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    below = points if bottom is None else bottom
    for side, twips in (("top", round(points * 20)), ("left", DOCX_CELL_SIDE_TWIPS), ("bottom", round(below * 20)),
                        ("right", DOCX_CELL_SIDE_TWIPS)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties = table._tbl.tblPr
    follower = next((child for child in properties.iterchildren()
                     if child.tag in (qn("w:tblLook"), qn("w:tblCaption"), qn("w:tblDescription"))), None)
    if follower is not None:  # (its place in the schema's order)
        follower.addprevious(margins)
    else:
        properties.append(margins)


def docx_cell_sides(cell: Any, left: int, right: int) -> None:
    """Give one python-docx table cell its own left and right margins (``w:tcMar``), ``left`` and ``right`` twips, its
    top and bottom as the table's (:func:`docx_cell_padding`)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = cell._tc.get_or_add_tcPr()
    margins = OxmlElement("w:tcMar")
    for side, twips in (("left", left), ("right", right)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    # (its place in the schema's order: after w:tcW … w:tcBorders, w:shd, w:noWrap; before w:textDirection, w:vAlign)
    follower = next((child for child in properties.iterchildren()
                     if child.tag in (qn("w:textDirection"), qn("w:tcFitText"), qn("w:vAlign"), qn("w:hideMark"))),
                    None)
    if follower is not None:
        follower.addprevious(margins)
    else:
        properties.append(margins)


def docx_part_rows(table: Any, repeat_first: bool, continued: bool | None = None) -> None:
    """A table part's rows each kept whole on its page (``cantSplit``), the first marked to repeat on every
    page when the part is the one after the head (its indicator header row). That part, and a head's part after the
    first (``continued``, :func:`head_page_starts`), is also titled ``CONTINUED_TABLE`` (``w:tblCaption``, Word's
    alternative-text title, never printed): the file itself says it goes on from the table before, and the reader
    joins the two without a note (``readers/docx.py``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from perfbudget.readers.docx import CONTINUED_TABLE

    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    if repeat_first:
        docx_repeat_header(table.rows[0])
    if repeat_first if continued is None else continued:
        caption = OxmlElement("w:tblCaption")
        caption.set(qn("w:val"), CONTINUED_TABLE)
        table._tbl.tblPr.append(caption)


def docx_part_cells(table: Any, specs: Iterable[Any], first: int, last: int) -> Iterator[tuple[Any, Any]]:
    """The cells of a grid's rows ``first``..``last`` drawn as one python-docx table: each spec (``row``,
    ``col``, ``rowspan``, ``colspan``) inside the part with its cell, merged over its span. The cells are
    looked up once: python-docx's ``table.cell()`` rebuilds the whole cell grid on every call."""
    cells = {(r, c): cell for r, row in enumerate(table.rows) for c, cell in enumerate(row.cells)}
    for spec in specs:
        if not first <= spec.row < last:
            continue
        top = spec.row - first
        cell = cells[(top, spec.col)]
        if spec.rowspan > 1 or spec.colspan > 1:
            cell = _merge_span([[cells[(top + r, spec.col + c)] for c in range(spec.colspan)]
                                for r in range(spec.rowspan)])
        yield cell, spec


def _merge_span(rows: list[list[Any]]) -> Any:
    """Merge a rectangle of a fresh table's cells (each row's cells, left to right) as python-docx's
    ``merge`` does — each row's cells joined across (``gridSpan``, widths added, content moved to the top
    left), then ``vMerge`` restart/continue down — but on the cells given: python-docx finds each row's
    index in the table anew (a scan of the rows) and grows a span one row per nested call, so a project of
    1,500 indicators took 25 s of CPU for its Word table, and a span of 1,000 rows (one 二级指标 over 1,000
    indicators) overflowed Python's stack: a 500 on its every Word download until 2026-12-04 (found by
    attack12). Same XML as python-docx's (tests/writers)."""
    top = rows[0][0]._tc
    for index, row in enumerate(rows):
        tc = row[0]._tc
        tc._move_content_to(top)
        for other in row[1:]:
            swallowed = other._tc
            swallowed._move_content_to(top)
            tc._add_width_of(swallowed)
            tc.grid_span += swallowed.grid_span
            swallowed._remove()
        if len(rows) > 1:
            tc.vMerge = "restart" if index == 0 else "continue"
    return rows[0][0]


def set_widths(table: Any, widths: Sequence[Any]) -> None:
    """Column widths of a fresh (unmerged) python-docx table: the grid (what LibreOffice lays out
    by) and every cell (what Word uses), written straight into the XML — python-docx's
    ``column.cells`` rebuilds the cell grid on every call."""
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = width
    for row in table._tbl.tr_lst:
        for cell, width in zip(row.tc_lst, widths, strict=True):
            cell.width = width


def clear_of_the_rule(number_format: str) -> str:
    """``number_format`` followed, in each of its sections, by a space's room (``_ ``, as the number formats of a
    Chinese Excel end): a right-aligned number ends a space before the rule right of it. LibreOffice printed a
    number against that rule: beside a code set against the rule's other side, a list export's 编号 2 and 单位编码
    255101 read as 「2255101」 (print31). The column must have that room: the list exports' do (``list_xlsx``); the
    自评表's and 监控表's amounts are sized to their digits and printed 「###」 with it, so they have none."""
    return ";".join(f"{section}_ " if section and not section.endswith("_ ") else section
                    for section in number_format.split(";"))
