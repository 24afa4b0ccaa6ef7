"""A table copied one cell a line, a pipe before each cell but a row's first (html2text's way with a table).

``绩效`` / ``   指标`` / ``    | 一级指标`` / ``    | 二级指标`` … / ``项目决策`` / ``    | 数量指标`` …: a row
starts at a line written from the margin without a pipe (its first cell), each next cell is an indented line led by
``|``, and an indented line without a pipe goes on with the cell above it (the cell's own line break: ``社会效益`` /
``   指标``); a blank line between a row's cell lines (a browser's margins) is no boundary (reading47). Rows of one
line each (``项目决策 | 数量指标 | …``) for the pipe-row reader, the lines they took left empty so that what follows
keeps its line numbers (corpus `193`, 大英县: the rows were read one cell a line until reading46, nothing read).
Other text is returned unchanged.
"""

from __future__ import annotations

import re

# what indents a cell line: spaces, no-break or 全角 (a line led by a tab is the seed's tab-cells form, read before)
_INDENT = " \u00a0\u3000"
# an indented line led by a pipe holding one cell: a row's next cell (``    | 数量指标``; ``    | |`` an empty one and
# the row's end) — its text followed at most by pipes, never a whole pipe row (`` | 数量指标 | 次数 | 12次``: r118's
# rows under a 一级 alone on its line, read by the pipe-row reader as they are)
_CELL = re.compile(r"[ \u00a0\u3000]+\|[^|]*\|*\s*$")
_LEAST_CELLS = 5  # cell lines a text needs to be such a table (a row of a header and a few values)


def unwrap_leading_pipe_cells(text: str) -> str:
    """The text with each row of a leading-pipe cell table on one line (module docstring); the text itself when it
    holds fewer than :data:`_LEAST_CELLS` cell lines after a row's first line."""
    if "|" not in text or sum(text.count("\n" + space) for space in _INDENT) < _LEAST_CELLS:
        return text  # (most texts: no pipe or no indented line at all, told in C)
    lines = text.splitlines()
    if sum(1 for line in lines if _CELL.match(line)) < _LEAST_CELLS:
        return text
    out: list[str] = []
    row: list[str] = []  # the row's cells so far, its first cell's text first
    taken: list[int] = []  # the lines the row took after its first (emptied in ``out``)
    start = rows = 0
    for index, line in enumerate(lines):
        if row and _CELL.match(line):
            row.append("| " + line.strip()[1:].strip(_INDENT))
        elif row and line[:1] in _INDENT and line.strip(_INDENT) and "|" not in line:
            row[-1] += line.strip(_INDENT)  # (the cell's own line break: 社会效益 / 指标)
        elif row and not line.strip() and _cell_follows(lines, index):
            pass  # a blank line between a row's cell lines (a browser's margins): no boundary (reading47, `193`)
        else:
            rows += _close(row, taken, start, out, lines)
            row, taken = [], []
            if line[:1] not in _INDENT and "|" not in line and line.strip():
                row, start = [line.strip()], len(out)
            out.append(line)
            continue
        taken.append(index)
        out.append("")
    rows += _close(row, taken, start, out, lines)
    return "\n".join(out) if rows >= 2 else text


def _cell_follows(lines: list[str], index: int, went_on: bool = False) -> bool:
    """Whether the first line after ``index`` that is not blank is a cell line (``    | 宣传次数``), or a cell's
    going on (``   指标``, indented, no pipe) with a cell line after it: the row goes on past the blank line. An
    indented paragraph after a row's last cell (``　　3.分析评价…``) has no cell line after it: the row ends."""
    for at in range(index + 1, len(lines)):
        line = lines[at]
        if not line.strip():
            continue
        if _CELL.match(line):
            return True
        return not went_on and line[:1] in _INDENT and "|" not in line and _cell_follows(lines, at, True)
    return False


def _close(row: list[str], taken: list[int], start: int, out: list[str], lines: list[str]) -> int:
    """Write the row ending here on its first line (1), or give back the lines it took (0): a line and the indented
    lines under it without a cell after it are prose, not a row."""
    if len(row) > 1:
        out[start] = " ".join(row)
        return 1
    for index in taken:
        out[index] = lines[index]
    return 0
