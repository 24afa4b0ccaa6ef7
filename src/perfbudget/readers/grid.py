"""Cells and raw tables: what every reader produces before interpretation.

A reader (text, docx, xlsx, pdf, html) only has to turn its file into
:class:`RawTable` objects: rows of :class:`Cell` with their source locations,
merged cells given as empty cells. :mod:`perfbudget.readers.interpret` turns
raw tables into the model, the same way for every form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from perfbudget.model import Problem, Source

# Every problem saying where a document is cut off starts with this (LoadResult tells cuts apart by it).
CUT_MESSAGE = "表格在此中断"
# The title perfbudget's own files give a table that goes on from the one before (never printed): Word's
# w:tblCaption (writers/print_layout.py), a web page's aria-label (writers/evaluation_html.py).
CONTINUED_TABLE = "续表"

_new_tuple = tuple.__new__
SOURCE_TAIL = tuple(Source._field_defaults[name] for name in Source._fields[2:])  # the fields after file, line


def source_at(file: str, line: int) -> Source:
    """``Source(file, line)``, made without the NamedTuple's Python-level ``__new__`` (a reader
    makes one per cell; this is about twice as fast)."""
    return _new_tuple(Source, (file, line) + SOURCE_TAIL)  # noqa: RUF005 (a concatenation is the quicker)


NOT_LISTED: frozenset[str] = frozenset()  # (a cell without lines a list's numbering starts: the most)


class Cell:
    """One table cell: its text (paragraphs joined by newlines), where it was, and whether it is blank.

    A plain slotted class rather than a dataclass: readers make one per cell and the
    interpretation asks ``blank`` several times per cell, so it is computed once here.
    """

    __slots__ = ("blank", "source", "text")
    span = 1  # the grid columns the cell covers (a cell merged across columns: ``SpanCell``)
    merged_from: Cell | None = None  # the filled cell merged down over this blank one (``CoveredCell``)
    listed = NOT_LISTED  # the lines that start an item of a list the file numbers (``ListedCell``)

    def __init__(self, text: str, source: Source) -> None:
        self.text = text
        self.source = source
        self.blank = not text or text.isspace()

    def add_paragraph(self, paragraph: str) -> None:
        """Append a further paragraph of the same cell (a continuation line)."""
        self.text = f"{self.text}\n{paragraph}"
        self.blank = self.text.isspace()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cell):
            return NotImplemented
        return (self.text, self.source) == (other.text, other.source)

    __hash__ = None  # type: ignore[assignment]  # mutable (add_paragraph)


class SpanCell(Cell):
    """A cell merged across ``span`` grid columns (Word's ``w:gridSpan``, HTML's ``colspan``, an Excel merged range),
    its text in its first column and blank cells after it, as every cell merged so; the interpretation asks the span
    only where the columns it covers say what the cell is (a level name across the 一级 and 二级 columns)."""

    __slots__ = ("span",)

    def __init__(self, text: str, source: Source, span: int) -> None:
        super().__init__(text, source)
        self.span = span


class ListedCell(SpanCell):
    """A filled cell whose reader knows which of its lines start an item of a list the file numbers (Word's 编号 drawn
    from ``numbering.xml``, ``word_numbering``), whatever the label looks like (``①``, ``a)``, ``I.``):
    ``cell_values.one_line`` keeps the line break before each (forms46)."""

    __slots__ = ("listed",)

    def __init__(self, text: str, source: Source, span: int, listed: frozenset[str]) -> None:
        super().__init__(text, source, span)
        self.listed = listed


def spanning(text: str, source: Source, span: int) -> Cell:
    """A cell of ``text`` over ``span`` grid columns: a :class:`SpanCell` when it is filled and spans two or more."""
    return SpanCell(text, source, span) if span > 1 and text and not text.isspace() else Cell(text, source)


class CoveredCell(Cell):
    """A blank cell covered by a vertical merge (Word's ``w:vMerge`` continuing, HTML's ``rowspan``, an Excel merged
    range's rows under its top-left cell, in that cell's column): blank as every merged cell is, ``merged_from`` the
    filled cell merged down over it. Only the reason columns of a 监控表 or 自评表 ask (a reason written once for the
    rows it spans, merged_cells); the level columns are filled down without it."""

    __slots__ = ("merged_from",)

    def __init__(self, source: Source, merged_from: Cell) -> None:
        super().__init__("", source)
        self.merged_from = merged_from


def covered(source: Source, top: Cell | None) -> Cell:
    """The blank cell at ``source`` covered by a vertical merge from ``top`` (a :class:`CoveredCell` when ``top``
    holds text; ``top`` may itself be covered: its merged cell is taken)."""
    if top is not None and top.merged_from is not None:
        top = top.merged_from
    return CoveredCell(source, top) if top is not None and not top.blank else Cell("", source)


@dataclass(slots=True)
class RawTable:
    """A table as read: an optional heading (the text line before it) and its rows.

    ``complete`` is False when the reader knows the table was cut off (e.g. the file
    ended inside a cell). ``certain`` is True when the form itself marks where a table
    ends (docx, xlsx, html, pdf), so a short last row is a row, not a cut. ``stream``
    is True when the reader does not know the rows: ``rows`` then holds one row with
    every cell in order, and :mod:`perfbudget.readers.stream` rebuilds the rows. ``sparse`` is
True when the rows are known but their empty cells were lost (space-separated rows).
    """

    heading: str | None
    source: Source
    rows: list[list[Cell]] = field(default_factory=list)
    complete: bool = True
    certain: bool = False
    stream: bool = False
    # The rows are known but their empty cells were lost (cells separated by spaces).
    sparse: bool = False
    # The reader's risky guesses about the whole table (become the project's needs_check).
    needs_check: tuple[str, ...] = ()
    # Problems the reader found while splitting the table (e.g. a glued line it cannot split).
    problems: list[Problem] = field(default_factory=list)
    # Where rows of a text table hold one cell written with the row's empty cells after it (``文字 | |||||``):
    # rows of the table as the page has it, never a line wrapped out of the cell above.
    whole_lone_rows: set[Source] = field(default_factory=set)
    # The text's last row ends with the separator that closes the rows' cells (``名称 | ≥500份 |``): its last
    # written cell is whole, though the page may stop there (pipe rows only).
    closed: bool = False
    # The stream rebuild left out a cell that fitted no column (a 二级 name under a header without a 二级 column):
    # such rows are never read as a two-level table (readers/stream.py).
    dropped_cells: bool = False


_OVERFLOW_MARK = re.compile(r"#{2,}")
_OVERFLOW_TOLD = ("单元格中只有「{mark}」：这是 Excel、WPS 在列宽不够时代替数字或日期显示的符号，原来的值没有显示出来"
                  "（打印成 PDF 或复制时就已丢失），未读取；请在原表格中加宽该列后重新导出，或改正后重新导入")


def without_overflow_marks(tables: list[RawTable]) -> None:
    """Each cell holding only ``##`` or more (``####``: what Excel and WPS show for a number or date wider than its
    column, and what a PDF printed from that sheet or a copy of the shown values then holds) made blank, an error at
    its place in its table's problems: the value is not in the file, and ``####`` read as a qualitative target was
    "ok" but wrong (forms37)."""
    for table in tables:
        for row in table.rows:
            for k, cell in enumerate(row):
                if "##" in cell.text and _OVERFLOW_MARK.fullmatch(mark := cell.text.strip()) is not None:
                    row[k] = Cell("", cell.source)
                    table.problems.append(Problem(cell.source, _OVERFLOW_TOLD.format(mark=mark)))
