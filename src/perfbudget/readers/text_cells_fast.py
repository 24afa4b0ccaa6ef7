"""The one-pass path for well-formed tab-cell text: from lines straight to each table's parts.

The general path (``text_cells.read_tab_cells``, then ``interpret.interpret_tables``) makes a
:class:`Cell` per line and passes every table through several stages (joining continued tables,
the list-layout test, project splitting, finding the header, aligning rows), each asking its own
questions of the same rows. Most files of the seed's form need none of that: one table after
another, each a heading, a header block naming its project, an indicator header of plain columns
and one line per indicator cell. For such a file this module reads the header block with the
general path's own code (``header_block.read_header_rows``) and each indicator row straight from
its lines into an :class:`Indicator` (no cell objects), then builds the document with the general
path's ``interpret.document_from_parts``.

It takes a file only when it can give exactly what the general path gives: at anything else —
free text (a line that is no cell, heading or continuation of a cell), a row that goes on after a
continuation line, a line of several cells,
a table without 项目名称 or a unit row before its indicator header, a header block row that could be
part of the indicator header or an indicator row, a list-layout header, columns other than plain
fields (a sign, unit, extra or skipped column, a role twice), a sub-header row, an indicator row
that is short, ends in a blank cell, holds a single cell, is a footer, a repeated header or a new
project, or any row the general path would write a note or an error about — :func:`read_well_formed`
returns None and the caller takes the general path.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import starmap
from operator import sub
from typing import Any

from perfbudget.framework import normalise_level1
from perfbudget.model import Document, Indicator, Kind, LineSources, Problem, Source, Target
from perfbudget.quick_records import IndicatorTwin
from perfbudget.readers.cell_values import (
    EMPTY_MARKS,
    PLACEHOLDER_INITIALS,
    decimal_or_none,
    is_placeholder,
    is_sign,
)
from perfbudget.readers.grid import Cell, source_at
from perfbudget.readers.header_block import UNIT_CELL
from perfbudget.readers.header_plans import read_header_block
from perfbudget.readers.indicator_header import (
    column_map,
    is_indicator_header_texts,
    is_label_subrow_texts,
    is_sub_header_texts,
)
from perfbudget.readers.indicator_rows import FUSED_SCORE, HEADER_FIRST, owns
from perfbudget.readers.interpret import document_from_parts
from perfbudget.readers.labels import column_role, header_field, is_footer, level1_of_level2, level_of
from perfbudget.readers.level_wraps import starts_wrapped_level_name
from perfbudget.readers.list_layout import is_list_header
from perfbudget.readers.parts import Parts, new_parts
from perfbudget.readers.row_boundary_cut import row_boundary_cut
from perfbudget.readers.stream import looks_like_heading
from perfbudget.readers.text_cells import HEADING
from perfbudget.target import parse_target
from perfbudget.text_caches import held_by, keyed_on_texts

# The column roles an indicator row is read by here (each a field of its own; not sign, unit, extra, skip).
_PLAIN_ROLES = frozenset({"level1", "level2", "level3", "description", "target", "weight", "actual", "score",
                          "deviation"})

_PROJECT_FIELDS = ("name", "unit")
_new_tuple, _new_object = tuple.__new__, object.__new__
# Every 三级 column label (``labels.COLUMN_LABELS``) holds 级, 指 or 容 (the old Fujian form's 绩效内容), and
# ``label_key`` only normalises (NFKC) and removes characters; the only other character whose NFKC form holds
# one of them is U+1F22F 🈯 (指 in a square). A header-block row holding none of these has no 三级 column, so
# ``column_role`` is not asked of its cells (each a cache miss for a value not seen before). Checked in
# tests/readers/test_text_fast_path.py (a new 三级 label without them fails there).
_SQUARED_ZHI = "\U0001f22f"


class _Table:
    """A table as lines: its heading, where it starts, and its rows as ranges of line indices
    (one cell per line, so a row is a run of consecutive lines)."""

    __slots__ = ("heading", "rows", "source")

    def __init__(self, heading: str | None, source: Source) -> None:
        self.heading = heading
        self.source = source
        self.rows: list[tuple[int, int]] = []


def read_well_formed(text: str, file: str, lines: list[str] | None = None) -> tuple[Document, list[Problem]] | None:
    """The document and problems of tab-cell text the one-pass path handles whole, else None. ``lines``:
    the text's ``splitlines()`` when the caller has them (they are changed here)."""
    try:
        split = _split_tables(text.splitlines() if lines is None else lines, file, text.count("\t"))
    except _TabsElsewhere:
        split = _split_tables(text.splitlines(), file)
    if split is None:
        return None
    lines, tables = split
    if not tables:
        return None
    count = len(tables)
    parts_of_tables: list[Parts] = []
    for position, table in enumerate(tables, 1):
        parts = _read_table(lines, table, file, position == count)
        if parts is None:
            return None
        parts_of_tables.append(parts)
    ends_cut = _ends_cut(lines, tables[-1], parts_of_tables[-1], text, file)
    if ends_cut is None:
        return document_from_parts(parts_of_tables, file, [])
    problems: list[Problem] = []

    def told_in_turn() -> Iterator[Parts]:  # (the general path tells it as it reads the last table: in that place)
        yield from parts_of_tables[:-1]
        problems.append(ends_cut)
        yield parts_of_tables[-1]

    return document_from_parts(told_in_turn(), file, problems)


