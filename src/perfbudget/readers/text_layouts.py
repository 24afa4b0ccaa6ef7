"""Table text as the web gives it: the layouts people get when they copy a table out of a page.

Row layouts (the rows are known, one per line):

* ``pipe-rows``: ``cell | cell | cell |`` (merged cells as runs of ``|``);
* ``tab-rows``: cells separated by tabs, as copied from Excel or WPS (quoted cells
  may hold line breaks);
* ``space-rows``: cells separated by spaces, as copied from a page that drew the
  table with spaces (a parenthesis keeps its spaces: ``( ≥**个 )`` is one cell).

Stream layouts (only the cells are known; rows are rebuilt by
:mod:`perfbudget.readers.stream`):

* ``pipe-cells``: one cell per line ending in `` |``, empty cells and padding as
  lines of ``|``;
* ``paragraph-cells``: one cell per paragraph, paragraphs separated by blank lines
  (a cell of spaces only is an empty cell);
* ``line-cells``: one cell per line.

Each ``looks_like_*`` function is a detector; each ``read_*`` turns text into raw tables.
"""

from __future__ import annotations

import csv
import io
import re
from itertools import pairwise

from perfbudget.framework import is_level_name_start, is_list_numbered
from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.broken_rows import PERCENT_SIGNS, percent_completed
from perfbudget.readers.furniture import is_furniture
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.header_block import money_unit_in
from perfbudget.readers.indicator_header import completes_header, is_indicator_header_texts
from perfbudget.readers.label_lines import (
    block_title,
    cut_value_line,
    goal_line,
    goal_title,
    goes_on_inside,
    label_line_cells,
    lead_line_cells,
    sealed_label_cells,
    section_pair,
)
from perfbudget.readers.labels import (
    column_role,
    cut_level_name,
    ends_in_unclosed_note,
    header_field,
    is_any_label,
    is_ignored_label,
    level_of,
)
from perfbudget.readers.leading_pipe_cells import unwrap_leading_pipe_cells
from perfbudget.readers.line_rows import is_formula, is_row
from perfbudget.readers.project_lists import project_list_texts
from perfbudget.readers.spaced_values import joined_stream_pieces
from perfbudget.readers.stated_scores import states_score
from perfbudget.readers.stream import (
    better_heading,
    joins,
    looks_like_heading,
    rows_from_stream,
    starts_table,
    with_year_note,
)
from perfbudget.readers.text_lines import head_lines

_PIPES = re.compile(r"^\|+$")
# The closing run read from the line's end (the line reversed): ``^(.*?)((?:[ \u00a0\u3000]*\|)+)$`` tried the run
# again from each character before it, quadratic in a run of pipes not ending the line (attack28: a line of 20,000
# ``|`` then ``x|`` cost 7 s of CPU in the layout test of any uploaded text, and a head holds 3,000 lines)
_CLOSING_RUN_REVERSED = re.compile(r"(?:\|[ \u00a0\u3000]*)+")


def _trailing_pipes(line: str) -> tuple[str, int] | None:
    """A stripped line ending in ``|``: its text before the run of closing pipes (the spaces before the run's first
    pipe belong to the run) and the number of pipes."""
    match = _CLOSING_RUN_REVERSED.match(line[::-1])
    if match is None:
        return None
    return line[:len(line) - match.end()], match.group().count("|")

_MARKDOWN_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_NBSP = "\u00a0\u3000"
_SCORE_LINE = re.compile(r"^[(（][\d\s.\-—~～-]+分?[)）]\s*分?$")


def _lines(text: str) -> list[str]:
    return text.splitlines()


def _head(text: str, count: int) -> list[str]:
    """``_lines(text)[:count]`` without splitting the whole text (the detectors look at a head only)."""
    return head_lines(text, count)


def _known(text: str) -> bool:
    text = text.strip()
    # (a numbered level name, 一、 产出指标 or 1.数量目标, counts as a section title of prose here: a notice's,
    # text_prose_list; a page's list of goals, corpus 161)
    return bool(text) and (is_any_label(text) or (level_of(text) is not None and not is_list_numbered(text)))


# ---- detectors ---------------------------------------------------------------------------------------

def looks_like_pipe_cells(text: str) -> bool:
    lines = [line.strip() for line in _head(text, 3000) if line.strip()]
    if len(lines) < 10:
        return False
    cell_lines = sum(1 for line in lines if line.endswith("|") and line.count("|") == 1 and len(line) > 1)
    pipe_only = sum(1 for line in lines if _PIPES.match(line))
    # a row's last cell with the row's trailing empty cells (``text | |||``, ``| |||``) ends a row as a
    # line of pipes does
    trailing = sum(1 for line in lines if line.count("|") > 1 and not _PIPES.match(line)
                   and (split := _trailing_pipes(line)) is not None and "|" not in split[0])
    return ((cell_lines >= 5 and pipe_only + trailing >= 3
             and (cell_lines + pipe_only + trailing) / len(lines) > 0.6)
            or _cells_without_row_ends(cell_lines, len(lines)))


