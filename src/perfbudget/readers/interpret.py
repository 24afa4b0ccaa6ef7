"""Interpret raw tables (rows of cells) as project tables: the one place where layout meets model.

Every reader hands its :class:`RawTable` objects here, so a table means the same
whether it came from text, Word, Excel, PDF or HTML. The interpretation:

1. join tables that continue a project (``continuation``), split a raw table that holds several
   projects (a list layout, ``list_layout``; a new 项目名称 or unit row after indicators);
2. read the header block by its labels (``header_block``, ``labels.HEADER_LABELS``);
3. find the indicator header row and map its columns (``indicator_header``);
4. read the indicator rows, filling vertically merged 一级/二级 cells from above (``indicator_rows``);
5. make the project from its parts (``project_fields``: names, fund labels, money, titles).

Nothing is guessed silently: skipped rows become notes, and anything that cannot be
read becomes an error with the cell's location.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from perfbudget.framework import LEVEL1_NAMES, normalise_level1
from perfbudget.model import Document, Problem, Project, Severity, Source, Unit
from perfbudget.readers.bracket_budget import take_bracket_budget
from perfbudget.readers.continuation import join_continued
from perfbudget.readers.converted_scores import settle_converted_scores
from perfbudget.readers.department_funds import GRID_LABEL, GRID_TOTALS, department_grid, grid_money_unit
from perfbudget.readers.form_titles import title_opens_form
from perfbudget.readers.grid import CUT_MESSAGE, Cell, RawTable
from perfbudget.readers.header_block import read_header_rows, unit_cell
from perfbudget.readers.in_table_titles import title_rows
from perfbudget.readers.indicator_header import (
    HeaderMemo,
    column_map,
    completes_header,
    group_sub_columns,
    is_label_subrow,
    is_sub_header,
    level1_named_header,
    merge_header_rows,
    spread_label_subrow,
    spread_upper_header,
    with_sub_header,
)
from perfbudget.readers.indicator_rows import read_indicator_rows
from perfbudget.readers.label_blocks import label_block_tables
from perfbudget.readers.label_lines import BLOCK_FIELDS
from perfbudget.readers.labels import (
    EXECUTION_POINT_COLUMNS,
    column_role,
    field_of_key,
    fund_column_of_key,
    header_field,
    header_roles,
    label_key,
)
from perfbudget.readers.layout_order import layout_order_message, values_before_names
from perfbudget.readers.list_layout import split_list_layout
from perfbudget.readers.money_cells import cost_money_unit, unit_clash, written_money_unit
from perfbudget.readers.parts import Parts
from perfbudget.readers.project_fields import (
    build_project,
    is_department_table,
    unit_from_fields,
    years_from_previous_tables,
)
from perfbudget.readers.project_lists import numbered_project_list
from perfbudget.readers.region_columns import region_columns, with_region_target
from perfbudget.readers.row_boundary_cut import row_boundary_cut
from perfbudget.readers.side_label_rows import without_side_label
from perfbudget.readers.side_projects import side_names_problem, split_side_projects
from perfbudget.readers.stated_execution import CLOSING_LABELS, CONCLUSION_LABELS, RESULT_LABELS, closing_texts
from perfbudget.readers.stated_scores import GRADE_LABELS, TOTAL_LABELS
from perfbudget.readers.stream import BORROWED_HEADER_CHECK, borrowed_header_problem, grid_tree_tables, is_level_head
from perfbudget.readers.table_titles import is_numbered, title_and_seq
from perfbudget.readers.total_rows import total_row_extras
from perfbudget.readers.trailing_funds import closing_rows, trailing_funds
from perfbudget.readers.turned_tables import turned_table
from perfbudget.readers.untargeted_results import results_without_target, unsplit_results
from perfbudget.readers.unvalued_header import unvalued_header, unvalued_header_problem
from perfbudget.readers.worded_value_columns import one_worded_target
from perfbudget.readers.year_value_columns import one_year_target
from perfbudget.text_caches import keyed_on_texts


def _text(cell: Cell) -> str:
    return cell.text.strip()


@keyed_on_texts
@lru_cache(maxsize=8192)
def starts_project(first: str) -> bool:
    """A row whose first filled cell holds this text starts a new project (项目名称, 预算单位, a unit row).
    Cached (``unit_cell``'s pattern is costly; a file's tables repeat their unit cell)."""
    return header_field(first) in ("name", "unit") or unit_cell(first.strip()) is not None


def _starts_project(row: list[Cell]) -> bool:
    for first in row:  # the first filled cell (asked of every indicator row: a loop, no generator)
        if not first.blank:
            return starts_project(first.text)
    return False


def looks_like_indicator_row(row: list[Cell]) -> bool:
    filled = [c for c in row if not c.blank]
    return len(filled) >= 3 and normalise_level1(_text(filled[0])) in LEVEL1_NAMES


def _positional_header(rows: list[list[Cell]], start: int) -> list[Cell] | None:
    """A header for an indicator block that starts mid-table without any header (a page that starts
    inside a table): 一级 | 二级 | 三级 | 指标值 | 第5列 … by position — only when nothing before it is
    a header-block row (a form that lost its indicator header is an error, not a guess) and at least
    two rows start with a 一级 name and hold four cells or more."""
    if any(not c.blank for row in rows[:start] for c in row):
        return None
    body = [[c for c in row if not c.blank] for row in rows[start:]]
    starts = [cells for cells in body if len(cells) >= 4 and normalise_level1(_text(cells[0])) in LEVEL1_NAMES]
    if len(starts) < 2:
        return None
    width = max(len(cells) for cells in starts)
    source = rows[start][0].source
    names = ["一级指标", "二级指标", "三级指标", "指标值", *(f"第{n}列" for n in range(5, width + 1))]
    return [Cell(name, source) for name in names]


def _split_projects(table: RawTable, is_header: Callable[[list[Cell]], bool]) -> list[RawTable]:
    """Several projects in one raw table are split where a new header block begins; a table of one
    project (the usual case) comes back as it is."""
    starts = [0]
    seen_indicators = False
    in_indicators = False
    for index, row in enumerate(table.rows):
        if seen_indicators:
            # inside a project's indicator rows: only a new project start matters
            if in_indicators and _starts_project(row):
                starts.append(index)
                in_indicators = seen_indicators = False
            elif in_indicators and title_opens_form(table.rows, index):
                # the next form's title row, its header after it (readers/form_titles.py): it starts there
                starts.append(index)
                in_indicators = seen_indicators = False
                continue
            else:
                continue
        if is_header(row):
            in_indicators = True
        elif in_indicators and any(not c.blank for c in row):
            seen_indicators = True
    if len(starts) == 1:
        return [table]
    rows = table.rows
    # a table cut off is cut in its last project: the projects before it are whole
    return [RawTable(table.heading if k == 0 else None, table.source if k == 0 else rows[a][0].source, rows[a:b],
                     table.complete or k < len(starts) - 1, table.certain, table.stream, table.sparse,
                     table.needs_check)
            for k, (a, b) in enumerate(zip(starts, [*starts[1:], len(rows)], strict=True))]


def _width_under(rows: list[list[Cell]], index: int) -> int:
    """The widest of the (up to five) rows under ``rows[index]``, trailing empty cells left out."""
    widths = [0]
    for row in rows[index + 1:index + 6]:
        cells = list(row)
        while cells and cells[-1].blank:
            cells.pop()
        widths.append(len(cells))
    return max(widths)


def _spread_header(rows: list[list[Cell]], header_index: int) -> tuple[int, list[Cell]] | None:
    """The header over two rows of ``indicator_header.spread_upper_header`` (the upper row above any
    empty rows the copy put between them), for the width of the rows under it; with the upper row's index."""
    upper = header_index - 1
    while upper > 0 and all(c.blank for c in rows[upper]):
        upper -= 1
    widths = []
    for row in rows[header_index + 1:header_index + 6]:
        cells = list(row)
        while cells and cells[-1].blank:
            cells.pop()
        widths.append(len(cells))
    if not widths:
        return None
    header = spread_upper_header(rows[upper], rows[header_index], max(widths))
    return (upper, header) if header is not None else None


