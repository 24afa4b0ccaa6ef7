"""The indicator header row: telling it apart, mapping its columns, a header written over two rows.

``column_map`` gives each column its role by its label (``labels.COLUMN_LABELS``); unknown
headers are kept as extra columns. A header may be written over two rows (``年度`` over
``指标值``, 符号 | 数值 | 单位 under 预期指标值) or carry sub-columns of the 指标值 group in the row
under it (``2021年实际实现值 | 预期2022年实现值``): both become one header row here.
"""

from __future__ import annotations

import re

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import (
    column_role,
    header_field,
    header_roles,
    is_ignored_label,
    is_number_column,
    label_key,
    level_of,
)

# The role of a column that is no column at all (序号, a block label in the first column).
SKIP = "ignore"


def column_map(header: list[Cell]) -> list[tuple[str, str]]:
    """(role, header text) per column; unknown headers keep their text as an extra column.

    Not columns: blank header cells, a 序号 column, and before the level columns a label that
    only announces the block (绩效指标, 年度绩效目标(90分) — a vertically merged first column).
    """
    columns: list[tuple[str, str]] = []
    seen_level = False
    for cell, role in zip(header, header_roles([c.text for c in header]), strict=True):
        seen_level = seen_level or role in ("level1", "level2", "level3")
        if role is None and (cell.blank or is_number_column(cell.text) or (not seen_level and (
                is_ignored_label(cell.text) or header_field(cell.text) == "goals"))):
            role = SKIP
        columns.append((role or "extra", cell.text.strip()))
    return columns


def is_indicator_header(row: list[Cell]) -> bool:
    return _may_be_header([c.text for c in row]) and _has_header_roles([c.text for c in row if not c.blank])


def header_texts(row: list[Cell]) -> list[str]:
    """A header row's filled texts without their spaces, as :func:`repeats_header` compares them."""
    return [squashed for cell in row if (squashed := "".join(cell.text.split()))]


def repeats_header(filled: list[Cell], heads: list[str]) -> bool:
    """Is a row whose filled cells are ``filled`` the header again (a page break), every filled cell the header's
    own text in turn (``heads``: :func:`header_texts` of the header)? A header of three texts at least."""
    return len(filled) == len(heads) > 2 and "".join(filled[0].text.split()) == heads[0] \
        and all("".join(c.text.split()) == head for c, head in zip(filled, heads, strict=True))


def is_indicator_header_texts(texts: list[str]) -> bool:
    """``is_indicator_header`` of a row given as its cells' texts (a blank text is empty or spaces)."""
    return _may_be_header(texts) and _has_header_roles([t for t in texts if t and not t.isspace()])


def _may_be_header(texts: list[str]) -> bool:
    # Cheap first test: a level column (一级/二级/三级…, all hold 级; the old Fujian form's 绩效内容) and a
    # target column (its synonyms hold 值 or 目标) are required.
    joined = "\x00".join(texts)
    return ("级" in joined or "绩效内容" in joined) and ("值" in joined or "目标" in joined)


def _has_header_roles(filled: list[str]) -> bool:
    roles = set(header_roles(filled))
    return "level3" in roles and "target" in roles and ("level1" in roles or "level2" in roles)


class HeaderMemo:
    """``is_indicator_header`` asked once per row of one document: the stages of the interpretation
    (project splitting, the list-layout test, finding the header) ask it of the same rows in turn.

    Keyed by the row object; each entry keeps its row, so no id is reused while the memo lives.
    Rows are not changed in place during the interpretation (stages build new lists).
    """

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[int, tuple[list[Cell], bool]] = {}

    def __call__(self, row: list[Cell]) -> bool:
        entry = self._seen.get(id(row))
        if entry is not None and entry[0] is row:
            return entry[1]
        result = is_indicator_header(row)
        self._seen[id(row)] = (row, result)
        return result


_ANNUAL = frozenset({"年度", "当年", "本年", "本年度", "年度目标", "年度指标值", "年度值"})
_PERIODS = _ANNUAL | {"中期", "长期", "实施期", "项目期", "中长期", "中期目标", "长期目标", "实施期目标", "整体"}


