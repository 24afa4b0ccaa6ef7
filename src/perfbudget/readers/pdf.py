"""Reader for PDF files (published tables, Word documents printed to PDF), with pdfplumber.

Tables are found by their ruling lines (``page.find_tables``); merged cells come
back as ``None`` and are read as blank, like merged cells elsewhere. A cell's text is taken by position, as a
person reads it whatever the drawing order (:mod:`perfbudget.readers.pdf_cells`); a cell whose text runs in
directions that make no one reading is an error at the cell, and the PDF is not read. Text wrapped
inside a cell is joined again (no separator between Chinese characters; a new
paragraph only where a line starts a numbered item). The heading of a table is the
last text line above it; a money-unit line above it (``单位：元``) is read as the table's first row, as
in the Word and HTML readers. A table at the top of a page with no text between it and
the previous page's last table continues that table (a table running over pages); when it starts with a
row of that table again (a heading row repeated on every page) it is kept as a table of its own, for
``continuation`` to join with the repeated heading dropped.
A page without a ruled table is read by :mod:`perfbudget.readers.pdf_columns` (columns told by the indicator
header's words), in a PDF of such pages alone or among pages of ruled tables (one form printed with borders, the
next without); a PDF without either (a scan) is an error.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.readers import traditional
from perfbudget.readers.bounds import LimitExceeded
from perfbudget.readers.cell_values import numbers_apart, one_line
from perfbudget.readers.cjk_radicals import FIRST as FIRST_RADICAL
from perfbudget.readers.cjk_radicals import LAST as LAST_RADICAL
from perfbudget.readers.cjk_radicals import ideographs
from perfbudget.readers.furniture import is_furniture
from perfbudget.readers.grid import Cell, RawTable, covered, spanning
from perfbudget.readers.header_block import money_unit_in, with_unit_line
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.labels import column_role, level_of
from perfbudget.readers.level_wraps import is_wrapped_level_name
from perfbudget.readers.pdf_cells import OpenEnds, cell_text, table_texts
from perfbudget.readers.pdf_clipped import (
    clipped_text,
    cut_at_foot,
    cut_at_head,
    cut_problem,
    cut_under_titles,
    under_titles_problem,
)
from perfbudget.readers.pdf_open_merges import (
    carried_problem,
    carry_under_titles,
    clipped_in_header,
    clipped_in_header_problem,
    margin_labels,
    margin_problem,
    unlabelled_problem,
)
from perfbudget.readers.pdf_rulings import RulingBudget
from perfbudget.readers.stream import looks_like_heading, starts_project
from perfbudget.readers.word_symbols import pdf_symbol

_PAGE_NUMBER = re.compile(r"^\s*(?:[-—]\s*\d+\s*[-—]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d+)\s*$")


def is_page_number(line: str) -> bool:
    """A page number line (``- 3 -``, ``第 3 页 共 5 页``, ``3/5``)."""
    return _PAGE_NUMBER.match(line) is not None


def _text_lines(page: Any, top: float, bottom: float) -> list[str]:
    if bottom - top < 1:
        return []
    def between(obj: dict[str, Any]) -> bool:  # by the middle of each character: lines may touch a table
        return obj.get("object_type") == "char" and top <= (obj["top"] + obj["bottom"]) / 2 <= bottom

    band = page.filter(between)
    text = cell_text(band.chars)  # lines as shown (a title's digits in a Latin font on its line)
    if text is None:  # text turned two ways (a side note beside the title): pdfplumber's own order
        text = band.extract_text() or ""
    return [line.strip() for line in text.split("\n")
            if line.strip() and not _PAGE_NUMBER.match(line) and not is_furniture(line)]


def read_pdf_tables(data: bytes, file: str, limits: Limits) -> tuple[list[RawTable], list[Problem]]:
    """The tables of every page, within ``limits`` (:mod:`perfbudget.readers.pdf_bounds`)."""
    from perfbudget.readers.pdf_bounds import bounded_streams

    with bounded_streams(limits) as budget:
        try:
            tables, problems = _read_pdf_tables(data, file, limits)
        except LimitExceeded as exc:
            return [], [Problem(Source(file), str(exc))]
        except Exception:
            if budget.exceeded is None:
                raise
        if budget.exceeded is not None:  # pdfminer may have swallowed the refusal
            return [], [Problem(Source(file), budget.exceeded)]
    return tables, problems


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def _page_objects_over(data: bytes, bound: int) -> bool:
    """True when the file's text names more than ``bound`` page objects (``/Type /Page``), counted before
    pdfminer parses anything: opening a 21 MB PDF of 200,000 blank pages took over 120 s and 630 MB before
    the page count refused it (found by attack10, 2026-12-03). Twice the page limit is allowed, as an
    incrementally updated file repeats the pages it changed; pages inside compressed object streams are
    not seen here and are counted by the page count below."""
    return any(found > bound for found, _match in enumerate(_PAGE_OBJECT.finditer(data), 1))


def _read_pdf_tables(data: bytes, file: str, limits: Limits) -> tuple[list[RawTable], list[Problem]]:
    import itertools

    import pdfplumber
    from pdfminer.pdfpage import PDFPage

    from perfbudget.readers.library_logs import library_logs_at_debug
    from perfbudget.readers.pdf_bounds import page_objects
    from perfbudget.readers.pdf_columns import UnruledPages

    library_logs_at_debug()  # pdfminer's English warnings (Could not get FontBBox…) are no message of ours
    tables: list[RawTable] = []
    if _page_objects_over(data, 2 * limits.max_pdf_pages):
        return [], [Problem(Source(file), f"PDF 超过 {limits.max_pdf_pages} 页的上限（环境变量 "
                                          "PERFBUDGET_MAX_PDF_PAGES）；未读取")]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        count = sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), limits.max_pdf_pages + 1))
        if count > limits.max_pdf_pages:
            return [], [Problem(Source(file), f"PDF 超过 {limits.max_pdf_pages} 页的上限（环境变量 "
                                              "PERFBUDGET_MAX_PDF_PAGES）；未读取")]
        drawn = 0
        # a word processor's table row may break across pages (Word's default); a spreadsheet's never does
        creator = str((pdf.metadata or {}).get("Creator", ""))
        rows_may_split = not _SPREADSHEET.search(creator)
        # Calc's PDF draws a merged cell's text clipped to each page's part of it (pdf_clipped); Excel's and WPS's
        # PDFs of a cut merged cell are not known: their text is read as the page gives it
        clips = _CLIPS_CELLS.search(creator) is not None
        last_rows: list[list[Cell]] = []  # the rows of the last table found on the previous page
        last_ends = OpenEnds()  # and its open regions at its ends (a label merged down past the page)
        last_raw: list[list[str | None]] = []
        last_spans: list[list[int]] = []  # and each row's cells' spans over its columns
        last_starts: list[float] = []  # the left edges of its columns, and its right edge
        last_right = 0.0
        open_table = False  # the previous page ended with a table and no text after it
        header_lines: frozenset[tuple[str, int]] = frozenset()  # the lines above the previous page's first table
        footer_lines: frozenset[tuple[str, int]] = frozenset()  # and the lines after its last table
        # the pages of the last table that went on from page to page: its first page's rows and page number, and
        # whether every page of it had its first page's columns (a sheet's left-hand columns printed downwards)
        strip = _Strip()
        unreadable: list[Problem] = []  # cells whose text runs in directions that make no one reading
        unruled = UnruledPages(file)  # the pages without a ruled table: their tables of aligned text
        heads = _Heads()  # each table's indicator header, looked for once in its rows
        seen = _SeenRows()  # the open table's rows' texts, for the repeated heading (each row's texts made once)
        pictures: list[int] = []  # the pages that are pictures: no text but a page number (a scan)
        rulings = RulingBudget(limits)  # the ruling lines the table finder pairs, counted first (attack40)
        # labels merged past the page break read from under the page's table (pdf_open_merges), for their regions
        # the next page does not label: (table, row, column, text)
        margins: list[tuple[RawTable, int, int, str]] = []
        for page_number, whole in enumerate(pdf.pages, 1):
            page = whole  # (the page without characters a cut cell draws clipped, where there are such)
            drawn += page_objects(page.page_obj, limits.max_pdf_page_objects)
            if drawn > limits.max_pdf_objects:
                return [], [Problem(Source(file), f"PDF 绘制的对象共超过 {limits.max_pdf_objects} 个的上限（环境变量 "
                                                  "PERFBUDGET_MAX_PDF_OBJECTS）；未读取")]
            if _is_picture_page(page):
                pictures.append(page_number)
                open_table = False  # (a table before the picture does not go on after it)
                page.flush_cache()
                continue
            _radicals_as_ideographs(page)
            _level_lines(page)
            found = sorted(rulings.tables(page, page_number), key=lambda t: t.bbox[1])  # page.find_tables()
            if found and open_table and clips and (crossed := cut_under_titles(
                    page.chars, [row.cells for row in found[0].rows], found[0].bbox[0], found[0].bbox[2],
                    lambda texts: _is_header_again(texts, tables[-1].rows, heads))):
                page = _told_under_titles(crossed, tables[-1], file, page_number, len(tables) + 1, page)
                found = [type(t)(page, t.cells) for t in found]  # (the same cells, their text read from that page)
            if not found and (problem := unruled.read(page, page_number, tables)) is not None:
                return [], [problem]  # a page without ruling lines: its table of aligned text (pdf_columns)
            if found:
                unruled.interrupt()
            top = 0.0
            running, header_lines = _running_header(page, found, header_lines)
            if found and footer_lines and footer_lines <= _lines_by_top(page, min(t for _, t in footer_lines) - 1):
                open_table = True  # (the text after the previous page's table was its page footer, printed here too)
            for table in found:
                extracted, unordered, ends = table_texts(table)
                spans = _spans(table)
                opened = _open_top_row(page, table, top)
                if opened is not None:  # a first row without its top line (drawn on the previous page)
                    _band, texts, widths = opened
                    extracted, ends = [texts, *extracted], OpenEnds({c: r + 1 for c, r in ends.bottom.items()})
                    spans = [widths, *spans] if spans else []
                    unordered = [(r + 1, c) for r, c in unordered]
                shown = page
                if open_table and top == 0.0 and last_starts and clips and \
                        (clipped := cut_at_head(page.chars, table.bbox[1], last_starts[0], last_right, last_starts)):
                    shown = _without(page, clipped)  # (the previous page's cut cells drawn here, clipped)
                above = _text_lines(shown, top, opened[0] if opened is not None else table.bbox[1])
                for r, c in unordered:
                    unreadable.append(Problem(Source(file, table=len(tables) + 1, page=page_number, row=r, column=c),
                                              UNORDERED_CELL))
                rows = _rows(extracted, file, page_number, len(tables) + 1, spans)
                if clips and top == 0.0 and tables and (head := heads.of(tables[-1].rows)) is not None:
                    _clipped_header_read(rows, head, tables[-1], page_number)
                if running and top == 0.0:  # (the page header printed on every page: no text of the table's)
                    above = _without_running(above, running, rows)
                starts, right = _column_starts(table), table.bbox[2]
                goes_on = open_table and not above and top == 0.0 and bool(tables)  # (the previous page's table)
                mapping = _column_map(starts, right, last_starts, last_right) if goes_on else None
                if open_table and top == 0.0 and not any(map(looks_like_heading, above)) and mapping is None \
                        and _column_page(rows, last_rows):  # (above it: at most its own header cut by the frame)
                    return [], [Problem(Source(file, page=page_number, table=len(tables) + 1),
                                        f"第{page_number}页的表格是上一页表格右侧的列（表格比纸宽，分页打印了列）：两页"
                                        "的行无法可靠地对齐，未读取；请把表格缩放到一页宽后重新导出 PDF，或导入原 "
                                        "Excel/Word 文件")]
                if open_table and top == 0.0 and not any(map(looks_like_heading, above)) and mapping is None \
                        and strip.column_page(rows):
                    return [], [Problem(Source(file, page=page_number, table=len(tables) + 1),
                                        f"表格的右侧各列似乎印在另一页：第{page_number}页的表格与第{strip.page}页起的"
                                        "表格行数相同、列不同（表格比纸宽，先向下、再向右分页打印了列），各页的行无法"
                                        "可靠地对齐，未读取；请把表格缩放到一页宽后重新导出 PDF，或导入原 Excel/Word "
                                        "文件")]
                if mapping is not None:  # (the same table drawn with fewer column lines: no column page)
                    rows, extracted = _onto_columns(rows, extracted, spans, mapping, len(last_starts))
                    starts, right = last_starts, last_right  # (the rows are in the previous page's grid now)
                # the previous page's rows drawn with fewer column lines than this page's (a header block's
                # merged rows and the upper row of a header over two rows, the page breaking under it): laid
                # onto this page's grid when the table goes on here, so that the two header rows meet
                widening = _column_map(last_starts, last_right, starts, right) \
                    if mapping is None and goes_on else None
                last_starts, last_right = starts, right
                located = rows
                if goes_on:
                    rows = _after_repeated_spans(rows, tables[-1].rows, seen)
                earlier_rows, earlier_ends, last_rows, last_ends = last_rows, last_ends, rows, ends
                earlier_raw, last_raw = last_raw, extracted  # the tables' rows as the pages show them, lines kept
                earlier_spans, last_spans = last_spans, spans
                if goes_on and not _repeats_a_row(rows, tables[-1].rows, seen):
                    if widening is not None:
                        earlier_rows, earlier_raw, earlier_ends = _widened(tables[-1].rows, earlier_rows, earlier_raw,
                                                                           earlier_spans, earlier_ends, widening,
                                                                           len(starts))
                    if opened is None and (lone := _lone_cell_rest(tables[-1].rows, rows[0], page_number, heads)):
                        if lone[0] is not None:  # (a date's day printed alone on the page: the cell's last line)
                            tables[-1].rows[-1] = lone[0]
                            rows = rows[1:]
                        tables[-1].problems.append(lone[1])
                    elif rows_may_split and opened is None and _may_be_split_row(earlier_raw, rows):
                        if (joined := _split_row_joined(tables[-1].rows[-1], rows[0], page_number, earlier_raw,
                                                        tables[-1].rows, heads)) is not None:
                            tables[-1].problems.extend(_figures_kept_apart(tables[-1].rows[-1], rows[0], page_number))
                            tables[-1].rows[-1], note = joined  # (the first row is the rest of the last: one row)
                            tables[-1].problems.append(note)
                            rows = rows[1:]
                        else:
                            _flag_split_row(tables[-1], rows[0], page_number)
                    if rows is located:
                        _carry_back_labels(tables[-1].rows, earlier_rows, earlier_ends, rows, ends)
                    tables[-1].rows.extend(rows)
                    seen.went_on(tables[-1].rows, len(rows))
                    strip.went_on(located)
                else:
                    if clips and top == 0.0 and tables and earlier_ends.bottom \
                            and (titles := _title_rows(rows, tables[-1].rows, heads, seen)):
                        _carried_under_titles(tables[-1], earlier_rows, earlier_ends, rows, titles,
                                              {(at, column) for held, at, column, _ in margins if held is tables[-1]},
                                              heads.of(tables[-1].rows))
                    headed = [line for line in above if looks_like_heading(line)]
                    heading = headed[-1] if headed else (above[-1] if above else None)
                    number = len(tables) + 1
                    source = Source(file, table=number, page=page_number)
                    unit_line = next((line for line in reversed(above) if money_unit_in(line)), None)
                    tables.append(RawTable(heading, source, with_unit_line(rows, unit_line, source), certain=True))
                    seen.went_on(tables[-1].rows, len(tables[-1].rows))
                    if open_table and not above and top == 0.0 and len(tables) > 1:
                        strip.went_on(rows)  # (a page's table starting with a row repeated: joined later)
                    else:
                        strip.began(rows, page_number)
                top = table.bbox[3]
                open_table = False
            margins = _margins_read(margins)  # (what this page's table left blank of the previous page's merges)
            shown = page
            # (the last table's columns as its rows stand: the previous page's grid where they were laid onto it)
            if found and clips and (cut := cut_at_foot(page.chars, found[-1].bbox, last_starts)):
                shown = _told_cut(cut, tables[-1], last_rows, file, page_number, page)
            if found and clips and last_ends.bottom and tables and last_rows:
                margins = _margin_labels(shown, found[-1], tables[-1], last_rows, last_ends)
            open_table = bool(found) and not _text_lines(shown, top, page.height)
            footer_lines = _lines_by_top(page, top) if found and not open_table else frozenset()
            whole.flush_cache()
        _margins_read(margins)
    if unreadable:
        return [], unreadable
    return tables, picture_pages(file, pictures, count, bool(tables))


def _margin_labels(page: Any, found: Any, table: RawTable, rows: list[list[Cell]],
                   ends: OpenEnds) -> list[tuple[RawTable, int, int, str]]:
    """The text of the page's last table's open regions at its foot drawn under it (``pdf_open_merges``), where that
    is all the text under the table: each region's (table, first row, column, text). (The page is read on as it
    was: such text still ends the table on the page, as before, for the joins of ``continuation``.)"""
    starts = _column_starts(found)
    if len(rows[0]) != len(starts) or table.rows[-len(rows):] != rows:
        return []
    labels = margin_labels(page.chars, found.bbox, starts, ends.bottom,
                           lambda line: bool(_PAGE_NUMBER.match(line)) or is_furniture(line))
    claimed = [char for block in labels.values() for char in block]
    if not labels or _text_lines(_without(page, claimed), found.bbox[3], page.height):
        return []
    first = len(table.rows) - len(rows)
    return [(table, first + ends.bottom[column], column, clipped_text(block))
            for column, block in sorted(labels.items())]


def _margins_read(margins: list[tuple[RawTable, int, int, str]]) -> list[tuple[RawTable, int, int, str]]:
    """Each region merged past the page break still without text given the text read under its page's table, told
    at its first row and the project marked; nothing left to read."""
    for table, at, column, text in margins:
        cell = table.rows[at][column] if at < len(table.rows) and column < len(table.rows[at]) else None
        if cell is not None and cell.blank:
            table.rows[at][column] = Cell(text, cell.source)
            problem, note = margin_problem(cell, text)
            table.problems.append(problem)
            table.needs_check = (*table.needs_check, note)
    return []


def _told_cut(cut: list[tuple[int, str, str, list[dict[str, Any]]]], table: RawTable, rows: list[list[Cell]],
              file: str, page_number: int, page: Any) -> Any:
    """Each cell of the page's last table that the page's foot cuts (``pdf_clipped``): its hidden rest joined to the
    cell whose shown text reaches the cut (the nearest filled cell above in its column, a cell merged down), told at
    the table's last row with the project marked to be checked; the page without the hidden characters (no text
    after the table)."""
    hidden: list[dict[str, Any]] = []
    for column, text, reaching, chars in cut:
        hidden.extend(chars)
        cell = next((row[column] for row in reversed(rows) if column < len(row) and not row[column].blank), None)
        joined = cell is not None and bool(reaching) and "".join(cell.text.split()).endswith("".join(reaching.split()))
        if cell is not None and joined:
            cell.add_paragraph(text)
        last = rows[-1] if rows else []
        where = last[column].source if column < len(last) else Source(file, page=page_number)
        # (the column as the page draws it: a cell laid onto the previous page's grid keeps its page's place)
        problem, note = cut_problem(where, page_number, where.column or column + 1, text, reaching if joined else None)
        table.problems.append(problem)
        table.needs_check = (*table.needs_check, note)
    return _without(page, hidden)


def _clipped_header_read(rows: list[list[Cell]], head: list[Cell], table: RawTable, page_number: int) -> None:
    """A page's first or second row that is the table's indicator header again with a merged label's clipped text
    drawn inside its 一级/二级 cells (``pdf_open_merges.clipped_in_header``): the header's own texts kept there, each
    clipped text joined before the text of the cell under it (its text runs on there), told at that cell."""
    texts = [cell.text for cell in head]
    for k, row in enumerate(rows[:2]):
        extras = clipped_in_header([cell.text for cell in row], texts)
        if extras is None:
            continue
        below = rows[k + 1] if k + 1 < len(rows) else None
        for column, extra in enumerate(extras):
            if not extra:
                continue
            row[column] = Cell(head[column].text, row[column].source)
            if below is None or column >= len(below):
                continue
            joined = extra + "".join(below[column].text.split())
            below[column] = Cell(joined, below[column].source)
            problem, note = clipped_in_header_problem(below[column], page_number, column + 1, extra, joined)
            table.problems.append(problem)
            table.needs_check = (*table.needs_check, note)
        return


def _title_rows(rows: list[list[Cell]], earlier: list[list[Cell]], heads: _Heads, seen: _SeenRows) -> int:
    """How many rows at the top of a page's table repeat the indicator header of the table before (print titles:
    the header, or a row of the table's again above it, ``绩效指标`` over 一级/二级/三级), else 0."""
    for count, row in enumerate(rows[:2], 1):
        if _is_header_again([cell.text for cell in row], earlier, heads):
            return count
        if not seen.holds(earlier, _texts(row)):
            return 0
    return 0