_CELL_STREAM_LINES = 20


def _cells_without_row_ends(cell_lines: int, lines: int) -> bool:
    """A table exported one cell a line (``项目名称 |`` / ``学校体育设施向社会免费开放 |`` …) whose rows the page
    never closed with a line of pipes: the cells alone are known, as in every stream layout (the rows are rebuilt
    from the labels). Said only of a whole table's worth of such lines making nearly all the text (a few lines of
    prose may stand above it): a text of ``a | b |`` rows has no line of one cell."""
    return cell_lines >= _CELL_STREAM_LINES and cell_lines / lines > 0.75


_ROW_END = re.compile(r"^\s*\|{2,}\s*$")


def unwrap_pipe_lines(text: str) -> str:
    """Pipe rows whose cells sit on lines of their own (``|   项目完成指标`` / ``   | `` / ``   质量指标`` …
    ending in a line ``||||``) as one line per row; other text unchanged. A row may also start with its first
    cell's bare lines (``项目名称`` / ``|`` / ``春节走访慰问经费`` / ``|`` / ``||||||||``: :func:`_opens_bare_row`).
    A text without such rows may be a table one cell a line each led by its pipe
    (:func:`leading_pipe_cells.unwrap_leading_pipe_cells`)."""
    if sum(1 for line in _head(text, 3000) if line.strip() == "|") < 5:
        return unwrap_leading_pipe_cells(text)
    lines = _lines(text)
    if not any(_ROW_END.match(x) for x in lines):
        return unwrap_leading_pipe_cells(text)
    out: list[str] = []
    row: list[str] = []
    after_row = False  # a row has ended before this line
    for index, line in enumerate(lines):
        stripped = line.strip()
        if row or stripped.startswith("|") or _opens_bare_row(lines, index, after_row):
            row.append(stripped)
            if _ROW_END.match(line):
                out.append(" ".join(row))
                out.extend("" for _ in row[1:])  # keep the line numbers of what follows
                row = []
                after_row = True
            continue
        out.append(line)
    out.extend(row)
    return "\n".join(out)


_BARE_CELL_LINES = 4  # a first cell wrapped over more lines than this is taken for free text before the row


def _opens_bare_row(lines: list[str], index: int, after_row: bool) -> bool:
    """The line (without any ``|``) is the first line of a row's first cell: a line of only ``|`` (the cell's
    end) follows it, right away before the first row has ended (a title above the table stays free text), or
    after at most three more such lines once a row has ended (``偏差大或`` / ``目标未完成`` / ``原因分析`` / ``|``)."""
    stripped = lines[index].strip()
    if not stripped or "|" in stripped:
        return False
    reach = _BARE_CELL_LINES if after_row else 1
    for following in lines[index + 1:index + 1 + reach]:
        text = following.strip()
        if text == "|":
            return True
        if not text or "|" in text:
            return False
    return False


def looks_like_pipe_rows(text: str) -> bool:
    lines = [line for line in _head(unwrap_pipe_lines(text), 3000) if line.strip()]
    rows = [line for line in lines if len([p for p in line.split("|") if p.strip()]) >= 2]
    return len(rows) >= 5 or _small_table(rows, "|") or _cut_form_rows(lines, rows)


# A form's title in a pipe row's first cell (湖北省部门整体支出绩效自评表 (2016年度) | ||||)
_FORM_TITLE = re.compile(r"绩效(?:目标|自评|评价|监控)[\u4e00-\u9fff]{0,6}表")


def _cut_form_rows(lines: list[str], rows: list[str]) -> bool:
    """Fewer than five pipe rows that are a form's header block cut before its indicators: a pipe line whose first
    cell is a form's title, then a row whose first cell is a label the reader knows (填报单位(盖章)湖北省公安厅 |
    自评得分: | 86.45 …; `162`, a provincial 部门整体 自评表 cut in its duties' text: refused until reading31)."""
    if not 2 <= len(rows) < 5:
        return False
    title = next((k for k, line in enumerate(lines[:5]) if "|" in line
                  and _FORM_TITLE.search(line.split("|", 1)[0]) is not None), None)
    if title is None:
        return False
    first = next((p.strip() for p in rows[0].split("|") if p.strip()), "")
    return lines.index(rows[0]) > title and (header_field(first) is not None or sealed_label_cells(first) is not None)


def looks_like_tab_rows(text: str) -> bool:
    lines = [line for line in _head(text, 3000) if line.strip()]
    rows = [line for line in lines if len([p for p in line.split("\t") if p.strip()]) >= 2]
    return len(rows) >= 5


