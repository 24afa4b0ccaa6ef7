"""Rows placed under their columns where a copy lost cells.

HTML and web-copied tables leave out the cells of a vertically merged 一级/二级 column, so a
row that starts with a 二级 name starts in the 二级 column, and one that starts with a 三级
name starts in the 三级 column (``align``). Rows whose empty cells were lost (space-separated
copies) are placed by what their cells hold (``place_sparse_row``), and cells wrapped onto
lines of their own are joined to the row they end (``join_wrapped_cells``). Under a header with two
sets side by side (中期 then 年度: ``一级 | 二级 | 三级 | 指标值 | 二级 | 三级 | 指标值``) a row that lost
the merged level cells of both sets is split in two halves, one a set (``side_set_row``).
"""

from __future__ import annotations

import re
from itertools import islice

from perfbudget.model import Problem, Severity
from perfbudget.readers.cell_values import TEMPLATE_PREFIX, VALUE_LIKE, decimal_or_none, is_score_note, is_sign
from perfbudget.readers.grid import Cell
from perfbudget.readers.indicator_header import SKIP
from perfbudget.readers.labels import (
    PROCESS_LEVEL2,
    column_role,
    header_field,
    is_any_label,
    is_footer,
    label_key,
    level_of,
)


def guess_level(cells: list[Cell], index: int) -> str:
    """level1, level2 or level3 for the cell at ``index`` (成本指标/满意度指标 decided by the next cell)."""
    level = level_of(cells[index].text)
    if level is None:
        if label_key(cells[index].text) in PROCESS_LEVEL2:
            return "level2"  # 资金管理指标: a 二级 of the central investment form's 过程管理指标 group
        if is_score_note(cells[index].text):
            return "level1"  # (50分): a 一级 cell without its name
        return "level1" if _level2_follows(cells, index) else "level3"
    # the next two cells that are not blank (every following cell was listed for each cell until attack33: 6,000
    # cells a line of one-cell projects 3.5 s)
    rest = list(islice((cells[k] for k in range(index + 1, len(cells)) if not cells[k].blank), 2))
    following = rest[0] if rest else None
    if level in ("level2", "level1|level2") and len(rest) == 1 and not cells[index].text.strip().endswith("指标") \
            and VALUE_LIKE.match(rest[0].text.strip()):
        return "level3"  # 服务对象满意度 | ≥90% ending a row: a 三级 named like a 二级, and its target
    if level == "level1|level2":
        after = level_of(following.text) if following is not None else None
        if after is None and following is not None and _template_level2(following.text):
            return "level1"  # 满意度指标 | 具体指标 | 教师满意度: the 一级 over the template's 二级 (monitor41)
        return "level1" if after is not None and "level2" in after else "level2"
    return level


def _level2_follows(cells: list[Cell], index: int) -> bool:
    """The row's next filled cell after ``index`` is its 二级 (``项目决策 | 数量指标 | 宣传次数 | …``): the unknown name
    before it is the row's 一级 as the unit wrote it (an evaluation framework's 项目决策, 项目效益), never a 三级 — a
    三级 is followed by its value, not by a 二级 (until reading46 it was taken for the 三级 and the row moved past the
    header, refused)."""
    if not unknown_level_name(cells[index].text):
        return False
    after = next((k for k in range(index + 1, len(cells)) if not cells[k].blank), None)
    return after is not None and level_of(cells[after].text) is not None and guess_level(cells, after) == "level2"


_LEVEL_WORDS = re.compile(r"[\u4e00-\u9fff]{2,12}")


def unknown_level_name(text: str) -> bool:
    """``text`` may be a level's name the framework does not know (项目决策): words alone, two to twelve of them —
    not a placeholder (……, 指标2), a sentence nor a label the reader knows (绩效指标, 一级指标: ``is_any_label``)."""
    return _LEVEL_WORDS.fullmatch(text := text.strip()) is not None and not is_any_label(text)


