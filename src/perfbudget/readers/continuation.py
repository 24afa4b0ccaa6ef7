"""One project over several consecutive tables: join them before interpretation.

Many units keep the form as two tables (the header part, then the indicator part after an
empty paragraph), and a long table broken across pages comes back as two tables (with or
without the indicator header repeated on the new page). In every form (Word, PDF, HTML,
text) a table that holds no header block of its own (no 项目名称, 预算数 … labels) and
follows the previous table with nothing but page furniture between them continues it:

* the previous table has a header block but no indicator header, and this one starts with
  the indicator header → the indicator part of the same project;
* the previous table has indicators and this one starts with indicator rows, or with the
  same indicator header again (dropped, with a note) → the rest of the same table.

A table with a title of its own (``…绩效目标表``) is never joined: it is another table, read
on its own (see ``interpret``: an indicator block without its header block); nor is a table on
another sheet of a workbook.
"""

from __future__ import annotations

from dataclasses import dataclass

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.header_block import UNIT_CELL
from perfbudget.readers.indicator_header import is_indicator_header, merge_header_rows
from perfbudget.readers.labels import column_role, header_field, is_footer
from perfbudget.readers.stream import looks_like_heading


def _filled(row: list[Cell]) -> list[Cell]:
    return [c for c in row if not c.blank]


def indicator_header_at(rows: list[list[Cell]]) -> int | None:
    """Index of the first indicator header row (also the upper row of a header over two rows)."""
    for index, row in enumerate(rows):
        if is_indicator_header(row):
            return index
        if index + 1 < len(rows) and any(column_role(c.text) == "level3" for c in row) \
                and is_indicator_header(merge_header_rows(row, rows[index + 1])):
            return index
    return None


def has_header_block(rows: list[list[Cell]]) -> bool:
    """True when a row before the indicator header holds a header-block label or unit cell."""
    return any(_block_row(row) for row in rows[:indicator_header_at(rows)])


def _block_row(row: list[Cell]) -> bool:
    return any(header_field(text := cell.text.strip()) is not None or UNIT_CELL.match(text) for cell in _filled(row))


@dataclass(frozen=True, slots=True)
class _Scan:
    """What :func:`join_continued` asks of a table it has put out: its indicator header's index
    (:func:`indicator_header_at`), whether it has a header block (:func:`has_header_block`), and whether any of its
    rows is a header-block row. Kept per table put out and carried over a join (:func:`_joined`), so a table joined
    onto is not scanned again for each table after it: 1,200 tables of four rows joined one by one were scanned
    2,880,000 rows' worth, 8 s of CPU for a 164 KB text, until attack26."""

    header: int | None
    block: bool
    any_block: bool


def _scan(rows: list[list[Cell]]) -> _Scan:
    header = indicator_header_at(rows)
    return _Scan(header, any(_block_row(row) for row in rows[:header]), any(_block_row(row) for row in rows))


def _joined(scan: _Scan, before: list[list[Cell]], rows: list[list[Cell]]) -> _Scan:
    """The scan of ``before + rows`` from ``scan`` (of ``before``), reading ``rows`` only (and ``before``'s rows
    once more when the header turns out to start on its last row)."""
    any_block = scan.any_block or any(_block_row(row) for row in rows)
    if scan.header is not None:
        return _Scan(scan.header, scan.block, any_block)
    if before and rows and any(column_role(c.text) == "level3" for c in before[-1]) \
            and is_indicator_header(merge_header_rows(before[-1], rows[0])):
        return _Scan(len(before) - 1, any(_block_row(row) for row in before[:-1]), any_block)
    header = indicator_header_at(rows)
    if header is None:
        return _Scan(None, any_block, any_block)
    return _Scan(len(before) + header, scan.any_block or any(_block_row(row) for row in rows[:header]), any_block)


def _names_a_project(table: RawTable) -> bool:
    """True when a row of the table holds 项目名称 (or a unit row): the table starts a project of its own."""
    return any(header_field(c.text) in ("name", "unit") or UNIT_CELL.match(c.text.strip())
               for row in table.rows for c in row if not c.blank)


def _first_row(rows: list[list[Cell]]) -> list[Cell] | None:
    return next((row for row in rows if _filled(row)), None)


def _starts_with_indicator_row(rows: list[list[Cell]]) -> bool:
    first = _first_row(rows)
    if first is None or is_footer(_filled(first)[0].text):
        return False
    filled = _filled(first)
    return len(filled) >= 2 and not any(header_field(c.text) for c in filled)


def _roles(row: list[Cell]) -> list[str | None]:
    return [column_role(c.text) for c in row if not c.blank]


def _separate(table: RawTable) -> bool:
    """A table whose heading is a title of its own (not page furniture, not 续表) is never joined."""
    heading = (table.heading or "").strip()
    return bool(heading) and "续" not in heading and looks_like_heading(heading)


