"""PDF tables drawn without ruling lines (a borderless Word table printed, a report whose columns are only aligned
text): read from the words' positions when the PDF has no ruled table at all.

A person reads such a table by its columns, and the columns are told by the indicator header: the line whose
words name the columns (一级指标 | 二级指标 | 三级指标 | 指标值 …, each a column role). Between two header words the
boundary of their columns is the widest gap no word of the header line or the lines below it crosses; when there
is none the table cannot be split and the page is an error, not a guess. Each line of text is placed in the columns
by where its words start; the lines of one row are told apart from the rows by their spacing when the table spaces
its rows wider than its lines (a row's wrapped lines are then joined into its cells), else each line is a row and
the indicator reader joins a name's wrapped end to its row as it does for any table. The lines above the header
from the first header-block label (项目名称 …) down are the table's header block, split by the same columns; the
text above that is the heading. A page without such a header continues the table of the page before with its
columns. Every table read so is told (a warning: 表格没有框线 …, check it against the file).
"""

from __future__ import annotations

import itertools
from typing import Any

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.furniture import is_furniture
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.labels import column_role, header_field, is_any_label
from perfbudget.readers.stream import looks_like_heading

NO_LINES_NOTE = "PDF 表格没有框线：各列按指标表头的位置划分、各行按行距划分，请与原文件核对"
_MIN_GAP = 2.0  # points: the narrowest space between two columns' text


class _Line:
    def __init__(self, words: list[dict[str, Any]]) -> None:
        self.words = sorted(words, key=lambda w: w["x0"])
        self.top = min(w["top"] for w in words)
        self.bottom = max(w["bottom"] for w in words)
        self.text = " ".join(w["text"] for w in self.words)


def _lines(words: list[dict[str, Any]]) -> list[_Line]:
    """The page's words in lines (by their tops, a third of a line's height apart at most), top to bottom: the
    order they are shown in, whatever order they were drawn in."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        height = word["bottom"] - word["top"]
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= max(height / 3, 1.0):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [_Line(words) for words in lines]


def _header(line: _Line) -> bool:
    """The indicator header: three words or more, each naming a column, the 三级 and a target among them."""
    roles = [column_role(w["text"]) for w in line.words]
    return len(roles) >= 3 and None not in roles and "level3" in roles and "target" in roles


def _boundaries(header: _Line, below: list[_Line]) -> list[float] | None:
    """The x of each boundary between the header's columns: in the widest gap between two header words that no
    word of the header or the lines below crosses; None when two header words have none."""
    covered = sorted((w["x0"], w["x1"]) for line in [header, *below] for w in line.words)
    bounds: list[float] = []
    for left, right in zip(header.words, header.words[1:], strict=False):
        start, end = left["x1"], right["x0"]
        gaps, position = [], start
        for x0, x1 in covered:
            if x1 <= position or x0 >= end:
                continue
            if x0 > position:
                gaps.append((x0 - position, position, x0))
            position = max(position, x1)
        if end > position:
            gaps.append((end - position, position, end))
        width, low, high = max(gaps, default=(0.0, 0.0, 0.0))
        if width < _MIN_GAP:
            return None
        bounds.append((low + high) / 2)
    return bounds


def _cells(line: _Line, bounds: list[float]) -> tuple[list[str], list[float | None]]:
    """A line's text in each column, and where its text ends in each (None where it has none)."""
    cells = [""] * (len(bounds) + 1)
    ends: list[float | None] = [None] * (len(bounds) + 1)
    for word in line.words:
        column = sum(1 for b in bounds if word["x0"] >= b)
        before = cells[column]
        joint = " " if before and before[-1:].isascii() and word["text"][:1].isascii() else ""
        cells[column] = before + joint + word["text"] if before else word["text"]
        ends[column] = word["x1"]
    return cells, ends