def _ends_cut(lines: list[str], table: _Table, parts: Parts, text: str, file: str) -> Problem | None:
    """The general path's warning of a text stopping after a whole row before the form's last group
    (``row_boundary_cut``), asked of the last table at its end only: the seed's tables close with 满意度, so
    nearly every file pays one look at its last indicator's 一级 (reading31's and reading36's case read here
    without it until reading37)."""
    indicators = parts.indicators
    if not indicators or parts.department or indicators[-1].level1.startswith("满意度"):
        return None
    start, end = table.rows[-1]
    last_row = [Cell(lines[k][1:], Source(file, line=k + 1))
                for k in range(start, end)]
    return row_boundary_cut([last_row], indicators, text)


class _TabsElsewhere(Exception):  # (no error: the signal to count every row's tabs)
    """A line of a row that :func:`_split_tables` did not count holds a tab besides its first."""


def _split_tables(lines: list[str], file: str, tabs: int | None = None) -> tuple[list[str], list[_Table]] | None:
    """The lines and the tables, as ``text_cells.read_tab_cells`` splits them; None at a line it does
    not take (see the module). A cell line with trailing blank cells is cut to its one cell, and a
    continuation line is joined to the line of the cell it continues, so that a cell's text is always
    its line without the leading tab (``lines`` are changed so). A cell line costs one test here; its
    row is looked at when it ends.

    A row's tabs are counted (one a line, or its lines are cut) when its last line ends in a tab, where the
    Word extractor writes a row's trailing blank cells, or every row's when ``tabs`` is None (counting
    every row cost ≈ 3,000 instructions a row). Otherwise ``tabs``, the text's tab count, must be the lines'
    leading tabs and the other tabs counted (of those rows and of the lines outside rows): else a row not
    counted holds a tab besides its lines' first, and :class:`_TabsElsewhere` is raised (the caller splits
    again, counting every row)."""
    every_row = tabs is None
    extra = 0  # the tabs of the rows counted besides their lines' first, and of the lines outside rows
    tables: list[_Table] = []
    table: _Table | None = None
    start = -1  # the first line of the open row; -1: no row open; -2: a row broken by a continuation line
    last = -1  # the line of the latest cell (-1: none since the latest heading)
    previous_was_cell = False
    pending: tuple[str, int] | None = None  # a heading waiting for its table
    for index, line in enumerate(lines):
        if line and line[0] == "\t":  # (an index, not line[:1]: no slice object per line)
            if start < 0:
                if start == -2:
                    return None  # the row goes on after a continuation line: not a run of lines
                if pending is not None or table is None:
                    heading, heading_index = pending if pending is not None else (None, index)
                    table = _Table(heading, source_at(file, heading_index + 1))
                    tables.append(table)
                    pending = None
                start = index
            continue
        if start >= 0:  # the row of lines start … index-1 ends here
            if every_row or lines[index - 1][-1] == "\t":
                if (counted := _counted_row(lines, start, index)) < 0:
                    return None
                extra += counted
            table.rows.append((start, index))  # type: ignore[union-attr]  # a row is open only in a table
            last, previous_was_cell = index - 1, True
        if not line:
            start, previous_was_cell = -1, False
            continue
        if "\t" in line:
            extra += line.count("\t")  # (a line outside rows: blank, heading or a cell's further paragraph)
        if line.isspace():
            start, previous_was_cell = -1, False
            continue
        is_heading = HEADING.search(line) is not None
        if not is_heading and last >= 0 and pending is None and (previous_was_cell or line.endswith("\t")):
            lines[last] += "\n" + line.rstrip("\t")  # a further paragraph of the latest cell
            start = -2 if start != -1 else -1
            previous_was_cell = True
            continue
        if not is_heading:
            return None  # free text between tables
        pending = (line.strip(), index)
        start, last, previous_was_cell = -1, -1, False
    if start >= 0:
        if every_row or lines[-1][-1] == "\t":
            if (counted := _counted_row(lines, start, len(lines))) < 0:
                return None
            extra += counted
        table.rows.append((start, len(lines)))  # type: ignore[union-attr]
    if not every_row and tabs != extra - sum(sum(starmap(sub, table.rows)) for table in tables):
        raise _TabsElsewhere  # (the lines start … end-1 of a row not counted hold end - start tabs if one each)
    return lines, tables