def _other_sheet(previous: RawTable, table: RawTable) -> bool:
    """Tables on two sheets of a workbook are two tables: a sheet is no page, and a form does not
    go on on the next sheet (a sheet of fund sources after the form is no rest of it). A workbook's
    tables are named by their sheet alone; Word, HTML and OpenDocument text tables carry a number."""
    on_sheet = table.source.table is None and table.source.sheet is not None
    return on_sheet and previous.source.sheet != table.source.sheet


def declared_continuation(before: list[list[Cell]], rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows of a table declared to continue ``before`` (perfbudget's own Word and HTML tables titled 续表) to
    append to it: without its first row when that repeats the indicator header ``before`` already has — each
    printed page's table of indicators starts with it since print22 (a merged 一级/二级 label drawn on every page)."""
    header = indicator_header_at(before)
    if header is None or not rows:
        return rows

    def texts(row: list[Cell]) -> list[str]:
        return [cell.text.strip() for cell in row if not cell.blank]

    return rows[1:] if texts(rows[0]) == texts(before[header]) else rows


_MAX_SUB_ROWS = 2  # the rows a header runs on for below its first (指标值 over 2021年实际实现值 | 预期2022年实现值)


def _repeated_sub_rows(before: list[list[Cell]], before_header: int, rows: list[list[Cell]], header: int) -> int:
    """How many rows after a repeated indicator header repeat, in order, the rows after ``before``'s header that no
    indicator row is (a header over two or three rows repeated on every page: its lower rows name the value
    columns, ``2021年实际实现值 | 预期2022年实现值``, and hold no 三级 name): those rows are the header's too."""
    names = [n for n, cell in enumerate(before[before_header]) if column_role(cell.text) == "level3"]
    count = 0
    while count < _MAX_SUB_ROWS:
        at, again = before_header + 1 + count, header + 1 + count
        if at >= len(before) or again >= len(rows) or not _filled(rows[again]) \
                or _texts(rows[again]) != _texts(before[at]) \
                or not all(n < len(before[at]) and before[at][n].blank for n in names):
            break
        count += 1
    return count


def _texts(row: list[Cell]) -> list[str]:
    return [cell.text.strip() for cell in row if not cell.blank]


def join_continued(tables: list[RawTable], problems: list[Problem]) -> list[RawTable]:
    """The tables with continuation tables joined to the table they continue (see the module docstring)."""
    out: list[RawTable] = []
    scans: list[_Scan] = []  # each table's of out
    for table in tables:
        previous = out[-1] if out else None
        separate = previous is not None and (_separate(table) or _other_sheet(previous, table))
        if previous is not None and not separate and _first_row(table.rows) and not _names_a_project(table) \
                and scans[-1].block and scans[-1].header is None:
            # the header part goes on in the next table (the funds rows, then the indicator part)
            problems.append(Problem(table.source, "项目表分在几个表格中，接在上一个表格之后按一个项目读取",
                                    Severity.INFO))
            scans[-1] = _joined(scans[-1], previous.rows, table.rows)
            out[-1] = RawTable(previous.heading, previous.source, [*previous.rows, *table.rows], table.complete,
                               previous.certain and table.certain, previous.stream or table.stream,
                               previous.sparse or table.sparse, (*previous.needs_check, *table.needs_check))
            continue
        own = _scan(table.rows)
        if previous is None or separate or own.block or not _first_row(table.rows):
            out.append(table)
            scans.append(own)
            continue
        previous_header = scans[-1].header
        header = own.header
        first = _first_row(table.rows)
        starts_with_header = header is not None and first is table.rows[header]
        header_index = header if header is not None else 0
        if previous_header is None and scans[-1].block and starts_with_header:
            problems.append(Problem(table.source, "项目表分在两个表格中（表头部分与指标部分），按一个项目读取",
                                    Severity.INFO))
        elif previous_header is not None and starts_with_header and \
                _roles(table.rows[header_index]) == _roles(previous.rows[previous_header]):
            problems.append(Problem(table.source, "表格跨页续排，重复的指标表头行已跳过，按同一个项目读取",
                                    Severity.INFO))
            skip = header_index + 1 + _repeated_sub_rows(previous.rows, previous_header, table.rows, header_index)
            table = RawTable(table.heading, table.source, table.rows[skip:], table.complete,
                             table.certain, table.stream, table.sparse, table.needs_check)
        elif previous_header is not None and header is None and _starts_with_indicator_row(table.rows):
            problems.append(Problem(table.source, "表格跨页续排（续表没有表头），按同一个项目读取", Severity.INFO))
        else:
            out.append(table)
            scans.append(own)
            continue
        scans[-1] = _joined(scans[-1], previous.rows, table.rows)
        out[-1] = RawTable(previous.heading, previous.source, [*previous.rows, *table.rows], table.complete,
                           previous.certain and table.certain, previous.stream or table.stream,
                           previous.sparse or table.sparse, (*previous.needs_check, *table.needs_check))
    return out
