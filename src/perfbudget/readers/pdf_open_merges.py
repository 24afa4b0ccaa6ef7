"""A label merged down past a page break under repeated print titles, in a spreadsheet's PDF (forms44).

Calc prints a cell merged over rows that the page break cuts with its text in the middle of the whole merge, clipped
to each page's part; the part on the page that ends has no closing line (an open region, ``pdf_cells.OpenEnds``) and,
where the middle falls on the next page, no text. Without print titles the next page's table starts with the rest of
the merge and its text, and ``pdf._carry_back_labels`` gives that text to the region's first row. With print titles
(Calc's 打印标题 — also an Excel workbook's, once Calc prints it) the next page's table starts with the repeated header
instead; its rest of the merge lies under the title rows, and until forms44 the region's rows took the label of the
merge above them — a wrong 一级/二级 read without a word (13 of 31 tables of ``bench/form_invariance.py``'s "header on
every page" xlsx-pdf were read otherwise than the text). The text of the first row under the titles in the region's
column is the merge's (the region, open at the page's foot, goes on there), told where that cell is no merge running
on over the next row (a cell merely without its bottom line, over a group of one row, may be no merge at all); a
一级/二级 region whose text neither page shows (drawn in the margin, clipped) is told at its first row, its rows read
as continuing the label above them, and the project marked.

The middle of the merge may also fall under the page's table, in its foot margin: Calc draws the text there, clipped
away, and neither page shows it (with print titles or without). Characters drawn under the table within the column of
such an open region, in lines that follow one another, and no other text under the table but a page number, are that
text (:func:`margin_labels`): read as the merge's with a warning at its first row (needs checking), where the next
page does not show the merge's text itself.

All of this runs only on PDFs whose Creator is LibreOffice Calc (``pdf._read_pdf_tables``' ``clips``): that is the
drawing measured; Excel's own PDF export, WPS and others were not probed and are read as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Any

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import column_role
from perfbudget.readers.pdf_cells import OpenEnds

Char = dict[str, Any]


def carry_under_titles(table_rows: list[list[Cell]], earlier: list[list[Cell]], earlier_ends: OpenEnds,
                       rows: list[list[Cell]], titles: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Give each open region without text at the foot of the previous page's table (``earlier``, the last rows of
    ``table_rows``) the text of the cell in its column on the first row under this page's ``titles`` title rows. The
    (row of ``table_rows``, column) of each region left without text (neither page shows it), and of each given a
    text on weaker evidence (to be told): the cell under the titles is no merge running on over the row after it (that
    row holds text in the column, or there is none), so that it may be a group of its own under a cell at the page's
    foot that merely lacks its bottom line."""
    if not earlier or titles >= len(rows) or table_rows[-len(earlier):] != earlier:
        return [], []
    unlabelled, weak = [], []
    below = rows[titles]
    after = rows[titles + 1] if titles + 1 < len(rows) else None
    for column, first in sorted(earlier_ends.bottom.items()):
        at = len(table_rows) - len(earlier) + first
        if column >= len(table_rows[at]) or column >= len(below) or not table_rows[at][column].blank:
            continue
        if below[column].blank:
            unlabelled.append((at, column))
            continue
        table_rows[at][column] = Cell(below[column].text, table_rows[at][column].source)
        if after is None or column >= len(after) or not after[column].blank:
            weak.append((at, column))
    return unlabelled, weak


def unlabelled_problem(cell: Cell, above: str) -> tuple[Problem, str]:
    """The warning at the first row of a region merged past the page break whose text neither page shows, and the
    note to check it."""
    where = cell.source
    note = (f"第{where.page}页表格底部第{where.column}列的合并单元格延续到下一页，两页都没有显示它的文字（画在页边、"
            f"被裁去）：这几行按上方的「{above}」读取，可能有误")
    return Problem(where, f"{note}，请核对原表", Severity.WARNING), note


def carried_problem(cell: Cell, page: int) -> tuple[Problem, str]:
    """The warning at the first row of a region open at a page's foot given the text of the first row under the next
    page's print titles where that row's cell is no merge running on (:func:`carry_under_titles`), and the note."""
    where = cell.source
    note = (f"第{where.page}页表格底部第{where.column}列的单元格没有下边线、没有文字，按跨页合并单元格读取了第{page}页"
            f"重复表头下第一行同一列的「{cell.text}」，可能有误")
    return Problem(where, f"{note}，请核对原表", Severity.WARNING), note