def _small_table(rows: list[str], separator: str) -> bool:
    """Fewer than five rows that are an indicator table all the same: an indicator header (一级指标 | 二级指标 |
    三级指标 | 指标值) split at ``separator`` with a row after it — a project of one to three indicators whose
    header block is written as label lines (项目名称：…) above it (reading25: refused) — or a list of one to three
    projects' results under its heads (序号 | 项目名称 | … | 评价得分, readers/project_lists.py: a summary, reading26).
    Not asked of tab rows: so few of them are read as space rows, which read them right."""
    if len(rows) < 2:
        return False
    cells = [[p.strip() for p in row.split(separator)] for row in rows]
    return any(is_indicator_header_texts(row) for row in cells[:-1]) or any(
        project_list_texts([c for c in row if c], [c for c in after if c]) for row, after in pairwise(cells))


def looks_like_paragraph_cells(text: str) -> bool:
    lines = _head(text, 5000)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 10:
        return False
    followed_by_blank = sum(1 for i in filled if i + 1 < len(lines) and lines[i + 1] == "")
    return followed_by_blank / len(filled) > 0.6


def looks_like_space_rows(text: str) -> bool:
    """Rows of space-separated cells: known labels share their line with other cells."""
    shared = alone = 0
    for line in _head(text, 3000):
        tokens = split_spaces(line)
        if not tokens or not _known(tokens[0]):
            continue
        if len(tokens) >= 2:
            shared += 1
        else:
            alone += 1
    return shared >= 3 and shared > alone


def looks_like_space_cells(text: str) -> bool:
    """A whole table on one line, cells separated by single spaces (text extracted from a document)."""
    for line in _head(text, 3000):
        if len(line) < 60:
            continue
        tokens = split_spaces(line)
        roles = {column_role(t) for t in tokens if len(tokens) >= 20}
        if "level3" in roles and "target" in roles:
            return True
    return False


def looks_like_line_cells(text: str) -> bool:
    return sum(1 for line in _head(text, 3000) if _known(line)) >= 3


# ---- row layouts -------------------------------------------------------------------------------------

def _starts_cut_row(line: str) -> bool:
    """A line holding a 一级/二级 name or its cut beginning alone (生态, 满意度指标): where a row starts."""
    text = line.strip()
    return len(text) <= 12 and (level_of(text) is not None or cut_level_name(text) is not None)


def _has_level3_header(table: RawTable, seen: dict[int, tuple[int, bool]]) -> bool:
    """Whether a row of ``table`` so far names the 三级 column; the rows looked at before are not looked at again
    (but the last, whose last cell a wrapped line may have completed): many 自评得分 lines cost a look each, not a
    look at every row each (a crafted text of N such lines was N² looks)."""
    looked, found = seen.get(id(table), (0, False))
    if not found:
        found = any(column_role(c.text) == "level3" for row in table.rows[max(0, looked - 1):] for c in row)
    seen[id(table)] = (len(table.rows), found)
    return found