def is_label_subrow(row: list[Cell]) -> bool:
    """A row under the indicator header holding only sub-labels of its groups: 符号 | 数值 | 单位
    under 预期指标值, 年度 | 中期 under 指标值 (no level label, no indicator)."""
    return is_label_subrow_texts([c.text for c in row if not c.blank])


_LEVEL_ROLES = ("level1", "level2", "level3")


def is_label_subrow_texts(filled: list[str]) -> bool:
    """``is_label_subrow`` of a row given as the texts of its filled cells."""
    if not filled:
        return False
    for text in filled:  # (stops at the first text that is no such label: an indicator row's first)
        role = column_role(text)
        if role in _LEVEL_ROLES or (role is None and label_key(text) not in _PERIODS):
            return False
    return True


def completes_header(header: list[Cell], row: list[Cell]) -> bool:
    """The row under an indicator header holds the rest of its labels, each under its own: two filled cells at
    least, each standing under a filled header cell that, joined to it, is a column label (``一级 | 二级 | 三级 |
    绩效`` over ``指标 | 指标 | 指标 | 指标值``: labels broken in their cells, a copy writing each cell's lines as rows;
    reading44 — the lower row was read as an indicator 「指标」, or its first cell joined to the last label above as
    one wrapped label, the columns shifted: 三级 read as the target)."""
    filled = [(k, cell) for k, cell in enumerate(row) if not cell.blank]
    # (a label's pieces are short: a row holding a longer text — a header block's value, an indicator's name —
    # is told at once, without a look-up of a joined text no cache has seen)
    if len(filled) < 2 or any(len(cell.text) > _PIECE for _, cell in filled):
        return False
    return all(k < len(header) and not header[k].blank and len(header[k].text) <= _PIECE
               and column_role(header[k].text.strip() + cell.text.strip()) is not None for k, cell in filled)


_PIECE = 8  # the longest piece of a broken column label looked at (实际完成值, 年度指标值 and their spaces)


def merge_header_rows(first: list[Cell], second: list[Cell]) -> list[Cell]:
    """One indicator header from a header written over two rows, column by column: the two
    texts joined when together they are a column label (``年度`` + ``指标值``), else the lower
    one where it is a label (sub-columns under a merged group cell), else the upper one."""
    merged: list[Cell] = []
    group = ""
    for column in range(max(len(first), len(second))):
        upper = first[column] if column < len(first) else None
        lower = second[column] if column < len(second) else None
        top = upper.text.strip() if upper is not None else ""
        bottom = lower.text.strip() if lower is not None else ""
        group = top or group
        source = (upper or lower).source  # type: ignore[union-attr]
        if bottom and column_role(group) == "target" and label_key(bottom) in _PERIODS:
            # 指标值 over 年度 | 中期: the year's value is the target, the others extras 指标值/中期
            annual = label_key(bottom) in _ANNUAL
            merged.append(Cell(group if annual else f"{group}/{bottom}", lower.source))  # type: ignore[union-attr]
        elif top and bottom and column_role(top + bottom) is not None:
            merged.append(Cell(top + bottom, source))
        elif bottom and (column_role(bottom) is not None or not top):
            merged.append(Cell(bottom, lower.source))  # type: ignore[union-attr]
        else:
            merged.append(Cell(top, source))
    return merged


_UPPER_ROLES = frozenset({"target", "actual", "weight", "score", "deviation"})


def spread_upper_header(upper: list[Cell], header: list[Cell], width: int) -> list[Cell] | None:
    """A header written over two rows in a copy that left out the cells merged down from the upper row:

        绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
        一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位

    The lower row holds the columns under the upper row's first groups (绩效指标 over the levels, 年度指标值
    over 性质 | 值 | 单位); the upper row's cells after its target group are columns of their own, merged
    down, and missing from the lower row. The header is the lower row then those cells, when that makes
    the ``width`` of the rows under it (±1: a trailing empty cell) and the lower row is narrower. None when
    the rows are not such a pair."""
    top = [c for c in upper if not c.blank]
    low = [c for c in header if not c.blank]
    if len(top) < 3 or len(low) >= width:
        return None
    roles = [column_role(c.text) for c in top]
    if roles[0] is not None or any(role not in _UPPER_ROLES for role in roles[1:]) or roles[1] != "target":
        return None  # the first group (绩效指标) spans the levels; the second is the value group
    if "level3" not in (column_role(c.text) for c in low):
        return None
    spread = [*low, *top[2:]]
    return spread if abs(len(spread) - width) <= 1 else None


