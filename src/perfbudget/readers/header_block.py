"""Read a project's header block (项目名称, 预算数, 资金用途, 绩效目标 …) by its labels.

The header block is read as a sequence of cells, row by row: a label takes the
cell after it as its value. Besides plain label/value pairs it knows

* the unit row (``255101天津市和平区人民检察院 | 单位：万元``) and money-unit notes
  (``资金情况（万元）``);
* continuation rows of a group (``预算规模及资金用途`` → the purpose in the next row);
* the funds grid of self-evaluation tables (``年初预算数 | 全年预算数 | 全年执行数 | 分值 |
  执行率 | 得分`` as column labels, one row per source of funds);
* the goals grid (``年度总体目标 | 预期目标 | 实际完成情况``).

In a *stream* (a table whose rows are unknown, e.g. one cell per paragraph) the
whole header block is one row; values that cannot be what a label wants (text
where money is due) are not taken, because empty cells may have vanished.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from perfbudget.framework import names_department_table
from perfbudget.model import Source
from perfbudget.quick_records import new_unit
from perfbudget.readers.bond_funds import bond_budget, bond_funds
from perfbudget.readers.expense_parts import expense_part
from perfbudget.readers.goal_lines import (
    goal_slot_at,
    heads_goal_grid,
    next_goal_in_row,
    note_goal_line,
    unsplit_goal_lines,
)
from perfbudget.readers.grid import Cell
from perfbudget.readers.label_lines import (
    UNIT_NAMING,
    has_gap,
    is_blank_to_fill,
    is_funds_label,
    is_own_pair,
    label_line_cells,
    money_lines_cells,
    money_pair_cells,
    money_run_cells,
    sealed_label_cells,
)
from perfbudget.readers.labels import (
    BUDGET_COLUMNS,
    COLUMN_LABELS,
    COST_AMOUNT,
    COST_COLUMN,
    DUTIES_BRIEF,
    FUND_TOTAL_ROWS,
    HEADER_LABELS,
    IGNORED_LABELS,
    LONGEST_LABEL_KEY,
    MIDTERM_COLUMNS,
    MONEY_BLOCKS,
    PERIOD_COLUMNS,
    field_of_key,
    fund_column,
    fund_column_of_key,
    goal_column,
    header_field,
    is_ignored_key,
    is_label_key,
    is_level_part,
    key_of,
    key_of_normal,
    label_key,
    money_unit_note,
    part_label,
)
from perfbudget.readers.labels_over_values import labels_over_values
from perfbudget.readers.lost_fund_cell import may_lack_a_cell, placed_columns
from perfbudget.readers.management_grid import BLOCK as MANAGEMENT_BLOCK
from perfbudget.readers.management_grid import ManagementGrid, unread_head
from perfbudget.readers.management_grid import read_grid_row as read_management_row
from perfbudget.readers.management_grid import start_grid as start_management
from perfbudget.readers.name_wraps import wrapped_name_end
from perfbudget.readers.parts import Parts
from perfbudget.readers.period_lines import amount_run, take_period_line
from perfbudget.readers.prose_funds import funds_in_sentence
from perfbudget.readers.subtotal_parts import detail_row, subtotal_amount
from perfbudget.readers.task_grid import (
    TaskGrid,
    is_column_head,
    is_grid_row,
    read_grid_row,
    start_grid,
    stream_tasks,
)
from perfbudget.text_caches import held_by, keyed_on_texts

UNIT_CELL = re.compile(r"^(?:\[(\d{3,})\]|(\d{6,}))\s*([\u4e00-\u9fff（(][^\n]{1,}?"
                       r"(?:局|院|委|厅|办|处|中心|学校|校|所|站|队|馆|会|部|社|团|室|公司|政府|镇|乡|街道|村|单位|检察院|法院|机关|医院|园)"
                       r"[^\n]{0,20})$")


def unit_cell(text: str) -> tuple[str, str] | None:
    """The code and name of a unit cell (``UNIT_CELL``: ``255101天津市和平区人民检察院``), else None. A text
    not starting as the pattern does (``[`` or six digits: ``\\d`` is ``str.isdecimal``) is no unit cell,
    without a cache entry (a project's name, an amount, a goal: each asked once)."""
    return _unit_cell(text) if text[:1] == "[" or text[:6].isdecimal() else None


@keyed_on_texts
@lru_cache(maxsize=8192)
def _unit_cell(text: str) -> tuple[str, str] | None:
    """``unit_cell``, cached: the pattern's lazy run before the unit word costs thousands of instructions, and
    every table of a unit's file repeats its unit cell."""
    match = UNIT_CELL.match(text)
    return (match.group(1) or match.group(2), match.group(3).strip()) if match else None


MONEY_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元|千元|亿元)")
_UNIT_LABEL = re.compile(r"^(?:金额|资金|货币)?单位\s*[:：]$")
# a cell whose money unit's brackets are followed by a figure is no mere block label (资金总额（万元）：50，主要用于…;
# 2024年度预算数（万元） and 预算执行情况(万元) (20分) are)
_FIGURE_AFTER_NOTE = re.compile(r"[)）]\s*[:：]?\s*\d")
_BARE_MONEY_UNIT = re.compile(r"^(?:万元|元|千元|亿元)$")
_MONEY_LIKE = re.compile(r"^\s*+[-+]?\s*[\d.]")
_MONEY_FIELDS = ("total", "fiscal", "other")
_SUBTOTAL_FIELDS = frozenset({"fiscal", "other", "fiscal-part", "other-part", "other-source"})
_TEXT_GROUPS = ("purpose", "goals", "goal-grid")  # groups whose cells are free text, never labels


@keyed_on_texts
@lru_cache(maxsize=8192)
def money_unit_in(text: str) -> str | None:
    """万元 for a cell such as ``单位：万元`` or ``填报单位:(盖章) 单位:万元``."""
    text = unicodedata.normalize("NFKC", text)
    match = MONEY_UNIT.search(text) if "单位" in text else None  # (the pattern's first characters)
    return match.group(1) if match else None


_unit_in, _unit_note = money_unit_in.__wrapped__, money_unit_note.__wrapped__  # (uncached: see _cell_facts)


def with_unit_line(rows: list[list[Cell]], unit_line: str | None, source: Source) -> list[list[Cell]]:
    """The table's rows with the money-unit line written above it (``金额单位：元``) as a first row, so
    that the table's money unit is read wherever the page put it."""
    if unit_line is None or any(money_unit_in(c.text) for row in rows[:3] for c in row if not c.blank):
        return rows
    return [[Cell(unit_line, source)], *rows]


def with_label_lines(rows: list[list[Cell]], lines: list[tuple[str, ...]], source: Source) -> list[list[Cell]]:
    """The table's rows with the ``label：value`` lines written above it (``readers/label_lines.py``) as its
    first rows."""
    return [[Cell(text, source) for text in line] for line in lines] + rows


@dataclass
class _State:
    group: str | None = None
    fund_columns: list[str] = field(default_factory=list)
    fund_positions: list[int] = field(default_factory=list)  # the fund columns' cell indices in their row
    grid_fields: set[str] = field(default_factory=set)  # the money fields the current funds grid's rows gave
    fund_shift: int = 0  # cells the grid's rows stand left of its header (``_fund_row_positions``)
    goal_columns: list[tuple[str, str]] = field(default_factory=list)  # (expected|actual, label text)
    goal_slot: int = 0
    goal_positions: tuple[int, ...] = ()  # the goal labels' cell indices in their row
    # cells of rows holding one goal text each, taken slot by slot (readers/goal_lines.py checks them at the end)
    goal_lines: list[tuple[str, Cell]] | None = None
    tasks: TaskGrid | None = None  # the 年度主要任务 grid of a 部门整体 table, while its rows last
    # (column, field) of a row of money labels whose amounts stand in the next row (资金总额 | 财政拨款 …)
    money_heads: list[tuple[int, str]] | None = None
    # the row under such labels naming the levels of 财政资金 (中央 | 省级 | 市级 | 本级), before the amounts
    fiscal_levels: list[str] = field(default_factory=list)
    # the label each money field's amount was read under (资金总额 for total): an empty cell under another label
    # (预算金额 heading a grid) does not wipe it; under the same label (a 年度 row after its 中期 one) it does
    # (made on the first amount: a dict made for every state cost 2 % of the text reader's instructions)
    money_labels: dict[str, str] | None = None
    name_label: str | None = None  # the label the project's name was last read under (项目名称)
    name_extras: int = 0  # how many extras the block held then
    cost_grid: bool = False  # the funds grid is a cost breakdown: its 金额 column holds the budget (_cost_grid)
    # one cell a line, 中期资金总额 / 年度资金总额 then each fund's label and amounts: taken in order only when a
    # label has one amount per column (an empty cell's line is lost there)
    period_lines: bool = False
    stream: bool = False  # one cell a line: a row's empty cells lost
    fund_row: bool = False  # the row just read was a row of the funds grid (``_source_row``)
    # that row's label and the grid's columns after its last figure, when its line ended before them (``_wrapped``)
    fund_rest: tuple[str, list[str]] | None = None
    management: ManagementGrid | None = None  # the 资金管理情况 block, while its rows last (management_grid.py)
    detail_of: str | None = None  # a part just read with its 小计: the rows below may be its details (subtotal_parts)
    grid_head: bool = False  # the row just read named a funds grid's columns (its years may stand below: _year_columns)
    unit_stated: bool = False  # the money unit is a statement's (单位：元), not yet a funds label's note


def _second_form(first_label: str, label: str, extras: list[tuple[str, Cell]]) -> bool:
    """Whether a name read again under the same label (项目名称 … 项目名称) starts a second form: a form's title
    (项目支出绩效自评表) stands among the unlabelled cells read since the first name (``extras``), as when a
    preview runs two forms into one block. A name under another label (一级项目名称, then 二级项目名称), or after
    no such title, is the project's own, read as before."""
    if label_key(first_label) != label_key(label):
        return False
    from perfbudget.readers.stream import looks_like_heading  # (stream imports this module)

    return any(not extra_label and looks_like_heading(cell.text) for extra_label, cell in extras)


# a cell that may hold label：value pairs or a funds block on one line (年度资金总额50万元，其中财政拨款40万元…)
_PAIRS_HINT = re.compile(r"[：:]|总额|资金|拨款")
_SCORE_NOTE = re.compile(r"^[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")


@lru_cache(maxsize=1)
def _label_initials() -> frozenset[str]:
    return frozenset(label[0] for label in (*HEADER_LABELS, *COLUMN_LABELS, *IGNORED_LABELS))


def is_fragment(text: str) -> bool:
    """True for a cell that is no goal or purpose text though it stands where one does: a score note such
    as ``(80分)`` after 年度绩效目标, or one character of a label written vertically (``绩`` of 绩效指标,
    ``总`` of 总体目标, one character a line). Such a cell is kept as an extra, not lost."""
    if len(text) == 1:
        return text in _label_initials()
    return text[:1] in "(（" and bool(_SCORE_NOTE.match(text))


def _period_column(text: str) -> bool:
    return label_key(text) in PERIOD_COLUMNS


def _is_label(cell: Cell) -> bool:
    return not cell.blank and (_known_facts(cell.text) or _cell_facts(cell.text))[6]


_Facts = tuple[str, str | None, str | None, str | None, bool, str | None, bool, str | None]
# _cell_facts' answers by the cell's text in a plain dict, looked up first by its callers (a hit ≈ 250
# instructions against ≈ 630 through an lru_cache); emptied at 8,192.
_CELL_FACTS: dict[str, _Facts] = {}
held_by(_CELL_FACTS.clear)
_known_facts = _CELL_FACTS.get


_PLAIN_FACTS = (None, None, None, False, None, False, None)


def _cell_facts(raw: str) -> _Facts:
    """What ``_read_row`` asks of a cell's text, in one remembered call (one look-up instead of six): the
    stripped text, then of it ``money_unit_in``, ``header_field``, ``money_unit_note``, ``is_ignored_label``;
    then of the raw text ``fund_column``, whether it is a label (``is_any_label`` or a money-unit note) and
    ``_money_head``, as ``_read_row``, ``_is_label`` and ``_money_heads`` call them. Callers ask ``_known_facts``
    (``_CELL_FACTS``) first."""
    text = raw.strip()
    if raw is text and len(text) > LONGEST_LABEL_KEY:
        # A long text (a name, a purpose, a goal) without 单位 or a bracket in its NFKC form is no label, note
        # or unit: its key, longer than any label's, is the only other thing to work out (one NFKC, not five).
        normal = unicodedata.normalize("NFKC", text)
        if "单位" not in normal and "(" not in normal and "（" not in normal \
                and len(key_of_normal(normal)) > LONGEST_LABEL_KEY:
            facts: _Facts = (text, *_PLAIN_FACTS)
            if len(_CELL_FACTS) >= 8192:
                _CELL_FACTS.clear()
            _CELL_FACTS[raw] = facts
            return facts
    # Worked out here without the functions' own caches (the same answers: tests/readers/test_header_facts.py):
    # a text seen once (a project's name, a goal, an amount) would cost an entry in each of six caches, every
    # entry pushing out another; the label key is made once for the five tests that compare it.
    key = key_of(text)
    note = _unit_note(text)
    field_name = field_of_key(key)
    if raw is text or raw == text:
        raw_key, raw_note, raw_field = key, note, field_name
    else:
        raw_key = key_of(raw)
        raw_note, raw_field = _unit_note(raw), field_of_key(raw_key)
    facts = (text, _unit_in(text), field_name, note, is_ignored_key(key),
             fund_column_of_key(raw_key), is_label_key(raw_key) or raw_note is not None,
             "other" if raw_key in _OTHER_HEAD else raw_field)
    if len(_CELL_FACTS) >= 8192:
        _CELL_FACTS.clear()
    _CELL_FACTS[raw] = facts
    return facts


def _run(row: list[Cell], start: int, test: object) -> list[int]:
    """Indices of the consecutive non-blank cells from ``start`` that pass ``test`` (blanks skipped)."""
    found: list[int] = []
    i = start
    while i < len(row):
        if row[i].blank:
            i += 1
            continue
        if not test(row[i].text):  # type: ignore[operator]
            break
        found.append(i)
        i += 1
    return found


def _take_fund_row(row: list[Cell], i: int, label: str, field_name: str | None, parts: Parts,
                   state: _State) -> int:
    """A row of the funds grid: the label then one value per fund column. Returns the next index."""
    state.fund_row = True
    columns = state.fund_columns
    budget_column = COST_AMOUNT if state.cost_grid else next((c for c in BUDGET_COLUMNS if c in columns), None)
    if (positions := _fund_row_positions(row, i, state)) is not None:
        # a grid whose merged cells stay as blank cells (PDF, Word): each amount under its column's label
        for column, k in zip(columns, positions, strict=True):
            if k < len(row) and not row[k].blank:
                if column == budget_column and field_name in _MONEY_FIELDS and _fund_free(field_name, parts, state):
                    parts.money[field_name] = row[k]
                else:
                    parts.extras.append((f"{label}/{column}", row[k]))
        return len(row)
    if may_lack_a_cell(columns) and (placed := _lost_cell(row, i, columns, budget_column)) is not None:
        columns, empty = placed  # 年度资金总额 | 100 | 100 | 90 | 10 | 9 under six columns: one empty cell dropped
        parts.needs_check.append(f"「{label}」行比资金表的列少一个数：按执行数、执行率与得分的算术，"
                                 f"读作「{empty}」一栏为空")
    j = i + 1
    last = -1  # the last column given a figure
    for k, column in enumerate(columns):
        if j >= len(row) or _ends_fund_row(row[j]) or (
                state.stream and not row[j].blank and _NO_FIGURE.match(row[j].text.strip())):
            break  # (one cell a line, a text without a figure is none of the row's: 其他资金小计 / ①……)
        cell = row[j]
        if column == budget_column and field_name in _MONEY_FIELDS and _fund_free(field_name, parts, state):
            parts.money[field_name] = cell
        elif not cell.blank:
            parts.extras.append((f"{label}/{column}", cell))
        last = k if not cell.blank else last
        j += 1
    if j >= len(row) and not state.stream and 0 <= last < len(columns) - 1:
        state.fund_rest = (label, columns[last + 1:])  # the line ended before the grid's last columns
    return j


def _lost_cell(row: list[Cell], i: int, columns: list[str], budget_column: str | None) -> tuple[list[str], str] | None:
    """``lost_fund_cell.placed_columns`` of the row's figures after its label at ``i``: the filled cells up to the
    row's end or the next label, none blank between (a row that kept its empty cells is read in order)."""
    texts: list[str] = []
    for cell in row[i + 1:]:
        if cell.blank or _ends_fund_row(cell):
            if cell.blank:
                return None
            break
        texts.append(cell.text)
    return placed_columns(columns, texts, budget_column)


def _wrapped(row: list[Cell], parts: Parts, state: _State) -> bool:
    """A line of figures alone right after a funds grid's row that ended before the grid's last columns: the rest
    of that row, wrapped onto the next line (``基本支出 | 985.19 | 914.97 |`` / ``10 | 10 |``, corpus 175: a page's
    row whose cells ran over its line), each figure under the next column after the row's last figure. Until kinds31
    the figures were unlabelled extras and the grid ended there (its next row, 项目支出, unlabelled too)."""
    rest, state.fund_rest = state.fund_rest, None
    filled = [cell for cell in row if not cell.blank]
    if rest is None or not filled or row[0] is not filled[0] or len(filled) > len(rest[1]) \
            or not all(_FUND_VALUE.match(cell.text.strip()) for cell in filled):
        return False
    label, columns = rest
    parts.extras.extend((f"{label}/{column}", cell) for column, cell in zip(columns, filled, strict=False))
    state.fund_row = True
    return True


# an amount or rate as a funds grid's cell holds it (3359.62万, 1,200.00, 0, 100%), or a dash for none
_FUND_VALUE = re.compile(r"^(?:[-—–/]|\d[\d,]*(?:\.\d+)?\s*(?:万元|万|元)?|\d+(?:\.\d+)?\s*%)$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# a text holding no figure at all (①……, 无; not a dash for none): never a funds grid's amount
_NO_FIGURE = re.compile(r"^(?![-—–/]$)[^0-9０-９]*$")
# a row of scores or rates (执行率得分 | 10 | 9.8) is not a source of funds: its figures are not under the columns
_SCORE_WORDS = ("得分", "分值", "总分", "权重", "评分", "执行率", "比例", "占比")


def _source_row(row: list[Cell], i: int, state: _State) -> bool:
    """A row of the funds grid whose label the reader does not know (the transfer form's ``彩票公益金用于医疗救助 |
    0 | 0 | 100%`` between 其中:中央财政资金 and 地方资金): right after a row of the grid, its label the row's
    first cell (a Chinese text without digits), then two or more amounts, rates or dashes and nothing else, no
    more than the grid has columns; not a row of scores or rates (``_SCORE_WORDS``). Its amounts are kept under
    the label and the columns, never the budget."""
    label = row[i].text.strip()
    label = label[1:] if label[:1] in _CIRCLED else label  # (②市级财政资金: a list's number, no figure)
    if not _HAN.search(label) or any(ch.isdigit() for ch in label) or any(not c.blank for c in row[:i]) \
            or any(word in label for word in _SCORE_WORDS):
        return False
    values = [c.text.strip() for c in row[i + 1:] if not c.blank]
    return 2 <= len(values) <= len(state.fund_columns) and all(_FUND_VALUE.match(v) for v in values) \
        and any(ch.isdigit() for v in values for ch in v)


def _source_label(text: str) -> str:
    """A source row's label as kept: without the circled number of its list (②市级财政资金 → 市级财政资金)."""
    key = label_key(text)
    return _LIST_NUMBER.sub("", key) if text.lstrip()[:1] in _CIRCLED else key


_CIRCLED = frozenset("①②③④⑤⑥⑦⑧⑨⑩")
_LIST_NUMBER = re.compile(r"^\d{1,2}")


def _empty_source_row(row: list[Cell]) -> bool:
    """A funds grid's row that names a source of funds and gives no figure (``①中央及省级财政资金`` and nothing)."""
    filled = [cell.text.strip() for cell in row if not cell.blank]
    if len(filled) != 1:
        return False
    label = filled[0][1:] if filled[0][:1] in _CIRCLED else filled[0]
    return label.endswith(("资金", "小计")) and _HAN.search(label) is not None and not any(ch.isdigit() for ch in label)


def _full_source_row(row: list[Cell], i: int, state: _State) -> bool:
    """One cell a line, where an empty cell is lost: is ``row[i]`` a source's label (a Chinese text, no row of scores)
    followed by exactly as many amounts, rates or dashes as the grid has columns, then no further figure?"""
    label = row[i].text
    width = len(state.fund_columns)
    if width < 2 or not _HAN.search(label) or any(word in label for word in _SCORE_WORDS) \
            or _FUND_VALUE.match(label.strip()):
        return False
    values = row[i + 1:i + 1 + width]
    after = row[i + 1 + width] if i + 1 + width < len(row) else None
    return len(values) == width and all(_FUND_VALUE.match(c.text.strip()) for c in values) \
        and (after is None or _FUND_VALUE.match(after.text.strip()) is None)


def _fund_free(field_name: str, parts: Parts, state: _State) -> bool:
    """May the funds grid's row give this money field? Once a grid: a later row of the same part (②县级财政资金 after
    财政资金小计, Fujian's grid in cells) keeps its figure by column, the first row's amount stands (kinds32: the later
    row took it, where one cell a line the first row's stood); and not a cost breakdown's 合计 after a budget the
    table gave already (年度资金总额 | 50 above the breakdown): that budget stands, the 合计 is kept as an extra."""
    if field_name in state.grid_fields:
        return False
    state.grid_fields.add(field_name)
    return not state.cost_grid or field_name not in parts.money


def _cost_grid(row: list[Cell], i: int, parts: Parts, state: _State, stream: bool) -> int:
    """A cost breakdown's head (Ezhou's ``项目预算成本构成 | 金额 | 测算(公式)依据 | 2018年实际执行数 | …``,
    corpus22 ``151``, ``64``): the columns from 金额 on are the funds grid's, its 合计 row's 金额 the budget, the
    parts' rows (流动图书车运行维护费 | 5.00 | …) kept as the table's texts, never a budget. One cell a line, where an
    empty cell is lost, only 金额 is a column (the total's other figures are kept unlabelled). A head not followed
    by 金额 is kept as an extra, as before. Returns the next index."""
    run = _run(row, i + 1, lambda text: COST_COLUMN.match(label_key(text)) is not None)
    if not run or label_key(row[run[0]].text) != COST_AMOUNT:
        return _take_value(row, i, "extra", row[i].text.strip(), parts, state, stream)
    state.cost_grid = True
    if stream:
        state.fund_columns, state.fund_positions = [COST_AMOUNT], []
    else:
        state.fund_columns = [label_key(row[k].text) for k in run]
        state.fund_positions = list(run)
    state.fund_shift, state.grid_fields = 0, set()
    return run[-1] + 1


def _fund_row_positions(row: list[Cell], i: int, state: _State) -> list[int] | None:
    """The fund columns' cell indices in this row when its cells keep their columns (``_by_position``), else
    None (the cells are then taken in order). A row one or more cells to the left of its header, whose first
    value stands right after its label where the header's first column has a further label cell before it
    (``预算执行情况(10分) | 年度预算数(万元) | 年初预算 | … | | | 预算执行率`` over ``总额 | 5.00 | … | | | 100.00%``:
    the side label merged down the block is a cell of the header row only), is matched with the columns moved
    left by that many cells, when its filled cells then all stand under columns and a blank keeps the gap.
    The grid's later rows try the shift its earlier rows took first: a row whose few filled cells fit both
    (``其他资金 | | … | / | /``) stands as its grid's other rows do."""
    positions = state.fund_positions
    if not positions:
        return None
    shift = positions[0] - (i + 1)
    for tried in dict.fromkeys((state.fund_shift, 0, shift)):
        if tried < 0 or (tried and tried != shift):
            continue
        moved = [k - tried for k in positions] if tried else positions
        if _by_position(row, i, moved):
            state.fund_shift = tried
            return moved
    return None


def _by_position(row: list[Cell], i: int, positions: list[int]) -> bool:
    """True when the filled cells after the row label at ``i`` all stand at the fund columns' positions
    and a blank cell stands before one of them: the rows keep their columns, with merged cells as blanks
    (``预算数(A) | | 执行数(B)`` over ``50 | | 10``), so the cells are taken by position, not in order."""
    if not positions or i >= positions[0]:
        return False
    filled = [k for k in range(i + 1, len(row)) if not row[k].blank]
    return bool(filled) and set(filled) <= set(positions) and any(row[k].blank for k in range(i + 1, filled[-1])) \
        and not any(_ends_fund_row(row[k]) for k in filled)


def _ends_fund_row(cell: Cell) -> bool:
    """A label where a fund row's amount would stand: a known one, or a text ending with a colon (Hunan's
    部门整体 parts side by side, ``政府性基金拨款: | | 项目支出: | 156.2``: 项目支出 starts a pair of its own,
    it is no amount of 政府性基金拨款 under 全年执行数)."""
    return _is_label(cell) or cell.text.rstrip().endswith((":", "："))


def _take_goal_value(cell: Cell, parts: Parts, state: _State) -> bool:
    if state.goal_slot >= len(state.goal_columns):
        return False
    role, label = state.goal_columns[state.goal_slot]
    state.goal_slot += 1
    if role == "expected":
        parts.goals.append(cell)
    else:
        parts.extras.append((label, cell))
    return True


def read_header_rows(rows: list[list[Cell]], parts: Parts, stream: bool = False) -> None:
    """Read the header block's rows into ``parts``."""
    state = _State(stream=stream)
    allocated = None
    if not stream and len(rows) > 1:
        rows = labels_over_values(rows)  # 项目名称 | 主管部门 over 乡村道路养护 | 某县交通运输局
        rows, allocated = bond_funds(rows, parts)  # 实际支出金额 | 下达额度 | … over 1,437 | 1,437 | … (专项债)
    for row in rows:
        if state.management is not None:
            if (management := read_management_row(row, state.management, MANAGEMENT_BLOCK)) is not None:
                parts.extras.extend(management)
                continue
            parts.extras.extend(unread_head(state.management))
            state.management = None
        if state.tasks is not None:
            if is_grid_row(row, state.tasks):
                read_grid_row(row, state.tasks, parts)
                continue
            state.tasks = None
        if state.money_heads is not None and not state.fiscal_levels \
                and (levels := _fiscal_levels(row, state.money_heads)):
            state.fiscal_levels = levels
            continue
        if state.money_heads is not None and _money_values(row, state.money_heads, parts, state.fiscal_levels):
            state.money_heads, state.fiscal_levels = None, []
            continue
        grid_head, state.grid_head = state.grid_head, False
        if grid_head and not stream and _year_columns(row, state):
            continue
        state.fiscal_levels = []
        state.money_heads = None if stream else _money_heads(row)
        if state.money_heads is not None:
            columns = {k for k, _ in state.money_heads}
            units = {money_unit_note(row[k].text) for k in columns} - {None}
            if len(units) == 1 and parts.money_unit is None:
                parts.money_unit = units.pop()  # 本年度预计投入（万元） | 财政资金（万元）
            _read_row([c for k, c in enumerate(row) if k not in columns], parts, state, stream)
            continue
        _read_row(row, parts, state, stream)
    if state.management is not None:
        parts.extras.extend(unread_head(state.management))  # the block's head closed the rows: kept as texts
    if state.goal_lines is not None:
        unsplit_goal_lines(state.goal_lines, stream, parts, state.goal_columns)
    if allocated is not None:
        bond_budget(parts, allocated)


_YEAR_HEAD = re.compile(r"^((?:19|20)\d{2})\s*年度?$")


def _year_columns(row: list[Cell], state: _State) -> bool:
    """A row of years right under a funds grid's column labels, starting under one column's label (Hubei's
    部门总体资金情况: ``当年金额 | 占比 | 近两年收支金额 |`` over ``| | 2018年 | 2019年``, the last label merged over
    two columns): that column becomes one column a year (``近两年收支金额（2018年）``, ``…（2019年）``), so each
    year's amount keeps its column. Until reading-u the second year's amounts were unlabelled texts (the grid took
    one column a label). A row of other texts, years under no column, or a budget column split is not such a row."""
    filled = [k for k, cell in enumerate(row) if not cell.blank]
    if len(filled) < 2 or filled[-1] - filled[0] != len(filled) - 1:
        return False
    years = [_YEAR_HEAD.match(row[k].text.strip()) for k in filled]
    positions = state.fund_positions
    if not all(years) or filled[0] not in positions or any(k in positions for k in filled[1:]):
        return False
    at = positions.index(filled[0])
    column = state.fund_columns[at]
    if column in BUDGET_COLUMNS:
        return False  # the year's budget column is one amount, never spread over years
    state.fund_columns[at:at + 1] = [f"{column}（{year.group(1)}年）" for year in years if year is not None]
    state.fund_positions[at:at + 1] = filled
    return True


_YEAR_NOTE = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年度?\s*[)）]\s*$")


def _year_named(texts: list[str]) -> list[str]:
    """The funds columns these labels name; a name two or more labels share keeps each label's year note
    (``近两年收支金额（2018年）`` | ``近两年收支金额（2019年）``, as :func:`_year_columns` names them and the export
    writes them), so the years stay apart."""
    names = [fund_column(text) or "" for text in texts]
    if len(set(names)) == len(names):
        return names
    return [f"{name}（{year.group(1)}年）" if name and names.count(name) > 1
            and (year := _YEAR_NOTE.search(text)) is not None else name
            for name, text in zip(names, texts, strict=True)]


def _money_heads(row: list[Cell]) -> list[tuple[int, str]] | None:
    """(column, field) of a row naming money columns with no value between them, whose values stand in
    the next row (``项目资金（万元） | 资金总额 | 财政拨款 | 其他资金`` over ``| 500 | 480 | 20``): two or more
    of 预算数/财政资金/其他资金's labels, the row's other cells labels too (or a money-unit note)."""
    last = len(row) - 1
    while last >= 0 and row[last].blank:
        last -= 1
    before = last - 1
    while before >= 0 and row[before].blank:
        before -= 1
    # (_money_head inline: the facts looked up here, no call a cell)
    if before < 0 or (_known_facts(text := row[last].text) or _cell_facts(text))[7] not in _HEAD_FIELDS \
            or (_known_facts(text := row[before].text) or _cell_facts(text))[7] not in _HEAD_FIELDS:
        return None  # such a row ends with two money labels; nearly every row ends with a value
    heads: list[tuple[int, str]] = []
    for k, cell in enumerate(row):
        if cell.blank:
            continue
        field_name = _money_head(cell.text) if heads else header_field(cell.text)
        if field_name in _MONEY_FIELDS and fund_column(cell.text) is None:
            heads.append((k, field_name))
        elif field_name == "fiscal-part" and heads:
            # 资金情况 | 年度金额 | 中央补助 | 地方资金 (the 区域 form's funds as columns): the parts after the total,
            # each kept under its label as a row of them is (kinds37: until then the row was no money head, its
            # amounts unlabelled texts and the budget lost without a word)
            heads.append((k, _PART_HEAD + part_label(cell.text)))
        elif heads or not (_is_label(cell) or money_unit_in(cell.text)):
            return None  # a value after the money labels, or before them: not such a row
    fields = [f for _, f in heads]
    return heads if len(heads) >= 2 and len(set(fields)) == len(fields) else None  # (the first a budget field)


_OTHER_HEAD = frozenset({"其他", "其它"})
_HEAD_FIELDS = (*_MONEY_FIELDS, "fiscal-part")
_PART_HEAD = "fiscal-part/"  # a part of 财政资金 among the heads, its label after it


def _take_money(parts: Parts, field_name: str, cell: Cell) -> None:
    """An amount under a money head: the budget's field, or a part of 财政资金 kept as a row of parts keeps it."""
    if field_name.startswith(_PART_HEAD):
        label = field_name[len(_PART_HEAD):]
        parts.fiscal_parts.append((label, cell))
        parts.extras.append((label, cell))
    elif field_name in _MONEY_FIELDS:
        parts.money[field_name] = cell
    else:
        parts.extras.append((field_name, cell))
# one level of 财政资金 in the row under it: 中央 | 省级 | 市级资金 | 本级 (财政)
_FISCAL_LEVEL = re.compile(r"^(?:中央|省|省级|市|市级|州级|县|县级|区|区级|本级|镇级|乡级)"
                           r"(?:财政)?(?:资金|补助|拨款)?$")


def _money_head(text: str) -> str | None:
    """The money field a label names in a row of money labels, where a bare 其他 after them is 其他资金
    (本年度预计投入 | 财政资金 | 其他). One of the cell's facts (asked of every header row's last two filled
    cells)."""
    return (_known_facts(text) or _cell_facts(text))[7]


def _fiscal_levels(row: list[Cell], heads: list[tuple[int, str]]) -> list[str]:
    """The level names of a row splitting the 财政资金 column of :func:`_money_heads`' labels (中央 | 省级 |
    市级资金 | 本级), two or more and nothing else in the row; [] for any other row."""
    if "fiscal" not in [f for _, f in heads]:
        return []
    texts = [label_key(c.text) for c in row if not c.blank]
    return texts if len(texts) >= 2 and all(_FISCAL_LEVEL.match(t) for t in texts) else []


def _money_values(row: list[Cell], heads: list[tuple[int, str]], parts: Parts, fiscal_levels: list[str]) -> bool:
    """The values under :func:`_money_heads`' labels, taken when every filled cell is an amount: by column
    where the rows keep their columns, else in order when there are as many as the labels. Under a row of
    财政资金's levels the amounts are taken in order only, one per level in 财政资金's place; the levels'
    amounts are kept as extras (财政资金/中央), 财政资金 itself is not added up."""
    filled = [(k, c) for k, c in enumerate(row) if not c.blank]
    if not filled or not all(_MONEY_LIKE.match(unicodedata.normalize("NFKC", c.text)) for _, c in filled):
        return False
    if fiscal_levels:
        slots: list[str] = []
        for _, field_name in heads:
            if field_name == "fiscal":
                slots.extend(f"财政资金/{level}" for level in fiscal_levels)
            else:
                slots.append(field_name)
        if len(filled) != len(slots):
            return False
        for slot, (_, cell) in zip(slots, filled, strict=True):
            _take_money(parts, slot, cell)
        return True
    columns = dict(heads)
    if all(k in columns for k, _ in filled):
        taken = [(columns[k], c) for k, c in filled]
    elif len(filled) == len(heads):
        taken = [(f, c) for (_, f), (_, c) in zip(heads, filled, strict=True)]
    else:
        return False
    for field_name, cell in taken:
        _take_money(parts, field_name, cell)
    return True


def _read_row(row: list[Cell], parts: Parts, state: _State, stream: bool) -> None:
    first_blank = bool(row) and row[0].blank
    if first_blank and not stream and (name := parts.name_cell) is not None and not name.blank \
            and not parts.extras[state.name_extras:] and (name_end := wrapped_name_end(row, name)) is not None:
        # 项目名称 | 农村实用技术 / | 培训经费: the name's cell wrapped onto the next line (readers/name_wraps.py)
        parts.name_cell = Cell(f"{name.text.strip()}{name_end.text.strip()}", name.source)
        parts.needs_check.append(f"项目名称分在两行（第{name_end.source.line}行接续「{name_end.text.strip()}」），已接为"
                                 f"「{parts.name_cell.text}」")
        return
    # whether the row is a lone value, or unlabelled, is worked out only where asked (_lone_value, _unlabelled), and
    # once a row: asked for each of its cells, a row of 12,000 cells cost 2 s of CPU, of 150,000 (the readers' cell
    # bound) hours (attack29)
    lone: bool | None = None
    unlabelled: bool | None = None
    copied = False  # the row is this call's own copy (a cut pair's value cell blanked in it)
    entry_group = state.group
    after_fund_row, state.fund_row = state.fund_row, False
    detail_of, state.detail_of = state.detail_of, None
    if state.fund_rest is not None and _wrapped(row, parts, state):
        return
    if after_fund_row and not stream and _empty_source_row(row):
        state.fund_row = True  # ①中央及省级财政资金 with no figures between the grid's rows: the grid goes on below it
    i = 0
    block_at = -1  # where a funds block's label (项目资金（万元）) stands in this row, if it does
    while i < len(row):
        cell = row[i]
        text, money_unit, field_name, note_unit, ignored, fund, _, _ = _known_facts(cell.text) or _cell_facts(cell.text)
        if not text:
            i += 1
            continue
        if field_name == "extra" and label_key(text) in DUTIES_BRIEF \
                and any(is_column_head(c.text) for c in _next_filled(row, i, 1)):
            field_name = None  # 部门职能 | 年度目标任务 | 支出项目名称: a grid's column head, no label (kinds42)
        if detail_of is not None and field_name is None and not stream and (detail := detail_row(row, i)) is not None:
            # 一般公共预算拨款 | 小计 | 1800 then 市本级 | 1800: the part's detail, kept under both names (reading31b)
            detail_label, amount, i = detail
            parts.extras.append((f"{detail_of}/{detail_label}", amount) if amount is not None else ("", cell))
            state.detail_of = detail_of
            continue
        if money_unit:
            parts.money_unit = money_unit
            state.unit_stated = True
            i += 1
            continue
        if "单位" in text and _UNIT_LABEL.match(unicodedata.normalize("NFKC", text)) and i + 1 < len(row) \
                and (bare_unit := _BARE_MONEY_UNIT.match(unicodedata.normalize("NFKC", row[i + 1].text.strip()))):
            parts.money_unit = bare_unit.group(0)  # 金额单位: | 万元, a label and its unit as two cells
            i += 2
            continue
        if field_name is None and ("章" in text or "签" in text) and (sealed := sealed_label_cells(text)) is not None:
            # 填报单位(盖章)湖北省公安厅: a label, its seal note and its value in one cell (reading31, `162`)
            _read_row([Cell(t, cell.source) for t in sealed], parts, state, stream)
            i += 1
            continue
        if field_name is None and (_PAIRS_HINT.search(text) is not None or has_gap(text)) \
                and state.group not in _TEXT_GROUPS \
                and (pairs := label_line_cells(text) or money_pair_cells(text) or money_lines_cells(text)
                     or money_run_cells(text)) is not None:
            # 项目名称：校舍维修　主管部门：某局 in one cell (a Word table's merged first row)
            if (cut := _cut_pair_value(row, i, pairs, stream)) is not None:
                # 填报单位:桃源县 | 财政局: the page cut the pair's value into the next cell (misses22)
                pairs = (*pairs[:-1], f"{pairs[-1]}{cut.text.strip()}")
                parts.needs_check.append(f"「{pairs[-2]}」的值分在两格（「{cut.text.strip()}」另起一格），已接为"
                                         f"「{pairs[-1]}」")
                if not copied:  # (one copy a row: a copy each cut was rows × cuts in a stream)
                    row, copied = list(row), True
                row[i + 1] = Cell("", cut.source)
                lone = unlabelled = None
            _read_row([Cell(t, cell.source) for t in pairs], parts, state, stream)
            i += 1
            continue
        if not parts.department and names_department_table(text):
            parts.department = True  # 部门整体绩效目标, 部门（单位）整体支出绩效目标申报表 …
        if "资金总额" in text and label_key(text) in MIDTERM_COLUMNS and i + 1 < len(row) \
                and _period_column(row[i + 1].text) \
                and len(period_run := _run(row, i, _period_column)) >= 2:  # side by side, no cell between
            # 中期资金总额 | 年度资金总额 (实施期资金总额（万元）…): one column each, the 年度 one the budget's
            parts.money_unit = parts.money_unit or note_unit
            state.fund_columns = [label_key(row[k].text) for k in period_run]
            state.grid_fields = set()
            state.fund_positions, state.fund_shift = ([] if stream else period_run), 0
            state.cost_grid = False
            state.period_lines = stream
            i = period_run[-1] + 1
            continue
        if note_unit is not None:
            if state.unit_stated and is_funds_label(text):
                # 单位：元 over the form, 资金情况（万元） over its amounts: the label's unit a second candidate,
                # decided by the total's size once it is known (readers/money_scale.label_unit_choice; reading47,
                # `213`); only the first funds label is weighed (补助标准（元） above it, no funds label, ends nothing)
                if note_unit != parts.money_unit and not parts.money:
                    parts.label_money_unit = note_unit, text
                state.unit_stated = False
            parts.money_unit = parts.money_unit or note_unit  # 资金情况（万元）, 年度预算数（万元）
            if field_name is None and _FIGURE_AFTER_NOTE.search(text) is not None:
                pass  # 资金总额（万元）：50，主要用于…: a text holding a figure, kept as written (warned of below)
            elif field_name is None and not _block_amount(row, i, stream):
                state.group = "funds"
                block_at = i
                i += 1
                continue
            elif field_name is None:
                field_name = "total"
        if ignored and field_name is None:
            if (taken := _block_sentence(row, i, parts)) is not None:
                i = taken  # 项目资金 | 本项目年度预算120万元，其中财政拨款100万元…: the sentence's amounts (reading33)
                continue
            if not _block_amount(row, i, stream):
                state.group = None  # 项目资金, 资金情况: a new block begins
                block_at = i
                i += 1
                continue
            field_name = "total"
        if field_name is None and not stream and text.startswith(MANAGEMENT_BLOCK) \
                and (management := start_management(row, i)) is not None:
            # 资金管理情况 | 情况说明 | 存在问题和改进措施: the transfer form's block, its rows follow
            state.management = management
            return
        fund_run = _run(row, i, fund_column) if fund is not None else ()
        if len(fund_run) >= 2:
            state.fund_columns = _year_named([row[k].text for k in fund_run])
            state.grid_fields = set()
            state.fund_positions, state.fund_shift = list(fund_run), 0
            state.cost_grid = False
            state.grid_head = True
            i = fund_run[-1] + 1
            continue
        if field_name is None and parts.unit is None and parts.name_cell is None:
            unit = unit_cell(text)
            if unit:
                parts.unit = new_unit(*unit)
                i += 1
                continue
        if field_name == "group:purpose":
            state.group = "purpose"
            i += 1
            continue
        if field_name == "group:tasks":
            parts.department = True
            if not stream:  # the rest of the row names the grid's columns; its rows follow
                state.tasks = start_grid(row, i, parts)
                return
            if (grid_end := stream_tasks(row, i, parts)) is not None:
                i = grid_end  # 年度主要任务 | 任务名称 | 主要内容 | 甲 | 甲的内容 | 乙 | …: one cell a line
                continue
            state.group = None
            i += 1
            continue
        if field_name is None and "完成" in text and heads_goal_grid(row, i):
            field_name = "goals"  # 年度总体目标完成情况 | 预期目标 | 实际完成情况: the block's side label
        if field_name == "goals":
            goal_run = _run(row, i + 1, goal_column)
            if goal_run:
                state.goal_columns = [(goal_column(row[k].text) or "", row[k].text.strip()) for k in goal_run]
                state.goal_positions = tuple(goal_run)
                if not any(role == "expected" for role, _ in state.goal_columns):
                    # 项目年度目标 | 年度目标完成情况: the label heads the expected goal's own column
                    state.goal_columns.insert(0, ("expected", text))
                    state.goal_positions = (i, *goal_run)
                state.goal_slot = 0
                state.group = "goal-grid"
                i = goal_run[-1] + 1
                continue
        if field_name is None and parts.fiscal_parts and parts.extras and parts.extras[-1] == parts.fiscal_parts[-1] \
                and is_level_part(text):
            field_name = "fiscal-part"  # 其中:中央资金 | 30, then 县级资金 | 20: the list of parts goes on
        if field_name is None and state.fund_columns and (after_fund_row or state.fund_row) and is_level_part(text) \
                and i + 1 < len(row) and _FUND_VALUE.match(row[i + 1].text.strip()):
            # 省级资金 | 0 | 0 | 0 between the grid's 其中:中央资金 and 地方资金 rows, also one cell a line (a row of
            # its own the stream does not keep): a level of government's source, kept by column (corpus24, `163`)
            i = _take_fund_row(row, i, label_key(text), None, parts, state)
            continue
        if field_name == "cost-grid" or (field_name == "total" and i + 1 < len(row)
                                         and header_field(row[i + 1].text) == "cost-grid"):
            # 项目预算 | 成本构成 | 金额 | 测算(公式)依据 | 2018年实际执行数 …: a cost breakdown's head
            if field_name == "total":
                i += 1  # 项目预算 only announces the grid: its value is the 合计 row's 金额
                continue
            i = _cost_grid(row, i, parts, state, stream)
            continue
        if field_name is None and state.fund_columns and label_key(text) in FUND_TOTAL_ROWS:
            field_name = "total"  # 合计 | 213.4 | 259: the funds grid's total row
        if field_name is None and block_at >= 0 and _block_total(row, block_at, i, stream):
            field_name = "total"  # 项目资金（万元） | 合计 | 1800: the block's total, its parts in the rows below
        if field_name is None and stream and state.fund_row and _full_source_row(row, i, state):
            # ②市级财政资金 / 2537695 / … one cell a line right after a row of the grid: a source of its own when
            # exactly as many figures as the grid has columns follow it (reading30)
            i = _take_fund_row(row, i, _source_label(text), None, parts, state)
            continue
        if field_name is None and after_fund_row and not stream and _source_row(row, i, state):
            # 彩票公益金用于医疗救助 | 0 | 0 | 100% among the grid's rows: a source of its own, kept by column
            i = _take_fund_row(row, i, _source_label(text), None, parts, state)
            continue
        if field_name is not None and state.fund_columns and (
            field_name in (*_MONEY_FIELDS, "fiscal-part") or label_key(text).endswith("资金")
        ):  # a part of 财政资金 in the funds grid is kept by column (其中中央补助/全年预算数), never added up
            if state.period_lines:  # one cell a line: 中期 and 年度 amounts in order (readers/period_lines.py)
                i = take_period_line(row, i, label_key(text), field_name, state.fund_columns, parts, _MONEY_FIELDS)
                continue
            i = _take_fund_row(row, i, label_key(text), field_name, parts, state)
            continue
        if stream and field_name in _MONEY_FIELDS and (columns := _stream_money_columns(row, i)) is not None:
            labels, amounts, end = columns
            if len(labels) == len(amounts):  # 年度资金总额 / 财政拨款 / 其他资金 / 50 / 40 / 10
                _read_row([cell for pair in zip(labels, amounts, strict=True) for cell in pair], parts, state, stream)
            else:  # which amount is whose is unknown: none is taken, the amounts are kept as extras
                parts.needs_check.append(f"资金标签「{'、'.join(c.text.strip() for c in labels)}」之后有"
                                         f"{len(amounts)}个金额，个数不符，无法对应，预算未读取")
                end = i + len(labels)
            i = end
            continue
        if field_name == "total" and (taken := _block_sentence(row, i, parts, after_total=True)) is not None:
            i = taken  # 年度资金总额 | 120万元，其中财政拨款100万元，其他资金20万元: the sentence's amounts (reading35)
            continue
        if field_name is not None:
            i = _take_value(row, i, field_name, text, parts, state, stream)
            continue
        if parts.goals and state.group != "goal-grid" and goal_column(text) == "actual" \
                and i + 1 < len(row) and not row[i + 1].blank and not is_label_key(label_key(row[i + 1].text)):
            # 年度总体目标 | 目标 | 实际完成情况 | 已完成, or its pair on a row of its own: the goal's result under its
            # label, as the goals grid keeps it (kinds38; two unlabelled extras before)
            parts.extras.append((text, row[i + 1]))
            i += 2
            continue
        if state.group == "goal-grid" and (first_blank or stream or (
            lone if lone is not None else (lone := _lone_value(row))) or (
            entry_group == "goal-grid" and (
                unlabelled if unlabelled is not None else (unlabelled := _unlabelled(row))))):
            state.goal_slot = goal_slot_at(row, i, state.goal_positions, state.goal_slot)
            # texts one after the other, no row to pair them
            in_order = stream or (lone if lone is not None else (lone := _lone_value(row)))
            if _take_goal_value(cell, parts, state):
                if in_order:
                    state.goal_lines = note_goal_line(state.goal_lines, cell, parts)
                i += 1
                continue
            if in_order and state.goal_lines is not None:
                state.goal_lines.append(("", cell))  # a goal text after the grid's slots: kept with them if put back
        if (first_blank or stream or (lone if lone is not None else (lone := _lone_value(row))) or (
                state.group == "goals" and next_goal_in_row(row, i, parts.goals))) \
                and state.group in ("purpose", "goals") and not is_fragment(text):
            (parts.purpose if state.group == "purpose" else parts.goals).append(cell)
        elif not stream and (label := _colon_label(cell.text)) is not None \
                and (j := next((j for j in range(i + 1, len(row)) if not row[j].blank), 0)) \
                and _colon_value(row[j]):
            # 按收入性质分: | | 2456.18 | 按支出性质分: | | 2456.18 (Hunan's 部门整体 自评表, corpus r93, r94, its label
            # cells merged over two columns): a label the reader does not know, said to be one by its colon, and the
            # row's next filled cell, its value; until kinds26 two unlabelled extras
            parts.extras.append((label_key(label), row[j]))
            i = j + 1
            continue
        elif parts.department and not stream and (part := expense_part(row, i)) is not None:
            # 按支出性质分：基本支出 | 120, 其中 | 人员经费 | 100: the split by kind (readers/expense_parts.py)
            parts.extras.append(part[:2])
            i = part[2]
            continue
        else:
            parts.extras.append(("", cell))
        i += 1


def _next_filled(row: list[Cell], i: int, n: int) -> list[Cell]:
    """The first ``n`` filled cells after ``row[i]`` (fewer at the row's end): the look stops there, so a rule asked
    for each cell of a wide row stays linear in its width (kinds42's second reading: the rest of the row counted for
    each 部门职能 cell, a row of 48,000 cells cost 28 s)."""
    return list(islice((row[k] for k in range(i + 1, len(row)) if not row[k].blank), n))


def _colon_label(text: str) -> str | None:
    """The label of a short cell that ends with a colon (``按收入性质分:``, ``其中:基本支出：``), or None."""
    text = text.strip()
    if not text.endswith((":", "：")) or len(text) > 20 or "\n" in text or "。" in text:
        return None
    label = text.rstrip(":：").strip()
    return label if label and not label[-1].isdigit() else None


def _colon_value(cell: Cell) -> bool:
    """Whether ``cell`` can be the value after a colon label: filled, and no label ending with a colon itself."""
    text = cell.text.strip()
    return bool(text) and not text.endswith((":", "："))


_IDENTITY_FIELDS = frozenset({"unit", "department", "name"})
_CUT_TAIL = re.compile(r"^[^\d:：|]{1,12}$")


def _cut_pair_value(row: list[Cell], i: int, pairs: tuple[str, ...], stream: bool) -> Cell | None:
    """The cell holding the rest of a ``label：value`` cell's value that the page or extraction cut into the
    next cell (``填报单位:桃源县`` | ``财政局``): the pair cell's last pair names the unit or the project with a
    value, and the next cell is the row's last filled one (one cell a line: the one right before the next label), a
    short text without a digit or a colon that is no label. None otherwise."""
    if len(pairs) < 2 or len(pairs) % 2 or not pairs[-1] or i + 1 >= len(row) \
            or header_field(pairs[-2]) not in _IDENTITY_FIELDS:
        return None
    tail = row[i + 1]
    text = tail.text.strip()
    if not _CUT_TAIL.match(text) or _is_label(tail) or money_unit_in(text) is not None:
        return None
    if stream:  # one cell a line: the next label must follow at once (no other value stands between)
        return tail if i + 2 < len(row) and _is_label(row[i + 2]) else None
    return None if any(not c.blank for c in row[i + 2:]) else tail


_MONEY_BLOCKS = MONEY_BLOCKS  # 项目资金 | 50 (labels.MONEY_BLOCKS)


def _block_amount(row: list[Cell], i: int, stream: bool) -> bool:
    """``项目资金 | 50`` (or ``项目资金（万元） | 50``), in a row with its cells: the block's label followed by an
    amount and nothing more, or by a money label (``| 其中：财政拨款 | 40``): the label is the budget's own
    (misses20; the amount was an unlabelled text). One cell a line, which cell follows which label is not sure:
    never."""
    if stream or label_key(row[i].text) not in _MONEY_BLOCKS:
        return False
    k = _amount_after(row, i)
    if k is None:
        return False
    rest = next((c for c in row[k + 1:] if not c.blank), None)
    return rest is None or header_field(rest.text) in _MONEY_FIELDS


def _block_sentence(row: list[Cell], i: int, parts: Parts, after_total: bool = False) -> int | None:
    """``项目资金 | 本项目年度预算120万元，其中财政拨款100万元，单位自筹20万元``: the block's label followed by one
    sentence that states the money clause by clause (``readers/prose_funds.py``), nothing but the next label after it
    in the row and no budget read yet: its amounts are the budget's, located at the sentence, the sentence kept
    under the label and the reading noted to check; ``after_total``: the label is the total's own (年度资金总额, the
    sentence may open with the amount alone, reading35). Returns the index after the sentence, or None (the row is
    read as before)."""
    if (not after_total and label_key(row[i].text) not in _MONEY_BLOCKS) or "total" in parts.money:
        return None
    k = next((j for j in range(i + 1, len(row)) if not row[j].blank), None)
    if k is None or (found := funds_in_sentence(row[k].text, after_total)) is None:
        return None
    rest = next((c for c in row[k + 1:] if not c.blank), None)
    if rest is not None and not _is_label(rest):
        return None  # (one cell a line, the block's next label follows the sentence in its row)
    sentence = row[k]
    for field_name, amount in found.items():
        parts.money[field_name] = Cell(amount, sentence.source)
    parts.extras.append((row[i].text.strip(), sentence))
    parts.needs_check.append(f"预算数取自「{row[i].text.strip()}」栏的文字「{sentence.text.strip()}」")
    return k + 1


def _amount_after(row: list[Cell], i: int) -> int | None:
    """The index of the first filled cell after cell ``i`` when it holds an amount alone (``50``, ``1,800``,
    ``40万元``), else None."""
    k = i + 1
    while k < len(row) and row[k].blank:
        k += 1
    if k >= len(row) or not _AMOUNT_ONLY.match("".join(unicodedata.normalize("NFKC", row[k].text).split())
                                               .replace(",", "")):
        return None
    return k


def _block_total(row: list[Cell], block: int, i: int, stream: bool) -> bool:
    """``项目资金（万元） | 合计 | 1800`` (Guangxi's 预算项目绩效目标公开表, reading31): a total row's label
    (合计, 总计) right after the funds block's label in its row, followed by an amount alone: the block's total, the
    budget; its sources (一般公共预算拨款 | 小计 | 1800, 市本级 | 1800) are the rows below. One cell a line: never."""
    if stream or label_key(row[i].text) not in FUND_TOTAL_ROWS or any(not c.blank for c in row[block + 1:i]):
        return False
    k = _amount_after(row, i)
    if k is None:
        return False
    return all(c.blank for c in row[k + 1:])


# Fields whose value's row goes on in cells read by other rules (amounts, parts, text blocks, goals)
_SPILL_KEPT = frozenset({*_MONEY_FIELDS, "other-part", "other-source", "fiscal-part", "purpose", "goals"})


def _label_spill(row: list[Cell], start: int, field_name: str, label: str, value: Cell, parts: Parts) -> int:
    """The texts right after a label's value in its row, up to the row's end, none a label (``项目属性 | 新增项目□ |
    延续项目√``; ``填报单位 | 桃源县 | 财政局``): kept as extras under that label, not as unlabelled texts; returns how
    many cells were taken (0 when a label or a money-unit note follows: the row goes on as before). More names in
    the 项目名称 row (``项目名称 | 甲项目 | 乙项目``) are also the block's side names: several projects side by side
    that ``readers/side_projects.py`` did not split, an error (misses22)."""
    end = start
    while end < len(row) and (row[end].blank or _plain_text(row[end].text)):
        end += 1
    while end > start and row[end - 1].blank:
        end -= 1
    spilled = [cell for cell in row[start:end] if not cell.blank]
    if not spilled:
        return 0
    if field_name == "name":
        others = [cell for cell in spilled if cell.text.strip() != value.text.strip()]
        if not others:
            return 0  # 项目名称 | 甲项目 | 甲项目: a merged cell written twice, as before
        if len(spilled) > 1 and not all(_PROJECT_END.search(cell.text.strip()) for cell in others):
            return 0  # 项目名称 | X | 部门预算 | 70.00: an unknown label and its value, as likely as two names
        if len(spilled) == 1 and others and _LABEL_END.search(others[0].text.strip()):
            return 0  # 项目名称 | X | 项目编号: an unknown label (its value lost), no project's name
        parts.side_names.extend(others)
    elif field_name in _MONEY_FIELDS:
        pass  # 年度资金总额 | 100 | 50 under projects side by side: each amount kept under its label
    elif not _CHECKBOX.search(value.text) or not all(_CHECKBOX.search(cell.text) for cell in spilled):
        return 0  # 单位名称 | 某局 | 2021年4月, 主管部门 | 某局 | 100: a text beside the value, no more of it
    key = label_key(label)
    for cell in spilled:
        parts.extras.append((key, cell))
    return end - start


def _stream_name_after(row: list[Cell], k: int, value: Cell) -> Cell | None:
    """One cell a line: the plain text right after the project's name, ending as a name does (项目, 经费 …), when a
    label follows it at once, else None."""
    after = row[k]
    if after.blank or after.text.strip() == value.text.strip() or not _plain_text(after.text) \
            or k + 1 >= len(row) or not _is_label(row[k + 1]) or _LABEL_END.search(after.text.strip()) \
            or not _STREAM_NAME_END.search(after.text.strip()):
        return None  # (a label the reader does not know stands there as often: only a text ending as names do)
    return after


# how a project's name ends (甲项目, 某工程, 培训经费 …), and how a label the reader does not know may end
_PROJECT_END = re.compile(r"(?:项目|工程|经费|专项|补助|补贴|资金|计划)[)）]?$")
_STREAM_NAME_END = re.compile(r"(?:项目|工程|经费|专项|补助|补贴|计划)[)）]?$")
_CHECKBOX = re.compile(r"[□☑√✓■☐✔]")  # 项目属性 | 新增项目□ | 延续项目√: the label's options, one a cell
_LABEL_END = re.compile(r"(?:编号|编码|代码|类型|类别|属性|性质|预算|领域|期限|名称|单位|部门|时间|日期|金额|[:：])$"
                        r"|^[-+]?[\d.]|(?<!\d)\d+年\d+月")


def _plain_text(text: str) -> bool:
    """A text the header reader asks nothing more of: no label, note, unit or funds column, no colon."""
    return (_known_facts(text) or _cell_facts(text))[1:] == _PLAIN_FACTS and "：" not in text and ":" not in text


_AMOUNT_ONLY = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:万元|万|元)?$")