SCORE_SHEET_MESSAGE = ("这是绩效评价评分表（一级指标、二级指标、三级指标只配分值、得分，没有指标值列），"
                       "不是绩效目标表：其中的评价指标没有作为绩效指标读取")


def _score_sheet_header(rows: list[list[Cell]]) -> Problem | None:
    """The error at the 一级指标 cell of an evaluation score sheet's header (一级指标 | 分值 | 二级指标 | 分值 |
    三级指标 | 分值 | 得分): the three level columns with weights or scores and no 指标值 column, up to the first
    cell that is no column label. Its criteria (项目决策 20 / 目标内容 4 4) have no targets; a weight
    read as a target would be a misread. A header with a 实际完成值 column too is a 自评表's without its target
    column, which one cell a line cannot be split by (readers/untargeted_results.py): told so."""
    cells = [cell for row in rows for cell in row if not cell.blank]
    for index, cell in enumerate(cells):
        if column_role(cell.text) != "level1":
            continue
        roles = set()
        header = []
        for following in cells[index:index + 12]:
            role = column_role(following.text)
            if role is None:
                break
            roles.add(role)
            header.append(following)
        if {"level1", "level2", "level3"} <= roles and roles & {"weight", "score"} and "target" not in roles:
            return Problem(cell.source, SCORE_SHEET_MESSAGE) if "actual" not in roles else unsplit_results(header)
    return None


def _unvalued_problem(row: list[Cell]) -> Problem:
    """The error for a level header without a target column: the score sheet's where its columns hold
    weights or scores, else one that quotes the header (readers/unvalued_header.py)."""
    if any(column_role(cell.text) in ("weight", "score") for cell in row if not cell.blank):
        return Problem(next(cell for cell in row if not cell.blank).source, SCORE_SHEET_MESSAGE)
    return unvalued_header_problem(row)


def _may_start_two_row_header(row: list[Cell], below: list[Cell], is_header: Callable[[list[Cell]], bool],
                              stream: bool) -> bool:
    """Whether ``row`` may be the upper row of a header written over two rows: it names a 三级 column
    (年度 over 指标值 beside it), or it names the value column merged down both rows while the row
    under it, no header by itself, names the levels (绩效指标 spanning 一级指标 | 二级指标 | 三级指标) — in a stream
    (one cell a paragraph) not where the row is a form's header block (:func:`_holds_header_block`)."""
    if any(column_role(c.text) == "level3" for c in row) or completes_header(row, below):
        return True  # (一级指 | 二级指 | 三级指 over 标 | 标 | 标: labels broken in their cells, reading44)
    return (any(column_role(c.text) == "target" for c in row if not c.blank)
            and "level3" in header_roles([c.text for c in below if not c.blank]) and not is_header(below)
            and not (stream and _holds_header_block(row)))


def _holds_header_block(row: list[Cell]) -> bool:
    """Whether a stream's row names the project, its unit or its funds before its value column: a form's header
    block one cell a paragraph (项目名称 | 代表之家 | 年度资金总额 | 48万元 … | 预期目标 | 实际完成, its goals' 预期目标
    no 指标值), never a header's upper row (kinds44, `95`: the whole form was read as one header row)."""
    for cell in row:
        if column_role(cell.text) == "target":
            return False
        if header_field(cell.text) in BLOCK_FIELDS:
            return True
    return False