def _carried_under_titles(table: RawTable, earlier: list[list[Cell]], earlier_ends: OpenEnds,
                          rows: list[list[Cell]], titles: int, margins: set[tuple[int, int]],
                          head: list[Cell] | None) -> None:
    """The previous page's labels merged down past the page break given the text shown under this page's repeated
    title rows (``pdf_open_merges``), told where that row's cell is no merge running on; a label neither page shows,
    nor read under the previous page's table (``margins``), told at its first row, the project marked, where it is a
    一级/二级 label of the indicator header ``head`` going on from a label above (a 备注 or 指标值 left empty, merged
    past the break, is no label lost)."""
    unlabelled, weak = carry_under_titles(table.rows, earlier, earlier_ends, rows, titles)
    for at, column in weak:
        problem, note = carried_problem(table.rows[at][column], rows[titles][column].source.page or 0)
        table.problems.append(problem)
        table.needs_check = (*table.needs_check, note)
    for at, column in unlabelled:
        if (at, column) in margins:
            continue
        if head is None or column >= len(head) or column_role(head[column].text) not in ("level1", "level2"):
            continue
        start = next((k + 1 for k, row in enumerate(table.rows[:at]) if row is head), 0)  # (under the header)
        above = next((row[column].text for row in reversed(table.rows[start:at])
                      if column < len(row) and not row[column].blank), "")
        if not above.strip():
            continue
        problem, note = unlabelled_problem(table.rows[at][column], above)
        table.problems.append(problem)
        table.needs_check = (*table.needs_check, note)