def level3_after_level2(cells: list[Cell], index: int) -> bool:
    """Whether the cell at ``index``, right after a row's 二级 cell, is the row's 三级 though it reads as a
    level name: a name not ending in 指标 (满意度, 社会效益) followed by a value (``服务对象满意度指标 | 满意度 |
    90%``). A 二级 is never followed by another 二级 in its row, nor a level cell by a bare value."""
    text = cells[index].text.strip()
    if level_of(text) is None or text.endswith("指标"):
        return False
    following = next((c for c in cells[index + 1:] if not c.blank), None)
    return following is not None and level_of(following.text) is None and bool(VALUE_LIKE.match(following.text.strip()))


def align(cells: list[Cell], roles: list[str]) -> tuple[list[Cell], int]:
    """The row's cells placed under their columns (see the module docstring), trailing blanks
    dropped, and the number of blank cells put in front."""
    cells = list(cells)
    while cells and cells[-1].blank:
        cells.pop()
    if not cells or len(cells) >= len(roles):
        return cells, 0
    if roles.count("level3") == 2 and (placed := side_set_row(cells, roles)) is not None:
        return placed
    first = next((i for i, c in enumerate(cells) if not c.blank and not (
        roles[i] == SKIP and c.text.strip().isdigit())), None)  # a 序号 number is not the row's start
    if first is None:
        return cells, 0
    guessed, shift = _guessed_place(cells, roles, first)
    if (guessed is not cells or shift) and _conflicts(guessed, roles) \
            and (only := _only_coherent_place(cells, roles)) is not None:
        # the guess puts a value where a name must stand or a word in a 分值 column (``投入 | 预算执行 | 预算执行率 |
        # 100% | 98.08% | 10 | 9.8`` under eight columns, its empty 偏差原因 cell not written: 投入 is no known 一级
        # name, so the row was moved two columns right and ran past the header): the one place that fits, if any
        return only
    return guessed, shift


def _guessed_place(cells: list[Cell], roles: list[str], first: int) -> tuple[list[Cell], int]:
    """The row placed by what its first filled cell is taken for (a 一级, 二级 or 三级 name)."""
    role = guess_level(cells, first)
    if role == "level1" and _level2_before_nature(cells, first, roles):
        role = "level2"
    if role in roles:
        column = roles.index(role)
        if role == "level1" and "level2" in roles and _level1_over_level3(cells, first, roles):
            # 产出指标 | 开设课程数量 | 220: a merged 一级 cell whose text the copy put on a middle row
            # of its group, followed by the 三级 name; the 二级 cell (merged from above) is left out.
            cells = [*cells[:first + 1], Cell("", cells[first].source), *cells[first + 1:]]
        if column > first:
            return [Cell("", cells[first].source) for _ in range(column - first)] + cells, column - first
    return cells, 0


def _only_coherent_place(cells: list[Cell], roles: list[str]) -> tuple[list[Cell], int] | None:
    """The row moved right by the one number of cells (none included) that fits under the header with a name in
    the 三级 column, a target in the target column and nothing out of place (``_conflicts``); None when no
    place or more than one does.

    Only the moves that put a filled cell under both the 三级 and the target column are tried, each by the row's own
    cells (the blank ones put in front conflict with nothing): the row was padded and checked at every move until
    attack26, rows × columns² under a header of thousands of columns (720 columns over 240 rows of four cells, a
    10 KB text, took 9 s of CPU; 3,600 over 1,200, 40 KB, hours)."""
    if "level3" not in roles or "target" not in roles:
        return None
    level3, target, most = roles.index("level3"), roles.index("target"), len(roles) - len(cells)
    fitting: list[int] = []
    for index in range(min(len(cells), level3 + 1)):
        shift = level3 - index
        if shift > most or cells[index].blank or not 0 <= target - shift < len(cells) \
                or cells[target - shift].blank:
            continue
        if not any(_conflict(role, cell) for role, cell in zip(roles[shift:shift + len(cells)], cells, strict=True)):
            fitting.append(shift)
            if len(fitting) > 1:
                return None
    if len(fitting) != 1:
        return None
    return [Cell("", cells[0].source) for _ in range(fitting[0])] + cells, fitting[0]


def _conflicts(cells: list[Cell], roles: list[str]) -> bool:
    """Whether a row's cells, taken by position, cannot stand in their columns: more cells than columns, a value,
    comparison or 二级 name ending in 指标 as the 三级, a value or a text without a Chinese character as a 一级/二级, a
    header block's label (项目名称, 预算数 …) as a level, a word in a 分值/得分 column, or what no sign or unit column
    holds. (An empty cell conflicts with nothing.)"""
    if len(cells) > len(roles):
        return True
    return any(_conflict(role, cell) for role, cell in zip(roles, cells, strict=False))


