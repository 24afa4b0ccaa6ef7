"""Cells and raw tables: what every reader produces before interpretation.

A reader (text, docx, xlsx, pdf, html) only has to turn its file into
:class:`RawTable` objects: rows of :class:`Cell` with their source locations,
merged cells given as empty cells. :mod:`perfbudget.readers.interpret` turns
raw tables into the model, the same way for every form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from perfbudget.model import Source


@dataclass(slots=True)
class Cell:
    """One table cell: its text (paragraphs joined by newlines) and where it was."""

    text: str
    source: Source

    @property
    def blank(self) -> bool:
        return not self.text or self.text.isspace()


@dataclass(slots=True)
class RawTable:
    """A table as read: an optional heading (the text line before it) and its rows.

    ``complete`` is False when the reader knows the table was cut off (e.g. the file
    ended inside a cell). ``certain`` is True when the form itself marks where a table
    ends (docx, xlsx, html, pdf), so a short last row is a row, not a cut. ``stream``
    is True when the reader does not know the rows: ``rows`` then holds one row with
    every cell in order, and :mod:`perfbudget.readers.stream` rebuilds the rows.
    """

    heading: str | None
    source: Source
    rows: list[list[Cell]] = field(default_factory=list)
    complete: bool = True
    certain: bool = False
    stream: bool = False