def _is_header_again(texts: list[str], earlier: list[list[Cell]], heads: _Heads) -> bool:
    """Whether a page's row of these texts is the indicator header of the table going on from the previous page again
    (print titles): the same filled texts, one naming the 三级 column."""
    head = heads.of(earlier)
    filled = [t for t in ("".join(text.split()) for text in texts) if t]
    return head is not None and any(column_role(t) == "level3" for t in filled) \
        and filled == [t for t in ("".join(cell.text.split()) for cell in head) if t]


def _told_under_titles(crossed: list[tuple[int, int, list[dict[str, Any]]]], table: RawTable, file: str,
                       page_number: int, number: int, page: Any) -> Any:
    """Each cell under a page's repeated title rows whose clipped text is drawn across their bottom line
    (``pdf_clipped.cut_under_titles``): told at the cell, the project marked to be checked; the page without those
    characters."""
    hidden: list[dict[str, Any]] = []
    for row, column, chars in crossed:
        hidden.extend(chars)
        where = Source(file, table=number, page=page_number, row=row + 1, column=column + 1)
        problem, note = under_titles_problem(where, page_number, column + 1, clipped_text(chars))
        table.problems.append(problem)
        table.needs_check = (*table.needs_check, note)
    return _without(page, hidden)


def _without(page: Any, chars: list[dict[str, Any]]) -> Any:
    """The page without the given characters (pdfplumber's own objects)."""
    hidden = {id(char) for char in chars}
    return page.filter(lambda obj: id(obj) not in hidden)