def _row_tables(rows: list[tuple[int, list[str]] | tuple[int, str]], file: str, sparse: bool = False) -> list[RawTable]:
    """Raw tables from (line, cells) rows and (line, text) free lines between tables."""
    tables: list[RawTable] = []
    current: RawTable | None = None
    heading: str | None = None
    lead = False  # the current table holds only label lines so far (单位名称：某局 / 项目名称：…)
    unit_line: Cell | None = None  # a free line 单位：元 between the title and the table: the table's first row
    free: tuple[int, str] | None = None  # the line before, when it was a free line (a section title: its goal after it)
    level3_seen: dict[int, tuple[int, bool]] = {}  # a table's rows looked at for a 三级 header, and whether one was
    for lineno, item in rows:
        before, free = free, ((lineno, item) if isinstance(item, str) else None)
        # a free line of label：value pairs is a row (cells of such pairs are read by the header block)
        labelled = label_line_cells(item) if isinstance(item, str) else None
        if labelled is None and lead and isinstance(item, str):
            labelled = lead_line_cells(item)  # 年度资金总额：16万元 after 项目名称：… (a notice's lines, layouts24)
        if labelled is not None:
            if current is not None and not lead and any(column_role(c.text) == "level3" for row in current.rows
                                                        for c in row):
                current = None  # a label line after a table's indicators starts the next table
            if current is None:
                current = _new_table(tables, heading, Source(file, line=lineno), sparse, unit_line)
                heading, unit_line = None, None
                lead = True
            current.rows.append([Cell(text, Source(file, line=lineno, column=j)) for j, text in enumerate(labelled, 1)])
            continue
        if isinstance(item, str):
            if current is not None and not lead and current.rows and item.strip() in PERCENT_SIGNS \
                    and (completed := percent_completed(current.rows[-1][-1].text, item.strip())) is not None:
                # ≥95 / %: the last cell's percent sign wrapped onto a line of its own (reading37)
                last = current.rows[-1][-1]
                current.rows[-1][-1] = Cell(completed, last.source)
                current.problems.append(Problem(Source(file, line=lineno), f"「{item.strip()}」单独成行，接在上一行的"
                                                f"「{last.text.strip()}」之后", Severity.INFO))
                continue
            if current is not None and not lead and lineno == rows[-1][0] and _starts_cut_row(item) \
                    and _has_level3_header(current, level3_seen):
                # 生态 on the text's last line after the indicators: the next row's 一级/二级 begun and the text cut
                # there — a row of the table (its cut told by the indicator reader), not a free line after it
                current.rows.append([Cell(item.strip(), Source(file, line=lineno, column=1))])
                continue
            if current is not None and not lead and states_score(item) \
                    and not _has_level3_header(current, level3_seen):
                # 自评得分：90.5分 on a line of its own inside the header block (after 项目名称 | …): a row of the table
                # (the header block reads the pair in its one cell), not a free line ending it (kinds36 BZ (6))
                current.rows.append([Cell(item.strip(), Source(file, line=lineno, column=1))])
                continue
            if lead and current is not None and before is not None \
                    and (goal := section_pair(before[1], item)) is not None:
                # （一）年度目标 / 全面改善…: the goal under its section title, a row of the label lines (layouts24)
                current.rows.append([Cell(goal[0], Source(file, line=before[0], column=1)),
                                     Cell(goal[1], Source(file, line=lineno, column=1))])
                continue
            if lead and current is not None:
                label_row = current.rows[-1]
                if (goals := goal_line(tuple(c.text for c in label_row), item)) is not None:
                    # 年度目标： / 1.… / 2.…: the goal over lines, one goal an item (reading25)
                    at = label_row[-1].source if not label_row[-1].blank else Source(file, line=lineno, column=1)
                    label_row[-1] = Cell(goals[-1], at)
                    continue
                if (joined := cut_value_line(tuple(c.text for c in label_row), item)) is not None:
                    # 填报单位:桃源县 / 财政局: the label line's value cut onto the next line (misses22)
                    label_row[-1] = Cell(joined[-1], label_row[-1].source)
                    current.needs_check = (*current.needs_check, f"「{joined[-2]}」的值分在两行（第{lineno}行接续"
                                           f"「{item.strip()}」），已接为「{joined[-1]}」")
                    continue
                if not money_unit_in(item):  # a title under the label lines: the table's heading, the lines its own
                    current.heading = better_heading(current.heading, item)
                    continue
            if current is not None and not lead and current.rows and not _has_level3_header(current, level3_seen) \
                    and _header_line(current.rows, item, Source(file, line=lineno, column=1)):
                continue
            current = None
            if "单位" in item and len(item) <= 30 and money_unit_in(item):  # 金额单位：元 on a line of its own
                unit_line = Cell(item.strip(), Source(file, line=lineno))
            heading = better_heading(heading, item)
            continue
        lead = False
        cells = [Cell(text, Source(file, line=lineno, column=j)) for j, text in enumerate(item, 1)]
        written = len(cells)
        while len(cells) > 1 and cells[-1].blank:
            cells.pop()
        if current is not None and current.rows and len(cells) == 1 and _SCORE_LINE.match(cells[0].text.strip()):
            current.rows[-1][-1].add_paragraph(cells[0].text.strip())  # 产出指标 / (40-50)分: one cell
            continue
        if current is not None and current.rows and _wrapped_label(current.rows[-1], cells):
            last = current.rows[-1][-1]  # 经济效益 / 指标, 可持续影 / 响指标: one label over two lines
            current.rows[-1][-1] = Cell(last.text.strip() + cells[0].text.strip(), last.source)
            cells = cells[1:]
            if not cells:
                continue
            if header_field(current.rows[-1][-1].text) is not None:
                current.rows[-1].extend(cells)  # 年度资金 / 总额（万元） | 50: the label's row goes on with its value
                continue
        if current is not None and current.rows and (_header_goes_on(current.rows[-1], cells)
                                                     or _label_then_value(current.rows[-1], cells)):
            # 一级指标 / 二级指标 三级指标 …: a header over lines; 项目名称 / its value: a row over two lines
            current.rows[-1] = [c for c in current.rows[-1] if not c.blank] + cells
            continue
        if current is None and _lone_title(cells, heading):
            heading = better_heading(heading, cells[0].text)  # 绩效目标自评表 | ||||: a title row
            continue
        if current is None:
            current = _new_table(tables, heading, Source(file, line=lineno), sparse, unit_line)
            heading, unit_line = None, None
        elif len(cells) == 1 and written >= _WHOLE_LONE_ROW:
            # 促进黄石文化经济发展,丰富市民文化活动 | |||||||||: a row of the table as the page has it (its empty
            # cells written), never a line the copy wrapped out of the cell above
            current.whole_lone_rows.add(cells[0].source)
        current.rows.append(cells)
    return [t for t in tables if any(_known(c.text) for row in t.rows for c in row)]