def _counted_row(lines: list[str], start: int, end: int) -> int:
    """The tabs of the row's lines besides the one starting each (before any is cut), each line then cut to its
    one cell (:func:`_one_cell_per_line`); -1 when a line holds several cells."""
    extra = "".join(lines[start:end]).count("\t") - (end - start)  # (most rows: 0, without a further call)
    return -1 if extra and not _one_cell_per_line(lines, start, end) else extra


def _one_cell_per_line(lines: list[str], start: int, end: int) -> bool:
    """The cell lines start … end-1 with a tab after the first cut to their one cell as ``read_tab_cells``
    does (trailing blank cells dropped); False when a line holds several cells. Called only for a row
    holding more tabs than lines (the caller counts them: most rows hold none but the ones starting lines)."""
    for index in range(start, end):
        line = lines[index]
        if "\t" in line[1:]:
            cells = line[1:].split("\t")
            while len(cells) > 1 and not cells[-1].strip():
                cells.pop()
            if len(cells) > 1:
                return False  # several cells on one line
            lines[index] = "\t" + cells[0]
    return True


@keyed_on_texts
@lru_cache(maxsize=1024)
def _header_plan(texts: tuple[str, ...]) -> tuple[str, ...] | None:
    """For a row's texts: None when it is no indicator header; () when it is one this path does not
    read (a list layout, columns that are not each a field of their own); else its columns' roles.
    Cached: every table of a file (and most files) repeats the same header row."""
    if not is_indicator_header_texts(list(texts)):
        return None
    header = [Cell(text, Source("")) for text in texts]  # (column_map reads texts only)
    roles = tuple(role for role, _ in column_map(header))
    if is_list_header(header) or not _PLAIN_ROLES.issuperset(roles) or len(set(roles)) != len(roles) \
            or "level3" not in roles:
        return ()
    return roles


@keyed_on_texts
@lru_cache(maxsize=1024)
def _opens_a_row(text: str) -> bool:
    """True when a row whose first filled cell holds ``text`` is neither a row of sub-labels nor a sub-header,
    whatever its other cells: ``is_label_subrow_texts`` and ``is_sub_header_texts`` each stop at the first text
    that is no such label, false. Cached: the first cell of a table's first indicator row is most often a 一级
    name (产出指标)."""
    return not is_label_subrow_texts([text]) and not is_sub_header_texts([text])


@keyed_on_texts
@lru_cache(maxsize=1024)
def _joined_header_plan(joined: str) -> tuple[str, ...] | None:
    """``_header_plan`` of the texts of a row's cell lines joined, each holding the one tab that starts it:
    one string to look up rather than a tuple of the row's texts to make and hash."""
    return _header_plan(tuple(joined.split("\t")[1:]))


