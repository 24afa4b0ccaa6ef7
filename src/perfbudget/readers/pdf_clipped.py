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

from typing import Any

from perfbudget.model import Problem, Severity, Source

Char = dict[str, Any]


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


def _text(chars: list[Char]) -> str:
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
    each column whose text runs on past that line, (its index, the hidden text, the shown line the hidden text goes on
    from — empty when no shown text reaches the line —, the characters past the line); else none."""
    left, _top, right, bottom = bbox
    if not starts or not _crossing(chars, bottom, left, right):
        return []
    cut = []
    for number, (start, end) in enumerate(_columns(starts, right)):
        hidden = [c for c in _block(chars, bottom, start, end, below=True) if (c["top"] + c["bottom"]) / 2 > bottom]
        if hidden:
            shown = [c for c in _block(chars, bottom, start, end, below=False)]
            last = max((round(c["top"]) for c in shown), default=None)
            cut.append((number, _text(hidden), _text([c for c in shown if round(c["top"]) == last]), hidden))
    return cut


def cut_at_head(chars: list[Char], top: float, left: float, right: float, starts: list[float]) -> list[Char]:
    """The characters above a page's first table that the previous page's table (``left`` … ``right``, its column
    ``starts``) goes on into: the clipped text of its cells cut by the page break, when some character is drawn across
    the table's top line; else none."""
    if not starts or not _crossing(chars, top, left, right):
        return []
    return [char for start, end in _columns(starts, right) for char in _block(chars, top, start, end, below=False)]


def cut_under_titles(chars: list[Char], bboxes: list[tuple[float, float, float, float]],
                     left: float, right: float) -> list[Char]:
    """The characters a page's table, going on from the previous page, draws across the lines under its first rows: the
    clipped text of a cell the page break cut (Calc's print titles repeated over a merged cell that goes on here draw
    the cell's text under the title rows, clipped to the rows below them). Else none. (Lines of such a text wholly
    under the title rows are not told from the titles' own: left.)"""
    tops = sorted({bbox[1] for bbox in bboxes})[:3]  # (the first rows: the repeated titles)
    clipped: dict[int, Char] = {}
    for x0, top, x1, bottom in bboxes:
        if top in tops and left <= x0 and x1 <= right:
            for char in _crossing(chars, bottom, x0, x1):  # (the cell's own line: a cell merged over it has none)
                clipped[id(char)] = char
    return list(clipped.values())


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