def _read_before_refused_rows(block: list[list[Cell]], refused: list[Cell], parts: Parts, stream: bool,
                              problems: list[Problem]) -> None:
    """The header block above indicator rows no header places (指标类型 | 指标名称 | 指标值 with no 三级, or no
    header at all), read as a person reads it: the form's name, unit and money stand above the rows the
    reader refused (the error said at their first row). The project is read as far as that row, marked cut
    there (未完整: its indicators are not read), as a form cut before its indicators is (reading26)."""
    read_header_rows(block, parts, stream)
    if parts.second_name is not None:
        problems.append(_two_forms_problem(parts.second_name))
    if parts.side_names:
        problems.append(side_names_problem(parts.name_cell, parts.side_names))
    parts.cut = refused[0].source


def _header_before(before: RawTable, is_header: Callable[[list[Cell]], bool],
                   body: list[list[Cell]]) -> list[Cell] | None:
    """The indicator header of the project written before on the same page, for a project after it that repeats
    none (项目名称 | 乙项目 … then 产出指标 | 数量指标 | … at once): when every row of ``body`` that starts with a
    一级 name fits in its columns. None when that project has no header or a row is wider than it."""
    header = next((row for row in before.rows if is_header(row)), None)
    if header is None:
        return None
    width = len(header)
    for row in body:
        if looks_like_indicator_row(row) and sum(1 for c in row if not c.blank) > width:
            return None
    return header


