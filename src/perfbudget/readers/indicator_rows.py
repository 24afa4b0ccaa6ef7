"""Read the indicator rows of a project table under its indicator header.

Columns are mapped by their header labels (``labels.COLUMN_LABELS``); unknown
headers are kept as extra columns (绩效标准, 备注 …). Rows are aligned to the
header by content where cells are missing: HTML and web-copied tables leave out
the cells of a vertically merged 一级/二级 column, so a row that starts with a
二级 name starts in the 二级 column, and one that starts with a 三级 name starts in
the 三级 column. Vertically merged 一级/二级 cells are filled from above.

Skipped rows (category rows without a 三级, template placeholders) become notes;
rows that cannot be read become errors with their cell's location. A row of
signatures, notes or totals (审核意见, 总分, 注：…) ends the indicator block.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfbudget.framework import FRAMEWORK_2015, FRAMEWORK_2021, normalise_level1, normalise_level2
from perfbudget.model import Indicator, Problem, Severity, Source
from perfbudget.readers.grid import CUT_MESSAGE, Cell
from perfbudget.readers.labels import (
    column_role,
    header_field,
    header_roles,
    is_footer,
    is_ignored_label,
    is_number_column,
    label_key,
    level1_of_level2,
    level_of,
)
from perfbudget.readers.parts import Parts
from perfbudget.target import parse_target

PLACEHOLDER = re.compile(r"^(?:指标\d+|…+|\.{3,}|·{3,}|略|（略）|\(略\)|-+|—+|无)$")
_SIGN = re.compile(r"^(?:[≥≤=＝﹦≧≦<>＜＞]+|>=|<=|大于等于|小于等于|大于|小于|等于"
                   r"|不低于|不高于|不少于|不超过|不大于|不小于)$")
_SKIP = "ignore"
# The first cell of an indicator header repeated after a page break.
_HEADER_FIRST = frozenset({"一级指标", "二级指标", "一级", "二级", "绩效指标", "序号", "项目"})
VALUE_LIKE = re.compile(r"^(?:[≥≤<>=≧≦＞＜＝]|大于等于|小于等于|不低于|不少于)?\s*\d+(?:\.\d+)?\s*\S{0,4}$")


_FUSED_SCORE = re.compile(r"^(?P<value>.+?)\s*(?:[(（]\s*(?P<a>\d+(?:\.\d+)?)\s*分\s*[)）]"
                          r"|\s(?P<b>\d+(?:\.\d+)?)\s*分)$")
_TEMPLATE_PREFIX = re.compile(r"^\s*指标\s*\d{1,2}\s*[:：.．、]?")
_SCORE_NOTE = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_EMPTY_MARKS = " \t\n/／\\-—–_…·.。、:：无"


@lru_cache(maxsize=8192)
def is_placeholder(name: str) -> bool:
    """指标2, ……, 略 …: a template row left in the table."""
    return bool(PLACEHOLDER.match(re.sub(r"\s+", "", name)))


@lru_cache(maxsize=8192)
def is_blank_template(name: str, value: str) -> bool:
    """A template row left blank: ``指标2:`` alone, ``指标1:/ | / | /``, ``……`` under a score note
    ``(30分)`` — the name holds nothing but a template number, marks or a score note, and the
    value nothing but marks."""
    bare = _TEMPLATE_PREFIX.sub("", _SCORE_NOTE.sub("", name))
    return not bare.strip(_EMPTY_MARKS) and not value.strip(_EMPTY_MARKS) and bool(name.strip())


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
            role = _SKIP
        columns.append((role or "extra", cell.text.strip()))
    return columns


def is_indicator_header(row: list[Cell]) -> bool:
    # Cheap first test: a level column (一级/二级/三级…, all hold 级) and a target column (its synonyms
    # hold 值 or 目标) are required.
    joined = "\x00".join([c.text for c in row])
    if "级" not in joined or ("值" not in joined and "目标" not in joined):
        return False
    roles = set(header_roles([c.text for c in row if not c.blank]))
    return "level3" in roles and "target" in roles and ("level1" in roles or "level2" in roles)


def guess_level(cells: list[Cell], index: int) -> str:
    """level1, level2 or level3 for the cell at ``index`` (成本指标/满意度指标 decided by the next cell)."""
    level = level_of(cells[index].text)
    if level is None:
        return "level3"
    rest = [c for c in cells[index + 1:] if not c.blank]
    following = rest[0] if rest else None
    if level in ("level2", "level1|level2") and len(rest) == 1 and not cells[index].text.strip().endswith("指标") \
            and VALUE_LIKE.match(rest[0].text.strip()):
        return "level3"  # 服务对象满意度 | ≥90% ending a row: a 三级 named like a 二级, and its target
    if level == "level1|level2":
        after = level_of(following.text) if following is not None else None
        return "level1" if after is not None and "level2" in after else "level2"
    return level


def align(cells: list[Cell], roles: list[str]) -> tuple[list[Cell], int]:
    """The row's cells placed under their columns (see the module docstring), trailing blanks
    dropped, and the number of blank cells put in front."""
    cells = list(cells)
    while cells and cells[-1].blank:
        cells.pop()
    if not cells or len(cells) >= len(roles):
        return cells, 0
    first = next((i for i, c in enumerate(cells) if not c.blank and not (
        roles[i] == _SKIP and c.text.strip().isdigit())), None)  # a 序号 number is not the row's start
    if first is None:
        return cells, 0
    role = guess_level(cells, first)
    if role in roles:
        column = roles.index(role)
        if role == "level1" and "level2" in roles and _level1_over_level3(cells, first, roles):
            # 产出指标 | 开设课程数量 | 220: a merged 一级 cell whose text the copy put on a middle row
            # of its group, followed by the 三级 name; the 二级 cell (merged from above) is left out.
            cells = [*cells[:first + 1], Cell("", cells[first].source), *cells[first + 1:]]
        if column > first:
            return [Cell("", cells[first].source) for _ in range(column - first)] + cells, column - first
    return cells, 0


_NATURE = frozenset({"正向", "反向", "定性", "定量", "中性", "正向指标", "反向指标", "定性指标", "定量指标"})


def _fits(role: str, text: str) -> bool:
    """Can a cell of a row that lost its empty cells stand in this column? A sign column takes only a
    comparison or 正向/反向/定性; a unit column only a short word that is no number."""
    if role == "sign":
        return is_sign(text) or label_key(text) in _NATURE
    if role == "unit":
        return len(text.strip()) <= 6 and decimal_or_none(text.replace(",", "")) is None
    return True


def place_sparse_row(cells: list[Cell], roles: list[str], last_required: int) -> list[Cell] | None:
    """A row whose empty cells were lost (space-separated), placed under its columns by what its cells
    hold: trailing numbers under the 分值/得分 columns that end the required ones (``工程质量合格 10 10``
    under ``年度指标值 | 实际完成值 | 分值 | 得分``: no 指标值, 分值 10, 得分 10), and the cells between
    the 三级 name and them left to right, a sign or unit column skipped when the cell cannot be one
    (``定性 长期 15`` under ``指标性质 | 指标方向 | 目标值 | 计量单位 | 分值``: 目标值 长期). None when
    the row is not short or the placement changes nothing."""
    if "level3" not in roles:
        return None
    level3 = roles.index("level3")
    values = cells[level3 + 1:]
    if not values or len(values) >= last_required - level3:
        return None
    scores = 0
    while last_required - scores > level3 and roles[last_required - scores] in ("weight", "score"):
        scores += 1
    if scores and (len(values) < scores or any(c.blank or decimal_or_none(c.text) is None
                                               for c in values[-scores:])):
        scores = 0
    front = values[:len(values) - scores]
    columns = list(range(level3 + 1, last_required + 1 - scores))
    placed: list[Cell] = []
    taken = 0
    for k, column in enumerate(columns):
        left_cells, left_columns = len(front) - taken, len(columns) - k
        if left_cells and (left_cells >= left_columns or _fits(roles[column], front[taken].text)):
            placed.append(front[taken])
            taken += 1
        else:
            placed.append(Cell("", values[0].source))
    if taken < len(front):
        return None
    out = [*cells[:level3 + 1], *placed, *values[len(values) - scores:]]
    naive = [c.text for c in cells] + [""] * (len(out) - len(cells))
    return out if [c.text for c in out] != naive else None


def _without_extra_leading_blanks(cells: list[Cell], roles: list[str], width: int) -> list[Cell]:
    """A row one or more empty cells too long at its start (``| | 满意度指标 | …``): the extra empty cells
    dropped when its first filled cell is a 一级/二级 name that then stands in its own column."""
    first = next((i for i, c in enumerate(cells) if not c.blank), None)
    if first is None or level_of(cells[first].text) is None:
        return cells
    role = guess_level(cells, first)
    if role not in roles:
        return cells
    extra = first - roles.index(role)
    return cells[extra:] if extra > 0 and len(cells) - extra <= width else cells


def _level1_over_level3(cells: list[Cell], first: int, roles: list[str]) -> bool:
    """A 一级 name followed by a cell that is no 二级 name, in a row one cell short of its 二级."""
    following = next((i for i in range(first + 1, len(cells)) if not cells[i].blank), None)
    if following is None or level_of(cells[following].text) is not None:
        return False
    return len(cells) - first < len(roles) - roles.index("level1")


def decimal_or_none(text: str) -> Decimal | None:
    cleaned = re.sub(r"\s+|分$", "", unicodedata.normalize("NFKC", text))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


@lru_cache(maxsize=4096)
def _owns(level1: str, level2: str) -> bool:
    name1, name2 = normalise_level1(level1), normalise_level2(level2)
    return any(name2 in framework.get(name1, ()) for framework in (FRAMEWORK_2015, FRAMEWORK_2021))


def _text(cell: Cell | None) -> str:
    return cell.text.strip() if cell is not None else ""


def is_sign(text: str) -> bool:
    """≥, ＞=, 大于等于, 不低于 …: a comparison written in a column of its own."""
    return bool(_SIGN.match(unicodedata.normalize("NFKC", text).replace(" ", "")))


def _target_text(by_role: dict[str, Cell], sign: str, extras: list[tuple[str, str]]) -> str:
    """指标值, or 指标性质 | 指标值 | 度量单位 joined when the table splits them. A number in the unit
    column is no unit: the same number again (a date serial shown twice) is dropped, another one
    is kept as an extra."""
    value = _text(by_role.get("target"))
    unit = _text(by_role.get("unit"))
    if value and sign:
        value = sign + value
    if unit and decimal_or_none(unit.replace(",", "")) is not None:
        if unit != value.removeprefix(sign):
            extras.append(("度量单位", unit))
        unit = ""
    if value and unit and not value.endswith(unit):
        value += unit
    return value


class _Tree:
    """The 一级/二级 names carried down from the rows above."""

    def __init__(self) -> None:
        self.level1 = ""
        self.level2 = ""


def read_indicator_rows(rows: list[list[Cell]], columns: list[tuple[str, str]], parts: Parts,
                        problems: list[Problem], complete: bool, certain: bool, is_last_table: bool,
                        stream: bool = False, sparse: bool = False) -> None:
    """Read indicator rows into ``parts.indicators``; problems and notes into ``problems``.

    ``complete``/``certain``/``stream`` are the raw table's flags: the last row of an
    uncertain table (text) that lacks its 指标值 cell, or in a stream lacks any cell, is
    where the file was cut off: an error, and the row is not read.
    """
    width = len(columns)
    roles = [role for role, _ in columns]
    target_column = roles.index("target")
    # A rebuilt row is cut when it stops before its last required cell; an optional cell after
    # it (备注, 偏差原因) or a repeated column group (长期/年度) may be missing from a whole row.
    last_required = max(roles.index(role) for role in ("target", "actual", "weight", "score") if role in roles)
    value_end = max(roles.index(role) for role in ("target", "sign", "unit") if role in roles)
    tree = _Tree()
    if sparse:
        rows = _join_wrapped_cells(rows, roles, last_required, problems)
    last_filled = max((i for i, row in enumerate(rows) if any(not c.blank for c in row)), default=-1)
    last_read = -2  # the index of the row that gave the latest indicator
    for index, row in enumerate(rows):
        filled = [c for c in row if not c.blank]
        if not filled:
            continue
        if is_footer(filled[0].text):
            return
        if filled[0].text.strip() in _HEADER_FIRST and is_indicator_header(row):
            problems.append(Problem(filled[0].source, "跳过重复的指标表头行（表格跨页续排）", Severity.INFO))
            continue
        cells, shift = align(row, roles)
        if len(cells) > width:
            cells = _without_extra_leading_blanks(cells, roles, width)
        if sparse and len(cells) <= last_required:
            moved = place_sparse_row(cells, roles, last_required)
            if moved is not None:
                cells = moved
                problems.append(Problem(filled[0].source, "这一行的单元格少于表头列数（复制时空单元格丢失），"
                                        "按单元格内容对齐到列（末尾的数字为分值/得分）", Severity.INFO))
                if not any("少于表头列数" in note for note in parts.needs_check):
                    parts.needs_check.append("有的行单元格少于表头列数（复制时空单元格丢失），按内容对齐到列")
        if len(cells) > width:
            problems.append(Problem(cells[width].source, f"这一行有{len(cells)}个单元格，指标表头只有{width}列"))
            continue
        final = index == last_filled
        cut_here = final and (is_last_table or not complete) and not certain
        reached = len(row) + shift
        if cut_here and (not complete or reached <= target_column or (  # ≧ and then nothing: cut after the sign
                target_column < len(cells) and is_sign(cells[target_column].text)) or (
                reached <= last_required and (not sparse or _others_reach_past(rows[:index], roles, last_required)))):
            problems.append(Problem(cells[-1].source, f"{CUT_MESSAGE}：最后一行只有{len(filled)}个有内容的单元格"
                                                      f"（指标表头有{width}列），文件可能不完整"))
            parts.cut = cells[-1].source
            if complete and len(cells) > value_end + 1:
                # cut inside a cell after the target (实际完成值 …): the target and what precedes it are whole
                _read_row(cells[:-1], columns, tree, parts, problems, width)
            continue
        if len(filled) == 1 and last_read == index - 1 and not sparse and not stream \
                and _wraps_name(cells, roles, parts, problems):
            continue  # the 三级 name (or description) of the row above, wrapped onto a row of its own
        before = len(parts.indicators)
        _read_row(cells, columns, tree, parts, problems, width)
        if len(parts.indicators) > before:
            last_read = index


def _wraps_name(cells: list[Cell], roles: list[str], parts: Parts, problems: list[Problem]) -> bool:
    """A row right after an indicator whose only cell stands in the 三级 (or description) column and is no
    level name or template row: the end of the name above, wrapped onto its own row. Joined, with a note."""
    filled = [(i, c) for i, c in enumerate(cells) if not c.blank]
    if len(filled) != 1 or not parts.indicators:
        return False
    column, cell = filled[0]
    role = roles[column] if column < len(roles) else ""
    text = cell.text.strip()
    if role not in ("level3", "description") or level_of(text) is not None or is_placeholder(text) \
            or _TEMPLATE_PREFIX.match(text) or is_footer(text):
        return False
    last = parts.indicators[-1]
    if role == "level3":
        parts.indicators[-1] = replace(last, level3=last.level3 + text, target=parse_target(last.target.raw,
                                                                                            last.level3 + text))
    elif last.description is not None:
        parts.indicators[-1] = replace(last, description=last.description + text)
    else:
        return False
    where = "三级指标" if role == "level3" else "指标说明"
    problems.append(Problem(cell.source, f"「{text}」单独成行，接在上一行的{where}之后",
                               Severity.INFO))
    return True


def _others_reach_past(rows: list[list[Cell]], roles: list[str], last_required: int) -> bool:
    """True when every indicator row before reaches past the last required column (so a last row
    that stops before it is cut off, not merely short)."""
    reaches = [len(cells) for row in rows if sum(1 for c in row if not c.blank) >= 3
               for cells, _ in (align(row, roles),)]
    return bool(reaches) and min(reaches) > last_required


def _join_wrapped_cells(rows: list[list[Cell]], roles: list[str], last_required: int,
                        problems: list[Problem]) -> list[list[Cell]]:
    """Space-separated rows: a line of one or two plain cells (no level name, label or footer) after
    a row that stops before its last required column and does not end in a number is the rest of
    that row, wrapped onto lines of its own (``… 推动装备标准化配置 定性`` / ``长期`` / ``15``)."""
    level3 = roles.index("level3") if "level3" in roles else 0
    out: list[list[Cell]] = []
    for row in rows:
        filled = [c for c in row if not c.blank]
        if out and 0 < len(filled) <= 2 and not any(
                level_of(c.text) is not None or is_footer(c.text) or column_role(c.text) is not None
                or _TEMPLATE_PREFIX.match(c.text) for c in filled):
            previous, _ = align(out[-1], roles)
            if level3 + 1 < len(previous) <= last_required and len(previous) + len(filled) <= last_required + 1 \
                    and not previous[-1].blank and decimal_or_none(previous[-1].text) is None:
                problems.append(Problem(filled[0].source, "单独成行的单元格接在上一行之后（复制时换行）",
                                        Severity.INFO))
                out[-1] = [*out[-1], *filled]
                continue
        out.append(row)
    return out


def _read_row(cells: list[Cell], columns: list[tuple[str, str]], tree: _Tree, parts: Parts,
              problems: list[Problem], width: int) -> None:
    by_role: dict[str, Cell] = {}
    extras: list[tuple[str, str]] = []
    signs: list[tuple[str, Cell]] = []
    for (role, head), cell in zip(columns, cells, strict=False):
        if role == "sign":
            if not cell.blank:
                signs.append((head, cell))  # 指标性质 (正向) and 指标方向 (=): the one holding a sign is it
        elif role == "extra":
            if not cell.blank:
                extras.append((head, _text(cell)))
        elif role != _SKIP:
            if role not in by_role:
                by_role[role] = cell
                continue
            earlier = by_role[role]
            if not cell.blank:
                # A repeated column (中期/长期 then 年度 groups side by side): the last one filled is the
                # year's; an earlier filled one is kept as an extra under its header.
                if not earlier.blank:
                    head_of = next(h for (_, h), c in zip(columns, cells, strict=False) if c is earlier)
                    extras.append((head_of, _text(earlier)))
                by_role[role] = cell
    row_source = next((c.source for c in cells if not c.blank), cells[0].source)
    l1, l2 = by_role.get("level1"), by_role.get("level2")
    if l1 is not None and not l1.blank and (l2 is None or l2.blank) and level_of(l1.text) == "level2":
        # 社会效益 in the 一级 column with the 二级 cell blank: a 二级 name; the framework gives its 一级
        l1, l2 = None, l1
    written_level1 = l1 is not None and not l1.blank
    if written_level1:
        # The same 一级 written again (a merged cell's text on a middle row of its group, or a
        # form that repeats it on every row) keeps the 二级 carried down; a new 一级 clears it.
        same = bool(tree.level1) and normalise_level1(_text(l1)) == normalise_level1(tree.level1)
        tree.level1, tree.level2 = _text(l1), (tree.level2 if same else "")
    if l2 is not None and not l2.blank:
        tree.level2 = _text(l2)
        # A 二级 that does not belong to the 一级 carried down from above: the copy dropped the
        # merged 一级 cell of a new group, so the framework names it. A 一级 written in the same
        # row is kept as written (the review flags a wrong pairing).
        if not written_level1 and (not tree.level1 or not _owns(tree.level1, tree.level2)):
            owner = level1_of_level2(tree.level2)
            if owner is not None and (not tree.level1 or normalise_level1(tree.level1) != owner):
                problems.append(Problem(l2.source, f"二级指标「{tree.level2}」上方没有它的一级指标，按指标体系补为"
                                                   f"「{owner}」", Severity.INFO))
                tree.level1 = owner
    name = _text(by_role.get("level3"))
    sign, sign_extras = "", []
    if signs:
        sign = next((_text(c) for _, c in signs if is_sign(c.text)), "")
        sign_extras = [(head, _text(c)) for head, c in signs if not is_sign(c.text)]
    target_text = _target_text(by_role, sign, extras)
    fused = _FUSED_SCORE.match(target_text) if "分" in target_text else None
    weight_cell = by_role.get("weight")
    fused_weight: Decimal | None = None
    if fused and decimal_or_none(fused["value"].strip()) is None:
        # ≥95%（10分）: a score fused with the value cell is the 分值, not part of the target
        target_text, fused_weight = fused["value"].strip(), Decimal(fused["a"] or fused["b"])
        problems.append(Problem(row_source, f"指标值中的「{fused.group()[len(fused['value']):].strip()}」是分值，"
                                            "已与指标值分开", Severity.INFO))
        if weight_cell is not None and not weight_cell.blank and decimal_or_none(weight_cell.text) != fused_weight:
            extras.append(("指标值中的分值", str(fused_weight)))
            fused_weight = None
    if not target_text and decimal_or_none(name) is not None:
        name = ""  # a lone number (a 0 score) in a category row is no 三级 name
    if not name and not target_text:
        problems.append(Problem(row_source, f"跳过没有三级指标的分类行（{tree.level1}{tree.level2}）",
                                Severity.INFO))
        return
    if is_placeholder(name) or (not target_text.strip(_EMPTY_MARKS) and is_blank_template(
            name, target_text + _text(by_role.get("actual")))):
        problems.append(Problem(row_source, f"跳过模板占位行「{name}」", Severity.INFO))
        return
    if not name:
        problems.append(Problem(row_source, f"指标值「{target_text}」没有三级指标名称"))
        return
    if not tree.level1 or not tree.level2:
        problems.append(Problem(row_source, f"三级指标「{name}」缺少一级或二级指标"))
        return
    if not target_text:
        problems.append(Problem(row_source, f"三级指标「{name}」没有指标值", Severity.WARNING))
    extras[:0] = sign_extras
    description = by_role.get("description")
    weight, actual = by_role.get("weight"), by_role.get("actual")
    score, deviation = by_role.get("score"), by_role.get("deviation")
    sources: dict[str, Source] = {role: cell.source for role, cell in by_role.items()}
    parts.indicators.append(Indicator(
        level1=tree.level1,
        level2=tree.level2,
        level3=name,
        description=_text(description) if description is not None else None,
        target=parse_target(target_text, name),
        weight=decimal_or_none(weight.text) if weight is not None and not weight.blank else fused_weight,
        actual=_text(actual) or None,
        score=decimal_or_none(score.text) if score is not None and not score.blank else None,
        deviation=_text(deviation) or None,
        extras=tuple(extras),
        source=row_source,
        sources=sources,
    ))
