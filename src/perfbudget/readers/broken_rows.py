"""A text row broken inside one of its cells: the copy's line break in a 三级 name, a description or a 指标值.

A web page or Word table copied as tabs or pipes writes a line break inside a cell as the end of the row: the row
``产出指标 | 数量指标 | 服务老年<br>人数 | ≥500人`` comes as ``产出指标 | 数量指标 | 服务老年`` and ``人数 | ≥500人``.
Read apart, the first is an indicator without a value (warned of) and the second one named 人数 — two indicators,
both wrong. The sign that the lines are one row: the first stops right after a filled cell in a 三级 or description
column (each cell before it where its column says), the second starts with a filled cell, and together (that cell
once) they are exactly as wide as the indicator header — a row of its own lacking its first cells would not start
with the text of a cell after them. The cell is joined as the page has it (no character added), with a note
(reading37). A value's ``%`` wrapped so (``≥95`` / ``%``) is joined by :func:`percent_completed`.

A copy that keeps the row's empty cells writes the name's last characters as a row of their own: ``| | 质量指标 |
服务合格 | |`` then ``| | | 率 | ≥95% |``. The rows are one where the first has its 三级 name and nothing after it,
the second nothing before its 三级 and a value, and that 三级 is a name's tail, no name: one or two characters
ending in 率, 数, 度, 量 or 次 (率, 人数, 次数; reading38), or a longer one so ending where the break falls inside a
word (``服务对`` / ``象覆盖率``, ``乡村医生培`` / ``训合格率``: ``readers/word_cut.py``; reading39) or after a name
that is a single word naming no measure, no indicator on its own (``服务`` / ``覆盖率``; reading41). A second row
named otherwise (``有效``, ``满意度`` after ``服务合格``, ``覆盖人数`` after ``社区养老服务``: the break between
words after a name of words) stays an indicator of its own after one without a value (warned).
"""

from __future__ import annotations

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import is_footer, level_of
from perfbudget.readers.word_cut import cut_inside_a_word, is_one_word
from perfbudget.target import parse_target

PERCENT_SIGNS = frozenset("%％‰")
_JOINED_ROLES = frozenset({"level3", "description"})
_WHERE = {"level3": "三级指标", "description": "指标说明"}
_NAME_TAIL_ENDS = tuple("率数度量次")
_LONGEST_TAIL = 6  # (a wrapped name's last line: 训合格率, 助及时率; a longer one is a name of its own)


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
        if before is not None and (level3 := _name_tail_at(before, row, roles)) is not None:
            cut, rest = before[level3], row[level3]
            joined = Cell(cut.text.rstrip() + rest.text.strip(), cut.source)
            out[-1] = [*before[:level3], joined, *row[level3 + 1:]]
            problems.append(Problem(rest.source, f"三级指标「{cut.text.strip()}」没有指标值，下一行只有"
                                                 f"「{rest.text.strip()}」和指标值：读作同一指标的名称在单元格内"
                                                 "换行，已接为一行", Severity.INFO))
            continue
        out.append(row)
    return out


def _name_tail_at(before: list[Cell], row: list[Cell], roles: list[str]) -> int | None:
    """The 三级 column where ``row`` holds only the tail of the name ``before`` stops at (see the module), else None."""
    if "level3" not in roles or "target" not in roles:
        return None
    level3, target = roles.index("level3"), roles.index("target")
    if level3 >= len(before) or level3 >= len(row) or target >= len(row) or row[target].blank:
        return None
    if before[level3].blank or any(not c.blank for c in before[level3 + 1:]) \
            or any(not c.blank for c in row[:level3]):
        return None
    tail = row[level3].text.strip()
    if not tail.endswith(_NAME_TAIL_ENDS) or level_of(tail) is not None:
        return None
    # 服务对 / 象覆盖率: a longer tail only where the break cuts a word (服务合格 / 满意度 stays two; reading39), or
    # where the head is a single word naming no measure, no indicator on its own (服务 / 覆盖率; reading41)
    head = before[level3].text.strip()
    return level3 if len(tail) <= 2 or (len(tail) <= _LONGEST_TAIL and (
        cut_inside_a_word(head, tail) or _bare_word(head))) else None


def _bare_word(head: str) -> bool:
    """A 三级 name that is one word of the dictionary naming no measure (``服务``, ``培训``; not ``满意度``, not a
    level's name, no digit): no indicator on its own, so the measure on the next row is its end."""
    return not head.endswith(_NAME_TAIL_ENDS) and level_of(head) is None \
        and not any(ch.isdigit() for ch in head) and is_one_word(head)


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
