"""Read the indicator rows of a project table under its indicator header.

Columns come from ``indicator_header.column_map``; rows that lost cells are placed
under their columns by ``row_alignment``. Vertically merged 一级/二级 cells are filled
from above.

Skipped rows (category rows without a 三级, template placeholders) become notes;
rows that cannot be read become errors with their cell's location. A row of
signatures, notes or totals (审核意见, 总分, 注：…) ends the indicator block.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter

from perfbudget.framework import (
    FRAMEWORK_2015,
    FRAMEWORK_2021,
    LEVEL1_NAMES,
    LEVEL1_SATISFACTION,
    normalise_level1,
    normalise_level2,
)
from perfbudget.model import Direction, Indicator, Kind, Problem, Severity, Source, Target
from perfbudget.readers.broken_rows import PERCENT_SIGNS, joined_broken_rows, percent_completed
from perfbudget.readers.cell_values import (
    EMPTY_MARKS,
    TEMPLATE_PREFIX,
    decimal_or_none,
    is_blank_template,
    is_placeholder,
    is_score_note,
    is_sign,
    one_line,
    one_value,
)
from perfbudget.readers.full_mark_scores import row_score
from perfbudget.readers.grid import CUT_MESSAGE, NOT_LISTED, Cell
from perfbudget.readers.indicator_header import SKIP, is_indicator_header, repeats_header
from perfbudget.readers.labels import cut_level_name, is_central_group, is_footer, level1_of_level2, level_of
from perfbudget.readers.level_wraps import completes_level_name, join_wrapped_level_names
from perfbudget.readers.parts import Parts
from perfbudget.readers.project_fields import is_department_table
from perfbudget.readers.row_alignment import (
    align,
    join_wrapped_cells,
    misplaced,
    others_reach_past,
    place_sparse_row,
    unknown_level_name,
    without_extra_leading_blanks,
)
from perfbudget.readers.short_score_rows import restored_score_rows
from perfbudget.readers.spaced_values import joined_value_pieces, spanned_value_cells
from perfbudget.readers.unscored_rows import unscored_row
from perfbudget.target import parse_target
from perfbudget.text_caches import keyed_on_texts

# The first cell of an indicator header repeated after a page break.
HEADER_FIRST = frozenset({"一级指标", "二级指标", "一级", "二级", "绩效指标", "序号", "项目"})

FUSED_SCORE = re.compile(r"^(?P<value>.(?:.*?(?<!\s))??)\s*(?:[(（]\s*(?P<a>\d+(?:\.\d+)?)\s*分\s*[)）]"
                          r"|\s(?P<b>\d+(?:\.\d+)?)\s*分)$")


def _header_again(filled: list[Cell], row: list[Cell], heads: list[str]) -> bool:
    """Is ``row`` (its ``filled`` cells) the indicator header repeated after a page break? Its first cell one that
    starts a header (一级指标, 绩效指标, spaces inside or not: ``绩 效 指 标``), or every filled cell the header's
    own text in turn (``年度绩效目标(90分) | 一级指标 | …`` again; ``heads``: the header's filled texts, without
    spaces)."""
    first = filled[0].text
    if first.strip() in HEADER_FIRST \
            or ((" " in first or "\u3000" in first) and "".join(first.split()) in HEADER_FIRST):
        return is_indicator_header(row)
    return repeats_header(filled, heads)


@keyed_on_texts
@lru_cache(maxsize=4096)
def owns(level1: str, level2: str) -> bool:
    name1, name2 = normalise_level1(level1), normalise_level2(level2)
    return any(name2 in framework.get(name1, ()) for framework in (FRAMEWORK_2015, FRAMEWORK_2021))


def _text(cell: Cell | None) -> str:
    return cell.text.strip() if cell is not None else ""


# A scoring rule (评分标准), never an indicator's name: 未达指标值酌情扣分, 每降低1%扣1分, 否则不得分.
SCORING_RULE = re.compile(r"扣[\d.一二三四五六七八九十半]*分|酌情扣|不得分")
UNIT_MAX = 8  # characters: a 度量单位 is a word (人次/年, 平方米, 个（家）), never a sentence


_MAGNITUDES = frozenset("万亿千百")


def _takes_unit(value: str) -> bool:
    """Whether a 度量单位 can follow ``value``: it holds a number and ends in a digit or in a magnitude
    (10万 + 元)."""
    last = value[-1]
    return any(ch.isdigit() for ch in value) and (last.isdigit() or last in _MAGNITUDES or last == ".")


_PLACEHOLDERS = frozenset("-—–/／\\…")  # an empty 分值 or 得分 written as a dash


# A unit cell that names its symbol (the Hebei system prints 单位 as ``%(百分比)``): the symbol is the unit.
_NAMED_UNITS = {"%(百分比)": "%", "‰(千分比)": "‰"}


def _target_text(by_role: dict[str, Cell], sign: str, extras: list[tuple[str, str]]) -> str:
    """指标值, or 指标性质 | 指标值 | 度量单位 joined when the table splits them. A number in the unit
    column is no unit: the same number again (a date serial shown twice) is dropped, another one
    is kept as an extra; so is a text longer than :data:`UNIT_MAX` (a sentence is no unit)."""
    value = _text(by_role.get("target"))
    unit = _text(by_role.get("unit"))
    unit = _NAMED_UNITS.get(unicodedata.normalize("NFKC", unit), unit)
    if value and sign:
        value = sign + value
    if unit and decimal_or_none(unit.replace(",", "")) is not None:
        if unit != value.removeprefix(sign):
            extras.append(("度量单位", unit))
        unit = ""
    if value and unit and not value.endswith(unit):
        if len(unit) > UNIT_MAX or not _takes_unit(value):
            # a sentence (the next column's 指标解释 in a row that lost its unit cell), or a value that has
            # no number (应保尽保) or ends in a unit of its own (28.8万元 under 单位 %): kept, not joined
            extras.append(("度量单位", unit))
        else:
            value += unit
    return value


class _Tree:
    """The 一级/二级 names carried down from the rows above."""

    __slots__ = ("first_level2", "level1", "level2", "told")

    def __init__(self) -> None:
        self.level1 = ""
        self.level2 = ""
        self.first_level2 = ""  # the first 二级 under ``level1`` (its group, where the framework does not know it)
        self.told = ""  # the unknown 一级 the user was told keeps the 二级 rows below it


def _own_group(tree: _Tree, owner: str) -> bool:
    """The carried-down 一级 is the unit's own group and keeps the row's 二级, whose framework 一级 is ``owner``: a
    name the framework does not know (项目决策, an evaluation framework's word: ``row_alignment.unknown_level_name``)
    whose first 二级 belongs to the same framework group (数量/质量/时效 under 项目决策, reading46: until then 质量指标
    was moved to 产出指标). A 二级 of another group (社会效益指标 under 项目决策) is filed under its framework 一级,
    as a placeholder's (……) or a label's (绩效指标) are."""
    return (level_of(tree.level1) is None and unknown_level_name(tree.level1)
            and level1_of_level2(tree.first_level2) == owner)


_SOURCE = attrgetter("source")

_NOT_FIELDS = frozenset({"sign", "extra", SKIP})


class _Plan:
    """What the columns ask of every row, worked out once per table.

    ``plain``: every column is a field of its own (no sign, extra or skipped column, no role
    twice), so a row's cells map to fields by position alone; ``simple``: no sign column and no
    role twice (extra and skipped columns allowed). Other tables take the general loop.
    ``two_level``: a 一级 and a 三级 column but no 二级 column (the older two-level forms: 一级 | 指标内容 |
    指标值); ``warned`` whether such a table's warning was given (once per table).
    """

    __slots__ = ("columns", "extra_columns", "has_unit", "keyed", "plain", "reasons", "roles", "simple", "spanned",
                 "two_level", "warned", "weight_first")

    def __init__(self, columns: list[tuple[str, str]]) -> None:
        self.columns = columns
        self.roles = [role for role, _ in columns]
        self.keyed = [(i, role) for i, role in enumerate(self.roles) if role not in _NOT_FIELDS]
        self.spanned = _spanned_columns(columns)
        self.extra_columns = sorted([(i, head) for i, (role, head) in enumerate(columns) if role == "extra"]
                                    + self.spanned)
        self.reasons = _reason_columns(columns, self.spanned)
        unique = len({role for _, role in self.keyed}) == len(self.keyed)
        self.simple = unique and "sign" not in self.roles
        self.plain = self.simple and len(self.keyed) == len(self.roles)
        self.has_unit = "unit" in self.roles
        self.two_level = "level1" in self.roles and "level3" in self.roles and "level2" not in self.roles
        self.warned = False
        # 三级 | 分值 | 指标值 | 实际完成值 | 得分: the 分值 column before the target (readers/unscored_rows.py)
        self.weight_first = "weight" in self.roles and "actual" in self.roles and "target" in self.roles \
            and self.roles.index("weight") < self.roles.index("target") < self.roles.index("actual")


def _reason_columns(columns: list[tuple[str, str]], spanned: list[tuple[int, str]]) -> tuple[int, ...]:
    """The columns of a row's reason, deviation or measure (偏差原因, 偏差原因分析及改进措施, 未完成原因, 纠偏措施 …,
    and the columns of a 偏差原因分析 group): a cell merged down over several rows there is each row's
    (merged_cells)."""
    heads = [(i, head) for i, (role, head) in enumerate(columns) if role == "extra"] + spanned
    return tuple(sorted({i for i, (role, _) in enumerate(columns) if role == "deviation"}
                        | {i for i, head in heads if "原因" in head or "措施" in head}))


def with_merged_reasons(cells: list[Cell], reasons: tuple[int, ...]) -> list[Cell]:
    """The row's ``cells`` with each reason column's cell that a vertical merge covers (``grid.CoveredCell``: Word's
    vMerge, Excel's merged range, HTML's rowspan) replaced by the merged cell, its text and its place: the form gives
    one reason for the rows it spans. A blank cell no merge covers stays blank (never a guess from the row above)."""
    out = cells
    for i in reasons:
        if i < len(cells) and (top := cells[i].merged_from) is not None:
            if out is cells:
                out = list(cells)
            out[i] = top
    return out


def _spanned_columns(columns: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """The columns under a header cell merged across them (blank header cells after a labelled one, past the
    level columns), each named ``label/第N列``: a mark written there (偏差原因分析 over five reason columns, √ in
    the fourth) is kept as an extra under that name; it was dropped (corpus22b)."""
    spanned: list[tuple[int, str]] = []
    group, seen_level = "", False
    for i, (role, head) in enumerate(columns):
        seen_level = seen_level or role in ("level1", "level2", "level3")
        if head:
            group = head
        elif role == SKIP and seen_level and group:
            spanned.append((i, f"{group}/第{i + 1}列"))
    return spanned


# Rows × header columns an indicator block may have: each row is placed under the header's columns (some of that work
# per column), so a header of thousands of columns over thousands of short rows cost rows × columns (14,400 columns
# over 4,800 rows of four cells, a 360 KB text of 34,000 cells, 18 s of CPU; attack26). Real tables: some 10 to 40
# columns; 10,000 indicators of six columns are 60,000 positions.
MOST_POSITIONS = 1_000_000


def read_indicator_rows(rows: list[list[Cell]], columns: list[tuple[str, str]], parts: Parts,
                        problems: list[Problem], complete: bool, certain: bool, is_last_table: bool,
                        stream: bool = False, sparse: bool = False,
                        whole_lone_rows: Collection[Source] = (), closed: bool = False,
                        dropped_cells: bool = False) -> None:
    """Read indicator rows into ``parts.indicators``; problems and notes into ``problems``.

    ``complete``/``certain``/``stream`` are the raw table's flags: the last row of an
    uncertain table (text) that lacks its 指标值 cell, or in a stream lacks any cell, is
    where the file was cut off: an error, and the row is not read — but when ``closed`` (the text's last row ends
    with the separator that closes its cells) a row that stops right after its target has that target whole: read,
    the cut still reported. A lone cell at one of ``whole_lone_rows`` (a text row written with its empty cells) is
    never joined to the name above. ``dropped_cells``: the stream rebuild left a cell out (a 二级 name without
    its column), so the rows are never read as a two-level table.
    """
    width = len(columns)
    if width * len(rows) > MOST_POSITIONS:
        at = next((row[0].source for row in rows if row), parts.source)
        problems.append(Problem(at, f"指标部分共 {len(rows)} 行，指标表头 {width} 列（{width * len(rows)} 个位置），"
                                    f"超过 {MOST_POSITIONS} 个的上限，未读取指标：请核对指标表头"
                                    "（表格的指标表头通常不过数十列）"))
        return
    plan = _Plan(columns)
    if plan.two_level and (dropped_cells or _holds_level2_names(rows)):
        # a three-level table whose 二级 header cell is lost: its rows stay refused. Rows rebuilt from a stream of
        # cells (one a line) are taken as two-level only where the rebuild left no cell out: it drops a 二级 name it
        # has no column for (until reading38 a stream was never two-level).
        plan.two_level = False
    roles = plan.roles
    # (a 自评表 header without its target column stands its result column in: readers/untargeted_results.py)
    target_column = roles.index("target") if "target" in roles else roles.index("actual")
    # A rebuilt row is cut when it stops before its last required cell; an optional cell after
    # it (备注, 偏差原因) or a repeated column group (长期/年度) may be missing from a whole row.
    last_required = max(roles.index(role) for role in ("target", "actual", "weight", "score") if role in roles)
    value_end = max((roles.index(role) for role in ("target", "sign", "unit") if role in roles), default=target_column)
    last_column = max(i for i, role in enumerate(roles) if role != "ignore")
    spanned_end = certain and last_column < width - 1
    tree = _Tree()
    if sparse:
        rows = join_wrapped_cells(rows, roles, last_required, problems)
        if "sign" not in roles and "unit" not in roles:  # ≥ | 95 | %: a target split at its spaces (reading35)
            rows = [joined_value_pieces(row, problems) for row in rows]
    elif not certain and target_column == width - 1 and "sign" not in roles and "unit" not in roles:
        # 指标值 over ≥ | 500 | 人 in a text table: the value's pieces under the head's one cell (reading37)
        rows = [spanned_value_cells(row, width, problems) if len(row) > width else row for row in rows]
    if not certain and not stream and not sparse:  # 服务老年 / 人数 | ≥500人: a row broken in a cell (reading37)
        rows = joined_broken_rows(rows, roles, problems)
        rows = restored_score_rows(rows, roles, problems)  # 18 | 无 under 分值 | 得分 | 偏差原因 (reading38)
    rows = join_wrapped_level_names(rows, roles, problems)
    last_filled = len(rows) - 1
    while last_filled >= 0 and all(c.blank for c in rows[last_filled]):
        last_filled -= 1
    last_read = -2  # the index of the row that gave the latest indicator
    year_set_used = certain and not plan.simple and _year_set_used(rows, roles)
    heads = [squashed for _role, text in columns if (squashed := "".join(text.split()))]
    # a text table with a sign or unit column: a copy may have lost the empty cells a 定性 row leaves there
    lost_cells = not certain and not stream and ("sign" in roles or "unit" in roles)
    for index, row in enumerate(rows):
        filled = [c for c in row if not c.blank]
        if not filled:
            continue
        if plan.reasons:  # (a grid's row: its cells stand at their columns)
            row = with_merged_reasons(row, plan.reasons)
        if is_footer(filled[0].text):
            return
        if _header_again(filled, row, heads):
            problems.append(Problem(filled[0].source, "跳过重复的指标表头行（表格跨页续排）", Severity.INFO))
            continue
        if len(row) >= width and (not row[-1].blank or (spanned_end and all(c.blank for c in row[last_column + 1:]))):
            # a whole row: nothing to align (align() would return a copy of it); in a grid (Word, Excel) whose
            # header's last cell is merged over columns after it, a row blank past that column is whole too
            cells, shift = row, 0
        else:
            cells, shift = align(row, roles)
            if shift and certain and row[0].blank and len(row) > target_column and not row[target_column].blank:
                # a grid's row whose first cell (a merged 一级) stands and whose target is in the target column is at
                # its columns, its empty 备注 left out or blank: an unknown 二级 name (社会效益目标) taken for a 三级
                # moved it right and pushed the target into 备注, where it was lost (forms33)
                cells, shift = row[:max(i for i, cell in enumerate(row) if not cell.blank) + 1], 0
        if len(cells) > width:
            cells = without_extra_leading_blanks(cells, roles, width)
        if len(cells) <= last_required and (sparse or (
                lost_cells and (index != last_filled or (complete and not is_last_table)) and misplaced(cells, roles))):
            # (a web page's pipe rows that lost their empty cells: ``定性 | 提高 | 20`` under 指标性质 | 指标方向 |
            # 目标值 | 计量单位 | 分值 — 提高 the target, 20 the 分值; reading42: 6a19f62a read 20 as the target. Only
            # where a cell cannot stand in its sign or unit column: tabs keep their empty cells, and a row whose 分值
            # is left empty (正向 | 大于等于 | 12) is whole. The text's last row may be cut there: placed as before)
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
                reached <= last_required and others_reach_past(rows[:index], roles, last_required, not sparse))):
            # (a last row that stops where the rows before it stop — a target table's empty 实际完成值 — is whole)
            problems.append(Problem(cells[-1].source, f"{CUT_MESSAGE}：最后一行只有{len(filled)}个有内容的单元格"
                                                      f"（指标表头有{width}列），文件可能不完整"))
            parts.cut = cells[-1].source
            if (complete or not stream) and len(cells) > value_end + 1:
                # cut inside a cell after the target (实际完成值 …): the target and what precedes it are whole
                # (known rows that are not complete: the text stops inside the last row's last cell)
                _read_row(cells[:-1], plan, tree, parts, problems)
            elif closed and complete and not stream and len(cells) == value_end + 1 \
                    and _whole_quantity(cells[value_end].text, roles):
                # 名称 | ≥500份 | and nothing more: the separator closes the target's cell, the page stops after it
                _read_row(cells, plan, tree, parts, problems)
            continue
        if len(filled) == 1 and shift and (cut := cut_level_name(filled[0].text)) is not None:
            # 满意 alone in the 一级 column (moved to the 三级 column by align): the form cut inside 满意度指标,
            # neither a 三级 indicator nor the end of the name above
            problems.append(Problem(filled[0].source, f"「{filled[0].text.strip()}」是被截断的指标分类名称（{cut}），"
                                                      "不是三级指标，没有读取", Severity.WARNING))
            continue
        if len(filled) == 1 and last_read == index - 1 and parts.indicators \
                and completes_level_name(filled[0], parts, tree, problems):
            continue  # the end of the row above's 一级/二级 name (可持续影 / 响指标), wherever its cell stands
        if len(filled) == 1 and last_read == index - 1 and parts.indicators \
                and _fills_empty_target(filled[0], parts, problems):
            continue  # 服务合格率 | (nothing) then ≥95% on a row of its own: the row above's target (reading35)
        if len(filled) == 1 and last_read == index - 1 and not sparse and not stream \
                and filled[0].source not in whole_lone_rows and _wraps_name(cells, roles, parts, problems):
            continue  # the 三级 name (or description) of the row above, wrapped onto a row of its own
        if year_set_used and shift == 0 and _year_set_blank(cells, roles):
            # (a grid's own columns only: a text row's cells are placed by alignment, into the first set)
            problems.append(Problem(filled[0].source, "这一行只有前一组（中期/长期）的指标，年度的三级指标和指标值"
                                                      "都是空的：不是年度指标，未读取", Severity.INFO))
            continue
        before = len(parts.indicators)
        _read_row(cells, plan, tree, parts, problems)
        if len(parts.indicators) > before:
            last_read = index


def _whole_quantity(text: str, roles: list[str]) -> bool:
    """Whether a target table's last row, stopped right after its closed target cell, may be read: the target a
    quantity (≥500份, 100%), never a word that could be a note's (偏差原因 | 无), and no 实际完成值 or 得分 column (a
    self-evaluation's row without its actual value is cut, whatever its target)."""
    return "actual" not in roles and "score" not in roles and parse_target(text.strip()).kind is Kind.QUANTITATIVE