def _conflict(role: str, cell: Cell) -> bool:
    """Whether ``cell`` cannot stand in a column of ``role`` (see :func:`_conflicts`)."""
    text = cell.text.strip()
    if not text:
        return False
    if role == "level3" and (VALUE_LIKE.match(text) or is_sign(text)
                             or (text.endswith("指标") and level_of(text) is not None)):
        return True
    if role in ("level1", "level2") and (VALUE_LIKE.match(text) or not _HAN.search(text)):
        return True  # (a value, or no name at all: `/`, `……`)
    if role in ("level1", "level2", "level3") and header_field(text) is not None:
        return True  # 项目预算金额(万元), 项目名称: a label of the header block, no level name
    if role in ("weight", "score") and decimal_or_none(text) is None:
        return True
    return role in ("sign", "unit") and not _fits(role, text)


def side_set_row(cells: list[Cell], roles: list[str]) -> tuple[list[Cell], int] | None:
    """A row of a table with two sets side by side (the second set's columns repeat the end of the first's:
    ``二级 | 三级 | 指标值`` after ``一级 | 二级 | 三级 | 指标值``) that lost the same merged cells in both sets:
    an even number of cells, none blank, the two halves alike (the same cells level names, no half ending in
    one). Each half goes to the end of its set (``购买标准试剂 | ≥100个 | 购买标准试剂 | ≥100个`` → 三级 and 指标值
    of each set), with the number of blank cells put in front; None for any other row."""
    if "level3" not in roles:
        return None
    second = next((i for i in range(roles.index("level3") + 1, len(roles)) if roles[i] == "level3"), None)
    if second is None:
        return None
    if roles[second - 1] == "level2":
        second -= 1
    width = len(roles) - second
    if roles[second:] != roles[second - width:second] or "target" not in roles[second:]:
        return None
    half = len(cells) // 2
    if len(cells) % 2 or not 0 < half < width or any(c.blank for c in cells):
        return None
    first_half, second_half = cells[:half], cells[half:]
    if [level_of(c.text) is not None for c in first_half] != [level_of(c.text) is not None for c in second_half] \
            or level_of(first_half[-1].text) is not None or not _halves_alike(first_half, second_half):
        return None
    lead = second - half
    blank = [Cell("", cells[0].source) for _ in range(lead)]
    gap = [Cell("", second_half[0].source) for _ in range(width - half)]
    return [*blank, *first_half, *gap, *second_half], lead


def _halves_alike(first_half: list[Cell], second_half: list[Cell]) -> bool:
    """Whether two halves of a short row hold the same kinds of cell, position by position (a value where the other
    has a value), and, one cell each, the same text: ``项目验收合格率 | ≥100百分比`` or ``经费支出时效性 | 及时支出``
    is a 三级 and its value in one set (the other set left empty), not one cell of each set."""
    if [bool(VALUE_LIKE.match(c.text.strip())) for c in first_half] \
            != [bool(VALUE_LIKE.match(c.text.strip())) for c in second_half]:
        return False
    return len(first_half) > 1 or label_key(first_half[0].text) == label_key(second_half[0].text)


def _level2_before_nature(cells: list[Cell], first: int, roles: list[str]) -> bool:
    """成本指标 | 社会成本指标 | 定量 | 100 | %: a name that is 一级 or 二级 (成本指标, 满意度指标) whose row
    holds, two cells on, the 指标性质 word (定量/定性/正向…) of the column after the 三级: the row lost its
    merged 一级 cell, so the name is the 二级 and the next one the 三级 (as 一级 the 三级 would be 定量)."""
    if level_of(cells[first].text) != "level1|level2" or "level3" not in roles or first + 2 >= len(cells):
        return False
    after = roles.index("level3") + 1
    return after < len(roles) and roles[after] == "sign" and label_key(cells[first + 2].text) in _NATURE


_HAN = re.compile(r"[\u4e00-\u9fff]")

