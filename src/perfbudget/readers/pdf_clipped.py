"""Text a PDF draws across a table's outer line where a page break cuts a merged cell (forms43).

LibreOffice Calc prints a cell merged over rows that the page break cuts with its whole text on both pages, each page
clipped to its part of the cell; pdfplumber keeps no clipping path, so it sees every character, also those the
clipping hides: past the table's last line at the page's foot, and above the next page's table. A ruled table's text
never crosses its outer line otherwise, so a character drawn across it is the sign. The cell's text read from the
page is then only what the page shows of it: the reader says so at the cell and marks the project to be checked
(until forms43 the cut text, ``服务对象满意度指`` for ``服务对象满意度指标``, was read as whole without a word), and the
hidden characters are neither text after the table nor a heading above the next page's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from perfbudget.model import Problem, Severity, Source

Char = dict[str, Any]
Box = tuple[float, float, float, float]


def _middle(char: Char) -> float:
    return (char["x0"] + char["x1"]) / 2


def _crossing(chars: list[Char], edge: float, left: float, right: float) -> list[Char]:
    """The characters between `left` and `right` drawn across the line at `edge`, a quarter of their height or more
    on either side of it."""
    found = []
    for char in chars:
        height = char["bottom"] - char["top"]
        if height > 0 and left <= _middle(char) <= right and char["top"] < edge - height / 4 \
                and char["bottom"] > edge + height / 4:
            found.append(char)
    return found


def _block(chars: list[Char], edge: float, left: float, right: float, below: bool) -> list[Char]:
    """The characters of a column drawn beyond `edge` (below it, or above it) in lines that follow one another from the
    edge on, each line within half a line's height of the one before: the clipped rest of the cell's text."""
    outside = [c for c in chars if left <= _middle(c) < right
               and ((c["top"] + c["bottom"]) / 2 > edge if below else (c["top"] + c["bottom"]) / 2 < edge)]
    outside.sort(key=lambda c: c["top"] if below else -c["bottom"])
    block: list[Char] = []
    reach = edge
    for char in outside:
        height = char["bottom"] - char["top"]
        near = char["top"] - reach if below else reach - char["bottom"]
        if near > height / 2:
            break
        block.append(char)
        reach = max(reach, char["bottom"]) if below else min(reach, char["top"])
    return block


def clipped_text(chars: list[Char]) -> str:
    """The characters' text, line by line from the top, each line from the left."""
    lines: dict[int, list[Char]] = {}
    for char in chars:
        lines.setdefault(round(char["top"]), []).append(char)
    return "".join("".join(c["text"] for c in sorted(line, key=lambda c: c["x0"]))
                   for _top, line in sorted(lines.items()))


def _columns(starts: list[float], right: float) -> list[tuple[float, float]]:
    return [(left, starts[k + 1] if k + 1 < len(starts) else right) for k, left in enumerate(starts)]


def cut_at_foot(chars: list[Char], bbox: tuple[float, float, float, float],
                starts: list[float]) -> list[tuple[int, str, str, list[Char]]]:
    """Where the page's foot cuts a table's cells, when some character is drawn across the table's last line: for
    each column whose shown text reaches that line and runs on past it within the column, (its index, the hidden text,
    the shown line the hidden text goes on from, the characters past the line); else none. (The cut may fall between
    a cell's lines, no character of its column drawn across the line: Calc's 服务对象满意 / 度指标. A cell's clipped
    text never crosses its column's side lines: a line under the table that does is the page's own, a note.)"""
    left, _top, right, bottom = bbox
    if not starts or not _crossing(chars, bottom, left, right):
        return []
    cut = []
    for number, (start, end) in enumerate(_columns(starts, right)):
        hidden = _block(chars, bottom, start, end, below=True)
        shown = _block(chars, bottom, start, end, below=False) if hidden else []
        if shown and not _across_sides(chars, hidden, start, end):
            last = max(round(c["top"]) for c in shown)
            cut.append((number, clipped_text(hidden), clipped_text([c for c in shown if round(c["top"]) == last]),
                        hidden))
    return cut


def _across_sides(chars: list[Char], block: list[Char], start: float, end: float) -> bool:
    """Whether a character in the lines of ``block`` is drawn across the column's side lines at ``start``, ``end``."""
    top, bottom = min(c["top"] for c in block), max(c["bottom"] for c in block)
    return any(c["x0"] < side < c["x1"] for c in chars if top <= (c["top"] + c["bottom"]) / 2 <= bottom
               for side in (start, end))