def _stream_money_columns(row: list[Cell], i: int) -> tuple[list[Cell], list[Cell], int] | None:
    """One cell a line, a funds grid's labels one after the other and then their amounts (``年度资金总额`` /
    ``财政拨款`` / ``其他资金`` / ``50`` / ``40`` / ``10``: the grid's two rows, its columns lost): the two or more
    money labels from ``i`` and the amounts right after them (empty cells between them skipped, at most one more
    than the labels) and the index after them. The caller pairs them in order only when they are as many; None
    without such a run."""
    labels: list[Cell] = []
    fields: list[str | None] = []
    k = i
    while k < len(row) and ((field_name := header_field(row[k].text)) in _MONEY_FIELDS
                            or (field_name == "fiscal-part" and labels)):
        labels.append(row[k])  # (a part of 财政资金 after the total: 年度金额 / 中央补助 / 地方资金, the 区域 form)
        fields.append(field_name if field_name != "fiscal-part" else _PART_HEAD + label_key(row[k].text))
        k += 1
    heading = len(labels) > 2 and money_unit_note(labels[0].text) is not None  # 项目金额(万元) over the grid
    columns = fields[1:] if heading else fields
    if len(columns) < 2 or columns[0] != "total" or len(set(columns)) < len(columns):
        return None  # a grid's columns start with the total and name each field once (a doubled line is no grid)
    amounts, k = amount_run(row, k, len(labels))
    if heading and len(amounts) == len(labels) - 1:
        labels = labels[1:]
    if len(amounts) != len(labels) and (
        len(amounts) < 2 or (k < len(row) and header_field(row[k].text) in (*_MONEY_FIELDS, "fiscal-part"))
    ):
        return None  # 资金总额 / 其中:财政拨款 / 500 / 其他资金: label and amount pairs go on after the amounts
    return labels, amounts, k