def _interpret_project(table: RawTable, position: int, problems: list[Problem],
                       is_last_table: bool, is_header: Callable[[list[Cell]], bool],
                       text: str | None = None, previous: RawTable | None = None) -> Parts:
    """One project's parts from its table; ``previous``: the project written before it on the same page (split from
    one raw table), whose indicator header a project that repeats none reads its rows by (reading35)."""
    rows, heading = title_rows(table.rows, table.heading)
    parts = Parts(heading=heading, source=table.source)
    parts.needs_check.extend(table.needs_check)
    header_index = None
    unvalued: int | None = None  # a level header without a target column (readers/unvalued_header.py)
    for index, row in enumerate(rows):
        if is_header(row):
            header_index = index
            break
        if (named := level1_named_header(rows, index)) is not None:
            problems.append(Problem(row[0].source, "表头的「指标」列各行是一级指标名称（产出指标、效益指标…），"
                                                   "按一级指标列读取", Severity.INFO))
            rows = [*rows[:index], named, *rows[index + 1:]]
            header_index = index
            break
        if index + 1 < len(rows) and _may_start_two_row_header(row, rows[index + 1], is_header, table.stream):
            merged = merge_header_rows(row, rows[index + 1])
            if is_header(merged):  # 年度 / 指标值, or 绩效指标 | 指标值 over the levels: a header over two rows
                rows = [*rows[:index], merged, *rows[index + 2:]]
                header_index = index
                break
        if looks_like_indicator_row(row):
            positional = _positional_header(rows, index)
            if positional is None and (unvalued := unvalued_header(rows, index)) is not None:
                break  # 一级指标 | 二级指标 | 三级指标 | 自评内容 | 完成情况: told below, the rows above it read
            if positional is None and previous is not None \
                    and (borrowed := _header_before(previous, is_header, rows[index:])) is not None:
                rows = [*rows[:index], borrowed, *rows[index:]]
                header_index = index
                problems.append(borrowed_header_problem(row[0].source, borrowed))
                parts.needs_check.append(BORROWED_HEADER_CHECK)
                break
            if positional is None:
                problems.append(Problem(row[0].source,
                                        "缺少指标表头行（一级指标、二级指标、三级指标、指标值），无法识别指标列"))
                _read_before_refused_rows(rows[:index], row, parts, table.stream, problems)
                return parts
            rows = [*rows[:index], positional, *rows[index:]]
            header_index = index
            problems.append(Problem(row[0].source, "表格从指标行中间开始，没有指标表头：按位置认定列"
                                                   "（一级、二级、三级、指标值，其后各列作为附加列）",
                                    Severity.WARNING))
            parts.needs_check.append("没有指标表头，按位置认定列（一级、二级、三级、指标值）")
            break
    if header_index is None and (summary := _project_summary(rows)) is not None:
        # a list of projects with their totals (our own 自评表 download's 汇总 sheet): no project itself
        parts.unrelated = Problem(summary.source, "这是各项目总分、自评等级的汇总表，不是项目表，未作为项目读取",
                                  Severity.INFO)
        parts.self_evaluation = True  # its columns are a self-evaluation's results (a bond's 绩效评价情况表: kinds46)
        problems.append(parts.unrelated)
        return parts
    if header_index is None and unvalued is None:
        unvalued = unvalued_header(rows)
    if header_index is None and unvalued is not None and (places := region_columns(rows[unvalued])) is not None:
        # 三级指标 | 指标解释 | 西坪镇尧山村 | 桃舟乡吾培村 …: the value every region gives (readers/region_columns.py)
        rows = with_region_target(rows, unvalued, places, problems)
        header_index, unvalued = unvalued, None
        problems.append(Problem(rows[header_index][0].source, "指标表头没有指标值列，各列是区域（"
                                + "、".join(rows[header_index][p].text.strip() for p in places)
                                + "）：各区域指标值相同的行以该值为项目的指标值", Severity.INFO))
    if header_index is None and unvalued is not None and (told := results_without_target(rows[unvalued])) is not None:
        # 一级指标 | 二级指标 | 三级指标 | 实际完成值 | 分值 | 得分: a 自评表 whose 年度指标值 column was left out, its
        # indicators read with their results and points and no target, told once here (readers/untargeted_results.py)
        header_index, unvalued = unvalued, None
        problems.append(told)
    block = rows[:header_index] if header_index is not None else rows[:unvalued] if unvalued is not None else rows
    if block and is_department_table(parts, title_and_seq(heading, 0)[1]):
        block = _without_department_grid(block, parts, problems, table.stream)
    read_header_rows(block, parts, table.stream)
    if parts.second_name is not None:
        problems.append(_two_forms_problem(parts.second_name))
    if parts.side_names:
        problems.append(side_names_problem(parts.name_cell, parts.side_names))
    if header_index is None:
        where = rows[-1][-1].source if rows and rows[-1] else table.source
        score_sheet = _score_sheet_header(rows)
        if not table.certain and (is_last_table or not table.complete):
            parts.cut = where
        if score_sheet is not None:
            problems.append(score_sheet)
        elif unvalued is not None:
            problems.append(_unvalued_problem(rows[unvalued]))
        elif parts.cut is not None and rows and is_level_head(rows[-1]):
            # 一级指标 | 二级指标 | 指标内容 and the text ends: a header found, cut before its value column (kinds44)
            problems.append(Problem(next(c for c in reversed(rows[-1]) if not c.blank).source, _HEADER_CUT))
        elif parts.cut is not None:
            problems.append(Problem(where, f"{CUT_MESSAGE}：没有找到指标表头行"
                                           "（一级指标、二级指标、三级指标、指标值），"
                                           "表格被截断，文件可能不完整"))
        elif table.certain and _holds_nothing_of_a_form(parts):
            parts.unrelated = Problem(table.source, "这个表格不是绩效目标表（没有项目名称、预算金额、绩效目标、"
                                                    "指标表头和指标行），未读取其内容")
            problems.append(parts.unrelated)
        else:
            problems.append(Problem(where, "表格不完整：没有找到指标表头行（一级指标、二级指标、三级指标、指标值）"))
        return parts
    if header_index and (spread := _spread_header(rows, header_index)) is not None:
        upper, header = spread
        rows = [*rows[:upper], header, *rows[header_index + 1:]]
        header_index = upper
    # (a packed sub-row first: its labels all known — 符号 | 单位 | 单项指标得分 | 权重占比, kinds46 — it is a label
    # sub-row too, whose cells no longer stand under their groups)
    if header_index + 2 < len(rows) and (spread_sub := spread_label_subrow(
            rows[header_index], rows[header_index + 1], _width_under(rows, header_index + 1))) is not None:
        problems.append(Problem(rows[header_index + 1][0].source, "表头下一行的分列（"
                                + "、".join(c.text.strip() for c in rows[header_index + 1] if not c.blank)
                                + "）按各行的列数归入表头：符号、单位在指标值两侧，其余为最后一列的分列",
                                Severity.INFO))
        rows = [*rows[:header_index], spread_sub, *rows[header_index + 2:]]
    elif header_index + 1 < len(rows) and (is_label_subrow(rows[header_index + 1])
                                           or completes_header(rows[header_index], rows[header_index + 1])):
        rows = [*rows[:header_index], merge_header_rows(rows[header_index], rows[header_index + 1]),
                *rows[header_index + 2:]]
    elif header_index + 1 < len(rows) and is_sub_header(rows[header_index + 1]):
        rows = [*rows[:header_index], *with_sub_header(rows[header_index], rows[header_index + 1], problems),
                *rows[header_index + 2:]]
    elif header_index + 1 < len(rows) and (grouped := group_sub_columns(rows[header_index],
                                                                        rows[header_index + 1])) is not None:
        # 偏差原因分析 over 经费保障 | 制度保障 | …: each sub-column an extra of its own (corpus22b)
        rows = [*rows[:header_index], grouped, *rows[header_index + 2:]]
    columns = column_map(rows[header_index])
    role_list = [role for role, _ in columns]
    if role_list.count("target") > 1:  # 2024年目标值 | 2025年目标值: the table's year's (year_value_columns.py)
        columns, told, note = one_year_target(columns, [heading, parts.name_cell.text if parts.name_cell else None],
                                              next(c for c in rows[header_index] if not c.blank).source)
        problems.extend([told] if told is not None else [])
        parts.needs_check.extend([note] if note is not None else [])
        # 年度指标值 | 指标值, 指标值 | 指标值: by the headers' words, or an error (worded_value_columns.py); not
        # under projects named side by side (a value column a project, told as such already: side_projects.py)
        if not parts.side_names:
            columns, told = one_worded_target(columns, [heading, parts.name_cell.text if parts.name_cell else None],
                                              next(c for c in rows[header_index] if not c.blank).source)
            problems.extend([told] if told is not None else [])
    roles = set(role_list)
    parts.self_evaluation = "actual" in roles or "score" in roles
    before = len(parts.indicators)
    told_before = len(problems)  # (the problems are only added to from here: each counted once, not all of the
    # document's for each project as until attack33, 2,000 one-line projects 2.5 s)
    indicator_rows = rows[header_index + 1:]
    if not parts.money and (funds := trailing_funds(indicator_rows)):
        # 年度资金总额（万元） | 50 below the indicators: the funds, not indicators (readers/trailing_funds.py)
        funds_rows = indicator_rows[-funds:]
        indicator_rows = indicator_rows[:-funds]
        read_header_rows(funds_rows, parts, table.stream)
        first = next(c for c in funds_rows[0] if not c.blank)
        problems.append(Problem(first.source, "资金行在指标之后：按项目的资金读取，不作为指标", Severity.INFO))
    if (closing := closing_rows(indicator_rows)) is not None:
        # 偏差或不能完成目标原因分析 | … after a 监控表's indicators: the project's text, not indicators
        first = next(c for c in indicator_rows[closing] if not c.blank)
        read_header_rows(indicator_rows[closing:], parts, table.stream)
        indicator_rows = indicator_rows[:closing]
        problems.append(Problem(first.source, f"指标之后的「{first.text.strip()}」等行按项目的说明读取，不作为指标",
                                Severity.INFO))
        if not table.complete and not table.certain:
            # the text stops after them (in the notes below, 72): the indicators are whole, the file is cut
            last_cell = next(c for row in reversed(rows) for c in reversed(row) if not c.blank)
            parts.cut = last_cell.source
            problems.append(Problem(last_cell.source, f"{CUT_MESSAGE}：指标之后的说明处中断，文件可能不完整"))
    if closing is None and (parts.self_evaluation or _concludes(indicator_rows)) \
            and (closing := closing_rows(indicator_rows, _CLOSING_ROWS)) is not None:
        # 评价结论 | … / 存在问题 | … after a 自评表's indicators: the table's texts, kept as the project's (until
        # kinds31 dropped as a footer; their figures read by readers/stated_execution.py); the rows after them are not.
        # A table whose indicators no 实际完成值 or 得分 column follows but which closes with its 评价结论 is a 自评表
        # too (a glued page fragment, corpus 25: kinds33). So are 自评得分 | 95 and 评价等级 | 优 there: the table's
        # own total and grade, read as in its header block (until kinds35 a short indicator row, a cut)
        parts.self_evaluation = True
        parts.extras.extend(closing_texts(indicator_rows[closing:], _CLOSING_ROWS))
        indicator_rows = indicator_rows[:closing]
    # 绩效指标 | 项目完成指标 under 绩效指标 | 一级指标 | …: the side label written again (readers/side_label_rows.py)
    indicator_rows = without_side_label(indicator_rows, columns)
    read_indicator_rows(indicator_rows, columns, parts, problems, table.complete or closing is not None,
                        table.certain, is_last_table and closing is None, table.stream, table.sparse,
                        table.whole_lone_rows, table.closed,  # (rows after the indicators: they are not cut)
                        table.dropped_cells)
    if parts.self_evaluation:  # 总分 | … | 100 | 99: the table's own total (readers/total_rows.py)
        parts.extras.extend(total_row_extras(indicator_rows, columns, [role for role, _ in columns]))
    no_new_error = not any(p.severity is Severity.ERROR for p in problems[told_before:])
    if text is not None and not table.certain and table.complete and closing is None and parts.cut is None \
            and not parts.department and no_new_error and len(parts.indicators) > before \
            and (boundary := row_boundary_cut(indicator_rows, parts.indicators[before:], text)) is not None:
        problems.append(boundary)  # the text stops after a whole row, before the form's last group (reading31)
    if len(parts.indicators) == before and no_new_error:
        if values_before_names(rows[header_index]):
            problems.append(Problem(rows[header_index][0].source, layout_order_message()))
        elif not indicator_rows and not table.certain and (is_last_table or not table.complete) \
                and not any(p.severity is Severity.ERROR for p in table.problems):
            # the text stops at the header (a page cut there: 41, 150's second form): the form is read as far
            # as it goes, cut there, as one cut in its header block is (reading26) — unless the table's reader
            # left rows out with an error (cells glued past splitting: not a cut, the error says why)
            last_cell = next(c for c in reversed(rows[header_index]) if not c.blank)
            parts.cut = last_cell.source
            problems.append(Problem(last_cell.source, _HEADER_CUT))
        else:
            problems.append(Problem(rows[header_index][0].source, "表格不完整：指标表头之后没有指标行"))
    return parts