def _fills_empty_target(cell: Cell, parts: Parts, problems: list[Problem]) -> bool:
    """A lone cell right after an indicator that stopped at its name (no target, actual, weight or score) holding a
    compared or measured quantity (``≥95%``, ``100%``, ``≥500人``; never a bare number, which may be a score): that
    indicator's target, its row broken by a blank line or a line break in the copy. Was read as a 三级 named ``≥95%``
    (one cell a line) or joined to the name (``服务合格率≥95%``), each without a target, with a warning only."""
    last = parts.indicators[-1]
    if last.target.raw.strip() or last.actual is not None or last.weight is not None or last.score is not None:
        return False
    text = cell.text.strip()
    target = parse_target(text, last.level3)
    if target.kind is not Kind.QUANTITATIVE or (target.op is None and target.unit is None) \
            or level_of(text) is not None:
        return False
    parts.indicators[-1] = replace(last, target=target, sources={**last.sources, "target": cell.source})
    empty = f"三级指标「{last.level3}」没有指标值"
    told = Problem(cell.source, f"「{text}」单独成行，是上一行三级指标「{last.level3}」的指标值", Severity.INFO)
    # the warning said of the row gives way to the note, in its place (looked for from the end, among the newest
    # problems: the list was filtered whole for each such line until attack33; nothing is removed from it, so that
    # interpret counts the problems a table adds from where they began)
    at = next((i for i in range(len(problems) - 1, -1, -1)
               if problems[i].message == empty and problems[i].source == last.source), None)
    if at is None:
        problems.append(told)
    else:
        problems[at] = told
    return True


