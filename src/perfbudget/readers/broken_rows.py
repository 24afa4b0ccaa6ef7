"""A text row broken inside one of its cells: the copy's line break in a 三级 name, a description or a 指标值.

A web page or Word table copied as tabs or pipes writes a line break inside a cell as the end of the row: the row
``产出指标 | 数量指标 | 服务老年<br>人数 | ≥500人`` comes as ``产出指标 | 数量指标 | 服务老年`` and ``人数 | ≥500人``.
Read apart, the first is an indicator without a value (warned of) and the second one named 人数 — two indicators,
both wrong. The sign that the lines are one row: the first stops right after a filled cell in a 三级 or description
column (each cell before it where its column says), the second starts with a filled cell, and together (that cell
once) they are exactly as wide as the indicator header — a row of its own lacking its first cells would not start
with the text of a cell after them. The cell is joined as the page has it (no character added), with a note
(reading37). A value's ``%`` wrapped so (``≥95`` / ``%``) is joined by :func:`percent_completed`.
"""

from __future__ import annotations

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import is_footer, level_of
from perfbudget.target import parse_target

PERCENT_SIGNS = frozenset("%％‰")
_JOINED_ROLES = frozenset({"level3", "description"})
_WHERE = {"level3": "三级指标", "description": "指标说明"}


def joined_broken_rows(rows: list[list[Cell]], roles: list[str], problems: list[Problem]) -> list[list[Cell]]:
    """``rows`` with each row broken inside a cell (see the module) made one again; others unchanged."""
    width = len(roles)
    out: list[list[Cell]] = []
    for row in rows:
        before = out[-1] if out else None
        if before is not None and _continues(before, row, roles, width):
            cut, rest = before[-1], row[0]
            out[-1] = [*before[:-1], Cell(cut.text.rstrip() + rest.text.strip(), cut.source), *row[1:]]
            problems.append(Problem(rest.source, f"{_WHERE[roles[len(before) - 1]]}「{cut.text.strip()}」在单元格内"
                                                 f"换行，下一行的「{rest.text.strip()}」是它的后半部分，已接为一行",
                                    Severity.INFO))
            continue
        out.append(row)
    return out


def _continues(before: list[Cell], row: list[Cell], roles: list[str], width: int) -> bool:
    if not row or not before or len(before) + len(row) - 1 != width or len(before) >= width or len(row) >= width:
        return False
    if before[-1].blank or row[0].blank or roles[len(before) - 1] not in _JOINED_ROLES:
        return False
    text = row[0].text.strip()
    if level_of(text) is not None or is_footer(text) or all(c.blank for c in before[:-1]):
        return False
    return all(_at_its_column(cell, roles[i]) for i, cell in enumerate(before[:-1]))


def _at_its_column(cell: Cell, role: str) -> bool:
    """Whether a cell of the broken row's first line stands where its column says: a level name or nothing under
    a level column, a name (no level's) under the 三级, nothing under a column of another kind before it. A line
    whose cells stand elsewhere (a row that lost its blank first cells) is no broken row's start."""
    if cell.blank:
        return role != "level3"
    if role in ("level1", "level2"):
        return level_of(cell.text) is not None
    return role in ("level3", "description") and level_of(cell.text) is None


def percent_completed(value: str, sign: str) -> str | None:
    """``value`` with the percent ``sign`` a copy wrapped onto the next line after it (``≥95`` / ``%``), where the
    value ends in its number and the two make a quantity in percent; None otherwise (``有效提升`` / ``%``)."""
    text = value.rstrip()
    if not text[-1:].isdigit():
        return None
    return text + sign if parse_target(text + sign).is_quantitative else None