def margin_labels(chars: list[Char], bbox: tuple[float, float, float, float], starts: list[float],
                  columns: Iterable[int], page_line: Callable[[str], bool]) -> dict[int, list[Char]]:
    """For each of ``columns`` (of open regions at the table's foot without text), the characters drawn under the
    table within that column, in lines each within a line's height of the one before, without the lines
    ``page_line`` takes for the page's own (a page number); a column whose characters run past its sides or leave a
    gap has none."""
    _left, _top, right, bottom = bbox
    ends = [*starts[1:], right]
    found: dict[int, list[Char]] = {}
    for column in columns:
        if column >= len(starts):
            continue
        x0, x1 = starts[column], ends[column]
        lines: dict[int, list[Char]] = {}
        for char in chars:
            if (char["top"] + char["bottom"]) / 2 > bottom and x0 <= (char["x0"] + char["x1"]) / 2 < x1:
                lines.setdefault(round(char["top"]), []).append(char)
        kept = [line for _top_, line in sorted(lines.items())
                if not page_line("".join(c["text"] for c in sorted(line, key=lambda c: c["x0"])))]
        block = [char for line in kept for char in line]
        if not block or any(c["x0"] < x0 - 0.5 or c["x1"] > x1 + 0.5 for c in block):
            continue
        if all(min(c["top"] for c in later) - max(c["bottom"] for c in before) <= later[0]["bottom"] - later[0]["top"]
               for before, later in pairwise(kept)):
            found[column] = block
    return found


def margin_problem(cell: Cell, text: str) -> tuple[Problem, str]:
    """The warning at the first row of a region merged past the page break whose text is read from under the table
    (:func:`margin_labels`), and the note to check it."""
    where = cell.source
    note = (f"第{where.page}页表格底部第{where.column}列的合并单元格延续到下一页，两页都没有显示它的文字："
            f"画在表格下方、被裁去的「{text}」已作为这个合并单元格的文字读取")
    return Problem(where, f"{note}，请核对原表", Severity.WARNING), note


def clipped_in_header(texts: list[str], head: list[str]) -> list[str] | None:
    """The characters a page's row holds beyond the table's indicator header ``head``, cell by cell, where the row is
    that header again with a merged cell's clipped text drawn inside its cells (Calc's print titles over a label
    merged past the page break: ``二社级会指公标众或服务对`` is 二级指标 and 社会公众或服务对 on one line): each header
    cell's text is in its cell in order, two cells or more (the 三级 one among them) are the header's exactly, and
    some cell holds more, only 一级/二级 cells (a merged label's); else None (a next table's own header worded
    otherwise, ``年度指标值`` under a table whose header said ``指标值``, is no clipped label). The page before need
    not show the merge as open at its foot: in Calc's PDFs of bench/form_invariance.py it often does not."""
    if len(texts) != len(head):
        return None
    extras: list[str] = []
    exact = 0
    for text, want in zip(texts, head, strict=True):
        shown, wanted = "".join(text.split()), "".join(want.split())
        rest = _beyond(shown, wanted)
        if rest is None:
            return None
        exact += bool(wanted) and not rest
        extras.append(rest)
    third = next((k for k, want in enumerate(head) if "三级" in want), None)
    if exact < 2 or third is None or extras[third] or not any(extras):
        return None
    if any(extra and column_role(head[column]) not in ("level1", "level2") for column, extra in enumerate(extras)):
        return None
    return extras


def _beyond(shown: str, wanted: str) -> str | None:
    """The characters of ``shown`` beyond ``wanted`` when ``wanted``'s are among them in order (greedily), else
    None; an empty ``wanted`` (no header text there) leaves ``shown`` whole."""
    rest, at = [], 0
    for char in shown:
        if at < len(wanted) and char == wanted[at]:
            at += 1
        else:
            rest.append(char)
    return "".join(rest) if at == len(wanted) else None


def clipped_in_header_problem(where: Cell, page: int, column: int, hidden: str, joined: str) -> tuple[Problem, str]:
    """The warning at the cell under a page's repeated header row whose merged label's clipped text was drawn inside
    the header's cell, and the note to check it."""
    note = (f"第{page}页表格顶部重复的表头行第{column}列中画着跨页合并单元格被裁去的文字「{hidden}」（被表头行遮住），"
            f"已接到其下的单元格读取为「{joined}」")
    return Problem(where.source, f"{note}，请核对原表", Severity.WARNING), note