def _wraps_name(cells: list[Cell], roles: list[str], parts: Parts, problems: list[Problem]) -> bool:
    """A row right after an indicator whose only cell stands in the 三级 (or description) column and is no
    level name or template row: the end of the name above, wrapped onto its own row. Joined, with a note."""
    filled = [(i, c) for i, c in enumerate(cells) if not c.blank]
    if len(filled) != 1 or not parts.indicators:
        return False
    column, cell = filled[0]
    role = roles[column] if column < len(roles) else ""
    text = cell.text.strip()
    if text in PERCENT_SIGNS and (joined := percent_completed(parts.indicators[-1].target.raw, text)) is not None:
        last = parts.indicators[-1]  # ≥95 / %: the value's percent sign wrapped onto a line of its own (reading37)
        parts.indicators[-1] = replace(last, target=parse_target(joined, last.level3))
        problems.append(Problem(cell.source, f"「{text}」单独成行，接在上一行的指标值「{last.target.raw}」之后",
                                Severity.INFO))
        return True
    if role not in ("level3", "description") or level_of(text) is not None or is_placeholder(text) \
            or TEMPLATE_PREFIX.match(text) or is_footer(text):
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


def _spans_levels(cells: list[Cell], level1: Cell, level2: Cell, level3: Cell | None) -> bool:
    """The 一级 cell is merged across the 二级 column (and not over the 三级 one)."""
    where = {id(cell): i for i, cell in enumerate(cells)}
    first, second = where.get(id(level1)), where.get(id(level2))
    third = where.get(id(level3)) if level3 is not None else None
    return first is not None and second is not None and first < second < first + level1.span \
        and (third is None or third >= first + level1.span)