def _rows(lines: list[_Line], bounds: list[float], edges: list[float]) -> list[list[str]]:
    """The lines as rows, a row's wrapped lines joined into its cells: where the table spaces its rows wider than
    its lines, by the spacing; else a line goes on the row above when each of its cells goes on a cell of the line
    above that is full (its text ends within a character and a half of its column's right edge, ``edges``: there
    the writer's text wrapped)."""
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines)]
    tight = min(gaps, default=0.0)
    heights = sorted(line.bottom - line.top for line in lines)
    height = heights[len(heights) // 2] if heights else 0.0
    spaced = bool(gaps) and max(gaps) - tight > height / 2  # two kinds of spacing: between lines, between rows
    rows: list[list[str]] = []
    last_ends: list[float | None] = []
    for index, line in enumerate(lines):
        cells, ends = _cells(line, bounds)
        if spaced:
            goes_on = bool(rows) and gaps[index - 1] - tight <= height / 4
        else:
            goes_on = bool(rows) and all(
                not text or (last_ends[c] is not None and edges[c] - (last_ends[c] or 0.0) <= 1.5 * height)
                for c, text in enumerate(cells))
        if goes_on:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
            last_ends = [end if end is not None else before for end, before in zip(ends, last_ends, strict=True)]
        else:
            rows.append(cells)
            last_ends = ends
    return rows


def _edges(lines: list[_Line], bounds: list[float]) -> list[float]:
    """Each column's right edge: the boundary after it; the last column's, where its text ends furthest."""
    last = max((w["x1"] for line in lines for w in line.words if w["x0"] >= (bounds[-1] if bounds else 0.0)),
               default=0.0)
    return [*bounds, last]


class UnruledPages:
    """The pages without ruling lines of one PDF, read one after another into its tables (a PDF of them alone, or
    its pages without a ruled table among ruled ones): a page with an indicator header starts a table, a page
    without one continues the last table read so, until a ruled table comes between (:meth:`interrupt`)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.bounds: list[float] | None = None
        self.table: RawTable | None = None

    def interrupt(self) -> None:
        """A ruled table stands after the last table read so: a page without a header no longer continues it."""
        self.bounds, self.table = None, None

    def read(self, page: Any, page_number: int, tables: list[RawTable]) -> Problem | None:
        """Read ``page`` into ``tables`` (a new table numbered after them, or rows of the one it continues); the
        error where a header's columns cannot be told apart."""
        from perfbudget.readers.pdf import is_page_number

        file = self.file
        lines = [line for line in _lines(page.extract_words()) if not is_page_number(line.text)
                 and not is_furniture(line.text)]
        header_at = next((i for i, line in enumerate(lines) if _header(line)), None)
        if header_at is None:
            if self.bounds is not None and self.table is not None and lines:  # the table goes on over the page
                start = len(self.table.rows)
                more = _rows(lines, self.bounds, _edges(lines, self.bounds))
                self.table.rows.extend(_located(more, file, page_number, self.table.source.table or 0, start))
            return None
        header = lines[header_at]
        found = _boundaries(header, lines[header_at + 1:])
        if found is None:
            return Problem(Source(file, page=page_number), f"第{page_number}页的表格没有框线，各列的文字连在一起"
                           "（指标表头「" + header.text + "」的列之间没有空隙），无法分出各列，未读取；请导入原 "
                           "Word/Excel 文件，或导出带框线的 PDF")
        bounds = self.bounds = found
        first = header_at
        while first > 0 and _block_line(lines[first - 1]):
            first -= 1
        above = [line.text for line in lines[:first]]
        headed = [text for text in above if looks_like_heading(text)]
        number = len(tables) + 1
        edges = _edges(lines[first:], bounds)
        rows = _located(_rows(lines[first:header_at], bounds, edges), file, page_number, number, 0) \
            if first < header_at else []
        rows += _located(_rows(lines[header_at:], bounds, edges), file, page_number, number, len(rows))
        source = Source(file, table=number, page=page_number)
        table = RawTable(headed[-1] if headed else (above[-1] if above else None), source, rows, certain=True,
                         needs_check=(NO_LINES_NOTE,))
        table.problems.append(Problem(source, NO_LINES_NOTE, Severity.WARNING))
        tables.append(table)
        self.table = table
        return None


def _block_line(line: _Line) -> bool:
    """A line of the header block above the indicator header: it starts with a label (项目名称, 年度目标 …) or
    goes on the value of the line below it… read from the header up: any line up to the first that is neither a
    label's nor the wrapped rest of one (a line whose first word is no label, under a labelled line, is kept with
    it by the row spacing)."""
    first = line.words[0]["text"]
    return is_any_label(first) or header_field(first) is not None or not looks_like_heading(line.text)


def _located(rows: list[list[str]], file: str, page: int, number: int, start: int) -> list[list[Cell]]:
    return [[Cell(text, Source(file, table=number, page=page, row=start + r, column=c))
             for c, text in enumerate(row, 1)] for r, row in enumerate(rows, 1)]