def _header_line(rows: list[list[Cell]], item: str, source: Source) -> bool:
    """Take a line without separators inside a table's header block (rows read, no indicator header yet) into the
    table where it is one of the form's own: a block's title merged across its row (``项目资金（万元）``, ``年度目标``,
    ``（一）年度目标``: :func:`block_title`) as a row of that cell, or the goal written under such a title or going
    on from a goal over lines (``1.…`` / ``2.…``: :func:`goal_line`) as the goal's text, or a text under a goals
    grid's labels (``年度总体目标 | 预期目标 | 实际完成情况``) as a row of its own, the grid's to split between the
    goal and its result (``header_block``, ``goal_lines``); True when taken. reading42: such a line was a heading
    ending the table — the money unit in the title lost, the rows after it a second table, the goal lost, and
    numbered goals (``1.…`` / ``2.…``) read as numbered tables, the indicators refused."""
    last = rows[-1]
    if (grid := _goals_grid(rows)) is not None:
        label, under = grid
        goal = under[-1][0].text if under else ""
        if goal and goes_on_inside(goal):  # a sentence the line cut inside: the rest of the same text
            if (goals := goal_line((label, goal), item)) is None:
                return False
            under[-1][0] = Cell(goals[-1], under[-1][0].source)
        elif goal_line((label, ""), item) is not None:
            # each text a row, never joined into one goal: the expected goals and then the results (second reading)
            rows.append([Cell(item.strip(), source)])
        else:
            return False
        return True
    if len(last) == 1 and (alone := _goal_label(last)) is not None:  # 年度目标 alone: the goal under it
        if (goals := goal_line((alone, ""), item)) is None:
            return False
        last.append(Cell(goals[-1], source))
        return True
    if (goals := goal_line(tuple(c.text for c in last), item)) is not None:
        last[-1] = Cell(goals[-1], last[-1].source if not last[-1].blank else source)
        return True
    if block_title(item) is not None:
        rows.append([Cell(item.strip(), source)])
        return True
    return False


def _goals_grid(rows: list[list[Cell]]) -> tuple[str, list[list[Cell]]] | None:
    """The goal's label of the goals grid's label row (``年度总体目标 | 预期目标 | 实际完成情况``, or a label row
    that kept its blank cells) the last rows stand under, and those rows (texts one a line), else None."""
    at = len(rows) - 1
    while at >= 0 and len(rows[at]) == 1 and block_title(rows[at][0].text) is None \
            and not is_any_label(rows[at][0].text):
        at -= 1
    if at < 0 or len(rows[at]) == 1 or (label := _goal_label(rows[at])) is None:
        return None
    return label, rows[at + 1:]


# a goals grid's label row: its block's label, 预期目标, 实际完成情况 and at most one more (分值 or 得分)
_GOAL_LABELS_MOST = 4


def _goal_label(row: list[Cell]) -> str | None:
    """The goal's label of a row of labels only (``年度目标``; ``年度总体目标 | 预期目标 | 实际完成情况``), else
    None."""
    filled = [c for c in row if not c.blank]
    if not filled or len(filled) > _GOAL_LABELS_MOST:
        return None
    labels = [goal_title(c.text) for c in filled]
    if not all(label is not None or is_any_label(c.text) for c, label in zip(filled, labels, strict=True)):
        return None
    return next((label for label in labels if label is not None), None)


def _new_table(tables: list[RawTable], heading: str | None, source: Source, sparse: bool,
               unit_line: Cell | None) -> RawTable:
    """A table starting at ``source``, added to ``tables``; the money-unit line above it (单位：元) its first row."""
    table = RawTable(heading, source, sparse=sparse)
    if unit_line is not None:
        table.rows.append([unit_line])
    tables.append(table)
    return table


_WHOLE_LONE_ROW = 4  # a lone cell and at least three empty ones written after it


def _wrapped_label(previous: list[Cell], cells: list[Cell]) -> bool:
    """The line starts with the rest of a label or level name that ends the line before."""
    if not previous or previous[-1].blank or not cells or cells[0].blank:
        return False
    return joins(previous[-1].text, cells[0].text) and not completes_header(previous, cells)


def _header_goes_on(previous: list[Cell], cells: list[Cell]) -> bool:
    """The line continues an indicator header begun on the line before (``… 一级指标`` / ``二级指标 三级指标 …``)."""
    if not previous or previous[-1].blank or not cells or cells[0].blank:
        return False
    if column_role(previous[-1].text) is None or column_role(cells[0].text) not in ("level2", "level3", "target"):
        return False
    from perfbudget.readers.indicator_header import is_indicator_header

    labels = [c for c in previous if not c.blank]
    roles = [column_role(c.text) for c in cells if not c.blank]
    if is_indicator_header(previous) and not any(r in ("level2", "level3") for r in roles) \
            and column_role(labels[-1].text) != "level3":
        return False  # a complete header: a line of sub-labels under it (符号 | 数值 | 单位) is its own row
    if not all(column_role(c.text) is not None or is_ignored_label(c.text) for c in labels) or not any(
            column_role(c.text) in ("level1", "level2") for c in labels):
        return False  # the line before is no header begun
    return all(column_role(c.text) is not None for c in cells if not c.blank)


