"""Reader for the text a Word extractor makes of the tables (the seed's form).

The form: each table cell is a line starting with a tab; rows are separated by
blank lines; a merged cell appears as an empty cell; a cell's further paragraphs
continue on the following lines without a tab (such a line may end in tabs, and
may come after a blank line); each table starts with a heading line such as
``[bookmark: _Toc157676015]1.2024年…绩效目标表``.
"""

from __future__ import annotations

import re
from itertools import filterfalse

from perfbudget.model import Source
from perfbudget.readers.grid import Cell, RawTable, source_at
from perfbudget.readers.label_lines import label_line_cells, lead_line_cells
from perfbudget.readers.labels import is_any_label, is_footer
from perfbudget.readers.stream import _SECTION, looks_like_heading, with_year_note
from perfbudget.readers.text_lines import head_lines

HEADING = re.compile(r"^\s*\[bookmark:[^\]]*\]|绩效(?:目标|自评|监控)[^\t]{0,12}表\s*$")


def looks_like_tab_cells(text: str) -> bool:
    """True when most non-blank lines of the text start with a tab (the seed's form)."""
    return lines_look_like_tab_cells(head_lines(text, 400))


def lines_look_like_tab_cells(all_lines: list[str]) -> bool:
    """:func:`looks_like_tab_cells` of the text's lines (``text.splitlines()``, or at least their first 400),
    for a caller that has them."""
    # the non-blank ones of the first 400 (neither empty nor all whitespace), tested without copying them
    lines = list(filterfalse(str.isspace, filter(None, all_lines[:400])))
    if not lines:
        return False
    # lines starting with a tab, counted without a Python loop (no line holds a "\n")
    tabbed = "\n".join(lines).count("\n\t") + (lines[0][:1] == "\t")
    return tabbed >= 10 and tabbed / len(lines) > 0.6


def _cut_short(rows: list[list[Cell]], last_cell: Cell | None) -> bool:
    """Whether the table's last row, ending in ``last_cell``, has fewer cells than the row before it (a row the
    Word extractor's blank line for an empty paragraph broke off)."""
    return len(rows) >= 2 and last_cell is not None and bool(rows[-1]) and rows[-1][-1] is last_cell \
        and len(rows[-1]) < len(rows[-2])


def _row_goes_on(lines: list[str], at: int, rows: list[list[Cell]], line: str) -> bool:
    """Whether the lone ``line`` before ``lines[at]`` is a further paragraph of the cut-short last row's last cell:
    the row goes on right after it (a tab line, no blank line between), no wider with its rest than the row before,
    and neither ``line`` nor the rest's first cell is what stands between tables (a title, a section, 注/说明, a
    label starting a table)."""
    if at >= len(lines) or lines[at][:1] != "\t" or looks_like_heading(line) or _SECTION.match(line) \
            or is_footer(line) or is_any_label(lines[at].split("\t", 2)[1]):
        return False
    width = len(rows[-1])
    for next_line in lines[at:]:
        if not next_line.strip():
            break
        if next_line[:1] == "\t":  # its cells, trailing empty ones dropped as the reader does
            width += max(1, len(next_line.rstrip().split("\t")) - 1)
    return width <= len(rows[-2])


def read_tab_cells(text: str, file: str) -> list[RawTable]:
    """Split the text into raw tables of cells, each cell with its line number.

    The loop is the reader's hottest: a line that starts with a tab (nearly all of them) takes
    the first branch with as little work as possible; the rarer lines (blank, continuation,
    heading) fall through to the others.
    """
    tables: list[RawTable] = []
    current: RawTable | None = None
    row: list[Cell] | None = None
    last_cell: Cell | None = None
    pending: tuple[str, int] | None = None  # a heading line waiting for its table
    titled = False  # ``pending`` is a table's title (HEADING), kept over the free lines after it
    previous_was_cell = False
    lead = False  # the current table holds only label lines so far (项目名称：… / 主管部门：…)
    # source_at(file, lineno) and Cell(text, source), inlined: no Python-level call per line
    new_tuple, new_object = tuple.__new__, object.__new__
    lines = text.splitlines()
    for lineno, line in enumerate(lines, 1):
        if line[:1] == "\t":
            if row is None:
                # a row starts (after a blank line or a heading); ``pending`` is only ever set
                # while no row is open
                if pending is not None or current is None:
                    heading, hline = pending if pending else (None, lineno)
                    current = RawTable(heading=heading, source=source_at(file, hline))
                    tables.append(current)
                    pending = None
                row, lead = [], False
                current.rows.append(row)
            source = new_tuple(Source, (file, lineno, None, None, None, None, None))  # Source(file, lineno)
            body = line[1:]
            if "\t" not in body:  # the usual case: one cell per line
                last_cell = new_object(Cell)
                last_cell.text = body
                last_cell.source = source
                last_cell.blank = not body or body.isspace()
                row.append(last_cell)
            else:
                parts = body.split("\t")
                while len(parts) > 1 and not parts[-1].strip():
                    parts.pop()
                for part in parts:
                    last_cell = Cell(part, source)
                    row.append(last_cell)
            previous_was_cell = True
            continue
        stripped = line.strip()
        if not stripped:
            row, previous_was_cell = None, False
            continue
        is_heading = HEADING.search(line) is not None
        continuation = last_cell is not None and pending is None and (
            previous_was_cell or line.endswith("\t")
        )
        if continuation and not is_heading:
            assert last_cell is not None
            last_cell.add_paragraph(line.rstrip("\t"))
            previous_was_cell = True
            continue
        labelled = None if is_heading else label_line_cells(stripped)
        if labelled is None and not is_heading and pending is None and current is not None \
                and _cut_short(current.rows, last_cell) and _row_goes_on(lines, lineno, current.rows, stripped):
            # 养护 / (blank) / 里程 / \t≥300公里: a cell's further paragraph after an empty one, in a row shorter than
            # the row before it that goes on right after it (forms43: read as the heading of a table of the row's
            # rest); a lone line before a blank line or a new table stays between the tables
            assert last_cell is not None
            last_cell.add_paragraph(stripped)
            row, previous_was_cell = current.rows[-1], True
            continue
        if labelled is None and lead and pending is None and not is_heading:
            # 主管部门：某局, 二、项目资金（万元）, 年度资金总额：16 after 项目名称：…: the label lines go on
            # (reading41: a notice one cell a line lost its money unit and budget, read as headings)
            labelled = lead_line_cells(stripped)
        if labelled is not None:  # 单位名称：某局  金额单位：万元 — a row of the (next) table
            if pending is not None or current is None:
                heading, hline = pending if pending else (None, lineno)
                current = RawTable(heading=heading, source=source_at(file, hline))
                tables.append(current)
                pending = None
            source = source_at(file, lineno)
            current.rows.append([Cell(text, source) for text in labelled])
            row, last_cell, previous_was_cell, lead = None, None, False, True
            continue
        if pending is not None and (dated := with_year_note(pending[0], stripped)) is not None:
            pending = (dated, pending[1])  # 绩效目标表 / (2020年度): the year note joins its title
            row, last_cell, previous_was_cell = None, None, False
            continue
        # A heading or free text between tables: the latest heading (else the latest
        # line) names the next table.
        if is_heading or pending is None or not titled:
            pending, titled = (stripped, lineno), is_heading
        row, last_cell, previous_was_cell = None, None, False
    return tables