_NATURE = frozenset({"正向", "反向", "定性", "定量", "中性", "正向指标", "反向指标", "定性指标", "定量指标"})


def _fits(role: str, text: str) -> bool:
    """Can a cell of a row that lost its empty cells stand in this column? A sign column takes only a
    comparison or 正向/反向/定性; a unit column only a short word that is no number."""
    if role == "sign":
        return is_sign(text) or label_key(text) in _NATURE
    if role == "unit":
        return len(text.strip()) <= 6 and decimal_or_none(text.replace(",", "")) is None
    return True


def misplaced(cells: list[Cell], roles: list[str]) -> bool:
    """Does a row, its cells taken left to right, put a cell in a sign or unit column it cannot fit
    (``定性 | 提高 | 20``: 提高 under 指标方向)? Only then did the copy lose empty cells before its end: a row
    whose cells all fit (``正向 | 大于等于 | 12``, its 计量单位 and 分值 left empty) stands as it is."""
    return any(role in ("sign", "unit") and not cell.blank and not _fits(role, cell.text)
               for role, cell in zip(roles, cells, strict=False))


def _trailing_texts(values: list[Cell], room: int) -> int:
    """How many of the last ``values`` (at most ``room``, the columns after the required ones) are text, no
    number: a reason or a remark written after the scores."""
    count = 0
    while count < min(room, len(values) - 1) and decimal_or_none(values[-1 - count].text) is None \
            and not values[-1 - count].blank:
        count += 1
    return count


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
    # text after the trailing numbers stands in the columns after the required ones (``… 20.00 3.85 滋慧计划由中央
    # 直接拨付…`` under ``分值 | 得分 | 未完成原因分析``): the numbers are still the 分值/得分 (until reading-w the
    # text made the row align from its start, one column off: corpus 174)
    after = _trailing_texts(values, len(roles) - 1 - last_required) if scores else 0
    if scores and (len(values) - after < scores or any(c.blank or decimal_or_none(c.text) is None
                                                       for c in values[len(values) - after - scores:
                                                                       len(values) - after])):
        scores = after = 0
    front = values[:len(values) - after - scores]
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
    out = [*cells[:level3 + 1], *placed, *values[len(values) - after - scores:]]
    naive = [c.text for c in cells] + [""] * (len(out) - len(cells))
    return out if [c.text for c in out] != naive else None


def without_extra_leading_blanks(cells: list[Cell], roles: list[str], width: int) -> list[Cell]:
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


def _template_level2(text: str) -> bool:
    """A 二级 cell written as the template names a level's column, no 三级 name (具体指标: Hubei's 满意度指标 |
    具体指标 | 教师满意度)."""
    return column_role(text) in ("level2", "level3")


def _level1_over_level3(cells: list[Cell], first: int, roles: list[str]) -> bool:
    """A 一级 name followed by a cell that is no 二级 name, in a row one cell short of its 二级."""
    following = next((i for i in range(first + 1, len(cells)) if not cells[i].blank), None)
    if following is None or level_of(text := cells[following].text) is not None or _template_level2(text):
        return False
    return len(cells) - first < len(roles) - roles.index("level1")


def others_reach_past(rows: list[list[Cell]], roles: list[str], last_required: int, alone: bool = False) -> bool:
    """True when every indicator row before reaches past the last required column (so a last row
    that stops before it is cut off, not merely short); ``alone``: the answer when there is no row before."""
    reaches = [len(cells) for row in rows if sum(1 for c in row if not c.blank) >= 3
               for cells, _ in (align(row, roles),)]
    return min(reaches) > last_required if reaches else alone


def join_wrapped_cells(rows: list[list[Cell]], roles: list[str], last_required: int,
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
                or TEMPLATE_PREFIX.match(c.text) for c in filled):
            previous, _ = align(out[-1], roles)
            if level3 + 1 < len(previous) <= last_required and len(previous) + len(filled) <= last_required + 1 \
                    and not previous[-1].blank and decimal_or_none(previous[-1].text) is None:
                problems.append(Problem(filled[0].source, "单独成行的单元格接在上一行之后（复制时换行）",
                                        Severity.INFO))
                out[-1] = [*out[-1], *filled]
                continue
        out.append(row)
    return out