def _running_header(page: Any, found: list[Any],
                    before: frozenset[tuple[str, int]]) -> tuple[frozenset[str], frozenset[tuple[str, int]]]:
    """The page header a word processor prints on every page (``单位名称：某局`` over the table, as WPS prints it):
    the lines above the page's first table that the previous page had above its first table at the same height
    (to the point; :func:`_without_running` keeps a title over a table that starts a project); and this page's
    lines above its first table (:func:`_lines_by_top`), for the next page."""
    if not found:
        return frozenset(), frozenset()
    lines = _lines_by_top(page, 0.0, found[0].bbox[1])
    return frozenset(text for text, _top in lines & before if text), lines


def _without_running(above: list[str], running: frozenset[str], rows: list[list[Cell]]) -> list[str]:
    """The lines above a page's first table but its running header's; a running line that reads as a title
    (Calc prints the sheet's name, 绩效目标表, over every page) is kept where the table starts a project (a form a
    page, each under its own title), as no page header's."""
    starts = bool(rows) and any(starts_project(cell) for cell in rows[0])
    return [line for line in above if _DIGITS.sub("#", "".join(line.split())) not in running
            or (starts and looks_like_heading(line))]


_DIGITS = re.compile(r"\d+")


def _lines_by_top(page: Any, low: float, high: float | None = None) -> frozenset[tuple[str, int]]:
    """The text lines of the band ``low``–``high`` (to the page's foot) as (text without spaces, its digits each
    run one ``#``; the line's middle rounded to the point): a page header's or footer's line is the same on every
    page but for its page number (宁河区教育局 第 1 页 共 2 页). A character belongs to the line whose middle is within
    half its height of its own (a title's digits in a Latin font stand a little lower than its ideographs)."""
    bottom = page.height if high is None else high
    chars = sorted((c for c in page.chars if low <= (c["top"] + c["bottom"]) / 2 < bottom and not c["text"].isspace()),
                   key=lambda c: c["top"] + c["bottom"])
    lines: list[tuple[float, list[Any]]] = []
    for char in chars:
        middle = (char["top"] + char["bottom"]) / 2
        if lines and abs(middle - lines[-1][0]) <= (char["bottom"] - char["top"]) / 2:
            lines[-1][1].append(char)
        else:
            lines.append((middle, [char]))
    return frozenset((_DIGITS.sub("#", "".join(c["text"] for c in sorted(line, key=lambda c: c["x0"]))), round(middle))
                     for middle, line in lines)


def _is_picture_page(page: Any) -> bool:
    """A page that is a picture: an image and no character, or a picture over half the page and no text but a page
    number or a site's furniture (``- 1 -`` that the program making the PDF of a scan stamped on it)."""
    if not page.images:
        return False
    if not page.chars:
        return True
    if len(page.chars) > 40:
        return False
    area = float(page.width) * float(page.height)
    largest = max(float(image["width"]) * float(image["height"]) for image in page.images)
    return largest * 2 >= area and not _text_lines(page, 0.0, float(page.height))


def picture_pages(file: str, pictures: list[int], count: int, read: bool) -> list[Problem]:
    """What the pages that are pictures (``_is_picture_page``: a scanner's or a photo's page) mean: the whole file such
    pages, an error naming the cause (perfbudget reads no text from pictures); some of them among pages read, a
    warning each (their content is not read, and a person must know)."""
    if not pictures:
        return []
    if len(pictures) == count and not read:
        pages = f"全部{count}页都" if count > 1 else "这一页"
        return [Problem(Source(file), f"PDF 没有文字层：{pages}只是图片（扫描件或由图片生成的 PDF），perfbudget 不识别"
                                      "图片中的文字（OCR），没有导入任何内容；请导入原 Word/Excel 文件，或能选中、复制"
                                      "文字的 PDF")]
    return [Problem(Source(file, page=number), f"第{number}页只是图片，没有文字层（扫描页），其中的内容没有读取；"
                                               "请核对这一页，或导入原 Word/Excel 文件", Severity.WARNING)
            for number in pictures]


def _radicals_as_ideographs(page: Any) -> None:
    """The page's characters that a producer's ToUnicode map gives as CJK radicals (Chromium's ``项⽬``) written as
    the ideographs a person reads (:mod:`perfbudget.readers.cjk_radicals`), before any text is taken from the page:
    the tables, the lines above them and the unruled pages all read these characters; and a character a symbol
    font draws at its private-use place (``≥`` in Symbol or OpenSymbol: U+F0B3) as the character it shows."""
    for char in page.chars:
        text = char["text"]
        if text and FIRST_RADICAL <= text[0] <= LAST_RADICAL:
            char["text"] = ideographs(text)
        elif text and "\uf020" <= text[0] <= "\uf0ff":  # a symbol font's place: ≥ drawn in Symbol (word_symbols)
            char["text"] = pdf_symbol(text, str(char.get("fontname") or ""))