def _read_table(lines: list[str], table: _Table, file: str, is_last_table: bool) -> Parts | None:
    """The parts of one table as ``interpret`` gives them, or None when the table is not plain."""
    rows = table.rows
    roles: tuple[str, ...] | None = None
    for header_index, (start, end) in enumerate(rows):  # noqa: B007 (the index is used after the loop)
        joined = "".join(lines[start:end])  # indicator_header's quick test, on the lines
        if "级" in joined and ("值" in joined or "目标" in joined):
            # (a line holding no tab but its first: the texts are the joined lines split at their tabs)
            roles = _joined_header_plan(joined) if joined.count("\t") == end - start \
                else _header_plan(tuple([line[1:] for line in lines[start:end]]))
            if roles is not None:
                break
        if ("级" in joined or "指" in joined or "容" in joined or _SQUARED_ZHI in joined) \
                and "level3" in map(column_role, [line[1:] for line in lines[start:end]]):
            return None  # a header over two rows
    if not roles:
        return None  # no indicator header, or one this path does not read
    body = rows[header_index + 1:]
    if not header_index or not body:
        return None  # (a continued table: no row names the project; a header without indicator rows)
    start, end = rows[0]
    if end - start == 1 and looks_like_heading(lines[start][1:].strip()):
        return None  # the form's title as its first row: in_table_titles decides the heading (reading40)
    start, end = body[0]
    for line in lines[start:end]:  # the first filled cell of the first row decides, most often (_opens_a_row)
        if not line.isspace():  # (a cell line is never empty: it starts with a tab)
            if not _opens_a_row(line[1:]):
                first = [line[1:] for line in lines[start:end] if line.strip()]
                if is_label_subrow_texts(first) or is_sub_header_texts(first):
                    return None
            break
    parts = new_parts(table.heading, table.source)
    if not read_header_block(lines, rows[:header_index], file, parts):
        return None  # no row names the project, or indicators before the header
    parts.self_evaluation = "actual" in roles or "score" in roles
    if not _read_indicator_rows(lines, body, roles, parts, file, is_last_table):
        return None
    return parts


_ENDS, _NEW_PROJECT = 2, 1


def _row_stop(head: str) -> int:
    """For the text of an indicator row's first filled cell: ``_ENDS`` when the row ends the indicator
    rows (a footer, a repeated header), ``_NEW_PROJECT`` when it starts a new project (a 项目名称 or unit
    row: ``interpret.starts_project``, a stop after the first row), else 0. Remembered by
    :func:`_row_stop_of_line`: a table's first cells are mostly 一级/二级 names, the same in every table."""
    first = head.strip()
    if is_footer(head) or first in HEADER_FIRST:
        return _ENDS
    if header_field(head) in _PROJECT_FIELDS or UNIT_CELL.match(first):
        return _NEW_PROJECT
    return 0


# _row_stop's answers by the line of the row's first filled cell (its tab included: no slice a row) in a plain
# dict, looked up in the row loop (≈ 250 instructions a hit against ≈ 630 through an lru_cache); emptied at 8,192.
_ROW_STOPS: dict[str, int] = {}


def _row_stop_of_line(line: str) -> int:
    """``_row_stop`` of a cell line's text, remembered in ``_ROW_STOPS`` (asked on a miss there)."""
    stop = _row_stop(line[1:])
    if len(_ROW_STOPS) >= 8192:
        _ROW_STOPS.clear()
    _ROW_STOPS[line] = stop
    return stop


@keyed_on_texts
@lru_cache(maxsize=8192)
def _carried_levels(s1: str, s2: str, level1: str, level2: str) -> tuple[str, str] | None:
    """The 一级 and 二级 after a row whose (stripped) 一级 and 二级 cells hold ``s1`` and ``s2`` (one of them
    filled), under ``level1`` and ``level2`` carried down from the rows above, as
    ``indicator_rows.read_indicator_rows`` carries them; None where the general path supplies the 一级
    from the frameworks (with a note). Cached: a pure function of few, often repeated names."""
    if (s1 and starts_wrapped_level_name(s1)) or (s2 and starts_wrapped_level_name(s2)):
        return None  # a level name wrapped onto the next row (可持续影 / 响指标): the general path joins it
    if s1 and not s2 and level_of(s1) == "level2":  # (level_of strips and normalises its text itself)
        s1, s2 = "", s1  # a 二级 name in the 一级 column
    if s1:
        same = bool(level1) and normalise_level1(s1) == normalise_level1(level1)
        level1, level2 = s1, (level2 if same else "")
    if s2:
        level2 = s2
        if not s1 and (not level1 or not owns(level1, level2)):
            owner = level1_of_level2(level2)
            if owner is not None and (not level1 or normalise_level1(level1) != owner):
                return None
    return level1, level2