def _inner(row: list[Cell]) -> list[Cell]:
    """The row's cells from its first filled cell to its last."""
    filled = [i for i, c in enumerate(row) if not c.blank]
    return row[filled[0]:filled[-1] + 1] if filled else []


_NOT_SUB_GROUPS = frozenset({"level1", "level2", "level3", "target", "actual", "sign", "unit"})


# The sub-labels of a 自评得分 group that are columns of their own (单项指标得分, 权重占比: kinds46), named by
# themselves; any other known label in the sub-row makes it no such row.
_SCORING_SUB_ROLES = frozenset({None, "weight", "score"})


def spread_label_subrow(header: list[Cell], sub: list[Cell], width: int) -> list[Cell] | None:
    """The header with a label sub-row that a copy without empty cells no longer keeps under its groups
    (one row a line, cells apart by spaces, every row's cells from the first on):

        四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 实际完成值 完成情况 自评得分
        符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分

    The sub-row starts with a sign and a unit label: they flank the target group's value, whose own cell
    has no label (符号 | value | 单位 under 预期指标值); the labels after them are sub-columns of the
    header's last group (``自评得分/单项指标折算得分``; a label the columns know keeps its own name: 单项指标得分 the
    score, 权重占比 the points, kinds46). Cells before the first level label (a section heading run into the header's
    line) are no columns. Taken only when the header then has exactly the ``width`` of the rows under it
    and the last group is no level, target or actual column; else None (the rows are read as before)."""
    labels = [c for c in sub if not c.blank]
    if len(labels) < 2 or [column_role(c.text) for c in labels[:2]] != ["sign", "unit"]:
        return None
    if sub[0].blank or any(c.blank for c in _inner(header)) or any(c.blank for c in _inner(sub)):
        return None  # cells kept in place (a grid, a pipe row with its empty cells): merged by position instead
    rest = labels[2:]
    if any(column_role(c.text) not in _SCORING_SUB_ROLES or any(ch.isdigit() for ch in c.text) for c in rest):
        return None
    cells = [c for c in header if not c.blank]
    roles = [column_role(c.text) for c in cells]
    first_level = next((i for i, r in enumerate(roles) if r in ("level1", "level2", "level3")), None)
    if first_level is None or "target" not in roles or "sign" in roles or "unit" in roles:
        return None
    cells, roles = cells[first_level:], roles[first_level:]
    target = roles.index("target")
    last = len(cells) - 1
    if rest and (last <= target or roles[last] in _NOT_SUB_GROUPS):
        return None
    spread = [*cells[:target], labels[0], cells[target], labels[1]]
    if rest:
        group = cells[last].text.strip()
        spread += [*cells[target + 1:last], *(Cell(c.text.strip() if column_role(c.text) is not None
                                                   else f"{group}/{c.text.strip()}", c.source) for c in rest)]
    else:
        spread += cells[target + 1:]
    return spread if len(spread) == width else None


# Sub-columns of a 指标值 group written in the row under the header: 2021年实际实现值 | 预期2022年实现值.
_SUB_VALUE = re.compile(r"^\S{0,12}(?:年|预期|实际|目标|上年|本年|当年)\S{0,12}值$")
_SUB_TARGET = re.compile(r"预期|目标|计划")


def is_sub_header(row: list[Cell]) -> bool:
    return is_sub_header_texts([c.text for c in row if not c.blank])


def is_sub_header_texts(filled: list[str]) -> bool:
    """``is_sub_header`` of a row given as the texts of its filled cells."""
    for text in filled:  # (a loop, the last character tested before the pattern: most rows stop at their first)
        key = label_key(text)
        if key[-1:] != "值" or not _SUB_VALUE.match(key) or column_role(text) is not None:
            return False  # (_SUB_VALUE ends in 值$)
    return bool(filled)


