"""A project name wrapped onto the next line of a copied table.

``项目名称 | 农村实用技术`` then `` | 培训经费``: a text copy of a table broke the name cell's text over two lines, the
second with its label cell blank and the rest of the name in the name's own column. That line is the name's
end, joined back (with a note): a line holding anything else — a label, an amount, a second filled cell, a
sentence with a colon — or standing elsewhere is read as before. Only text files' lines: a Word, Excel or PDF
table keeps a wrapped name in its one cell, so a row below it is a row of its own."""

from __future__ import annotations

import re
import unicodedata

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import is_any_label, level_of

_NOT_NAME_END = re.compile(r"[:：。；;]|^[-+]?[\d.,，%]+(?:万元|元|万)?$")


def wrapped_name_end(row: list[Cell], name: Cell) -> Cell | None:
    """The cell of ``row`` that is the end of ``name`` wrapped onto the next line, else None."""
    line, column = name.source.line, name.source.column
    if line is None or column is None:
        return None
    filled = [cell for cell in row if not cell.blank]
    if len(filled) != 1:
        return None
    end = filled[0]
    if end.source.line != line + 1 or end.source.column != column or end.source.file != name.source.file:
        return None
    text = unicodedata.normalize("NFKC", end.text.strip())
    if len(text) > 30 or "\n" in text or _NOT_NAME_END.search(text) or is_any_label(text) \
            or level_of(text) is not None:
        return None
    return end