def _read_row(cells: list[Cell], plan: _Plan, tree: _Tree, parts: Parts, problems: list[Problem]) -> None:
    extras: list[tuple[str, str]]
    signs: list[tuple[str, Cell]] = []
    extra_cells: list[tuple[str, Cell]] = []
    if plan.plain:
        by_role = dict(zip(plan.roles, cells))  # noqa: B905 (a short row maps fewer fields; quicker without strict=)
        extras = []
    elif plan.simple:
        n = len(cells)
        by_role = {role: cells[i] for i, role in plan.keyed if i < n}
        if parts.self_evaluation:  # (its extra cells kept for their places, below: a 折算得分's)
            extra_cells = [(head, cells[i]) for i, head in plan.extra_columns if i < n and not cells[i].blank]
            extras = [(head, cell.text.strip()) for head, cell in extra_cells]
        else:
            extras = [(head, cells[i].text.strip()) for i, head in plan.extra_columns if i < n and not cells[i].blank]
    else:
        by_role, extra_cells, signs = _fields(cells, plan.columns)
        extra_cells += [(head, cells[i]) for i, head in plan.spanned if i < len(cells) and not cells[i].blank]
        extras = [(head, _text(cell)) for head, cell in extra_cells]
    for cell in cells:
        if not cell.blank:
            row_source = cell.source
            break
    else:
        row_source = cells[0].source
    l1, l2 = by_role.get("level1"), by_role.get("level2")
    if l1 is not None and not l1.blank and is_score_note(l1.text):
        # (50分) alone in the 一级 cell: the section's score without its name; the 二级 gives the 一级
        problems.append(Problem(l1.source, f"一级指标单元格只有分值「{l1.text.strip()}」，没有名称", Severity.INFO))
        l1 = None
    if l1 is not None and l1.span > 1 and l2 is not None and l2.blank and level_of(l1.text) != "level2" \
            and _spans_levels(cells, l1, l2, by_role.get("level3")):
        # 满意度指标 written once in a cell merged across the 一级 and 二级 columns: the name of both, as a person reads
        # it (main: 二级 missing, the row refused); a 二级 name so merged is placed by the framework just below
        problems.append(Problem(l1.source, f"「{one_line(l1.text)}」一个单元格横跨一级指标和二级指标两列，"
                                           "按一级、二级指标同名读取", Severity.INFO))
        l2 = l1
    if l1 is not None and not l1.blank and (l2 is None or l2.blank) and level_of(l1.text) == "level2":
        # 社会效益 in the 一级 column with the 二级 cell blank: a 二级 name; the framework gives its 一级
        l1, l2 = None, l1
    written_level1 = l1 is not None and not l1.blank
    if written_level1:
        # The same 一级 written again (a merged cell's text on a middle row of its group, or a
        # form that repeats it on every row) keeps the 二级 carried down; a new 一级 clears it.
        level1 = one_line(l1.text)  # type: ignore[union-attr]
        same = bool(tree.level1) and normalise_level1(level1) == normalise_level1(tree.level1)
        tree.level1, tree.level2 = level1, (tree.level2 if same else "")
        if not same:
            tree.first_level2 = ""
    if l2 is not None and not l2.blank:
        tree.level2 = one_line(l2.text)
        if not tree.first_level2:
            tree.first_level2 = tree.level2
        # A 二级 that does not belong to the 一级 carried down from above: the copy dropped the
        # merged 一级 cell of a new group, so the framework names it. A 一级 written in the same
        # row is kept as written (the review flags a wrong pairing).
        if not written_level1 and not (tree.level1 and is_central_group(tree.level1)) and (
                not tree.level1 or not owns(tree.level1, tree.level2)):
            owner = level1_of_level2(tree.level2)
            if owner is not None and (not tree.level1 or normalise_level1(tree.level1) != owner):
                if _own_group(tree, owner):
                    if tree.told != tree.level1:
                        tree.told = tree.level1
                        problems.append(Problem(l2.source, f"一级指标「{tree.level1}」不是指标体系中的名称，按表中所写"
                                                           f"读取，其下的二级指标「{tree.level2}」归入该一级指标，请核对",
                                                Severity.WARNING))
                else:
                    problems.append(Problem(l2.source, f"二级指标「{tree.level2}」上方没有它的一级指标，按指标体系"
                                                       f"补为「{owner}」", Severity.INFO))
                    tree.level1, tree.first_level2 = owner, tree.level2
    if l2 is not None and l2.blank and not tree.level2 and tree.level1 \
            and normalise_level1(tree.level1) == LEVEL1_SATISFACTION and not is_department_table(parts, parts.heading):
        # 满意度指标 | | 群众满意度 | ≥90%: the project frameworks hold one 二级 under 满意度指标, so the empty cell can
        # name nothing else; read as the cell merged across both columns is (the same name). A 部门整体 table's
        # 满意度 has several 二级: left to the error below.
        tree.level2 = one_line(tree.level1)
        problems.append(Problem(l2.source, f"二级指标为空：一级指标「{tree.level2}」下只有一个二级指标，"
                                           "按一级、二级指标同名读取", Severity.INFO))
    level3 = by_role.get("level3")
    # a long name broken in its cell is one name
    name = one_line(level3.text, listed=level3.listed) if level3 is not None else ""
    sign, sign_extras = "", []
    if signs:
        sign = next((_text(c) for _, c in signs if is_sign(c.text)), "")
        sign_extras = [(head, _text(c)) for head, c in signs if not is_sign(c.text)]
    if plan.weight_first and (shifted := unscored_row(by_role, row_source, problems)) is not None:
        by_role = shifted  # 其中桃树种植面积 | 1.5亩 | 1.5亩 under 分值 | 指标值 | 实际完成值: no 分值, the values left
    if sign or plan.has_unit:
        target_text = _target_text(by_role, sign, extras)
    else:
        target = by_role.get("target")
        target_text = target.text.strip() if target is not None else ""
    if "\n" in target_text:  # ≥95 / %: a value typed over lines in its cell is one value, as a name is (forms45)
        target_text = one_value(target_text, target.listed if (target := by_role.get("target")) is not None
                                else NOT_LISTED)
    fused = FUSED_SCORE.match(target_text) if "分" in target_text else None
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
    if name and decimal_or_none(name) is not None:
        _refuse_number_name(name, target_text, row_source, problems)
        return
    if is_placeholder(name) or (not target_text.strip(EMPTY_MARKS) and is_blank_template(
            name, target_text + _text(by_role.get("actual")))):
        problems.append(Problem(row_source, f"跳过模板占位行「{name}」", Severity.INFO))
        return
    if not name:
        problems.append(Problem(row_source, f"指标值「{target_text}」没有三级指标名称"))
        return
    if tree.level1 and not tree.level2 and plan.two_level and _is_category(tree.level1):
        if not _names_an_indicator(name, tree.level1, row_source, problems):
            return
        if not plan.warned:
            # the form has no 二级: left empty (the interchange's ""), never filled in from the framework
            plan.warned = True
            problems.append(Problem(row_source, TWO_LEVEL_MESSAGE, Severity.WARNING))
            if TWO_LEVEL_CHECK not in parts.needs_check:
                parts.needs_check.append(TWO_LEVEL_CHECK)
    elif not tree.level1 or not tree.level2:
        if tree.level1 and "level2" in (level_of(name) or ""):
            # 一级 | 指标名称 | 指标值 with 质量 / 成本 / 社会效益 under 指标名称 (Hubei's 监控表, corpus 72): the form
            # stops at the 二级, and its value says no 三级 name; a blank one is the template's row left unfilled
            if not target_text.strip(EMPTY_MARKS) and not _text(by_role.get("actual")):
                problems.append(Problem(row_source, f"跳过只有二级指标「{name}」、没有填写指标的行", Severity.INFO))
            else:
                value = one_value(target_text) or _text(by_role.get("actual"))
                group = "".join(tree.level1.split())
                problems.append(Problem(row_source, f"「{name}」是二级指标的名称：这一行（{group}）"
                                                    "只写到二级指标，没有三级指标名称，"
                                                    f"「{value[:30]}{'…' if len(value) > 30 else ''}」没有读作指标，"
                                                    "请补写三级指标"))
            return
        problems.append(Problem(row_source, f"三级指标「{name}」缺少一级或二级指标"))
        return
    if target_text and is_sign(target_text):
        # 学生满意度 | ≧ | 95 under 三级 | 指标性质 | 指标值 read one column off: a comparison sign without its
        # value is no target (a misread is worse than a refused row)
        problems.append(Problem(row_source, f"三级指标「{name}」的指标值只有比较符号「{target_text}」，没有数值："
                                            "这一行的单元格与表头的列对不上，没有读取"))
        return
    if not target_text and SCORING_RULE.search(name):
        # 经济效益指标 | 未达指标值酌情扣分: the 评分标准 column's text in a row that lost its cells
        problems.append(Problem(row_source, f"「{name}」是评分标准，不是三级指标，没有读作指标"
                                            f"（{tree.level1}{tree.level2}这一行没有三级指标和指标值）",
                                Severity.WARNING))
        return
    if not target_text and "target" in plan.roles:  # (a header without the column says so once: untargeted_results)
        problems.append(Problem(row_source, f"三级指标「{name}」没有指标值", Severity.WARNING))
    extras[:0] = sign_extras
    description = by_role.get("description")
    weight, actual = by_role.get("weight"), by_role.get("actual")
    score, deviation = by_role.get("score"), by_role.get("deviation")
    weight_value = _weight_value(weight, plan) if weight is not None and not weight.blank else fused_weight
    score_value = row_score(score.text, weight_value) if score is not None and not score.blank else None
    for label, number_cell in (("分值", weight), ("得分", score)):
        if number_cell is not None and not number_cell.blank and (
                weight_value is None if label == "分值" else score_value is None) \
                and any(ch not in _PLACEHOLDERS for ch in number_cell.text.strip()):
            extras.append((label, number_cell.text.strip()))  # an explanation, or a value shifted there: kept
    sources: dict[str, Source] = dict(zip(by_role, map(_SOURCE, by_role.values())))  # noqa: B905 (same length)
    if parts.self_evaluation:
        # an extra column's cell keeps its place under its header's name (自评得分/单项指标折算得分): a value taken
        # from it later (readers/converted_scores.py, a 自评表's only) is located at its own cell, not at the row's
        # (kinds47; a target table's rows, most, skip it)
        for head, cell in extra_cells:
            sources.setdefault(head, cell.source)
    parts.indicators.append(Indicator(
        level1=tree.level1,
        level2=tree.level2,
        level3=name,
        description=description.text.strip() if description is not None else None,
        target=_directed(parse_target(target_text, name), sign_extras),
        weight=weight_value,
        actual=(one_value(actual.text, actual.listed) or None) if actual is not None else None,
        score=score_value,  # 满分 written for the 分值: readers/full_mark_scores.py
        deviation=(deviation.text.strip() or None) if deviation is not None else None,
        extras=tuple(extras),
        source=row_source,
        sources=sources,
    ))