_LEVEL = 0.01  # points (a 300th of a millimetre): a line whose ends differ less in height is a level line


def _level_lines(page: Any) -> None:
    """The page's ruling lines drawn level but whose ends differ in height by a rounding error made level, before
    the tables are found. pdfplumber tells a line's direction by its ends' heights being equal: a page turned by a
    program computing the turn (Java's and pypdfium2's ``cos 90° = 6.1e-17``: a landscape form on a portrait page
    with /Rotate 90) gives its rows' lines ends 6e-14 apart, each taken for a vertical line, and the table was read
    as one without ruling lines (by its text's positions, with a warning)."""
    for line in page.objects.get("line", ()):
        top, bottom = line["top"], line["bottom"]
        if top != bottom and abs(top - bottom) < _LEVEL:
            line["bottom"], line["y0"] = top, line["y1"]
            line["height"] = 0.0


UNORDERED_CELL = ("单元格中的文字朝向不一（如横排与竖排、向两边旋转的文字混在一格），无法确定阅读顺序；"
                  "为免读错，未读取这个 PDF，请导入原 Word/Excel 文件")


_SPREADSHEET = re.compile(r"Calc|Excel|表格|\bET\b", re.IGNORECASE)
_CLIPS_CELLS = re.compile(r"^\s*Calc\b")  # (LibreOffice Calc's PDF: Creator "Calc")
SPLIT_ROW_NOTE = "表格跨页续排：分页处的一行可能被拆成了两行，请核对跨页处的指标"


def _widened(table_rows: list[list[Cell]], earlier: list[list[Cell]], raw: list[list[str | None]],
             spans: list[list[int]], ends: OpenEnds, widening: list[int],
             width: int) -> tuple[list[list[Cell]], list[list[str | None]], OpenEnds]:
    """The table's rows drawn in a grid narrower than the page it goes on to (``widening``, :func:`_column_map` the
    other way round) laid onto that page's grid of ``width`` columns, in place: the previous page's (``earlier``,
    with its raw texts and spans) and every earlier row of that old width (a table narrow over two pages), so that
    no rows of mixed widths are left. The previous page's open ends are returned in the new grid too, for
    :func:`_carry_back_labels` to look a label merged down past the page up in the column it stands in."""
    old = len(widening)
    tail = len(earlier) if earlier and table_rows[-len(earlier):] == earlier else 0
    if tail:
        earlier, raw = _onto_columns(earlier, raw, spans, widening, width)
        table_rows[-tail:] = earlier
    for k in range(len(table_rows) - tail):
        row = table_rows[k]
        if len(row) == old:
            table_rows[k] = _onto_columns([row], [[cell.text for cell in row]], [_spans_of(row)], widening, width)[0][0]
    moved = OpenEnds({widening[c]: first for c, first in ends.bottom.items() if c < old},
                     frozenset(widening[c] for c in ends.top if c < old))
    return earlier, raw, moved


def _spans_of(row: list[Cell]) -> list[int]:
    """Each cell's span over the row's columns, 0 at a position a cell before it spans (as ``table_texts`` gives)."""
    out: list[int] = []
    reach = 0
    for k, cell in enumerate(row):
        out.append(0 if k < reach else cell.span)
        reach = max(reach, k + cell.span)
    return out


def _carry_back_labels(table_rows: list[list[Cell]], earlier: list[list[Cell]], earlier_ends: OpenEnds,
                       rows: list[list[Cell]], ends: OpenEnds) -> None:
    """A label merged down across the page break whose text the next page shows (the middle of the merge there):
    the previous page's table ends in an open region without text in a column where this page's table starts with
    an open region holding text. The text goes to the region's first row on the previous page, where the merge
    starts (its rows there would otherwise continue the label above them), and this page's rows continue it."""
    if not earlier or len(rows[0]) != len(earlier[0]) or table_rows[-len(earlier):] != earlier:
        return
    for column in sorted(ends.top):
        first = earlier_ends.bottom.get(column)
        if first is None or rows[0][column].blank:
            continue
        at = len(table_rows) - len(earlier) + first
        label = rows[0][column]
        table_rows[at][column] = Cell(label.text, table_rows[at][column].source)
        rows[0][column] = Cell("", label.source)


def _may_be_split_row(earlier: list[list[str | None]], rows: list[list[Cell]]) -> bool:
    """Whether the first row of a page's continuing table may be the rest of the previous page's last row (a
    word processor's row broken across the page): it starts inside a group (its first cell blank, as a merged
    一级 cell continued) with text in two cells or more, and in some column the previous page's last cell ends
    with a full line (as wide as the widest line of that column on that page: the text wrapped there) while the
    new row's cell holds text."""
    if not earlier or not rows or not rows[0] or not rows[0][0].blank or sum(not c.blank for c in rows[0]) < 2:
        return False  # (one cell alone, the end of a 三级 name, is joined to the row above by the indicator reader)

    def widths(text: str | None) -> list[int]:  # each line's width, a Chinese character counting two
        return [_line_width(line) for line in (text or "").split("\n") if line.strip()]

    for column, cell in enumerate(rows[0]):
        last = widths(earlier[-1][column]) if column < len(earlier[-1]) else []
        if not last or cell.blank:
            continue
        widest = max(width for row in earlier if column < len(row) for width in widths(row[column]))
        if last[-1] >= widest >= 4:
            return True
    return False


def _split_row_joined(last: list[Cell], first: list[Cell], page: int, earlier: list[list[str | None]],
                      rows: list[list[Cell]], heads: _Heads | None = None) -> tuple[list[Cell], Problem] | None:
    """The previous page's last row and this page's first row as one, where the cells prove them one row broken by
    the page: a cell's text there and its text here are one level name wrapped in two (``可持续影响指`` / ``标``,
    ``level_wraps``), or every cell holding text here held text there ending in a line wrapped full
    (:func:`_wrapped_full`), which no two rows give. Each cell is joined as a cell's wrapped lines are
    (``非营利性民办`` + ``园租房受益期限``), with a note at the joined cell; a 三级 name's rest with the value its row
    printed on this page only (:func:`_value_under_its_name`, ``rows`` the table's rows so far) is joined with a
    warning; None where nothing proves it (two rows read, told)."""
    if len(last) != len(first):
        return None
    proof = next(((before, after) for old, new in zip(last, first, strict=True) if not old.blank and not new.blank
                  and is_wrapped_level_name(before := "".join(old.text.split()), after := "".join(new.text.split()))),
                 None) or _wrapped_full(earlier, last, first)
    named = _value_under_its_name(rows, last, first, heads or _Heads()) if proof is None else None
    if proof is None and named is None:
        return None
    joined = [old if new.blank else new if old.blank else
              spanning(one_line(f"{old.text}\n{new.text}"), old.source, old.span)
              for old, new in zip(last, first, strict=True)]
    if named is not None:
        return joined, Problem(first[named[2]].source, f"第{page}页第一行只有三级指标名称的后半「{named[1]}」和指标值，"
                                                       f"上一页最后一行的三级指标「{named[0]}」没有指标值：是该行在分页处"
                                                       "断开、指标值印在了下一页，已合为一行，请核对", Severity.WARNING)
    if proof is None:  # (narrowed for the type checker: named was None)
        return None
    where = next(new.source for new in first if not new.blank)  # (the joined cells keep the previous page's places)
    return joined, Problem(where, f"第{page}页的第一行是上一页最后一行在分页处断开的后半（「{proof[0]}」与"
                                  f"「{proof[1]}」是同一格的文字），已与上一行合为一行", Severity.INFO)