def cut_at_head(chars: list[Char], top: float, left: float, right: float, starts: list[float]) -> list[Char]:
    """The characters above a page's first table that the previous page's table (``left`` … ``right``, its column
    ``starts``) goes on into: the clipped text of its cells cut by the page break, when some character is drawn across
    the table's top line; else none."""
    if not starts or not _crossing(chars, top, left, right):
        return []
    return [char for start, end in _columns(starts, right) for char in _block(chars, top, start, end, below=False)]


def cut_under_titles(chars: list[Char], rows: list[list[Box | None]], left: float, right: float,
                     is_header: Callable[[list[str]], bool]) -> list[tuple[int, int, list[Char]]]:
    """The characters a page's table, going on from the previous page, draws across the bottom lines of its first rows
    when those rows repeat the table's header (Calc's print titles repeated over a merged cell that goes on here draw
    the cell's text under the title rows, clipped to the rows below them): for each such cell, (the page's row under
    the titles, its column, the characters), numbered from 0. The title rows are the first rows down to the first that
    ``is_header`` takes for the header again, of the first three; none when no such row (an indicator row's text
    overflowing its row is no title's). (Lines of such a text wholly under the title rows are not told from the
    titles' own: left.)"""
    boxes = [box for row in rows[:3] for box in row if box is not None]
    if not boxes:
        return []
    # the characters of the first rows and those drawn across their lines, looked at once (a page of many rows)
    top, bottom = min(box[1] for box in boxes), max(box[3] for box in boxes)
    chars = [c for c in chars if c["top"] < bottom and c["bottom"] > top]
    if not any(_crossing(chars, box[3], box[0], box[2]) for box in boxes):
        return []
    count = next((k for k, row in enumerate(rows[:3], 1) if is_header(_row_texts(chars, row))), 0)
    if not count:
        return []
    found: dict[int, dict[int, Char]] = {}
    for row in rows[:count]:
        for column, box in enumerate(row):
            if box is not None and left <= box[0] and box[2] <= right:
                for char in _crossing(chars, box[3], box[0], box[2]):  # (the cell's own line: none where merged)
                    found.setdefault(column, {})[id(char)] = char
    return [(count, column, list(by_id.values())) for column, by_id in found.items()]


def _row_texts(chars: list[Char], row: list[Box | None]) -> list[str]:
    """A row's cell texts without the characters drawn across each cell's bottom line (a clipped cell's text)."""
    return [clipped_text(_inside(chars, box, {id(c) for c in _crossing(chars, box[3], box[0], box[2])}))
            if box is not None else "" for box in row]


def _inside(chars: list[Char], box: Box, left_out: set[int]) -> list[Char]:
    x0, top, x1, bottom = box
    return [c for c in chars if x0 <= _middle(c) <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
            and id(c) not in left_out]


def under_titles_problem(where: Source, page: int, column: int, hidden: str) -> tuple[Problem, str]:
    """The warning at a cell under a page's repeated title rows whose clipped text, drawn across their bottom line,
    is left out (:func:`cut_under_titles`), and the note to check it."""
    note = (f"第{page}页表格顶部重复的表头行下第{column}列的单元格被分页截断：画在表头行底线上的文字「{hidden}」"
            "是被裁去的部分，未读取")
    return Problem(where, f"{note}，请核对", Severity.WARNING), note


def cut_problem(where: Source, page: int, column: int, hidden: str, joined_to: str | None) -> tuple[Problem, str]:
    """The warning at a cell the page break cuts (its hidden text joined to the shown text ``joined_to``, or not
    found), and the note to check it."""
    if joined_to is not None:
        note = (f"第{page}页表格底部第{column}列的单元格被分页截断：文字的后一部分「{hidden}」画在表格线之外、被裁去，"
                f"已接在「{joined_to}」之后读取")
    else:
        note = (f"第{page}页表格底部第{column}列的单元格被分页截断：文字有一部分「{hidden}」画在表格线之外、被裁去，"
                "读到的只是这一页显示的部分，可能不完整")
    return Problem(where, f"{note}，请核对", Severity.WARNING), note