_DIRECTION_WORDS = {"正向": Direction.POSITIVE, "正向指标": Direction.POSITIVE,
                    "反向": Direction.REVERSE, "反向指标": Direction.REVERSE}


def _directed(target: Target, sign_extras: list[tuple[str, str]]) -> Target:
    """A quantity without comparator under a 指标方向 (or 指标性质) column saying 正向 or 反向 takes that direction,
    not the name's (``35`` under PM2.5浓度 beside 反向: reading38, positive by the name); a written comparator wins."""
    if target.op is not None or target.direction is None or not sign_extras:
        return target
    said = next((found for _, word in sign_extras if (found := _DIRECTION_WORDS.get(word.strip())) is not None), None)
    return target if said is None or said is target.direction else replace(target, direction=said)


def _weight_value(cell: Cell, plan: _Plan) -> Decimal | None:
    """The 分值 a weight cell gives: its number; ``30%`` under a head naming a share (权重（%）, 权重, 占比, 比重) is
    30 of the table's 100 (reading38: kept as an extra, the weight empty). Under 分值 a ``%`` stays an extra."""
    value = decimal_or_none(cell.text)
    text = cell.text.strip()
    if value is None and text.endswith(("%", "％")):
        head = unicodedata.normalize("NFKC", plan.columns[plan.roles.index("weight")][1])
        if "%" in head or any(word in head for word in _SHARE_HEADS):
            value = decimal_or_none(text[:-1])
    return value


