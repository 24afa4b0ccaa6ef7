"""The text of a ruled PDF table's cells in the order a person reads it, whatever order the producer drew it in.

pdfplumber's own cell text (``Table.extract``) groups a cell's characters by their drawing order where their
direction changes (upright or not), puts characters on one line only when their tops are within 3 points (a
digit run in a Latin font and a ``%`` in a Chinese font on one baseline came out as two lines, ``%`` first:
``%100``), and reads all turned text top to bottom (a cell turned counter-clockwise, read bottom to top, came out
reversed: ``标指出产`` for 产出指标). Here each character is placed in the frame its text reads in (by its text
matrix: upright, turned a quarter either way, upside down), lines are the characters whose middles fall within
one line's height, top to bottom, and each line is read left to right; pdfplumber then joins a line's characters
into words as before. A cell holding text in two directions that do not make one reading (turned both ways, or
upright lines of several characters beside turned text) is not ordered: it is returned as ``None`` and the
caller reports it at the cell. A vertical cell of upright Chinese characters stacked with text turned clockwise
(Word's vertical text: ``2021`` turned, 年 upright) is read top to bottom.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

Char = dict[str, Any]

_UPRIGHT, _CLOCKWISE, _COUNTER, _UPSIDE_DOWN = "upright", "clockwise", "counter", "upside-down"


def _direction(char: Char) -> str:
    """Where the character's text runs, by its text matrix's first column (x to the right, y up)."""
    a, b = char["matrix"][0], char["matrix"][1]
    if abs(a) >= abs(b):
        return _UPRIGHT if a > 0 else _UPSIDE_DOWN
    return _COUNTER if b > 0 else _CLOCKWISE


def _in_frame(char: Char, direction: str) -> Char:
    """The character with its box in the frame its text reads in: x along the line, top down the lines."""
    x0, x1, top, bottom = char["x0"], char["x1"], char["top"], char["bottom"]
    if direction == _COUNTER:  # reads upwards, its lines follow to the right
        x0, x1, top, bottom = -bottom, -top, x0, x1
    elif direction == _CLOCKWISE:  # reads downwards, its lines follow to the left
        x0, x1, top, bottom = top, bottom, -x1, -x0
    elif direction == _UPSIDE_DOWN:
        x0, x1, top, bottom = -x1, -x0, -bottom, -top
    return {**char, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "upright": True}


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Characters (in their reading frame) in lines, top to bottom: a character whose middle falls within the
    height of the line above it belongs to that line (a bigger or lower-set font on one baseline included)."""
    lines: list[tuple[float, float, list[Char]]] = []
    for char in sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        if lines and lines[-1][0] <= middle <= lines[-1][1]:
            top, bottom, members = lines[-1]
            lines[-1] = (min(top, char["top"]), max(bottom, char["bottom"]), [*members, char])
        else:
            lines.append((char["top"], char["bottom"], [char]))
    return [[{**c, "top": top, "bottom": bottom, "doctop": top} for c in members] for top, bottom, members in lines]


def _frame(chars: list[Char]) -> str | None:
    """The direction the cell reads in, or None when its text runs two ways that make no one reading."""
    directions = {_direction(c) for c in chars if c["text"].strip()} or {_UPRIGHT}
    if len(directions) == 1:
        return directions.pop()
    if directions == {_UPRIGHT, _CLOCKWISE}:  # vertical text: upright characters stacked one a line
        upright = [_in_frame(c, _UPRIGHT) for c in chars if _direction(c) == _UPRIGHT and c["text"].strip()]
        if all(len(line) == 1 for line in _lines(upright)):
            return _CLOCKWISE
    return None


_MOST_PADDING = 6.0  # points: the most a cell's side padding is taken to be where its text is not flush to a side
_FLUSH = 1.0  # points: lines starting (ending) this close together are flush left (right)