_HEADER_CUT = f"{CUT_MESSAGE}：指标表头之后没有指标行，表格被截断，文件可能不完整"


def _concludes(rows: list[list[Cell]]) -> bool:
    """Whether one of the last rows (the closing rows and their sign-off: six at most) starts with a 评价结论 label
    (``评价结论 | 及时、足额缴纳。``) or the table's own score or grade (``自评得分 | 95``): only those rows' first
    cells are looked at."""
    for row in rows[-6:]:
        first = next((cell for cell in row if not cell.blank), None)
        if first is not None and label_key(first.text) in _CONCLUDING:
            return True
    return False


def _without_department_grid(block: list[list[Cell]], parts: Parts, problems: list[Problem],
                             stream: bool) -> list[list[Cell]]:
    """The header rows of a 部门整体 table, its funds grid (总额 | 基本支出 | 项目支出 …, then the amounts) taken
    out: the budget the grid's sum decides, the grid kept as written (readers/department_funds.py). One cell a line
    or a paragraph the grid is one header sequence; in rows of cells (kinds36: a Word, Excel or text table of
    Sichuan's form) it is its head row, its sub-head row and its amounts row, read as one sequence in that order —
    until kinds36 its heads were taken for label–value pairs (预算数「基本支出」不是金额) and the budget lost."""
    for index, row in enumerate(block):
        if not stream and not any(label_key(cell.text) in GRID_TOTALS for cell in row):
            continue  # (most rows of cells: no grid's 总额 among them)
        for size in (1,) if stream else (2, 3):
            rows = block[index:index + size]
            if (grid := department_grid(cells := [cell for line in rows for cell in line], problems, not stream)):
                rest, total, written, sources = grid
                if total is not None:
                    parts.money["total"] = total
                for role, cell in sources.items():
                    parts.money.setdefault(role, cell)
                parts.money_unit = parts.money_unit or grid_money_unit(cells)
                parts.extras.append((GRID_LABEL, Cell(written, row[0].source)))
                return [*block[:index], *([rest] if rest else []), *block[index + size:]]
    return block