@keyed_on_texts
@lru_cache(maxsize=65536)
def _row_target(target_text: str, name: str) -> Target | None:
    """``parse_target(target_text, name)`` for the filled (stripped) 指标值 and 三级 of an indicator row, or None
    where the one-pass path does not read the row: a template row (a placeholder for a name), a value of
    empty marks only, a score fused with the value. Cached as ``parse_target`` (the same keys). Asked by the
    row loop only for a value whose reading depends on the name (:data:`_BY_NAME`)."""
    if (name[0] in PLACEHOLDER_INITIALS and is_placeholder(name)) or not target_text.strip(EMPTY_MARKS) \
            or ("分" in target_text and FUSED_SCORE.match(target_text)):
        return None
    return parse_target(target_text, name)


# A value whose reading takes its direction from the indicator's name (a number or range written without a
# comparator: ``parse_target`` asks ``direction_from_name``) or its unit (a number without one: the name's bracketed
# unit, 培训经费（万元）): read by (value, name), ``_row_target``.
_BY_NAME = Target("", Kind.QUALITATIVE)
# The target read from each 指标值 text by itself, in a plain dict (a hit ≈ 350 instructions against ≈ 1,600 for
# ``_row_target``'s key of two new strings): the Target (immutable, shared by every row writing it), ``_BY_NAME``,
# or None where the path does not read the row (empty marks only, a fused score). Emptied at 65,536 entries, and
# by :func:`forget_targets`.
_TARGETS: dict[str, Target | None] = {}
_QUANTITATIVE = Kind.QUANTITATIVE
_MISSING: Any = object()  # (a text not in _TARGETS)


def _target_of_text(target_text: str) -> Target | None:
    """The ``_TARGETS`` entry of a filled (stripped) 指标值, worked out and remembered (asked on a miss)."""
    if not target_text.strip(EMPTY_MARKS) or ("分" in target_text and FUSED_SCORE.match(target_text)):
        found = None
    else:
        found = parse_target(target_text)
        if found.kind is _QUANTITATIVE and (found.op is None or found.unit is None):
            found = _BY_NAME  # (the readings the name decides: no comparator, a direction; no unit, 覆盖人数(人)'s)
    if len(_TARGETS) >= 65536:
        _TARGETS.clear()
    _TARGETS[target_text] = found
    return found


def forget_targets() -> None:
    """Empty the one-pass path's target look-ups (``_TARGETS``, ``_row_target``); bench/read_text.py does, with
    ``parse_target``'s cache, to measure the grammar too."""
    _TARGETS.clear()
    _row_target.cache_clear()


# Whether a row with a blank 一级 and ``s2`` in its 二级 cell goes on under the 一级 ``level1`` carried down
# (``_carried_levels("", s2, level1, …)`` is not None: its answer then depends on ``level1`` and ``s2`` alone),
# by (level1, s2) in a plain dict; emptied at 8,192 entries.
_UNDER: dict[tuple[str, str], bool] = {}
held_by(_UNDER.clear)
held_by(_ROW_STOPS.clear)
held_by(forget_targets)


def _goes_under(level1: str, s2: str) -> bool:
    """The ``_UNDER`` entry of (level1, s2), worked out and remembered (asked on a miss)."""
    under = _carried_levels("", s2, level1, "") is not None
    if len(_UNDER) >= 8192:
        _UNDER.clear()
    _UNDER[level1, s2] = under
    return under


# The columns of 一级, 二级, 三级, 指标值, 描述, 权重, 实际完成值, 得分, 偏差 (None where the plan has none).
_Columns = tuple[int | None, int | None, int, int, int | None, int | None, int | None, int | None, int | None]


@lru_cache(maxsize=64)
def _columns_of(roles: tuple[str, ...]) -> _Columns:
    """The column of each field ``_read_indicator_rows`` reads, worked out once per header plan."""
    at = {role: i for i, role in enumerate(roles)}
    return (at.get("level1"), at.get("level2"), at["level3"], at["target"], at.get("description"), at.get("weight"),
            at.get("actual"), at.get("score"), at.get("deviation"))