def _label_then_value(previous: list[Cell], cells: list[Cell]) -> bool:
    """A line holding only a header label (``项目 名称 |``) whose value starts the next line."""
    filled = [c for c in previous if not c.blank]
    # only a name label: a money label alone on its line is an empty cell (其他资金 | then the next label)
    return len(filled) == 1 and header_field(filled[0].text) == "name" and bool(cells) and not cells[0].blank \
        and not is_any_label(cells[0].text) and level_of(cells[0].text) is None


def _lone_title(cells: list[Cell], heading: str | None) -> bool:
    """A row before a table holding only a title (``…绩效目标表``) or its year note (``(2023年度)``):
    the table's heading, not its first row."""
    if len(cells) != 1 or cells[0].blank:
        return False
    text = cells[0].text.strip()
    return looks_like_heading(text) or with_year_note(heading, text) is not None


def read_pipe_rows(text: str, file: str) -> list[RawTable]:
    lines = _lines(unwrap_pipe_lines(text))
    markdown = sum(1 for line in lines if line.strip().startswith("|")) > len([x for x in lines if x.strip()]) / 2
    rows: list[tuple[int, list[str]] | tuple[int, str]] = []
    last = max((i for i, line in enumerate(lines, 1) if line.strip()), default=0)
    for lineno, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or _MARKDOWN_RULE.match(stripped):
            continue
        if "|" not in stripped:
            # the page stops in a row's first cell (`生态` after the rows): a row of that cell, so the cut is told
            rows.append((lineno, [stripped]) if lineno == last and rows and not isinstance(rows[-1][1], str)
                        and is_level_name_start(stripped) else (lineno, stripped))
            continue
        if markdown and stripped.startswith("|"):
            stripped = stripped[1:]
        parts = [part.strip(" " + _NBSP) for part in stripped.split("|")]
        rows.append((lineno, parts))
    tables = _row_tables(rows, file)
    if tables and (end := _last_row_end(lines)) is not None:
        if end:
            tables[-1].closed = True  # the last row's last written cell is closed by its separator
        else:
            tables[-1].complete = False  # the page stops inside the last row's last cell
    return tables


def _last_row_end(lines: list[str]) -> bool | None:
    """Where rows end with a closing ``|`` (most of them, five at least): False when the text's last line is a row
    without it (``| 成本指标 | 补助标准 | 15``: the page stops inside that row's last cell), True when it ends with it
    (``| 名称 | ≥500份 |``: its last written cell is whole, even where the page stops after it); None otherwise."""
    last = next((line.strip() for line in reversed(lines) if line.strip()), "")
    if "|" not in last or (last.endswith("|") and last.count("|") < 2):
        return None
    piped = [line.strip() for line in lines if "|" in line]
    if len(piped) < 5 or sum(1 for line in piped if line.endswith("|")) <= len(piped) / 2:
        return None
    return last.endswith("|")


def read_tab_rows(text: str, file: str) -> list[RawTable]:
    lines = _lines(text)
    rows: list[tuple[int, list[str]] | tuple[int, str]] = []
    reader = csv.reader(io.StringIO(text), dialect="excel-tab")
    first = 1
    try:
        for record in reader:
            raw = "\n".join(lines[first - 1:reader.line_num])
            if "\t" in raw:
                rows.append((first, [part.strip(" " + _NBSP) for part in record]))
            elif raw.strip():
                rows.append((first, raw.strip()))
            first = reader.line_num + 1
    except csv.Error:
        rows = []
        for i, line in enumerate(lines, 1):
            if line.strip():
                rows.append((i, line.split("\t")) if "\t" in line else (i, line.strip()))
    tables = _row_tables(rows, file)
    if tables and (end := _short_last_row_end(rows)) is not None:
        if end:
            tables[-1].closed = True  # the last written cell is closed by a tab: whole, the page stops after it
        else:
            tables[-1].complete = False  # the page stops inside the last row's last cell
    return tables


_VALUE_HEADS = frozenset({"指标值", "三级指标", "年度指标值", "目标值"})
_REMARK_HEADS = frozenset({"备注", "说明", "备注说明"})