_SUMMARY_COLUMNS = ("总分", "自评等级", "自评得分")


def _project_summary(rows: list[list[Cell]]) -> Cell | None:
    """The 项目名称 cell of a summary's header row (序号 | 项目名称 | 预算执行率得分 | 总分 | 自评等级): a
    table listing projects one a row with their totals, under a header that names 项目名称 among its
    columns and a 总分 or 自评等级 column, and no indicator header. None for anything else."""
    for index, row in enumerate(rows[:3]):
        texts = [label_key(c.text) for c in row if not c.blank]
        if "项目名称" in texts and len(texts) >= 3 and (
                (any(t in _SUMMARY_COLUMNS for t in texts) and not _holds_form_labels(texts))
                or numbered_project_list(rows, index)):  # 序号 | 主管部门 | 项目单位 | 项目名称 | …
            return next(c for c in row if label_key(c.text) == "项目名称")
    return None


def _two_forms_problem(second: Cell) -> Problem:
    """The error for a header block naming two projects: two forms run together without an indicator header
    between them (a preview that skipped the first form's rows); what lies between cannot be given to either."""
    return Problem(second.source, f"表头中出现第二个项目名称「{second.text.strip()}」：两张表连在一起，中间没有"
                                  "指标表头，无法确定其间的内容属于哪个项目，未分开读取；请分别提供各张表")


def _holds_form_labels(texts: list[str]) -> bool:
    """Whether a row naming 项目名称 and 总分 is a form's header block rather than a summary's header: it
    names 项目名称 twice (two forms run into one row, as a preview one cell a line gives them), or holds a
    form's own labels (主管部门, 实施单位, 年度资金总额) or a funds column (年初预算数, 全年执行数)."""
    return texts.count("项目名称") > 1 or any(
        (field_of_key(t) not in (None, "name", "unit") and t not in _SCORE_LABELS)
        or (fund_column_of_key(t) is not None and t not in EXECUTION_POINT_COLUMNS)  # (预算执行率得分: a summary's too)
        for t in texts)


# a 自评表's own total and grade: header labels of a form (readers/stated_scores.py) and a summary's columns alike
_SCORE_LABELS = TOTAL_LABELS | GRADE_LABELS
# the rows closing a 自评表 after its indicators (its texts, its own score and grade), and those that make a table one
_CLOSING_ROWS = CLOSING_LABELS | _SCORE_LABELS
_CONCLUDING = CONCLUSION_LABELS | _SCORE_LABELS


def _holds_nothing_of_a_form(parts: Parts) -> bool:
    """Whether a table with no indicator header gave nothing a project is made of: no name, no
    amount (an empty 其他资金 cell is no amount), no purpose or goals, no indicators. Such a table
    beside a form (a sheet listing the fund sources the form's formulas add up, a sign-off table)
    is no part of it; :func:`document_from_parts` decides by the file's other tables."""
    return (not parts.indicators and not parts.goals and not parts.purpose
            and (parts.name_cell is None or parts.name_cell.blank) and parts.unit is None
            and all(c.blank for c in parts.money.values()) and not parts.fiscal_parts
            and not parts.other_parts and not parts.other_sources and parts.project_total is None)


def _is_project(parts: Parts) -> bool:
    """A project has indicators, or a name and a budget, or a name and a cut: a form the page cut before
    its budget is the project its name says, read as far as the page goes (marked cut, since reading26),
    unless the page stops in the name itself (its cell the last the page holds: the name may be cut too).
    A page fragment that is not cut (a stray 项目名称 line, a heading without a table) is no project. A
    部门整体 table has no 项目名称 (it is named 部门整体支出): with its money and no indicators (cut before them) it
    is one, and so it is cut before its money where its header names the department (填报单位, 部门(单位)名称: the
    department is what a 项目名称 is to a project, since kinds30); without money or a cut its title alone names
    none (a 部门整体 评价评分表 cut in its criteria, naming no department, is no form)."""
    if parts.indicators:
        return True
    money = any(not c.blank for c in (*parts.money.values(), *(c for _, c in parts.fiscal_parts))) \
        or parts.project_total is not None
    if parts.name_cell is None:
        named = parts.cut is not None and parts.unit is not None and bool(parts.unit.name)
        return (money or named) and is_department_table(parts, title_and_seq(parts.heading, 0)[1])
    return not parts.name_cell.blank and (money or (parts.cut is not None and parts.name_cell.source != parts.cut))


def _sides(segment: RawTable, is_header: HeaderMemo, problems: list[Problem]) -> Sequence[RawTable]:
    """The segment's projects side by side, each a table; the segment itself when it is not such a table."""
    split = split_side_projects(segment, is_header, problems)
    return (segment,) if split is None else split