_SHARE_HEADS = ("权重", "占比", "比重")


def _refuse_number_name(name: str, target_text: str, row_source: Source, problems: list[Problem]) -> None:
    """A bare number in the 三级 cell is no indicator's name. ``0 | 0.00%`` (an unfilled template row of the cost
    block: 经济成本指标 | 0 | 0.00% | 0) is skipped with a note; any other number there means the row's cells do not
    stand under their columns: refused with its location, never read as an indicator named 12."""
    if decimal_or_none(target_text.rstrip("%％‰").strip() or "0") == 0:
        problems.append(Problem(row_source, f"跳过模板占位行：三级指标是「{name}」，"
                                            f"指标值是「{target_text}」，没有填写", Severity.INFO))
        return
    problems.append(Problem(row_source, f"三级指标单元格只有数字「{name}」，不是指标名称："
                                        f"这一行的单元格与表头的列对不上，指标值「{target_text}」没有读取"))


TWO_LEVEL_MESSAGE = "表格只有两级指标（一级指标和指标名称），没有二级指标：二级指标留空，未按指标体系补填"
TWO_LEVEL_CHECK = "表格只有两级指标，没有二级指标，二级留空"


def _is_category(level1: str) -> bool:
    """Whether a 一级 cell of a two-level table names a category: a framework 一级 (产出指标 …), or a short name
    ending in 指标/目标 without digits (成效指标, 效率指标 of the old Hainan form). A value or a sentence shifted
    into the 一级 column (年度预算220万元) is none: such a row stays refused as before."""
    name = normalise_level1(level1)
    return name in LEVEL1_NAMES or (len(name) <= 8 and name.endswith(("指标", "目标"))
                                    and not any(ch.isdigit() for ch in name))