def _short_last_row_end(rows: list[tuple[int, list[str]] | tuple[int, str]]) -> bool | None:
    """Where a tab copy stops inside its last row, ``_last_row_end`` of a pipe text for tabs: a spreadsheet copies
    every row of its range with as many cells (``\t`` for the empty ones), so where three quarters of the rows,
    five at least, have the widest row's cells, a text ending in a row of fewer stopped in it — False when its
    last cell is filled (the page stops inside that cell), True when a tab closes the last written cell; None
    otherwise (reading40: ``生态环境成本指标 \t … \t 定性 \t 减`` read 减 as the whole target). The rows counted are
    the last table's, after the text's last line without a tab (a title, a heading: the lead's reread found a sound
    five-column table after three of six columns said cut), and a row that leaves out only the columns its
    indicator header names 备注 or 说明 is whole (an editor's trim of the tab before an empty remark: read as written,
    as before; a row without its 度量单位 or 分值 is cut: the lead's third reread)."""
    start = max((k + 1 for k, (_line, row) in enumerate(rows) if isinstance(row, str)), default=0)
    cells = [row for _line, row in rows[start:] if not isinstance(row, str)]
    widths = [len(row) for row in cells]
    last = rows[-1][1] if rows else ""
    if len(widths) < 6 or isinstance(last, str):
        return None
    widest = max(widths)
    if widths[-1] == widest or widths.count(widest) * 4 < len(widths) * 3:
        return None
    head = next((row for row in cells if any("".join(cell.split()) in _VALUE_HEADS for cell in row)), None)
    if head is not None and all("".join(head[k].split()) in _REMARK_HEADS if k < len(head) else False
                                for k in range(len(last), widest)):
        return None  # only a 备注 or 说明 column left out (an editor's trim): read as written, as before
    return not last[-1]


def split_spaces(line: str) -> list[str]:
    """Cells of a space-separated row; a parenthesis keeps its spaces together. A cell ending in a note that lost
    its closing bracket (``全年预算数(A 全年执行数(B 分值``) opens none: the next token is the next cell."""
    tokens = line.replace("\u3000", " ").replace("\u00a0", " ").split()
    # each cell's tokens gathered, then joined once: adding each token to the cell's string copied the whole
    # cell each time, quadratic behind an unclosed parenthesis (2.2 MB took 21 s of CPU; attack15)
    cells: list[list[str]] = []
    depth = 0
    for k, token in enumerate(tokens):
        if depth > 0 and cells:
            cells[-1].append(token)
        else:
            cells.append([token])
        opened = token.count("(") + token.count("（") - token.count(")") - token.count("）")
        if opened > 0 and depth == 0 and ends_in_unclosed_note(token) \
                and (k + 1 == len(tokens) or tokens[k + 1][0] not in ")）"):
            opened -= 1  # 全年预算数(A: the page lost the note's closing bracket, the cell ends here (reading33)
        depth = max(depth + opened, 0)
    return ["".join(cell) for cell in cells]


# A row's list number written apart from its text (``目标1 发放…``, ``指标2： 开展…``): one cell with it.
_LIST_NUMBER = re.compile(r"^(?:目标|指标)\d{1,2}[:：.．、]?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")  # the text after it starts with a word, never with a value (指标1 ≥90%)


def _join_split(tokens: list[str]) -> list[str]:
    """``年度主要目标`` + ``和成果`` (a label the copy broke at a space) as one cell; a list number and the
    text after it (``目标1`` + ``发放…``) as one cell, the space kept (not a value after it: ``指标1`` | ``≥90%``)."""
    out: list[str] = []
    for token in tokens:
        if out and joins(out[-1], token):
            out[-1] += token
        elif out and _LIST_NUMBER.match(out[-1]) and _CJK.match(token):
            out[-1] += " " + token
        else:
            out.append(token)
    return out


def read_space_rows(text: str, file: str) -> list[RawTable]:
    rows: list[tuple[int, list[str]] | tuple[int, str]] = []
    started = False
    for lineno, line in enumerate(_lines(text), 1):
        tokens = split_spaces(line)
        if "|" in line:  # a few pipe rows (five make pipe-rows): a pipe is a separator, never a cell
            tokens = [t for t in tokens if not _PIPES.match(t)]
        if not tokens:
            continue
        started = started or (not is_furniture(line.strip())
                              and any(starts_table(Cell(t, Source(file))) for t in tokens[:2]))
        rows.append((lineno, _join_split(tokens)) if started else (lineno, line.strip()))
    return _row_tables(rows, file, sparse=True)


# ---- stream layouts ----------------------------------------------------------------------------------