def with_sub_header(header: list[Cell], sub: list[Cell], problems: list[Problem]) -> list[list[Cell]]:
    """The header with the 指标值 group's sub-columns from the row under it: the expected value
    (预期/目标/计划 …, else the last one) is the target, the others extras named ``指标值/…``.
    When the sub-row does not sit under the group (a copy that left out its empty cells), the
    group stays one column and the sub-row is skipped with a note."""
    target = next((i for i, c in enumerate(header) if column_role(c.text) == "target"), None)
    filled = [i for i, c in enumerate(sub) if not c.blank]
    group_end = target + 1 if target is not None else 0
    while group_end < len(header) and header[group_end].blank:
        group_end += 1
    if target is None or filled[0] != target or filled[-1] >= group_end:
        problems.append(Problem(sub[filled[0]].source, "指标值下的分列（"
                                + "、".join(sub[i].text.strip() for i in filled)
                                + "）与表头对不齐，指标值按一列读取", Severity.INFO))
        return [header]
    chosen = next((i for i in filled if _SUB_TARGET.search(sub[i].text)), filled[-1])
    group = header[target].text.strip()
    merged = list(header)
    for i in filled:
        text = group if i == chosen else f"{group}/{sub[i].text.strip()}"
        merged[i] = Cell(text, sub[i].source)
    return [merged]


def group_sub_columns(header: list[Cell], sub: list[Cell]) -> list[Cell] | None:
    """The header with the sub-columns of a group written in the row under it: a header label merged across
    columns (its cells to the right blank), the row under it naming each of those columns, and nothing else in
    that row but blanks or the texts of the cells above (a vertically merged cell repeated). The 监控表's
    ``偏差原因分析`` over ``经费保障 | 制度保障 | 人员保障 | 硬件条件保障 | 其他`` becomes ``偏差原因分析/经费保障`` …,
    each an extra column of its own: their marks (√) were in columns without a header and lost. None for any
    other row (cells not under such a group, a level name, a value, fewer than two sub-labels)."""
    if len(sub) != len(header):
        return None
    merged = list(header)
    group, start, named = "", -1, 0
    for column, (upper, lower) in enumerate(zip(header, sub, strict=True)):
        if not upper.blank:
            group, start = upper.text.strip(), column
        bottom = lower.text.strip()
        if not bottom or (not upper.blank and bottom == group):
            continue
        if start < 0 or start + 1 >= len(header) or not header[start + 1].blank or column_role(bottom) is not None \
                or level_of(bottom) is not None or _VALUE.match(bottom) or len(bottom) > 12:
            return None
        merged[column] = Cell(f"{group}/{bottom}", lower.source)
        named += 1
    return merged if named >= 2 else None


_VALUE = re.compile(r"^[\d.%≥≤<>=＞＜＝√×✓✔]|^(?:是|否|有|无)$")


# The central 2015 form's two-level block heads its 一级 column only 指标: 指标 | 指标内容 | 指标值.
_BARE_LEVEL_LABEL = "指标"
_FIRST_LEVEL = frozenset({"level1", "level1|level2"})


def level1_named_header(rows: list[list[Cell]], index: int) -> list[Cell] | None:
    """The header ``rows[index]`` when it heads its 一级 column only ``指标`` (``指标 | 指标内容 | 指标值``, no other
    level column), with that cell read as ``一级指标``; None otherwise. Taken only when the first cell filled
    under that column in the rows below is a 一级 name (产出指标, 效益指标 …): a bare 指标 over indicator names
    (指标 | 指标值) stays no level column."""
    row = rows[index]
    at = next((i for i, c in enumerate(row) if not c.blank and label_key(c.text) == _BARE_LEVEL_LABEL), None)
    if at is None:
        return None
    renamed = [*row[:at], Cell("一级指标", row[at].source), *row[at + 1:]]
    roles = header_roles([c.text for c in renamed])
    if roles.count("level1") != 1 or "level2" in roles or "level3" not in roles[at + 1:] or "target" not in roles:
        return None
    for below in rows[index + 1:]:
        if at < len(below) and not below[at].blank:
            return renamed if level_of(below[at].text) in _FIRST_LEVEL else None
    return None
