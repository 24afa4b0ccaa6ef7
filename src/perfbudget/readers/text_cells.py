"""Reader for the text a Word extractor makes of the tables (the seed's form).

The form: each table cell is a line starting with a tab; rows are separated by
blank lines; a merged cell appears as an empty cell; a cell's further paragraphs
continue on the following lines without a tab (such a line may end in tabs, and
may come after a blank line); each table starts with a heading line such as
``[bookmark: _Toc157676015]1.2024年…绩效目标表``.
"""

from __future__ import annotations

import re

from perfbudget.model import Source
from perfbudget.readers.grid import Cell, RawTable

_HEADING = re.compile(r"^\s*\[bookmark:[^\]]*\]|绩效(?:目标|自评|监控)[^\t]{0,12}表\s*$")


def looks_like_tab_cells(text: str) -> bool:
    """True when most non-blank lines of the text start with a tab (the seed's form)."""
    lines = [line for line in text.splitlines()[:400] if line.strip()]
    if not lines:
        return False
    tabbed = sum(1 for line in lines if line.startswith("\t"))
    return tabbed >= 10 and tabbed / len(lines) > 0.6


def read_tab_cells(text: str, file: str) -> list[RawTable]:
    """Split the text into raw tables of cells, each cell with its line number."""
    tables: list[RawTable] = []
    current: RawTable | None = None
    row: list[Cell] | None = None
    last_cell: Cell | None = None
    pending: tuple[str, int] | None = None  # a heading line waiting for its table
    previous_was_cell = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.startswith("\t"):
            if pending is not None or current is None:
                heading, hline = pending if pending else (None, lineno)
                current = RawTable(heading=heading, source=Source(file, line=hline))
                tables.append(current)
                pending, row = None, None
            if row is None:
                row = []
                current.rows.append(row)
            body = line[1:]
            if "\t" not in body:  # the usual case: one cell per line
                last_cell = Cell(body, Source(file, lineno))
                row.append(last_cell)
            else:
                parts = body.split("\t")
                while len(parts) > 1 and not parts[-1].strip():
                    parts.pop()
                for part in parts:
                    last_cell = Cell(part, Source(file, lineno))
                    row.append(last_cell)
            previous_was_cell = True
            continue
        if not line.strip():
            row, previous_was_cell = None, False
            continue
        stripped = line.strip()
        is_heading = _HEADING.search(line) is not None
        continuation = last_cell is not None and pending is None and (
            previous_was_cell or line.endswith("\t")
        )
        if continuation and not is_heading:
            assert last_cell is not None
            last_cell.add_paragraph(line.rstrip("\t"))
            previous_was_cell = True
            continue
        # A heading or free text between tables: the latest heading (else the latest
        # line) names the next table.
        if is_heading or pending is None or _HEADING.search(pending[0]) is None:
            pending = (stripped, lineno)
        row, last_cell, previous_was_cell = None, None, False
    return tables