def _wrapped_inside_figure(before: list[Char], after: list[Char], room: float | None) -> bool:
    """Whether the line ``before`` ends where the cell's width ran out (its next line's first character would not
    fit after it): a figure the PDF wrapped inside itself (``12345`` / ``6.78`` in a narrow cell is 123456.78), not
    two figures the writer put on two lines. The width there is the cell's (``box``, in the text's frame) less its
    side padding, the same on both sides: the gap from the cell's side to the lines where they are flush to that side
    (the smaller where flush to both), else (centred text) the smaller gap, at most ``_MOST_PADDING``. No box: not
    known (False). ``room``: :func:`_room`, once a cell."""
    if room is None:
        return False
    first = min(after, key=lambda c: c["x0"])
    width = max(c["x1"] for c in before) - min(c["x0"] for c in before)
    return width + first["x1"] - first["x0"] > room - _FLUSH


def _room(lines: list[list[Char]], box: Char | None) -> float | None:
    """The width a cell's lines may fill (:func:`_wrapped_inside_figure`): the cell's less its side padding; None
    without a box. Worked out once a cell (a cell of thousands of figure lines asked it at each line before)."""
    if box is None:
        return None
    spans = [(min(c["x0"] for c in line), max(c["x1"] for c in line)) for line in lines]
    lefts, rights = [x0 - box["x0"] for x0, _ in spans], [box["x1"] - x1 for _, x1 in spans]
    flush = [min(gaps) for gaps in (lefts, rights) if max(gaps) - min(gaps) <= _FLUSH]
    padding = min(flush) if flush else min(min(lefts), min(rights), _MOST_PADDING)
    return box["x1"] - box["x0"] - 2 * max(padding, 0.0)


def cell_text(chars: list[Char], box: tuple[float, float, float, float] | None = None) -> str | None:
    """A cell's text, line by line as a person reads it (lines joined by newlines, words by a space as
    pdfplumber joins them); None when the cell's text runs in directions that make no one reading. With the cell's
    ``box`` (x0, top, x1, bottom), a line ending in a figure and the next starting with one, that the rule for a
    cell's lines would keep apart as two figures (``cell_values.numbers_apart``), are one figure the PDF wrapped
    (joined, no break) where the first line filled the cell's width (:func:`_wrapped_inside_figure`; forms46)."""
    from pdfplumber.utils import extract_text

    from perfbudget.readers.cell_values import FIGURE_TAIL, numbers_apart

    if not chars:
        return ""
    frame = _frame(chars)
    if frame is None:
        return None
    placed = [_in_frame(c, frame) for c in chars]
    lines = [(line, text) for line in _lines(placed) if (text := extract_text(line))]
    framed = None if box is None else _in_frame(
        {"x0": box[0], "top": box[1], "x1": box[2], "bottom": box[3]}, frame)
    out = ""
    room: float | None = None
    measured = False  # (the cell's room worked out at its first pair of figure lines, once)
    for n, (line, text) in enumerate(lines):
        if n:
            wrapped = False
            if numbers_apart(out[-FIGURE_TAIL:], text):
                if not measured:
                    room, measured = _room([chars for chars, _ in lines], framed), True
                wrapped = _wrapped_inside_figure(lines[n - 1][0], [c for c in line if c["text"].strip()], room)
            if not wrapped:
                out += "\n"
        out += text
    return out


def _inside(char: Char, box: tuple[float, float, float, float]) -> bool:
    """pdfplumber's own test: the character's middle lies in the box."""
    x0, top, x1, bottom = box
    v_mid = (char["top"] + char["bottom"]) / 2
    h_mid = (char["x0"] + char["x1"]) / 2
    return x0 <= h_mid < x1 and top <= v_mid < bottom


@dataclass(frozen=True)
class OpenEnds:
    """The open regions (:func:`_open_regions`) a table's page break may cut: ``bottom``, by the column of its first
    position, the first row (from 0) of each region without text that reaches the table's last row (a label merged
    down past the page, its text printed on the next page); ``top``, the columns of the regions with text that start
    in the table's first row (that text in the first row)."""

    bottom: dict[int, int] = field(default_factory=dict)
    top: frozenset[int] = frozenset()