def _figures_kept_apart(last: list[Cell], first: list[Cell], page: int) -> list[Problem]:
    """A warning at each cell of a row the page broke whose text there ends in a figure and here starts with one that
    the rule for a cell's lines keeps apart as two (``cell_values.numbers_apart``): no geometry tells the writer's
    break from a figure the page cut (forms46), so the reading is told, never a silent guess."""
    return [Problem(new.source, f"第{page}页第一行的「{after[:20]}」接在上一页该格「{before[-20:]}」之后（分页处断开的"
                                "同一格）：两段按两个数字分开读取，若原为一个数字被分页截断，请核对", Severity.WARNING)
            for old, new in zip(last, first, strict=False)
            if not old.blank and not new.blank
            and numbers_apart(before := old.text.rstrip(), after := new.text.lstrip())]


class _Heads:
    """Each table's indicator header row (its first row naming a 三级 column), looked for once in its rows: the
    joins of a page's first row with the previous page's last (:func:`_lone_cell_rest`, :func:`_value_under_its_name`)
    looked for it among all the table's rows at every page, 0.14 s a page at 50,000 rows without one (attack35)."""

    def __init__(self) -> None:
        self._found: dict[int, tuple[list[list[Cell]], int, int | None]] = {}  # (rows kept: their id stays theirs)

    def of(self, rows: list[list[Cell]]) -> list[Cell] | None:
        _, looked, at = self._found.get(id(rows), (rows, 0, None))
        if at is None:
            at = next((n for n in range(looked, len(rows))
                       if any(column_role(cell.text) == "level3" for cell in rows[n])), None)
            self._found[id(rows)] = (rows, len(rows), at)
        return rows[at] if at is not None else None


def _value_under_its_name(rows: list[list[Cell]], last: list[Cell], first: list[Cell],
                          heads: _Heads) -> tuple[str, str, int] | None:
    """A page's first row holding only a 三级 name's rest and a 指标值 (its level cells blank), under the previous
    page's last row whose 三级 holds text and whose 指标值 is blank: a row broken by the page inside its name, its
    value (pushed down in its cell: empty paragraphs typed above it, or centred) printed on the next page only
    (forms38). Two rows would be a name without a value over a value under a name's fragment. The name's two parts
    and the 三级 column, or None."""
    head = heads.of(rows)
    if head is None or len(head) != len(first):
        return None
    roles = [column_role(cell.text) for cell in head]
    if "target" not in roles:
        return None
    third, target = roles.index("level3"), roles.index("target")
    filled = {k for k, cell in enumerate(first) if not cell.blank}
    if filled != {third, target} or last[third].blank or not last[target].blank:
        return None
    return "".join(last[third].text.split()), "".join(first[third].text.split()), third


# a date cut by the page after its month (``2020.1.1-2020.12.`` / ``31``; ``2020年12月`` / ``31日``)
_CUT_DATE = re.compile(r"(?:\d{4}([./．-])(\d{1,2})\1|\d{4}年(\d{1,2})月)\Z")
_DAY = re.compile(r"(\d{1,2})(日?)\Z")


_FREE_TEXT = ("deviation", "description")  # columns of sentences (未完成原因, 指标解释), no values


def _lone_cell_rest(rows: list[list[Cell]], first: list[Cell], page: int,
                    heads: _Heads | None = None) -> tuple[list[Cell] | None, Problem] | None:
    """A page's first row of one cell alone, in a column of values or sentences (under the table's 指标值, 实际完成值,
    未完成原因 … head: a name's last line alone is joined by the indicator reader), under a cell holding text on the
    previous page: the cell's last line printed on the next page (a row broken by the page whose other cells ended
    above). Joined, with a note, where that is sure: the two make one date (the text above ends in a year and month,
    ``2020.12.`` or ``2020年12月``, this is that month's day, ``31`` or ``31日``), or the column holds sentences and
    the text above stops inside one (no 。；！？ at its end: ``…并于11月10日经生态`` / ``环境部审核同意。…``); else
    told, not joined (forms37: CA left (3), an error 指标值「31」没有三级指标名称 that did not say why; r112's
    sentence's end was dropped without a word). None for any other row."""
    filled = [k for k, cell in enumerate(first) if not cell.blank]
    last = rows[-1]
    if len(filled) != 1 or len(last) != len(first) or last[k := filled[0]].blank:
        return None
    head = (heads or _Heads()).of(rows)
    role = column_role(head[k].text) if head is not None and len(head) == len(first) else None
    if role in (None, "level1", "level2", "level3"):
        return None
    before, after = last[k].text.rstrip(), "".join(first[k].text.split())
    date, day = _CUT_DATE.search(before), _DAY.match(after)
    if date is not None and day is not None and 1 <= int(day.group(1)) <= 31 \
            and 1 <= int(date.group(2) or date.group(3)) <= 12 and bool(day.group(2)) == bool(date.group(3)):
        what, text = "日期的日", before + after
    elif role in _FREE_TEXT and before[-1:] not in _ENDS_SENTENCE:
        what, text = "句子的后半", one_line(f"{before}\n{first[k].text}")
    else:
        return None, Problem(first[k].source, f"第{page}页第一行只有第{k + 1}列「{after[:20]}」一格，正在上一页最后一行"
                                              f"「{before[-20:]}」之下：可能是该格的文字在分页处断开、最后一行印在了下一页；"
                                              "未与上一行合并，请对照原文件核对", Severity.WARNING)
    joined = [*last[:k], spanning(text, last[k].source, last[k].span), *last[k + 1:]]
    return joined, Problem(first[k].source, f"第{page}页第一行只有「{after[:20]}」一格，是上一页最后一行"
                                            f"「{before[-20:]}」在分页处断开的最后一部分（{what}），已接在上一行该格之后",
                           Severity.INFO)


_ENDS_SENTENCE = frozenset("。；;！!？?")


def _wrapped_full(earlier: list[list[str | None]], last: list[Cell], first: list[Cell]) -> tuple[str, str] | None:
    """A row broken by the page across its cells (``促进学前教育`` | ``显著促进了学`` / ``普及普惠优质发展`` |
    ``前教育普及…``): every cell of the page's first row holding text (two at least) held text in the previous page's
    last row, and each such text there ends with a line as wide as the widest line its column wraps on that page
    (a line followed by another in its cell), not ending a sentence: each was cut by the page, not ended. A column
    that wraps nowhere proves nothing (its longest value is no wrap). The first such cell's two parts, or None."""
    raw = earlier[-1] if earlier else []
    pairs = [(column, old, new) for column, (old, new) in enumerate(zip(last, first, strict=True)) if not new.blank]
    if len(pairs) < 2 or any(old.blank or column >= len(raw) for column, old, _ in pairs):
        return None
    for column, _old, _new in pairs:
        wraps = [_line_width(line) for row in earlier if column < len(row)
                 for line in (row[column] or "").split("\n")[:-1] if line.strip()]
        lines = [line.strip() for line in (raw[column] or "").split("\n") if line.strip()]
        if not wraps or not lines or _line_width(lines[-1]) < max(wraps) or lines[-1][-1] in _ENDS_SENTENCE:
            return None
    _column, old, new = pairs[0]
    return "".join(old.text.split()), "".join(new.text.split())