def _holds_level2_names(rows: list[list[Cell]]) -> bool:
    """Whether a table without a 二级 column has 二级 names in its rows (数量指标, 社会效益指标; 成本指标 or 满意度指标
    after a row's first cell): then it is no two-level form but a three-level table whose 二级 header cell was lost
    or whose rows were rebuilt out of place, and reading it with empty 二级 would misplace its cells."""
    for row in rows:
        first = True
        for cell in row:
            if cell.blank:
                continue
            level = level_of(cell.text)
            if level == "level2" or (level == "level1|level2" and not first):
                return True
            first = False
    return False


def _names_an_indicator(name: str, level1: str, row_source: Source, problems: list[Problem]) -> bool:
    """Whether the 三级 cell of a two-level table (no 二级 column) names an indicator. A 二级 name there
    (质量 / 时效 / 社会效益 under 指标名称: a form whose second level is the 二级 and that has no 三级) is no
    indicator: refused with a located error, never read as a 三级 under an empty 二级."""
    if level_of(name) is None and cut_level_name(name) is None:
        return True
    problems.append(Problem(row_source, f"「{name}」是指标分类（二级指标）名称，不是具体指标：这张表只有一级和二级，"
                                        f"没有三级指标，{level1}下的这一行没有读取"))
    return False