def table_texts(table: Any) -> tuple[list[list[str | None]], list[tuple[int, int]], OpenEnds]:
    """The cells' texts row by row as ``Table.extract`` gives them (None for a position a merged cell covers, the
    text of an open region in its first position), the (row, column), from 1, of each cell whose text cannot be
    ordered (its text then ""), and the open regions at the table's ends."""
    chars = table.page.chars
    x0, top, x1, bottom = table.bbox
    chars = [c for c in chars if _inside(c, (x0, top, x1 + 0.01, bottom + 0.01))]
    rows: list[list[str | None]] = []
    unordered: list[tuple[int, int]] = []
    for r, row in enumerate(table.rows, 1):
        in_row = [c for c in chars if _inside(c, row.bbox)]
        texts: list[str | None] = []
        for c, box in enumerate(row.cells, 1):
            if box is None:
                texts.append(None)
                continue
            text = cell_text([ch for ch in in_row if _inside(ch, box)], box)
            if text is None:
                unordered.append((r, c))
            texts.append(text or "")
        rows.append(texts)
    return rows, unordered, _open_regions(table, rows, chars)


def _open_regions(table: Any, rows: list[list[str | None]], chars: list[Char]) -> OpenEnds:
    """Give ``rows`` the text of the table's open regions: positions inside its frame that no ruled cell covers (a
    merged label whose closing border lies on the next page — a sheet's 一级/二级 cell merged down across the page
    break, its text centred in what the page shows of it), each set of touching positions one region, its text in
    its first position, as a merged cell's text is in its first (the rows below it blank, continuing it). A region
    without text, or with text that runs two ways, is left as it is; those at the table's ends are returned."""
    ends = OpenEnds()
    lefts = sorted({box[0] for box in table.cells})
    if not lefts or any(len(row.cells) != len(lefts) for row in table.rows):
        return ends
    rights = [*lefts[1:], table.bbox[2]]
    spans = [(row.bbox[1], row.bbox[3]) for row in table.rows]
    open_at = {(r, c) for r, row in enumerate(table.rows) for c, box in enumerate(row.cells) if box is None}
    if not open_at:
        return ends
    row_middles = [(top + bottom) / 2 for top, bottom in spans]  # (rows top to bottom: sorted)
    column_middles = [(left + right) / 2 for left, right in zip(lefts, rights, strict=True)]
    for x0, top, x1, bottom in table.cells:  # the positions a cell covers (by their middles) are not open
        rows_in = range(bisect_left(row_middles, top), bisect_left(row_middles, bottom))
        columns_in = range(bisect_left(column_middles, x0), bisect_left(column_middles, x1))
        open_at.difference_update((r, c) for r in rows_in for c in columns_in)
    edges = [e for e in table.page.edges if e.get("orientation") in ("v", "h")]

    def ruled(r: int, c: int, r2: int, c2: int) -> bool:  # a ruling line between two touching positions
        if c2 != c:  # side by side: a vertical line at their common x across the row's middle
            x, middle = rights[min(c, c2)], (spans[r][0] + spans[r][1]) / 2
            return any(e["orientation"] == "v" and abs(e["x0"] - x) <= 1 and e["top"] <= middle <= e["bottom"]
                       for e in edges)
        y, middle = spans[min(r, r2)][1], (lefts[c] + rights[c]) / 2
        return any(e["orientation"] == "h" and abs(e["top"] - y) <= 1 and e["x0"] <= middle <= e["x1"] for e in edges)

    while open_at:
        first = min(open_at)
        region, stack = {first}, [first]
        open_at.discard(first)
        while stack:
            r, c = stack.pop()
            for near in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if near in open_at and not ruled(r, c, *near):
                    open_at.discard(near)
                    region.add(near)
                    stack.append(near)
        frame = (min(lefts[c] for _r, c in region), min(spans[r][0] for r, _c in region),
                 max(rights[c] for _r, c in region), max(spans[r][1] for r, _c in region))
        held = [ch for ch in chars if _inside(ch, frame) and any(
            _inside(ch, (lefts[c], spans[r][0], rights[c], spans[r][1])) for r, c in region)]
        if held and (text := cell_text(held, frame)):
            rows[first[0]][first[1]] = text
            if first[0] == 0:
                ends = OpenEnds(ends.bottom, ends.top | {first[1]})
        elif not held and any(r == len(spans) - 1 for r, _c in region):
            ends.bottom[first[1]] = first[0]
    return ends