def _line_width(line: str) -> int:
    """A line's width, a Chinese character counting two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line.strip())


def _flag_split_row(table: RawTable, first: list[Cell], page: int) -> None:
    """A warning at the page's first row and a check note on the project: the reader cannot tell a broken row
    from two rows (both are ruled as rows), so it reads two and says so."""
    where = next((c.source for c in first if not c.blank), first[0].source)
    table.problems.append(Problem(where, f"第{page}页的表格接着上一页的表格：Word 表格的一行可能在分页处被拆成两行"
                                         "（上一页最后一行与本页第一行），已按两行读取，请核对", Severity.WARNING))
    if SPLIT_ROW_NOTE not in table.needs_check:
        table.needs_check = (*table.needs_check, SPLIT_ROW_NOTE)


class _Strip:
    """A table going on from page to page, as a sheet too wide for the paper is printed with its pages ordered
    down, then across (LibreOffice Calc's default, Excel's 先列后行): its left-hand columns over pages 1 to m, then
    the next columns over pages m + 1 to 2m. Page m + 1's table is no continuation of page m's (the check of the
    page before, :func:`_column_page`, sees page m's rows) but the right-hand columns of page 1's: as many rows as
    it, other columns, no level name. Until reading-u such a file was refused for what it lacked (没有找到指标表头行,
    不是绩效目标表), not for its cause."""

    def __init__(self) -> None:
        self.first: list[list[Cell]] = []
        self.page = 0
        self.pages = 0
        self.even = False  # every page so far had the first page's columns

    def began(self, rows: list[list[Cell]], page: int) -> None:
        self.first, self.page, self.pages, self.even = list(rows), page, 1, bool(rows)

    def went_on(self, rows: list[list[Cell]]) -> None:
        self.pages += 1
        self.even = self.even and bool(rows) and len(rows[0]) == len(self.first[0])

    def column_page(self, rows: list[list[Cell]]) -> bool:
        """Whether ``rows`` (a table at the top of a page after the strip's last page) are the right-hand columns
        of the strip's first page: the strip ran over two pages or more, each with the first page's columns."""
        return self.pages >= 2 and self.even and _column_page(rows, self.first)


def _column_page(rows: list[list[Cell]], earlier: list[list[Cell]]) -> bool:
    """Whether a table at the top of a page holds the right-hand columns of the previous page's table (a
    sheet too wide for the paper printed in column pages): as many rows as that table had on its page,
    other columns, and no 一级/二级 name in any cell."""
    if not rows or not earlier or len(rows) != len(earlier) or len(rows[0]) == len(earlier[0]):
        return False
    return not any(level_of(c.text) for row in rows for c in row if not c.blank)


def _texts(row: list[Cell]) -> tuple[str, ...]:
    return tuple(c.text.strip() for c in row)


class _SeenRows:
    """The texts of an open table's rows, each row's made once (forms40): :func:`_repeats_a_row` compared each
    page's first row with every earlier row of the table, its texts made again each page (≈ 20 s at 2,000 pages of
    50,000 rows). The rows its last page added (``tail``) may still be edited by the next page (a label carried back
    to them, their last row joined with the next page's first): they are compared as they stand; the rows before
    them are settled, their texts kept in a set."""

    __slots__ = ("rows", "settled", "tail", "texts")

    def __init__(self) -> None:
        self.rows: list[list[Cell]] | None = None
        self.settled = 0
        self.tail = 0
        self.texts: set[tuple[str, ...]] = set()

    def went_on(self, rows: list[list[Cell]], added: int) -> None:
        """``rows`` (a table's) grew by ``added`` rows, the page's (a table started: all its rows)."""
        if rows is not self.rows:
            self.rows, self.settled, self.texts = rows, 0, set()
        self.tail = added

    def holds(self, rows: list[list[Cell]], texts: tuple[str, ...]) -> bool:
        """Whether a row of ``rows`` has these texts."""
        if rows is not self.rows:
            return any(_texts(row) == texts for row in rows)  # (a table not followed: each row looked at)
        end = len(rows) - self.tail
        if end > self.settled:
            self.texts.update(_texts(row) for row in rows[self.settled:end])
            self.settled = end
        return texts in self.texts or any(_texts(row) == texts for row in rows[self.settled:])


def _repeats_a_row(rows: list[list[Cell]], earlier: list[list[Cell]], seen: _SeenRows | None = None) -> bool:
    """Whether a page's table starts with a row of the previous page's table again (a heading row repeated
    on every page): it is then a table of its own, joined (the repeated heading dropped with a note) by
    :mod:`perfbudget.readers.continuation`."""
    if not rows or sum(1 for c in rows[0] if not c.blank) < 2:
        return False
    return (seen or _SeenRows()).holds(earlier, _texts(rows[0]))


def _after_repeated_spans(rows: list[list[Cell]], earlier: list[list[Cell]],
                          seen: _SeenRows | None = None) -> list[list[Cell]]:
    """A page's table without the rows of one spanning cell it starts with when they and the row after them
    repeat the previous page's table (a heading of two rows repeated on every page: ``绩效指标`` merged across,
    then ``一级指标 | 二级指标 | …``): the spanning row is no end of the previous page's last cell, and the row
    after it is the repeated heading :func:`_repeats_a_row` finds. Other rows are returned as they are."""
    lone = 0
    while lone < len(rows) and sum(1 for c in rows[lone] if not c.blank) == 1:
        lone += 1
    seen = seen or _SeenRows()
    if not lone or lone >= len(rows) or not _repeats_a_row(rows[lone:], earlier, seen):
        return rows
    return rows[lone:] if all(seen.holds(earlier, _texts(row)) for row in rows[:lone]) else rows


def _rows(extracted: list[list[str | None]], file: str, page: int, number: int,
          spans: list[list[int]] | None = None) -> list[list[Cell]]:
    """The page table's cells; where ``spans`` knows the merges, a position a cell above covers (pdfplumber's
    ``None`` that no cell of its own row spans: a cell merged down, found by its ruling lines) is marked
    (``grid.CoveredCell``, as the Word, sheet and HTML readers mark theirs; forms40), so that a reason merged down
    over a 监控表's rows is each row's."""
    rows: list[list[Cell]] = []
    for r, row in enumerate(extracted, 1):
        widths = spans[r - 1] if spans and r - 1 < len(spans) and len(spans[r - 1]) == len(row) else None
        cells = [spanning(one_line(text or ""), Source(file, table=number, page=page, row=r, column=c),
                          widths[c - 1] if widths else 1)
                 for c, text in enumerate(row, 1)]
        if widths is not None and rows and len(rows[-1]) == len(cells):
            reach = 0  # the positions the row's own cells span
            for c, width in enumerate(widths):
                if width == 0 and c >= reach and row[c] is None:
                    cells[c] = covered(cells[c].source, rows[-1][c])
                reach = max(reach, c + width)
        rows.append(cells)
    return rows


_EDGE = 1.5  # points: two ruling lines this close are one line drawn on both pages


def _open_top_row(page: Any, table: Any, top: float) -> tuple[float, list[str | None], list[int]] | None:
    """A row above a table that has its side lines but not its top line: a browser's print of a table with
    collapsed borders draws the line between two rows at the foot of the page before, so the row that starts the
    next page is open at the top; a table whose first row has no top border (``border-top:none`` on every cell, as
    Word's HTML writes the rows under the first and a site's editor keeps it) is open at the top on any page.
    pdfplumber's table starts under it (its text was read as a line above the table, and lost). The row is the
    band from where the table's outer side lines start above its first line (below ``top``, the end of the table
    above on the page) down to that line, its text cut into the table's columns where a side line runs up through
    the band (none: one cell over the columns between). Returns the band's top, the row's texts as
    ``Table.extract`` gives them (None where a cell covers the position) and the cells' spans; None when the
    table's left and right lines do not both run up above it or nothing is written in the band."""
    x0, first_line, x1, _bottom = table.bbox
    starts = _column_starts(table)

    # the vertical lines that end at the table's first line and start above it (``page.edges`` is built anew at each
    # call: taken once, as this runs for every table since forms33)
    risers = [(edge["x0"], edge["top"]) for edge in page.edges if edge["orientation"] == "v"
              and abs(edge["bottom"] - first_line) <= _EDGE and edge["top"] < first_line - 3]
    if not risers:
        return None

    def rising(x: float) -> float | None:  # where a side line at x that runs up from the table's first line starts
        tops = [top for at, top in risers if abs(at - x) <= _EDGE]
        return min(tops) if tops else None

    left, right = rising(x0), rising(x1)
    if left is None or right is None or not starts:
        return None
    band = max(left, right, top)
    chars = [c for c in page.chars
             if band <= (c["top"] + c["bottom"]) / 2 < first_line and x0 <= (c["x0"] + c["x1"]) / 2 < x1]
    if not chars:
        return None
    cuts = [n for n, x in enumerate(starts) if n == 0 or ((edge := rising(x)) is not None and edge <= band + _EDGE)]
    texts: list[str | None] = [None] * len(starts)
    widths = [0] * len(starts)
    for at, n in enumerate(cuts):
        end = cuts[at + 1] if at + 1 < len(cuts) else len(starts)
        high = starts[end] if end < len(starts) else x1
        inside = [c for c in chars if starts[n] <= (c["x0"] + c["x1"]) / 2 < high]
        texts[n] = (cell_text(inside, (starts[n], band, high, first_line)) or "") if inside else ""
        widths[n] = end - n
    return band, texts, widths