def read_pipe_cells(text: str, file: str) -> list[RawTable]:
    cells: list[Cell] = []
    complete = True
    lines = _lines(text)
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    # lines without their closing ' |' inside the table: the first lines of a cell that holds line breaks
    # (``打造金安国际网球`` / ``公开赛等系列品牌赛事 |`` is one cell), joined when a text line closes it; not
    # with a label (``项目支出名称 |``, ``全年预算数(A) |``), which is a cell of its own after a stray line
    broken: list[Cell] = []
    started = False  # a line ending in '|' has been read: the lines above it are headings, never joined
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            cells.extend(broken)
            broken = []
            continue
        source = Source(file, line=index + 1)
        if _PIPES.match(stripped):
            cells.extend(broken)
            broken = []
            started = True
            cells.extend(Cell("", source) for _ in stripped)
        elif stripped.endswith("|"):
            started = True
            # ``text |`` ends one cell; ``text | |||`` carries the row's trailing empty cells on the
            # same line (one per further '|'), and ``| |||`` is a run of empty cells spaced out
            content, pipes = _trailing_pipes(stripped) or (stripped[:-1], 1)
            content = content.strip(" " + _NBSP)
            if broken and content and "|" not in content and not _known(content) and column_role(content) is None:
                content = "\n".join([*(c.text for c in broken), content])
                source = broken[0].source
            else:
                cells.extend(broken)
            broken = []
            if "|" in content:
                cells.append(Cell(stripped[:-1].strip(" " + _NBSP), source))
            else:
                empty = pipes - (1 if content else 0)
                if content:
                    cells.append(Cell(content, source))
                cells.extend(Cell("", source) for _ in range(empty))
        elif started:
            broken.append(Cell(stripped, source))
            if index == last:
                complete = False  # the file ends inside a cell: its closing ' |' is missing
        else:
            cells.append(Cell(stripped, source))  # a line above the table (a heading)
    cells.extend(broken)
    return rows_from_stream(cells, file, complete)


def read_paragraph_cells(text: str, file: str) -> list[RawTable]:
    cells: list[Cell] = []
    paragraph: list[str] = []
    first_line = 0
    for lineno, line in enumerate([*_lines(text), ""], 1):
        if line == "":
            if paragraph:
                joined = "\n".join(p.strip(" " + _NBSP) for p in paragraph).strip("\n")
                cells.append(Cell(joined, Source(file, line=first_line)))
                paragraph = []
            continue
        if not paragraph:
            first_line = lineno
        paragraph.append(line)
    return rows_from_stream(cells, file)


def read_space_cells(text: str, file: str) -> list[RawTable]:
    """Every space-separated token a cell, in order; empty cells are lost (a sparse stream)."""
    cells = [Cell(token, Source(file, line=lineno, column=j))
             for lineno, line in enumerate(_lines(text), 1) for j, token in enumerate(split_spaces(line), 1)]
    cells = joined_stream_pieces(cells)  # ≥ | 95 | %: a target split at its spaces, no sign column (reading35)
    return rows_from_stream(cells, file, sparse=True)


def read_line_cells(text: str, file: str) -> list[RawTable]:
    """One cell per line; a line of only ``|`` separates two cells (text extracted from a PDF) and is no cell. A line
    holding a row apart by spaces gives its cells, a column's number on a line of its own joins its label's
    (``line_rows``)."""
    lines = _lines(text)
    cells: list[Cell] = []
    for lineno, line in enumerate(lines, 1):
        text_of = line.strip(" " + _NBSP)
        if _PIPES.match(text_of):
            continue
        if cells and text_of and text_of[0] in _FORMULA_INITIALS and is_formula(text_of):
            before = cells[-1]  # 小计 / ④ = ①+② +③: the column's number and formula are its label's
            cells[-1] = Cell(before.text + "".join(text_of.split()), before.source)
            continue
        cells.append(Cell(text_of, Source(file, line=lineno)))
    cells = joined_stream_pieces(_spaced_rows(cells))  # ≥ / 95% / …: a sign on a line of its own (reading35)
    tables = rows_from_stream(cells, file)
    if tables and _stops_after_a_separator(lines):
        tables[-1].complete = False  # the page stops inside the last cell
    return tables


_FORMULA_INITIALS = frozenset("(（①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")


def _spaced_rows(cells: list[Cell]) -> list[Cell]:
    """``cells`` with each line that holds a row apart by spaces split into that row's cells (``line_rows``)."""
    out: list[Cell] = []
    for cell in cells:
        parts = _join_split(split_spaces(cell.text)) if " " in cell.text or "\u3000" in cell.text else ()
        if parts and is_row(parts):
            line = cell.source.line
            out += [Cell(part, Source(cell.source.file, line=line, column=k)) for k, part in enumerate(parts, 1)]
        else:
            out.append(cell)
    return out


def _stops_after_a_separator(lines: list[str]) -> bool:
    """Cells separated by ``|`` lines, each cell one line (``解决旱情`` / ``|`` / ``保障粮食安全`` / ``|``),
    and the text's last line a cell with no ``|`` after it: the page stops inside that cell (a complete
    table ends with its separator). Said only where the separators are the form: at least five, and
    two cell lines in three followed by one (a label written one character a line has none inside it)."""
    filled = [line.strip() for line in lines if line.strip()]
    if len(filled) < 10 or _PIPES.match(filled[-1]) or not _PIPES.match(filled[-2]):
        return False
    separators = sum(1 for line in filled if _PIPES.match(line))
    followed = sum(1 for line, after in pairwise(filled)
                   if not _PIPES.match(line) and _PIPES.match(after))
    cell_lines = len(filled) - separators
    return separators >= 5 and 3 * followed >= 2 * (cell_lines - 1)