def _lone_value(row: list[Cell]) -> bool:
    """The row's only filled cell is no label."""
    filled = [c for c in row if not c.blank]
    return len(filled) == 1 and not _is_label(filled[0])


def _unlabelled(row: list[Cell]) -> bool:
    """No filled cell of the row is a label. A goals-grid value row whose merged 年度总体目标 cell the copy left
    out starts with the expected goal itself (萧县/南华 pipe rows): a row without any label is all values."""
    return not any(_is_label(c) for c in row if not c.blank)


def _take_value(row: list[Cell], i: int, field_name: str, text: str, parts: Parts, state: _State,
                stream: bool) -> int:
    """A label/value pair; returns the index after what was taken."""
    cell = row[i]
    value: Cell | None = row[i + 1] if i + 1 < len(row) else None
    taken = 2
    if value is not None and value.blank and not stream:
        # a label cell spanning columns (colspan/gridSpan): its value is the next filled cell
        j = i + 2
        while j < len(row) and row[j].blank:
            j += 1
        if j < len(row) and not _is_label(row[j]) and money_unit_in(row[j].text) is None:
            value, taken = row[j], j - i + 1
    if value is not None and not stream and field_name in _SUBTOTAL_FIELDS \
            and (subtotal := subtotal_amount(row, i + taken - 1)) is not None:
        # 一般公共预算拨款 | 小计 | 1800: the part's amount after its 小计, its details below (subtotal_parts.py)
        value, end = subtotal
        taken = end - i
        state.detail_of = part_label(text)
    elif value is not None and _is_label(value):
        value, taken = None, 1  # the next cell is a label of its own: this one is empty
    elif value is not None and (field_name in ("unit", "department") or (
            field_name == "extra" and label_key(text) in UNIT_NAMING)) and is_own_pair(value.text):
        value, taken = None, 1  # 主管部门 | 评价方式: 自评: a pair of its own is no unit's name (kinds44, `95`)
    elif value is not None and stream and field_name in _MONEY_FIELDS and not value.blank \
            and not _MONEY_LIKE.match(unicodedata.normalize("NFKC", value.text)):
        value, taken = None, 1  # in a stream an empty money cell may have vanished
    if value is None:
        value = Cell("", cell.source)
    if field_name in ("unit", "department", "name") and is_blank_to_fill(value.text):
        after = row[i + taken] if field_name != "name" and i + taken < len(row) else None
        if after is not None and not after.blank and not _is_label(after) and money_unit_in(after.text) is None:
            value, taken = after, taken + 1  # 填报单位 | (盖章) | 某镇人民政府: the stamp's note is no unit
        else:
            value = Cell("", value.source)  # 填报单位： | （盖章） alone, 项目名称 | ——: the form's blank, no value
    if field_name == "department" and (parts.unit is None or parts.unit.name is None):
        field_name = "unit"  # 部门（单位）名称: the unit, unless the table already named it
    if field_name == "unit":
        code = re.match(r"^\[?(\d{3,})\]?\s*[-—－]?\s*(.*)$", value.text.strip(), re.S)
        name = (code.group(2) if code else value.text).strip()
        if name or code:
            known = parts.unit.code if parts.unit is not None else None
            parts.unit = new_unit(code.group(1) if code else known, name or None)
    elif field_name == "unit-code":
        if value.text.strip():
            parts.unit = new_unit(value.text.strip(), parts.unit.name if parts.unit is not None else None)
    elif field_name == "name":
        if state.name_label is not None and parts.name_cell is not None and not parts.name_cell.blank \
                and not value.blank and parts.second_name is None \
                and _second_form(state.name_label, text, parts.extras[state.name_extras:]):
            parts.second_name = value  # a second form's name: the block holds two forms (interpret reports it)
        state.name_label, state.name_extras = text, len(parts.extras)
        parts.name_cell = value
    elif field_name in _MONEY_FIELDS:
        labels = state.money_labels if state.money_labels is not None else {}
        if not (value.blank and field_name in parts.money and not parts.money[field_name].blank
                and label_key(labels.get(field_name, "")) != label_key(text)):
            parts.money[field_name] = value
            labels[field_name] = text
            state.money_labels = labels
        if not value.blank and i + taken < len(row) and (unit := row[i + taken].text.strip()) \
                and len(unit) <= 2 and _BARE_MONEY_UNIT.match(unit) and parts.money_unit in (None, unit):
            parts.money_unit = unit  # 年度资金总额 | 50.00 | 万元: the amount's unit in a cell of its own
            taken += 1
    elif field_name == "other-part":
        parts.other_parts.append(value)
    elif field_name == "other-source":
        if not _MONEY_LIKE.match(unicodedata.normalize("NFKC", value.text)):
            parts.extras.append((label_key(text), value))  # 自有资金 | 无: kept as written, no amount
            return i + taken
        parts.other_sources.append((part_label(text), value))  # 自筹资金 | 10: 其他资金 when the table gives none
        parts.extras.append((part_label(text), value))
    elif field_name == "fiscal-part":
        if not _MONEY_LIKE.match(unicodedata.normalize("NFKC", value.text)):
            # 地方资金 | 市: | 县:, or an empty part followed by the next block's text: the label is an
            # extra and the next cell is read on its own, as for a label the reader does not know
            parts.extras.append(("", cell))
            return i + 1
        parts.fiscal_parts.append((part_label(text), value))  # 其中:中央补助 | 50.29, added up only under an
        parts.extras.append((part_label(text), value))  # empty total (project_fields), always kept as an extra
    elif field_name == "purpose":
        parts.purpose.append(value)
    elif field_name == "goals":
        if is_fragment(value.text.strip()):
            parts.extras.append((label_key(text), value))
        else:
            parts.goals.append(value)
    else:
        parts.extras.append((label_key(text), value))
        if field_name == "project-total" and _MONEY_LIKE.match(unicodedata.normalize("NFKC", value.text)):
            parts.project_total = value
    if not stream and (field_name not in _SPILL_KEPT or (parts.side_names and field_name in _MONEY_FIELDS)) \
            and i + taken < len(row) and not row[i + taken].blank:
        taken += _label_spill(row, i + taken, field_name, text, value, parts)
    elif stream and field_name == "name" and not value.blank and i + taken < len(row) \
            and (after := _stream_name_after(row, i + taken, value)) is not None:
        # one cell a line, 项目名称 / 甲项目 / 乙项目 / 年度资金总额: the name's second line or a second project's
        # name, which is not in the text: kept under 项目名称 and marked, never an unlabelled text (misses22)
        parts.extras.append((label_key(text), after))
        parts.needs_check.append(f"项目名称「{value.text.strip()}」之后另有一行「{after.text.strip()}」：可能是名称的"
                                 "第二行，也可能是并列的另一个项目，未并入名称")
        taken += 1
    if field_name in ("purpose", "goals"):
        state.group = field_name
    elif field_name not in _MONEY_FIELDS and field_name not in ("other-part", "fiscal-part", "other-source"):
        state.group = None
    elif (state.group == "purpose" and any(not c.blank for c in parts.purpose)) \
            or (state.group == "goals" and any(not c.blank for c in parts.goals)):
        # 资金用途 | …, then 预算金额 | 50: a money row ends the text block that has its text (预算规模及资金用途 |
        # 预算数 | 30 over | 用于购置设备, the seed's form, names the block before its money and its text after)
        state.group = None
    return i + taken