def _read_indicator_rows(lines: list[str], body: list[tuple[int, int]], roles: tuple[str, ...], parts: Parts,
                         file: str, is_last_table: bool) -> bool:
    """Every row of ``body`` as an indicator into ``parts`` (``indicator_rows.read_indicator_rows`` for
    plain columns and whole rows); False at a row it does not take (the caller then drops the parts, and the
    general path reads the file: so the tests may come in any order, the sign test after the rows).

    A cell's text is its line without the leading tab, so ``line.strip()`` is the cell's stripped text
    (empty for a blank cell); the raw text is sliced only where the general path reads it unstripped. The
    :class:`Indicator` is made as ``quick_records.new_indicator`` makes it, inline (no call a row)."""
    width = len(roles)
    i1, i2, i3, it, i_description, i_weight, i_actual, i_score, i_deviation = _columns_of(roles)
    if i1 is None:
        return False  # (no 一级 column: no row has a 一级, and _carried_levels never gives one)
    plain = i_weight is None and i_actual is None and i_score is None and i_deviation is None
    level1 = level2 = ""  # carried down from the rows above
    indicators = parts.indicators
    # the stripped texts of all the lines of the indicator rows, made in one call
    base = body[0][0]
    stripped_lines = list(map(str.strip, lines[base:body[-1][1]]))
    row_stop, target_of, goes_under = _ROW_STOPS.get, _TARGETS.get, _UNDER.get
    for k, (start, end) in enumerate(body):
        if end - start != width:
            return False  # a short row (aligned by the general path) or a long one (an error)
        stripped = stripped_lines[start - base:end - base]
        if not stripped[-1]:
            return False  # a row ending in a blank cell (a row of one cell, a wrapped name?, fails below: its
            # 三级 and 指标值, two columns of the plan, must be filled)
        first = 0
        while not stripped[first]:
            first += 1
        head = lines[start + first]
        ends = row_stop(head)
        if ends is None:
            ends = _row_stop_of_line(head)
        if ends and (ends == _ENDS or k):
            return False  # a footer, a repeated header, a new project (interpret.starts_project)
        s1 = stripped[i1]
        s2 = stripped[i2] if i2 is not None else ""
        if s1:
            carried = _carried_levels(s1, s2, level1, level2)
            if carried is None:
                return False  # the general path supplies the 一级, with a note
            level1, level2 = carried
        elif s2:
            under = goes_under((level1, s2))
            if under is None:
                under = _goes_under(level1, s2)
            if not under:
                return False  # (as _carried_levels: a wrapped name, or a 二级 of another 一级)
            level2 = s2
        name = stripped[i3]
        target_text = stripped[it]
        if not name or not target_text or not level1 or not level2 \
                or (name[0] in PLACEHOLDER_INITIALS and is_placeholder(name)):
            return False  # a category or template row, a missing name, level or value
        if "\n" in target_text or (i_actual is not None and "\n" in stripped[i_actual]):
            return False  # a value over lines in its cell (≥100 / 人): one value, the general path's cell_values
        target = target_of(target_text, _MISSING)  # (read once: another thread may add it between two reads)
        if target is _MISSING:
            target = _target_of_text(target_text)
        if target is None:
            return False  # a value of empty marks only, a fused score
        if target is _BY_NAME:
            target = _row_target(target_text, name)
        made: Any = IndicatorTwin()  # (quick_records.new_indicator inline: every field set, then the class)
        made.level1 = level1
        made.level2 = level2
        made.level3 = name
        made.description = stripped[i_description] if i_description is not None else None
        made.target = target
        if plain:
            made.weight = made.actual = made.score = made.deviation = None
        else:
            made.weight = decimal_or_none(lines[start + i_weight][1:]) \
                if i_weight is not None and stripped[i_weight] else None
            made.actual = (stripped[i_actual] or None) if i_actual is not None else None
            made.score = decimal_or_none(lines[start + i_score][1:]) if i_score is not None and stripped[i_score] \
                else None
            made.deviation = (stripped[i_deviation] or None) if i_deviation is not None else None
        made.extras = ()
        made.progress = None
        made.source = _new_tuple(Source, (file, start + first + 1, None, None, None, None, None))
        made.sources = LineSources(file, start + 1, roles)  # the cell of column k is line start + k (1-based: + 1)
        made.__class__ = Indicator
        indicators.append(made)
    return not (is_last_table and is_sign(lines[body[-1][0] + it][1:]))  # (the file may be cut after the sign)