def _year_set_blank(cells: list[Cell], roles: list[str]) -> bool:
    """Whether a row under sets side by side (中期 then 年度: 三级 and 指标值 columns twice) has an earlier set's
    三级 name but neither a 三级 name nor a value in the last set, the year's: no indicator of the year."""
    def last_blank(role: str) -> bool:
        where = [i for i, r in enumerate(roles) if r == role]
        return len(where) > 1 and (where[-1] >= len(cells) or cells[where[-1]].blank)

    names = [i for i, r in enumerate(roles) if r == "level3"]
    return last_blank("level3") and last_blank("target") \
        and any(i < len(cells) and not cells[i].blank for i in names[:-1])


def _year_set_used(rows: list[list[Cell]], roles: list[str]) -> bool:
    """Whether the last of sets side by side (the year's) holds a 三级 name or a value in any row of a grid. A
    form whose year's set is left empty in every row (its 中期 set covering the year itself: 中期目标(2023年—2023年))
    states its targets in the earlier set only: its rows are read, not skipped as no year's indicator."""
    last = [max((i for i, r in enumerate(roles) if r == role), default=-1) for role in ("level3", "target")]
    if roles.count("level3") < 2 or min(last) < 0:
        return False
    return any(column < len(row) and not row[column].blank for row in rows for column in last)


def _fields(cells: list[Cell], columns: list[tuple[str, str]]) -> tuple[dict[str, Cell], list[tuple[str, Cell]],
                                                                      list[tuple[str, Cell]]]:
    """The row's cells by role, its extra columns' cells and its sign cells, for any columns."""
    by_role: dict[str, Cell] = {}
    extras: list[tuple[str, Cell]] = []
    signs: list[tuple[str, Cell]] = []
    for (role, head), cell in zip(columns, cells, strict=False):
        if role == "sign":
            if not cell.blank:
                signs.append((head, cell))  # 指标性质 (正向) and 指标方向 (=): the one holding a sign is it
        elif role == "extra":
            if not cell.blank:
                extras.append((head, cell))
        elif role != SKIP:
            if role not in by_role:
                by_role[role] = cell
                continue
            earlier = by_role[role]
            if not cell.blank:
                # A repeated column (中期/长期 then 年度 groups side by side): the last one filled is the
                # year's; an earlier filled one is kept as an extra under its header.
                if not earlier.blank:
                    head_of = next(h for (_, h), c in zip(columns, cells, strict=False) if c is earlier)
                    extras.append((head_of, earlier))
                by_role[role] = cell
    return by_role, extras, signs