def _column_starts(table: Any) -> list[float]:
    """The left edges of a ruled table's columns (pdfplumber's positions), left to right."""
    return sorted({box[0] for box in table.cells})


def _column_map(starts: list[float], right: float, earlier: list[float], earlier_right: float) -> list[int] | None:
    """Where each column of a page's continuing table stands among the previous page's table's columns, when the
    two are one table drawn with other column lines: the previous page's grid holds lines this page does not draw
    (the header block's columns above the indicator part, Chromium's print of two tables or of one ruled across
    two grids). Every left edge of this page's table must be one of the previous table's and both must end at the
    same right edge; otherwise (the same grid, or another table) None."""
    if not starts or len(starts) >= len(earlier) or abs(right - earlier_right) > _EDGE:
        return None
    mapping: list[int] = []
    for x in starts:
        at = next((k for k, edge in enumerate(earlier) if abs(edge - x) <= _EDGE), None)
        if at is None or (mapping and at <= mapping[-1]):
            return None
        mapping.append(at)
    return mapping


def _onto_columns(rows: list[list[Cell]], raw: list[list[str | None]], spans: list[list[int]], mapping: list[int],
                  width: int) -> tuple[list[list[Cell]], list[list[str | None]]]:
    """A continuing table's rows (and its raw texts) laid onto the previous page's grid of ``width`` columns by
    ``mapping`` (:func:`_column_map`): each cell in the column its left edge stands in, spanning the columns up to
    the next cell's edge; the columns between are blank, as a merged cell's are (placed at the column of their page
    that covers them). The cells keep their own places on their page."""
    out_rows: list[list[Cell]] = []
    out_raw: list[list[str | None]] = []
    own = [sum(1 for at in mapping if at <= k) or k + 1 for k in range(width)]  # a blank's column on its page
    for r, row in enumerate(rows):
        if len(row) != len(mapping):
            return rows, raw
        cells: list[Cell] = [Cell("", row[0].source._replace(column=own[k])) for k in range(width)]
        texts: list[str | None] = [None] * width
        widths = spans[r] if r < len(spans) and len(spans[r]) == len(row) else [1] * len(row)
        for j, cell in enumerate(row):
            if not widths[j]:
                continue  # (a position a merged cell covers)
            end = j + widths[j]
            span = (mapping[end] if end < len(mapping) else width) - mapping[j]
            cells[mapping[j]] = spanning(cell.text, cell.source, span)
            texts[mapping[j]] = raw[r][j] if r < len(raw) and j < len(raw[r]) else cell.text
        out_rows.append(cells)
        out_raw.append(texts)
    return out_rows, out_raw


def _spans(table: Any) -> list[list[int]]:
    """Each cell's span in columns, row by row (0 where a merged cell covers the position): a cell found by its
    ruling lines is followed by the positions it covers (``None`` in pdfplumber's rows), within its width."""
    starts = sorted({box[0] for box in table.cells})  # the columns' left edges (pdfplumber's positions)
    spans: list[list[int]] = []
    for row in table.rows:
        cells = row.cells
        if len(cells) != len(starts):
            return []
        widths: list[int] = []
        for c, box in enumerate(cells):
            n = 0
            if box is not None:
                n = 1
                while c + n < len(cells) and cells[c + n] is None and starts[c + n] < box[2] - 1:
                    n += 1
            widths.append(n)
        spans.append(widths)
    return spans


def read_pdf(data: bytes, file: str, limits: Limits) -> tuple[Document | None, list[Problem]]:
    try:
        tables, problems = read_pdf_tables(data, file, limits)
    except Exception as exc:  # pdfminer raises many kinds on broken or encrypted files
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name or "password" in str(exc).lower():
            return None, [Problem(Source(file), "PDF 文件已加密（设置了密码），无法读取")]
        return None, [Problem(Source(file), f"PDF 文件已损坏，无法读取（{name}）")]
    if any(problem.severity is Severity.ERROR for problem in problems):
        return None, problems
    if not tables:
        return None, [*problems, Problem(Source(file), "PDF 中没有找到表格（可能是扫描件，或表格没有框线）；"
                                                        "没有导入任何内容")]
    document, read = traditional.interpret_either_script(tables, file, interpret_tables)
    return document, [*problems, *read]  # (the pages that are pictures only, told first)
