"""Rebuild table rows from a flat stream of cells (one cell per line or per paragraph).

Text copied from a web page often keeps the cells but loses the rows. The rows are
rebuilt from what the cells say, in the same vocabulary the interpretation uses:

1. cells split over two paragraphs are joined when together they form a known label
   (``年度`` + ``指标值``, ``经济效益`` + ``指标``);
2. the table starts at the first header label (项目名称 …), unit cell or money unit;
   the cells before it give the table's heading;
3. the header block runs up to the indicator header (一级指标 … 指标值), which gives
   the columns;
4. each indicator row is: an optional 一级 name, an optional 二级 name, the 三级 name,
   then one cell per column after 三级 (blank cells count where the source keeps
   them; a 一级/二级 name, a footer or a new project ends the row early);
5. a footer (审核意见, 总分, 注：…) ends the indicators; a new 项目名称 after it starts the
   next table.

The result is ordinary :class:`RawTable` rows with ``stream=True`` (the header block
is then read as one sequence, see :mod:`perfbudget.readers.header_block`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from perfbudget.framework import names_department_table
from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.cell_values import VALUE_LIKE, decimal_or_none, is_placeholder, is_sign
from perfbudget.readers.furniture import is_furniture
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.header_block import MONEY_UNIT, UNIT_CELL
from perfbudget.readers.indicator_header import is_indicator_header_texts
from perfbudget.readers.label_lines import has_gap, is_funds_label, label_line_cells
from perfbudget.readers.labels import (
    LEVEL1_CUT_LABEL,
    PROCESS_GROUP,
    column_role,
    fund_column,
    header_field,
    header_roles,
    is_any_label,
    is_closing_deviation,
    is_extra_column_label,
    is_footer,
    is_ignored_label,
    is_progress_column,
    label_key,
    level_of,
    money_unit_note,
)
from perfbudget.readers.region_columns import is_place
from perfbudget.readers.row_alignment import guess_level, level3_after_level2
from perfbudget.readers.stated_execution import CLOSING_LABELS
from perfbudget.readers.stated_scores import GRADE_LABELS, TOTAL_LABELS, states_score
from perfbudget.readers.trailing_funds import stream_funds_rows
from perfbudget.readers.written_year import YEAR

# (…项目支出绩效自评报告, …财政支出项目绩效评价自评报告: a report form's title line, corpus 95, kinds46; a bare
# 绩效评价自评报告 is the last words of a title broken over two lines, joined by _heading: corpus 197)
HEADING = re.compile(r"绩效(?:目标|自评|监控)\S{0,12}表|\S项目(?:支出)?的?绩效目标$|\S\S绩效(?:评价)?自评报告$")
# A section of the page after a table (（一）…, 二、…): the table has ended.
_SECTION = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}\s*、)")
_FUNDS_NOTE = re.compile(r"^[\u4e00-\u9fff]{0,8}资金情况\s*[（(]\s*(?:万元|元|千元|亿元)\s*[)）]$")
_NUMBERED_TITLE = re.compile(r"^\s*(?:\[bookmark:[^\]]*\]\s*)?\d{1,3}\s*[.．、]\s*\D")


def looks_like_heading(line: str) -> bool:
    """A table heading: ``…绩效目标表`` or a numbered title such as ``3.安全隐患维修``."""
    return len(line) <= 120 and bool(HEADING.search(line) or _NUMBERED_TITLE.match(line))


_YEAR_NOTE = re.compile(rf"^[(（]?\s*{YEAR}\s*年度?\s*[)）]?$")
_HAS_YEAR = re.compile(rf"{YEAR}\s*年")


def with_year_note(heading: str | None, line: str) -> str | None:
    """``…绩效目标表`` + a line of its own such as ``(2020年度)``: the heading with its year, else None."""
    line = line.strip()
    if heading and _YEAR_NOTE.match(line) and looks_like_heading(heading) and not _HAS_YEAR.search(heading):
        return f"{heading}{line}"
    return None


# A web address, bare or labelled (``source: http…``, ``来源：https://…``, ``www.…``): never a title.
_ADDRESS = re.compile(r"^(?:[A-Za-z\u4e00-\u9fff ]{1,12}\s*[:：]\s*)?(?:https?://|www\.)\S*$", re.I)


def without_addresses(text: str) -> str:
    """The text without its lines that are only a web address (a page's source line)."""
    if "http" not in text and "www" not in text:
        return text
    return "\n".join(line for line in text.split("\n") if not _ADDRESS.match(line.strip())).strip()


def better_heading(current: str | None, line: str) -> str | None:
    """The heading to keep after seeing ``line``: a heading-like line wins over plain text;
    a year note on a line of its own (``(2020年度)``) joins the heading before it; a line that
    is only a web address is never part of a heading."""
    line = without_addresses(line.strip())
    if not line or is_furniture(line):
        return current
    dated = with_year_note(current, line)
    if dated is not None:
        return dated
    if current is not None and states_score(line):
        return f"{current}  {line}"  # 自评得分：90.5分 under the title: the title line's (stated_scores.title_pairs)
    if current is not None and states_score(current) and looks_like_heading(line):
        return f"{line}  {current}"  # … or above it
    if looks_like_heading(line) or current is None or not (looks_like_heading(current)
                                                          or names_department_table(current)):
        return line
    return current


def _known(text: str) -> bool:
    return is_any_label(text) or level_of(text) is not None


def joins(first: str, second: str) -> bool:
    """True when two cells are one split label: together a known label that one of them is not
    (``年度`` + ``指标值``, ``主管部门`` + ``及编码``, ``经济效益`` + ``指标``)."""
    first, second = first.strip(), second.strip()
    joined = first + second
    if not first or not second or len(joined) > 30:
        return False
    level_split = second == "指标" and level_of(joined) is not None
    key = label_key(joined)
    adds = label_key(first) not in ("", key) and key != label_key(second)
    # 可持续影 + 响指标, 服务对象 + 满意度指标: a level name broken inside, its first part no name
    level_wrap = level_of(joined) is not None and level_of(first) is None and second.endswith("指标")
    return adds and (level_split or level_wrap
                     or (is_any_label(joined) and (not _known(first) or not _known(second))))


def _vertical_label(cells: list[Cell], start: int) -> int:
    """How many one-character cells from ``start`` together spell a known label or level name (0 if none); or
    three or more cells of two characters (a merged side label written a word a line: 年度 / 总体 / 目标 / 完成 /
    情况, reading30)."""
    end = start
    while end < len(cells) and end - start < 10 and len(cells[end].text.strip()) == 1:
        end += 1
    shortest = 2
    if end == start:
        while end < len(cells) and end - start < 8 and len(cells[end].text.strip()) == 2:
            end += 1
        shortest = 3
    for stop in range(end, start + shortest - 1, -1):
        text = "".join(c.text.strip() for c in cells[start:stop])
        if _known(text):
            return stop - start
    return 0


_SCORE_NOTE = re.compile(r"^[(（]?\s*\d+(?:\.\d+)?\s*分?\s*[)）]$")  # (its opening bracket may be lost: 30分))


def _joins_three(cells: list[Cell], i: int) -> bool:
    """``偏差原因`` / ``分析及`` / ``改进措施``: a label wrapped over three cells, the middle one no label; or a level
    name so wrapped, its last cell the bare word 指标 (``服务对象`` / ``满意度`` / ``指标``)."""
    if i + 2 >= len(cells) or any(c.blank for c in cells[i:i + 3]):
        return False
    first, middle, last = (c.text.strip() for c in cells[i:i + 3])
    joined = first + middle + last
    if last == "指标" and level_of(first) is None and level_of(joined) is not None:
        # 服务对象 / 满意度 / 指标: a level name wrapped over three cells, its first part no name (reading47, `213`:
        # 满意度 + 指标 were joined first, 服务对象 read as the 一级 and 满意度指标 as its 二级)
        return True
    return len(joined) <= 30 and (is_any_label(joined) or column_role(joined) == "deviation") \
        and not _known(middle) and label_key(joined) not in (label_key(first), label_key(last))


def _score_note_after_level(cells: list[Cell], i: int) -> bool:
    """``产出指标`` / ``(50)``: a level name's score note wrapped into a cell of its own, also where the copy lost its
    opening bracket (``效益指标`` / ``30分)``, corpus 93: until reading-w a target without a 三级 name, refused)."""
    return i + 1 < len(cells) and level_of(cells[i].text) is not None and bool(
        _SCORE_NOTE.match(cells[i + 1].text.strip()))


_UNIT_NOTE_CELL = re.compile(r"^[(（]\s*(?:万元|元|千元|亿元)\s*[)）]$")


def _unit_note_after_label(cells: list[Cell], i: int) -> bool:
    """``计划安排资金`` / ``(万元)``: a money label's unit note wrapped into a cell of its own (kinds44, `95`: the note
    was read as the label's value, the amount after it left over); also a funds block's label (``资金情况`` /
    ``(万元)``, reading47, `213`: the note alone was no label, the block's money unit lost)."""
    if i + 1 >= len(cells) or not _UNIT_NOTE_CELL.match(cells[i + 1].text.strip()):
        return False
    return is_funds_label(cells[i].text.strip())


def join_split_labels(cells: list[Cell]) -> list[Cell]:
    """Join a cell with the next when together they make a known label (see :func:`joins`), three cells
    that make one (:func:`_joins_three`), a level name with its score note (:func:`_score_note_after_level`) and a
    money label with its unit note (:func:`_unit_note_after_label`)."""
    out: list[Cell] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        vertical = _vertical_label(cells, i)
        if vertical > 1:  # 产 / 出 / 指 / 标: a merged side label written one character per line
            out.append(Cell("".join(c.text.strip() for c in cells[i:i + vertical]), cell.source))
            i += vertical
            continue
        if i + 1 < len(cells) and not cell.blank and not cells[i + 1].blank and (
                joins(cell.text, cells[i + 1].text) or _score_note_after_level(cells, i)
                or _unit_note_after_label(cells, i)):
            out.append(Cell(cell.text.strip() + cells[i + 1].text.strip(), cell.source))
            i += 2
            continue
        if _joins_three(cells, i):
            out.append(Cell("".join(c.text.strip() for c in cells[i:i + 3]), cell.source))
            i += 3
            continue
        out.append(cell)
        i += 1
    return out


def starts_table(cell: Cell) -> bool:
    text = cell.text.strip()
    return bool(text) and (header_field(text) is not None or bool(UNIT_CELL.match(text))
                           or bool(MONEY_UNIT.search(text)) or column_role(text) == "level1")


_GRID_HEAD_LENGTH = 16  # a funds grid's head cell with its note (年度预算申请(万元)), not a line of glued cells


def _starts_stream_table(cells: list[Cell], i: int) -> bool:
    """``starts_table`` of ``cells[i]``, or a ``label：value`` cell naming the unit or project
    (``填报单位:桃源县财政局`` one cell a line above the form: the table's first row, no heading line dropped;
    misses22), or a funds grid's head."""
    cell = cells[i]
    if starts_table(cell):
        return True
    text = cell.text
    if "资金情况" in text and _FUNDS_NOTE.match(text.strip()):
        return True  # 总体资金情况(万元): a 部门整体 form's funds grid begins the table, its money unit with it
    if ("预算" in text or "执行数" in text) and (fund_column(text) is not None or (
            len(text.strip()) <= _GRID_HEAD_LENGTH and money_unit_note(text) is not None
            and i + 1 < len(cells) and fund_column(cells[i + 1].text) is not None)):
        # 年度预算申请(万元) / 年初预算数 / 全年预算数 / 全年执行数: a 自评表's funds grid head begins the table
        # (reading46: the table began at its 自评得分 column, the head left in the heading, 年度资金总额's first
        # figure, its 年初预算数, read as the budget and the grid's money unit lost); a label with its note begins it
        # only before a fund column (not a title: 2024年预算(万元) / 项目名称)
        return True
    # (a cover's label and value without a colon, a gap between them: 项目名称        代表之家, kinds44)
    return ("：" in text or ":" in text or has_gap(text)) and label_line_cells(text.strip()) is not None


def starts_project(cell: Cell) -> bool:
    """True for the first cell of a project's header block: 项目名称/预算单位, a unit cell, 单位：万元."""
    text = cell.text.strip()
    return bool(text) and (header_field(text) in ("name", "unit") or bool(UNIT_CELL.match(text))
                           or bool(MONEY_UNIT.search(text)))


def _heading(cells: list[Cell]) -> str | None:
    lines = [text for c in cells if not c.blank and (text := without_addresses(c.text.strip()))
             and not is_furniture(text)]
    headed = [i for i, line in enumerate(lines) if looks_like_heading(line)]
    if not headed:  # 岳阳市2018年度部门整体支出 / 绩效评价自评报告: a report's cover names a 部门整体 table (kinds43)
        headed = [i for i, line in enumerate(lines) if _is_title_line(line) and names_department_table(line)]
        if headed and headed[-1] + 1 < len(lines) and _is_title_line(after := lines[headed[-1] + 1]) \
                and after.endswith(_TITLE_ENDS):
            return f"{lines[headed[-1]]}{after}"  # the title's last words on a line of their own
    if not headed:
        return None
    last = headed[-1]
    if last + 1 < len(lines):
        return with_year_note(lines[last], lines[last + 1]) or lines[last]
    return lines[last]


# A title's line, not a sentence of a report's text: short, without a sentence's marks
_TITLE_LENGTH = 40
_SENTENCE_MARKS = frozenset("。，；,;")
# what a report's or form's title ends in (…部门整体支出 / 绩效评价自评报告)
_TITLE_ENDS = ("报告", "表")


def _is_title_line(line: str) -> bool:
    return len(line) <= _TITLE_LENGTH and not _SENTENCE_MARKS.intersection(line)


class _HeaderRuns:
    """The indicator header runs of one stream of cells (:func:`_first_header_run`), its last search remembered
    (attack33): each table start and each repeated 一级 label searched the rest of the stream for a header run, none
    there for 2,000 one-line projects after a single header (a 26 KB text) 5.9 s, growing with the square. A search
    from ``start`` found the first run at or after it; a later start before that run finds the same one (the runs
    the first search passed over hold no 三级 and 指标值 together, nor does any part of them), and one after a search
    that found none finds none."""

    def __init__(self, cells: list[Cell]) -> None:
        self.cells = cells
        self.searched: tuple[int, tuple[int, int] | None] | None = None  # (from, (first, end) unadjusted, or None)

    def after(self, start: int) -> tuple[int, int] | None:
        if self.searched is not None and self.searched[0] <= start:
            found = self.searched[1]
            if found is None:
                return None
            if found[0] >= start:
                return _with_cut_level1_label(self.cells, found[0], start), found[1]
        found = _first_header_run(self.cells, start)
        self.searched = (start, found)
        return None if found is None else (_with_cut_level1_label(self.cells, found[0], start), found[1])


def _first_header_run(cells: list[Cell], start: int) -> tuple[int, int] | None:
    """(first, end) of the first run of indicator column labels holding 三级 and 指标值 (before a 一级 label cut from
    its 二级 one is taken in: :meth:`_HeaderRuns.after`)."""
    i = start
    while i < len(cells):
        if column_role(cells[i].text) in ("level1", "level2"):
            j = i
            roles = []
            while j < len(cells) and (column_role(cells[j].text) is not None or cells[j].blank
                                      or is_extra_column_label(cells[j].text)):
                if not cells[j].blank:
                    roles.append(column_role(cells[j].text))
                j += 1
            roles = header_roles([cells[k].text for k in range(i, j) if not cells[k].blank])
            if "level3" in roles and "target" in roles:
                return i, j
            if "level3" in roles and (places_end := _region_run(cells, j)) is not None:
                # 三级指标 | 指标解释 | 西坪镇尧山村 | 桃舟乡吾培村 …: a value column a region, no 指标值
                # (the interpretation reads the value every region gives: readers/region_columns.py)
                return i, places_end
            i = j
            continue
        i += 1
    return None


def _region_run(cells: list[Cell], start: int) -> int | None:
    """The end of two or more region names from ``start`` (blank cells between them allowed), else None."""
    end, places = start, 0
    for k in range(start, min(len(cells), start + 64)):
        if cells[k].blank:
            continue
        if not is_place(cells[k].text.strip()):
            break
        places, end = places + 1, k + 1
    return end if places >= 2 else None


def _with_cut_level1_label(cells: list[Cell], first: int, start: int) -> int:
    """``first``, or the index of a ``级指标`` cell right before it (blanks between) when the run starts with the
    二级 column: the 一级 header cell that lost its first character (``labels.level1_cut_label``)."""
    if column_role(cells[first].text) != "level2":
        return first
    i = first - 1
    while i >= start and cells[i].blank:
        i -= 1
    return i if i >= start and label_key(cells[i].text) == LEVEL1_CUT_LABEL else first


def _section_score_after(cells: list[Cell], end: int) -> int | None:
    """The index of a lone number right after the indicator header and before a 一级/二级 name, else None."""
    i = end
    while i < len(cells) and cells[i].blank:
        i += 1
    if i >= len(cells) or decimal_or_none(cells[i].text) is None:
        return None
    j = i + 1
    while j < len(cells) and cells[j].blank:
        j += 1
    return i if j < len(cells) and level_of(cells[j].text) is not None else None


def _tree_header(cells: list[Cell], start: int) -> int | None:
    """The index after a tree table's header ``项目 | 指标值 | 绩效金额`` (Ningxia's 批复表), else None."""
    texts = [(i, c.text.strip()) for i, c in enumerate(cells[start:start + 60], start) if not c.blank]
    for k in range(len(texts) - 1):
        if texts[k][1] == "项目" and column_role(texts[k + 1][1]) == "target":
            end = texts[k + 1][0] + 1
            if k + 2 < len(texts) and label_key(texts[k + 2][1]) in ("绩效金额", "金额", "预算金额", "资金"):
                end = texts[k + 2][0] + 1
            return end
    return None


def tree_tables(cells: list[Cell], start: int, table: RawTable) -> list[RawTable] | None:
    """A tree table (``项目 | 指标值 | 绩效金额``, the hierarchy in the indentation: unit, project with its
    amount, 一级, 二级, then each 三级 followed by its value) as one ordinary raw table per project, or
    None when the cells hold no such header. Levels are told by their names; a project is a line
    followed by an amount before any level name; other lines before it (the unit) are kept as extras."""
    end = _tree_header(cells, start)
    if end is None:
        return None
    before = cells[start:end - 3] if end - 3 > start else []
    filled = [c for c in cells[end:] if not c.blank]
    out: list[RawTable] = []
    current: RawTable | None = None
    level1 = level2 = ""
    open_level: Cell | None = None  # the last level name no 三级 followed yet
    i = 0
    while i < len(filled):
        cell, text = filled[i], filled[i].text.strip()
        following = filled[i + 1].text.strip() if i + 1 < len(filled) else ""
        level = level_of(text)
        if is_footer(text):
            open_level = None
            break
        if level is not None and level != "level1" and VALUE_LIKE.match(following):
            level = None  # 服务对象满意度 | 100%: a 三级 named like a 二级, followed by its value
        if level is not None and (level != "level1|level2" or current is not None):
            role = guess_level(filled, i) if level == "level1|level2" else level
            if role == "level1":
                level1, level2 = text, ""
            else:
                level2 = text
            open_level = cell
            i += 1
            continue
        if decimal_or_none(following.replace(",", "")) is not None and not level1:
            current = RawTable(table.heading, cell.source, [*([before] if before else []),
                               [Cell("项目名称", cell.source), cell], [Cell("预算数", cell.source), filled[i + 1]],
                               [Cell(t, cell.source) for t in ("一级指标", "二级指标", "三级指标", "指标值")]],
                               table.complete, stream=False)
            out.append(current)
            i += 2
            continue
        if current is not None and level1:
            value = filled[i + 1] if i + 1 < len(filled) and level_of(following) is None and not is_footer(
                following) else Cell("", cell.source)
            current.rows.append([Cell(level1, cell.source), Cell(level2, cell.source), cell, value])
            open_level = None
            i += 2 if not value.blank else 1
            continue
        i += 1  # a unit line above the projects
    if open_level is not None and current is not None and not table.certain:
        # the text ends on a level name with nothing under it (a page's end mid-tree, reading31): said, not guessed
        current.problems.append(Problem(open_level.source, f"文字在指标分类「{open_level.text.strip()}」处结束，其下"
                                        "没有三级指标：表格可能在此被截断，已读取的指标都是完整的，请对照原表核实",
                                        Severity.WARNING))
    return out or None


def grid_tree_tables(table: RawTable) -> list[RawTable] | None:
    """A tree table kept in a grid (a 批复表 exported to Excel or Word: 项目 | 指标值 | 绩效金额 over one
    name a row, the hierarchy in the names' indentation) as :func:`tree_tables` reads it from its filled
    cells in order, or None when no row is such a header (the name first, the value label next) or the
    table has an indicator header of its own (its columns are known: no tree)."""
    if table.stream:
        return None
    for row in table.rows[:12]:
        filled = [c.text.strip() for c in row if not c.blank]
        if len(filled) >= 2 and filled[0] == "项目" and column_role(filled[1]) == "target":
            break
    else:
        return None
    if any(is_indicator_header_texts([c.text for c in row]) for row in table.rows):
        return None
    cells = [c for row in table.rows for c in row if not c.blank]
    return tree_tables(cells, 0, table)


def rows_from_stream(cells: list[Cell], file: str, complete: bool = True, sparse: bool = False) -> list[RawTable]:
    """Tables with rebuilt rows from a stream of cells (see the module docstring).

    ``sparse``: the layout drops empty cells (text extracted with one space between cells), so
    a cell after a row's last required column may be the next row's 三级 name (see
    :func:`_next_row_starts`)."""
    cells = join_split_labels(cells)
    tables: list[RawTable] = []
    position = 0
    last_header: list[Cell] | None = None
    runs = _HeaderRuns(cells)
    while position < len(cells):
        start = next((i for i in range(position, len(cells)) if _starts_stream_table(cells, i)), None)
        if start is None:
            break
        heading = _heading(cells[position:start])
        table = RawTable(heading, cells[start].source, [], complete, stream=True)
        tables.append(table)
        run = runs.after(start)
        if last_header is not None and (unheaded := _unheaded_rows(cells, start, run)) is not None:
            # a project after another that repeats no indicator header (项目名称 | 乙项目 … then 产出指标 | … at
            # once): its rows rebuilt by that project's header, told (interpret reads rows of cells so: reading35)
            if cells[start:unheaded]:
                table.rows.append(cells[start:unheaded])
            table.rows.append(last_header)
            table.problems.append(borrowed_header_problem(cells[unheaded].source, last_header))
            table.needs_check = (*table.needs_check, BORROWED_HEADER_CHECK)
            position = _indicator_rows(cells, unheaded, last_header, table, sparse, runs)
            continue
        if run is None:
            tree = tree_tables(cells, start, table)
            if tree is not None:
                tables[-1:] = tree
                break
            if (head := _trailing_level_head(cells, start)) is not None:
                # …项目名称 | 代表之家 … 预期目标 | 实际完成 | 一级指标 | 二级指标 | 指标内容: the text stops at the
                # indicator header's first columns; a row of their own, the form's header block before them (kinds44)
                table.rows.extend((cells[start:head], cells[head:]))
                break
            table.rows.append(cells[start:])
            break
        header_start, header_end = run
        if cells[start:header_start]:
            table.rows.append(cells[start:header_start])
        header = [c for c in cells[header_start:header_end] if not c.blank]
        score = _section_score_after(cells, header_end)
        if score is not None:
            # 年度指标值 | 实际完成指标值 | 50: a section score where the header ends; each row ends with
            # its own score, under a column the header does not name
            header.append(Cell("分值", cells[score].source))
            header_end = score + 1
        table.rows.append(header)
        last_header = header
        position = _indicator_rows(cells, header_end, header, table, sparse, runs)
    return tables


def _trailing_level_head(cells: list[Cell], start: int) -> int | None:
    """Where an indicator header's first columns end the stream (一级指标 | 二级指标 | 指标内容, the text cut there,
    no header run found): the 一级 column's cell, when every filled cell from it on names a column and cells of the
    header block come before it; None otherwise. Left in the block's row, a 预期目标 there (the goals' column) made
    the whole form one header row, its name and funds lost (kinds44, `95`)."""
    head = next((i for i in range(len(cells) - 1, start, -1) if column_role(cells[i].text) == "level1"), None)
    if head is None or head - start < 2 or not is_level_head(cells[head:]):
        return None
    return head


def is_level_head(cells: list[Cell]) -> bool:
    """Whether cells are an indicator header's first columns only (一级指标 | 二级指标 | 指标内容, no 指标值): two
    filled cells at least, the first the 一级 column, every one naming a column."""
    filled = [cell for cell in cells if not cell.blank]
    return len(filled) >= 2 and column_role(filled[0].text) == "level1" \
        and all(column_role(cell.text) is not None for cell in filled)


# What a 指标性质 column holds besides a comparator (the 2021 form's 定性 for a qualitative value, 110)
_NATURE_WORDS = frozenset({"定性", "定量", "正向", "反向", "正向指标", "反向指标", "定性指标", "定量指标"})


def _sign_or_nature(text: str) -> bool:
    """Whether a cell is what a 指标性质 column holds: a comparator (≥, 不低于) or a word of its kind (定性)."""
    return is_sign(text) or text.strip() in _NATURE_WORDS


BORROWED_HEADER_CHECK = "本项目没有重复指标表头，按上一个项目的指标表头认定列"


def borrowed_header_problem(where: Source, header: list[Cell]) -> Problem:
    """The warning of a project whose rows are read by the indicator header of the project before it."""
    at = next((c for c in header if not c.blank), header[0]).source
    header_row = f"第{at.line}行" if at.line else f"第{at.row}行" if at.row else "上文"
    return Problem(where, f"本项目没有重复指标表头：按上一个项目的指标表头（{header_row}）认定列", Severity.WARNING)


def _unheaded_rows(cells: list[Cell], start: int, run: tuple[int, int] | None) -> int | None:
    """Where a project's indicator rows begin when it repeats no indicator header: its first 一级 name after its
    header block (项目名称, its funds, its goal), before any indicator header of its own and before the next project;
    None when it has a header of its own or no such row."""
    end = run[0] if run is not None else len(cells)
    for i in range(start + 1, end):
        cell = cells[i]
        if cell.blank:
            continue
        if starts_project(cell) and header_field(cell.text.strip()) == "name":
            return None  # (the next project's: this one holds no indicator row)
        if (level := level_of(cell.text)) is not None and "level1" in level and guess_level(cells, i) == "level1":
            return i
    return None


_REQUIRED = ("target", "actual", "weight", "score")
_NUMERIC = ("weight", "score")


def _is_number(text: str) -> bool:
    return decimal_or_none(text) is not None


def _value_in_unit(text: str) -> bool:
    """A value written with its unit or comparison (``4处``, ``≥2座``), not a bare number (a score, or a cell's
    second paragraph: ``0``)."""
    text = text.strip()
    return VALUE_LIKE.match(text) is not None and not _is_number(text)


def _next_row_starts(cells: list[Cell], at: int, tail: list[str], optional: int = 0) -> bool:
    """In a sparse stream: does a new indicator row (三级 name + ``tail`` columns) start at ``at``
    rather than ``cells[at]`` filling an optional column (偏差原因, 备注) of the row before?

    It does when the cells from ``at`` fit a row — its 分值/得分 cells are numbers and what follows it can
    start a row (a name, a 一级/二级 name, a footer or the end), ``cells[at]`` being no value in a unit — and the
    cells from ``at + 1`` do not, or would start with such a value for a name (``新建水池 | ≥2座 | 1座 …`` after a
    监控表 row without its reason and measure: ``≥2座`` is no name, 新建水池 starts the row). Where the rows have
    ``optional`` columns after their last required one, the fitted row may fill them with figures of its own
    (``重建水池 | ≥2 | 1 | 2``: 全年预计完成 2), and a bare number is no row's name (reading31: main took 重建水池 for
    the row before's 偏差原因 and 1 for a name)."""
    def fits(start: int) -> bool:
        end = start + 1 + len(tail)
        if end > len(cells) or level_of(cells[start].text) is not None or is_footer(cells[start].text):
            return False
        if optional and _is_number(cells[start].text):
            return False
        for role, cell in zip(tail, cells[start + 1:end], strict=True):
            if level_of(cell.text) is not None or is_footer(cell.text):
                return False
            if role in _NUMERIC and not _is_number(cell.text):
                return False
        figures = end
        while figures < min(len(cells), end + optional) and _is_number(cells[figures].text):
            figures += 1
        return figures >= len(cells) or not _is_number(cells[figures].text)

    if not fits(at) or _value_in_unit(cells[at].text):
        return False  # (a value with its unit or sign, 4处 or ≥10处, is no name: the row's own optional cell)
    if not fits(at + 1):
        return True
    return _value_in_unit(cells[at + 1].text)


def _keeps_row(cells: list[Cell], at: int, left: int, tail: list[str], ends_row: Callable[[int], bool]) -> bool:
    """Is ``cells[at]`` still the row's, though a new row (三级 name + ``tail``) could start there? It is when the new
    row's name would be a value (``1个``: the row's 1-6月执行情况, its 偏差原因 left out), or when the ``left`` cells
    from ``at`` fill the row's last columns (偏差原因 | 纠偏措施 of a 监控表), a row's end following them (a level
    name, a footer, a new project, the end), and the new row would be none a person reads: a placeholder for its
    三级 name (无) or a target that is no value (汛后加快施工进度). A new row named by a name whose target looks like
    a value (``重建水池 | 2个``) still wins, as before (reading30)."""
    name = cells[at].text.strip()
    if VALUE_LIKE.match(name) is not None:
        return True
    end = at + left
    if left < 2 or end > len(cells) or not tail or tail[0] != "target":
        return False
    if any(c.blank or level_of(c.text) is not None or is_footer(c.text) for c in cells[at:end]):
        return False
    if end < len(cells) and level_of(cells[end].text) is None and not ends_row(end):
        return False
    return is_placeholder(name) or VALUE_LIKE.match(cells[at + 1].text.strip()) is None


_UNIT_WORD = re.compile(r"^[\u4e00-\u9fff]{1,3}$")


def _unit_wrapped(cells: list[Cell], at: int) -> bool:
    """One cell a line, is ``cells[at]`` the end of the 三级 name before it, wrapped onto a line of its own? It is
    when it is a short word without a digit (人次, 个) that is no level name and the cell after it is a value that
    ends with that word (``≥500人次``): a unit alone is no target, and a value is no 三级 name."""
    if at + 1 >= len(cells):
        return False
    word, value = cells[at].text.strip(), cells[at + 1].text.strip()
    return bool(_UNIT_WORD.match(word)) and value.endswith(word) and len(value) > len(word) \
        and VALUE_LIKE.match(value) is not None and level_of(word) is None


def _group_above_level1(cells: list[Cell], at: int, skip_blanks: Callable[[int], int]) -> bool:
    """Does the row at ``at`` start with a group name above the framework's 一级 (``实施效果指标``, no
    level name itself, ending in 指标), then a framework 一级 name, then a name that is no level (the 三级)?"""
    if not cells[at].text.strip().endswith("指标"):
        return False
    second = skip_blanks(at + 1)
    third = skip_blanks(second + 1)
    return third < len(cells) and level_of(cells[second].text) in ("level1", "level1|level2") \
        and level_of(cells[third].text) is None and not is_footer(cells[third].text)


def _footer_rows(cells: list[Cell]) -> list[list[Cell]]:
    """The cells after the indicators as rows: a new row at each closing label of a 自评表 (评价结论, 存在问题,
    改进措施 …) and at each footer or sign-off cell, so that its text is read under its label as in rows of cells
    (a 总分 row before them ran them into its own row, and their texts were lost: kinds31's leftover, reading32)."""
    rows: list[list[Cell]] = [[]]
    for cell in cells:
        if rows[-1] and (label_key(cell.text) in CLOSING_LABELS or _ends_indicators(cell.text)
                         or _SIGNATURE.match(cell.text.strip()) is not None):
            rows.append([])  # (a sign-off after them, 项目负责人: / 财务负责人:, is a row of its own, not their text)
        rows[-1].append(cell)
    return rows


# the table's own score and grade after its indicators (自评得分 / 95, 评价等级 / 优): they end the indicators as 总分
# does, read by interpret's closing rows (until reading-w, one cell a line, a cut indicator row)
_OWN_SCORE_LABELS = TOTAL_LABELS | GRADE_LABELS


def _ends_indicators(text: str) -> bool:
    """True for the first cell of a row after the indicators: a footer (:func:`is_footer`) or the table's own
    score or grade label."""
    return is_footer(text) or label_key(text) in _OWN_SCORE_LABELS


_SIGNATURE = re.compile(r"^[\u4e00-\u9fff]{0,6}负责人\s*[(（]?(?:签字|签章|签名)?[)）]?\s*[:：]")


def _unnamed_level2(cells: list[Cell], at: int, skip_blanks: Callable[[int], int]) -> bool:
    """Is ``cells[at]`` a 二级 the reader knows by no name, told by its place: a name ending in 指标 that is no
    level name (the template's 具体指标), then a name that is no value (the 三级) and then a value (its target)?
    Read as the 三级, it would give the row a name for its target (教师满意度) and leave the value after it."""
    if at >= len(cells):
        return False
    text = cells[at].text.strip()
    if not text.endswith("指标") or level_of(text) is not None or is_footer(text) or VALUE_LIKE.match(text):
        return False
    name = skip_blanks(at + 1)
    value = skip_blanks(name + 1)
    if value >= len(cells):
        return False
    name_text = cells[name].text.strip()
    return level_of(name_text) is None and not is_footer(name_text) and VALUE_LIKE.match(name_text) is None \
        and VALUE_LIKE.match(cells[value].text.strip()) is not None


def _indicator_rows(cells: list[Cell], position: int, header: list[Cell], table: RawTable,
                    sparse: bool = False, runs: _HeaderRuns | None = None) -> int:
    """Append the indicator rows from ``position``; return where the next table may start."""
    roles = [role or "extra" for role in header_roles([c.text for c in header])]
    column = {role: roles.index(role) for role in ("level1", "level2", "level3") if role in roles}
    after = list(range(column.get("level3", 0) + 1, len(roles)))
    # 一级 | 二级 | 指标值 | 三级: a form writing the value before the name, each row's cells in that order (reading36)
    levels_end = max((column[role] for role in ("level1", "level2") if role in column), default=-1) + 1
    before_name = [i for i in range(levels_end, column.get("level3", 0))]
    if "target" not in (roles[i] for i in before_name):
        before_name = []
    last_required = max((i for i in after if roles[i] in _REQUIRED), default=len(roles))
    tail = [roles[i] for i in after if i <= last_required]
    # the optional columns after the last required one, of a 监控表 only (全年预计完成 | 偏差原因 | 纠偏措施): a row
    # starting among them may fill its own with figures (_next_row_starts)
    optional = len(roles) - last_required - 1 if any(is_progress_column(c.text) for c in header) else 0
    n = len(cells)

    def skip_blanks(i: int) -> int:
        while i < n and cells[i].blank:
            i += 1
        return i

    def ends_row(i: int) -> bool:
        return i >= n or _ends_indicators(cells[i].text) or starts_project(cells[i])

    shifted = False
    last_level2: Cell | None = None  # the 二级 cell of the last row that wrote one

    while True:
        position = skip_blanks(position)
        if position >= n:
            return n
        cell = cells[position]
        if _ends_indicators(cell.text) or is_closing_deviation(cell.text):
            footer_end = next((i for i in range(position + 1, n) if starts_project(cells[i])), n)
            table.rows.extend(_footer_rows([c for c in cells[position:footer_end] if not c.blank]))
            return footer_end
        if starts_project(cell):
            return position
        if (_SECTION.match(cell.text) and level_of(cell.text) is None) \
                or (len(cell.text) <= 120 and HEADING.search(cell.text)):
            return position  # the page goes on after the table: a section or a title (一、产出指标 is a 一级 name)
        if "资金" in cell.text and (funds := stream_funds_rows(cells, position)) is not None:
            table.rows.extend(funds[0])  # 项目资金（万元） / 年度资金总额 / 120 after the indicators: the funds rows
            position = funds[1]
            continue
        if "指标" in cell.text and is_ignored_label(cell.text):
            position += 1  # 绩效指标: the block's merged side label, given after the header row
            continue
        if column_role(cell.text) == "level1" \
                and (repeated := (runs or _HeaderRuns(cells)).after(position)) is not None:
            position = repeated[1]  # the indicator header repeated after a page break
            continue
        row: list[Cell] = [Cell("", cell.source) for _ in roles]
        filled = 0
        level = guess_level(cells, position)
        if level == "level2" and "level2" not in column and "level1" in column \
                and level_of(cell.text) == "level1|level2":
            level = "level1"  # 满意度指标 under 一级指标 | 三级指标 | 指标值 (a two-level form): the 一级 it also names
        if level != "level1" and "level2" in column and tail and tail[0] == "target":
            if level == "level2" and "level1" in column and level_of(cell.text) == "level1|level2" \
                    and _unnamed_level2(cells, skip_blanks(position + 1), skip_blanks):
                level = "level1"  # 满意度指标 | 具体指标 | 教师满意度 | ≥95%: the 一级, over a 二级 of no known name
            elif level == "level3" and _unnamed_level2(cells, position, skip_blanks) and cell.text.strip() == (
                    last_level2.text.strip() if last_level2 is not None else None):
                level = "level2"  # 具体指标 | 学生满意度 | ≥95%: that 二级 again, starting the next row
        if "level1" in column and "level2" in column and (
                shifted or (level == "level3" and _group_above_level1(cells, position, skip_blanks))):
            # levels shifted one column: the form's 一级 is a group above the framework's (实施效果指标 |
            # 产出指标 | 三级 | 指标值), so the framework's 一级 names stand in its 二级 column
            if not shifted or label_key(cell.text) == PROCESS_GROUP:
                # (the form's second group, 过程管理指标, starts a row of its own with the template's 二级 names)
                shifted = True
                row[column["level1"]] = cell
                filled = column["level1"] + 1
                position = skip_blanks(position + 1)
                level = "level2"
            elif level == "level1" and level_of(cells[skip_blanks(position + 1)].text if skip_blanks(
                    position + 1) < n else "") is None:
                level = "level2"
        if level == "level1" and "level1" in column:
            row[column["level1"]] = cell
            filled = column["level1"] + 1
            position = skip_blanks(position + 1)
            level = guess_level(cells, position) if not ends_row(position) else ""
            if level == "level1" and level_of(cells[position].text) == "level1|level2":
                level = "level2"  # 产出指标 | 成本指标: no 一级 follows a 一级
        if level == "level3" and filled and "level2" in column and tail and tail[0] == "target" \
                and _unnamed_level2(cells, position, skip_blanks):
            level = "level2"
        if level == "level2" and "level2" in column:
            row[column["level2"]] = cells[position]
            last_level2 = cells[position]
            filled = column["level2"] + 1
            position = skip_blanks(position + 1)
            level = guess_level(cells, position) if not ends_row(position) else ""
            if level in ("level1", "level2") and level3_after_level2(cells, position):
                level = "level3"  # 服务对象满意度指标 | 满意度 | 90%: the 三级 is named like a 二级
        if level == "level3" and "level3" in column and before_name:
            for index in before_name:  # the value (and what stands with it) before the 三级 name
                row[index] = cells[position]
                filled = index + 1
                position = skip_blanks(position + 1)
                if ends_row(position) or level_of(cells[position].text) is not None:
                    break
            if filled < column["level3"]:  # (the row stops before its name: the page cut it, told by the reader)
                table.rows.append(row[:filled])
                continue
        if level == "level3" and "level3" in column:
            row[column["level3"]] = cells[position]
            filled = column["level3"] + 1
            position += 1
            if after and roles[after[0]] == "target" and _unit_wrapped(cells, position):
                # 农村实用技术培训 / 人次 / ≥500人次: the name's last word wrapped onto a line of its own
                row[column["level3"]] = Cell(cells[position - 1].text.strip() + cells[position].text.strip(),
                                             cells[position - 1].source)
                position += 1
            placed_level2 = row[column["level2"]].text.strip() if "level2" in column else ""
            for index in after:
                # a level name ends the row, unless the row's 二级 comes again under a repeated 二级
                # column (中期 and 年度 sets side by side: 数量指标 | … | 数量指标 | …)
                again = roles[index] == "level2" and cells[position].text.strip() == placed_level2 if (
                    position < n) else False
                if position >= n or (not cells[position].blank and ((
                        level_of(cells[position].text) is not None and not again) or ends_row(position))):
                    break
                if index > last_required and (sparse or not cells[position].blank) and _next_row_starts(
                        cells, position, tail, optional) \
                        and not _keeps_row(cells, position, len(roles) - index, tail, ends_row):
                    break  # the row's optional cells are left out (sparse) or dropped by the page
                if roles[index] == "sign" and index + 1 < len(roles) and roles[index + 1] == "target" \
                        and not cells[position].blank and not _sign_or_nature(cells[position].text):
                    continue  # 老人生活质量 / 有效提升: a value whose empty 指标性质 cell the stream left out
                row[index] = cells[position]
                filled = index + 1
                position += 1
        table.rows.append(row[:max(filled, 1)])
        if filled == 0:  # nothing fitted (e.g. a 一级 name where the table has no 一级 column)
            table.dropped_cells = True
            position += 1