def interpret_tables(tables: list[RawTable], file: str,
                     text: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Turn raw tables into a document. Errors are returned, never raised. ``text``: the text the tables were read
    from (where it stops: readers/row_boundary_cut.py), None for a file whose form marks its tables' ends."""
    problems: list[Problem] = [p for table in tables for p in table.problems]
    tables = label_block_tables(tables, problems)  # 一级指标 | 产出指标 / … one indicator after another
    tables = join_continued(tables, problems)
    tables = [part for table in tables for part in (grid_tree_tables(table) or [table])]
    is_header = HeaderMemo()  # the stages ask it of the same rows
    tables = [turned for table in tables  # the indicator header down a column (None: refused, too large turned)
              if (turned := turned_table(table, is_header, problems)) is not None]
    segments: list[RawTable] = []
    earlier: dict[int, RawTable] = {}  # a project split from the one written before it on the same page
    for table in tables:
        listed = split_list_layout(table, problems, is_header)
        split = listed or _split_projects(table, is_header)
        if not listed:
            earlier.update((id(after), first) for first, after in pairwise(split))
        segments.extend(split)
    segments = [side for segment in segments for side in _sides(segment, is_header, problems)]
    segments = [s for s in segments if any(not c.blank for row in s.rows for c in row)]
    if not segments:
        # (with what the tables and the stages said: e.g. why a table of projects side by side was not read)
        return None, [*problems, Problem(Source(file), "没有找到绩效目标表（文件中没有可识别的表格）")]
    count = len(segments)
    # one project's parts at a time: the problems of each table come before those of the tables after it
    parts_of_tables = (_interpret_project(segment, position, problems, position == count, is_header,
                                          text if position == count else None, earlier.get(id(segment)))
                       for position, segment in enumerate(segments, 1))
    return document_from_parts(parts_of_tables, file, problems)


# A title naming a self-evaluation: …绩效自评表, 部门整体支出绩效评价自评报告, …绩效评价报告, …自评表(2021年度) (not a
# page's label that only mentions one: 项目支出绩效自评表填写样例.DOC_第5页 over a 绩效目标申报表, corpus 70)
# (a document site heads its preview with the file's name: …乡村道路项目自评表.pdf, corpus 84)
# (a file's name that also names a target table is both forms' file, whatever page of it is shown: …绩效目标表及
# 自评表.docx, …绩效目标表、绩效评价表.xls)
_SELF_EVALUATION_TITLE = re.compile(r"(?:自评|评价)(?:报告表|报告|表)\s*(?:[(（][^()（）]*[)）])?"
                                    r"(?:\.(?:pdf|docx?|xlsx?|wps|et|html?))?$", re.I)
_TARGET_FILE_NAME = re.compile(r"(?:目标|申报)表.*\.(?:pdf|docx?|xlsx?|wps|et|html?)$", re.I)


def _names_self_evaluation(title: str) -> bool:
    """Whether a table's title names a self-evaluation (see _SELF_EVALUATION_TITLE)."""
    return _SELF_EVALUATION_TITLE.search(title) is not None and _TARGET_FILE_NAME.search(title) is None


def _titled_self_evaluation(projects: list[Project], titles: list[str], scored: list[Problem], file: str,
                            problems: list[Problem]) -> bool:
    """Whether tables read as targets are a self-evaluation's by their title: where a title is a 自评表's or 评价报告's
    and no table holds an indicator, nothing read says otherwise (a report form cut before its funds and
    indicators, corpus 197: kinds43); where a table holds indicators of a target table, a warning at its title.
    The ``titles`` of the tables that gave no project count too where none holds an indicator: a 自评表 whose
    criteria have no target column (an evaluation's score sheet, 61; 自评内容 | 完成情况, 164), a bond's 绩效评价表
    listing its projects' scores (165): no project read, and what the page is all the same (kinds46). So does a
    list of projects with their 自评 scores (``scored``: what was said of each), only where no project holds an
    indicator; beside a target table's indicators it is a warning, the page a target table."""
    held = any(p.indicators for p in projects)
    if held and scored:
        problems.append(Problem(scored[0].source, "文件中有各项目自评得分、评价结果的汇总表，但读出的项目表没有实际"
                                "完成值或得分栏，按绩效目标表读取", Severity.WARNING))
    titled = next((p for p in projects if p.title and _names_self_evaluation(p.title)), None)
    if titled is None:
        return not held and (bool(scored) or any(_names_self_evaluation(t) for t in titles))
    if not held:
        return True
    problems.append(Problem(titled.source or Source(file), f"表题「{titled.title}」是自评表，但读出的表中没有实际完成值"
                            "或得分栏，按绩效目标表读取", Severity.WARNING))
    return False


# A title naming a target table (…绩效目标表, 绩效目标申报表, 项目支出绩效目标表(2018年度)) and no result's form
_TARGET_TITLE = re.compile(r"目标(?:申报|审核|批复)?表\s*(?:[(（][^()（）]*[)）])?$")
_RESULT_WORDS = ("自评", "评价", "监控", "执行情况", "完成情况", "跟踪")


def _unfilled_results(projects: list[Project]) -> Problem | None:
    """A note where tables read as a self-evaluation for their columns (实际完成值, 未达到指标值原因) are target tables
    all the same: every project titled as a 绩效目标表, and nothing a result — no indicator's 实际完成值 or 得分, no
    execution, no score of the table's own, no result text (an extra under a label of
    :data:`stated_execution.RESULT_LABELS`: 实际完成情况, 评价结论 …). The transfer's 区域绩效目标表 prints those
    columns for the year's report (corpus 48: 中等职业学校国家助学金和免学费补助资金绩效目标表, the columns
    empty). The mirror of
    :func:`_titled_self_evaluation`'s warning; None where any project says otherwise."""
    if not projects or not any(p.indicators for p in projects):
        return None
    for project in projects:
        title = "".join((project.title or "").split())
        budget = project.budget
        if not _TARGET_TITLE.search(title) or any(word in title for word in _RESULT_WORDS) \
                or budget.executed is not None or budget.score is not None or budget.rate is not None \
                or project.table_total is not None or project.table_grade is not None \
                or any(i.actual or i.score is not None or i.deviation for i in project.indicators) \
                or any(text.strip() and label_key(label) in RESULT_LABELS for label, text in project.extras):
            return None  # (a result written as text: the goal's 实际完成情况, a 评价结论, 存在问题 …)
    first = projects[0]
    return Problem(first.source or Source(""), f"表题「{first.title}」是绩效目标表，表中的实际完成值等栏均未填写："
                   "按绩效目标表读取", Severity.WARNING)


def document_from_parts(parts_of_tables: Iterable[Parts], file: str,
                        problems: list[Problem]) -> tuple[Document, list[Problem]]:
    """The document from each table's parts, in order: the money unit written after amounts, the
    unit and money unit compared across tables, the projects built, years and numbers settled.
    Shared by :func:`interpret_tables` and the one-pass path of ``text_cells_fast``."""
    projects: list[Project] = []
    unit: Unit | None = None
    unit_parts: Parts | None = None  # the table that gave the file's money unit (its ``money_unit`` the file's)
    self_evaluation = monitoring = False
    numbered: list[bool] = []  # per project: does its heading carry a number (3.…)?
    beside: list[Problem] = []  # what was said of the tables beside the form (see _holds_nothing_of_a_form)
    titles: list[str] = []  # the titles of the tables that are no project (see _titled_self_evaluation)
    scored: list[Problem] = []  # what was said of each list of projects' 自评 scores (see _titled_self_evaluation)
    for position, parts in enumerate(parts_of_tables, 1):
        if parts.unrelated is not None:
            titles.append(title_and_seq(parts.heading, 0)[1] or "")
            beside.append(parts.unrelated)
            if parts.self_evaluation:  # a summary of 自评 results (165): weighed with the rest of the page
                scored.append(parts.unrelated)
            continue
        if not parts.money:
            take_bracket_budget(parts, problems)  # 项目名称 | 某项目（50万元）, with no money row
        if parts.money_unit is None and (written := written_money_unit(parts)) is not None:
            parts.money_unit = written
            problems.append(Problem(parts.source, f"表中没有写金额单位，按金额后所写的单位取「{written}」",
                                    Severity.INFO))
        elif parts.money_unit is None and unit_parts is None and (costed := cost_money_unit(parts)) is not None:
            # (only while no table before it gave the file's unit, which a table without one shares)
            parts.money_unit, row = costed
            parts.needs_check.append(f"表中没有写金额单位，按成本指标{row}取「{parts.money_unit}」")
            problems.append(Problem(parts.source, f"表中没有写金额单位，按成本指标{row}取「{parts.money_unit}」",
                                    Severity.WARNING))
        if parts.unit is not None:
            if unit is None:
                unit = parts.unit
            elif parts.unit != unit:
                problems.append(Problem(parts.source, f"本表的预算单位「{parts.unit.code or ''}{parts.unit.name}」"
                                        f"与文件中第一个表的「{unit.code or ''}{unit.name}」不同",
                                        Severity.WARNING))
        if parts.money_unit is not None:
            if unit_parts is None:
                unit_parts = parts
            elif parts.money_unit != unit_parts.money_unit:
                problems.append(unit_clash(parts, unit_parts))
        self_evaluation = self_evaluation or parts.self_evaluation
        if _is_project(parts):
            settle_converted_scores(parts, problems)  # 得分 beside its 折算得分: which is the score (kinds46)
            projects.append(build_project(parts, position, problems))
            monitoring = monitoring or parts.monitoring
            self_evaluation = self_evaluation or parts.self_evaluation  # (one that states its own 自评得分)
            if not self_evaluation and (budget := projects[-1].budget).executed is not None \
                    and (budget.weight is not None or budget.score is not None):
                # a funds grid with 全年执行数 and its 分值/得分 is a 自评's, even cut before its indicators (Hunan's
                # 部门整体 自评表, corpus r93, r94: a target table until kinds26)
                self_evaluation = True
            numbered.append(is_numbered(parts.heading))
        else:
            titles.append(title_and_seq(parts.heading, 0)[1] or "")
            if parts.name_cell is not None and not parts.name_cell.blank:
                why = "表格在项目名称处被截断，名称可能不完整" if parts.cut is not None \
                    else "不是完整的项目表（可能是页面片段）"
                problems.append(Problem(parts.name_cell.source, f"「{_text(parts.name_cell)}」既没有预算也没有指标，"
                                        f"{why}，未作为项目读取", Severity.WARNING))
    if beside and projects:  # tables beside a form: left out with a warning, not an error that refuses the file
        for said in beside:
            at = next(i for i, p in enumerate(problems) if p is said)
            if said.severity is Severity.ERROR:
                problems[at] = replace(said, severity=Severity.WARNING)
    if not (self_evaluation or monitoring):
        self_evaluation = _titled_self_evaluation(projects, titles, scored, file, problems)
    elif self_evaluation and not monitoring and (unfilled := _unfilled_results(projects)) is not None:
        problems.append(unfilled)  # a 绩效目标表 whose 实际完成值 column nobody filled (kinds47, corpus 48)
        self_evaluation = False
    if unit is None and projects:
        unit = unit_from_fields(projects[0], problems)
    projects = years_from_previous_tables(projects, problems)
    seqs = [p.seq for p in projects]
    if any(numbered) and not all(numbered):
        # Only some headings are numbered: such a number belongs to a group heading above the
        # table (3.法院办案业务…表 over 安全隐患维修), not to the project; number by position.
        problems.append(Problem(projects[0].source or Source(file), "只有部分表题带序号（序号属于分组标题），"
                                "项目按出现顺序编号", Severity.INFO))
        projects = [replace(p, seq=i) for i, p in enumerate(projects, 1)]
    elif len(set(seqs)) != len(seqs):
        projects = [replace(p, seq=i) for i, p in enumerate(projects, 1)]
    document = Document(
        unit=unit or Unit(None, None),
        money_unit=unit_parts.money_unit if unit_parts is not None else None,
        projects=tuple(projects),
        kind="monitoring" if monitoring else "self-evaluation" if self_evaluation else "target",
        source=Source(file),
        notes=tuple(p for p in problems if p.severity is not Severity.ERROR),
    )
    return document, problems
