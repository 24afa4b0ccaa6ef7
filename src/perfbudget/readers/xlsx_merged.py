"""Values a merged range holds outside its top-left cell (forms37).

Excel, WPS and LibreOffice show a merged range's top-left cell and nothing else of it. A workbook written by a
program, or cells merged after they were filled, may hold a value in another cell of the range: a name written in
the middle of a title band, a 指标值 in the second column of a two-column merge. The reader read such a value as a
cell of its own column, as if shown: a row of five cells under a four-column header (an error, the indicator lost),
or a second value beside the one shown.

Now each such value is settled as what the sheet shows and told:

* when the range's top-left cell is empty, the first value found in the range is read as the range's, in its first
  column (the merged cell Excel draws blank; which the file's author meant is not sure, so a warning asks to check);
  a range merged down whose value stands on a lower row (一级 merged over five rows, its name in the second: a program
  or WPS wrote it there) gives it to every row of the range from its top, as a value in its top-left cell does, the
  warning naming those rows
  (forms45: until then the rows above the value's were read blank, so they took the group above them — 产出指标's
  rows read under the 一级 before it — and the rows below took it only as far as the value's row);
* any other value of the range is covered by the merge (Excel does not show it) and is not read, with a warning
  quoting it, as a hidden row's is.

The ranges come from the sheet's ``<mergeCell>`` elements (``xlsx_hidden._MERGE``); ranges larger than
:data:`_LARGEST` cells are left out (a title band over a whole sheet holds no value elsewhere worth the map). The
.xls and .et reader gives the covered cells that hold something (xlrd's ``merged_cells``, :func:`covered_map`): until
forms37 it blanked them without a word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.grid import Cell, covered

_LARGEST = 4_096  # the cells of one range mapped
_MOST_MAPPED = 200_000  # the cells of all ranges of a sheet mapped
_MOST_TOLD = 20


def covered_cells(ranges: list[tuple[int, int, int, int]]) -> dict[int, dict[int, tuple[int, int]]]:
    """Row → column → the (row, column) of the top-left cell of the merged range covering it, for every cell of a
    merged range but its top-left one (1-based), of a sheet's merged ``ranges`` (``xlsx_hidden.merge_ranges``);
    empty for a sheet without merged ranges."""
    covered: dict[int, dict[int, tuple[int, int]]] = {}
    mapped = 0
    for top, left, bottom, right in ranges:
        area = (bottom - top + 1) * (right - left + 1)
        if area < 2 or area > _LARGEST or mapped + area > _MOST_MAPPED:
            continue
        mapped += area
        for r in range(top, bottom + 1):
            columns = covered.setdefault(r, {})
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    columns[c] = (top, left)
    return covered


def merged_down(ranges: Iterable[tuple[int, int, int, int]]) -> dict[int, dict[int, int]]:
    """Row → column → the top row of the merged range over it, for the cells under a range's top-left cell in its
    first column (a cell merged down: merged_cells), of ``ranges`` given as (top, left, bottom, right), 1-based;
    at most :data:`_MOST_MAPPED` cells in all."""
    down: dict[int, dict[int, int]] = {}
    mapped = 0
    for top, left, bottom, _right in ranges:
        if bottom <= top or mapped + bottom - top > _MOST_MAPPED:
            continue
        mapped += bottom - top
        for r in range(top + 1, bottom + 1):
            down.setdefault(r, {})[left] = top
    return down


def covered_map(cells: dict[tuple[int, int], tuple[int, int]]) -> dict[int, dict[int, tuple[int, int]]]:
    """:func:`covered_cells`'s map of the given covered cells ((row, column) → its range's top-left cell, 1-based):
    the .xls reader knows which covered cells hold something before it reads the rows."""
    covered: dict[int, dict[int, tuple[int, int]]] = {}
    for (r, c), top_left in cells.items():
        covered.setdefault(r, {})[c] = top_left
    return covered


def sheet_column(columns: list[int] | None, at: int) -> int:
    """The sheet column (1-based) of a row's cell ``at`` (0-based), ``columns`` the sheet column (0-based) of each
    cell where the sheet hides some: an empty or covered cell located at its own place, 第R行 第C列 (forms47)."""
    return (columns[at] if columns is not None else at) + 1


class MergedValues:
    """Settles, row by row, the values of a sheet's merged ranges held outside their top-left cells."""

    def __init__(self, covered: dict[int, dict[int, tuple[int, int]]], file: str, sheet: str,
                 down: dict[int, dict[int, int]] | None = None, spend: Callable[[int], None] | None = None) -> None:
        self.covered, self.file, self.sheet = covered, file, sheet
        # counts the blank cells :meth:`mark_down` adds to a row against the reader's cell limit (raising past it)
        self.spend = spend
        # :func:`merged_down`'s map, and the cells read at its ranges' top-left cells ((row, column) → cell)
        self.down = down or {}
        self.made: dict[tuple[int, int], Cell] = {}
        self.tops_down: dict[int, set[int]] = {}  # row → the columns of the ranges merged down from there
        for below in self.down.values():
            for left, top in below.items():
                self.tops_down.setdefault(top, set()).add(left)
        self.shown: set[tuple[int, int]] = set()  # ranges (by top-left cell) whose value is read
        self.problems: list[Problem] = []
        self.count = 0
        # ranges merged down (by top-left cell) whose value :meth:`settle` moved from a lower row → that row, the
        # value's column and its text (told by :meth:`_from_top`, naming the rows given it); the cells of the rows
        # inside ranges merged down whose top-left cell is empty, by row, for :meth:`mark_down` to give such a value
        # to the rows above
        self.late: dict[tuple[int, int], tuple[int, int, str]] = {}
        self.rows_down: dict[int, tuple[list[Cell], dict[int, int] | None, list[int] | None]] = {}
        self.tops: dict[int, set[int]] = {}  # row → the columns of the top-left cells of the ranges starting there
        for columns in covered.values():
            for top, left in columns.values():
                self.tops.setdefault(top, set()).add(left)

    def settle(self, r: int, values: list[Any], cells: list[Any], text: Any) -> None:
        """The row's ``values`` and ``cells`` (0-based lists, changed in place) as the sheet shows them: a top-left
        cell's value marks its range shown; a covered cell's value is moved to its range's first column (the range
        shown blank until then) or dropped; ``text(value, cell)`` gives a value's text to quote."""
        for left in self.tops.get(r, ()):
            if left <= len(values) and values[left - 1] not in (None, ""):
                self.shown.add((r, left))
        row = self.covered.get(r)
        if not row:
            return
        for c, key in sorted(row.items()):
            if c > len(values) or values[c - 1] in (None, ""):
                continue
            value, cell = values[c - 1], cells[c - 1]
            values[c - 1] = None
            quoted = text(value, cell)
            if key not in self.shown and key[1] <= len(values) and values[key[1] - 1] in (None, ""):
                self.shown.add(key)
                values[key[1] - 1], cells[key[1] - 1] = value, cell
                if key[0] < r and key[1] in self.tops_down.get(key[0], ()):
                    self.late[key] = (r, c, quoted)  # (given to the range's rows from its top, and told: mark_down)
                else:
                    self._off_corner(key, r, c, quoted, "已按合并单元格的内容读取")
            else:
                self._tell(r, c, f"第{r}行第{c}列的「{quoted[:30]}」被合并单元格（自第{key[0]}行第{key[1]}列起）"
                                 "遮住（Excel、WPS 只显示合并单元格左上角的内容，打开表格时看不到），未读取；"
                                 "如需读取，请取消合并后重新导入")

    def mark_down(self, r: int, cells: list[Cell], columns: list[int] | None) -> None:
        """The row's ``cells`` (changed in place; ``columns`` the sheet column, 0-based, of each cell where the sheet
        hides some) with each cell a merged range covers under its top-left cell, in that cell's column, made a
        :class:`grid.CoveredCell` knowing the cell read there (blank cells added up to it where the row stopped
        short, counted by ``spend`` before they are made: a range down column XFD beside rows of one cell each
        made each row 16,384 cells, 300 rows of a 4 KB .xlsx 7 s and 945 MB, 3,000 rows 87 s and 9 GB; attack36);
        the row's cells at ranges' tops kept for the rows below."""
        if not self.down:
            return
        places = {column + 1: k for k, column in enumerate(columns)} if columns is not None else None
        for left in self.tops_down.get(r, ()):
            k = places.get(left) if places is not None else left - 1
            if k is not None and k < len(cells) and not cells[k].blank:
                self.made[(r, left)] = cells[k]
        if any((r, left) not in self.made for left in self.tops_down.get(r, ())) \
                or any((top, left) not in self.made for left, top in self.down.get(r, {}).items()):
            self.rows_down[r] = (cells, places, columns)  # (a row of a range whose top-left cell is empty:
            # its value may follow)
        for left, top in self.down.get(r, {}).items():
            if (late := self.late.get((top, left))) is not None and late[0] == r and (top, left) not in self.made:
                self._from_top(top, left, *late)
        for left, top in self.down.get(r, {}).items():
            cell = self.made.get((top, left))
            k = places.get(left) if places is not None else left - 1
            if cell is None or k is None:
                continue
            if k >= len(cells):
                if self.spend is not None:
                    self.spend(k + 1 - len(cells))
                cells.extend(Cell("", Source(self.file, sheet=self.sheet, row=r, column=sheet_column(columns, at)))
                             for at in range(len(cells), k + 1))
            cells[k] = covered(cells[k].source, cell)  # (located as the row's blank cells are: 第R行 第C列)

    def _from_top(self, top: int, left: int, r: int, c: int, quoted: str) -> None:
        """The value read at row ``r`` (written in column ``c``) in the first column of a range merged down from row
        ``top`` as the range's: in its top row (the cell keeping its own place, row ``r``), covered by it in the rows
        between (cells added up to it in a row that stopped short, counted by ``spend``); the rows below take it as
        any range's value; told naming the rows given it."""
        cells, places, _ = self.rows_down[r]
        k = places.get(left) if places is not None else left - 1
        if k is None or k >= len(cells) or cells[k].blank:
            self._off_corner((top, left), r, c, quoted, "已按合并单元格的内容读取")
            return
        bottom = r
        while self.down.get(bottom + 1, {}).get(left) == top:
            bottom += 1
        self._off_corner((top, left), r, c, quoted, f"已作为第{top}至第{bottom}行的合并单元格内容读取")
        value = cells[k]
        self.made[(top, left)] = value
        for q in range(top, r):
            if q not in self.rows_down:
                continue  # (a row not read: hidden, or empty)
            row, row_places, row_columns = self.rows_down[q]
            j = row_places.get(left) if row_places is not None else left - 1
            if j is None:
                continue
            if j >= len(row):
                if self.spend is not None:
                    self.spend(j + 1 - len(row))
                row.extend(Cell("", Source(self.file, sheet=self.sheet, row=q, column=sheet_column(row_columns, at)))
                           for at in range(len(row), j + 1))
            row[j] = value if q == top else covered(row[j].source, value)

    def _off_corner(self, key: tuple[int, int], r: int, c: int, quoted: str, read: str) -> None:
        """Tells a value written off its range's top-left cell, read as the range's (``read`` says how)."""
        self._tell(r, c, f"「{quoted[:30]}」写在合并单元格（自第{key[0]}行第{key[1]}列起）的第{r}行第{c}列，"
                         f"不在其左上角：Excel、WPS 显示该合并单元格为空白；{read}，请核对")

    def _tell(self, r: int, c: int, message: str) -> None:
        self.count += 1
        if self.count <= _MOST_TOLD:
            self.problems.append(Problem(Source(self.file, sheet=self.sheet, row=r, column=c), message,
                                         Severity.WARNING))
        elif self.count == _MOST_TOLD + 1:
            self.problems.append(Problem(Source(self.file, sheet=self.sheet, row=r, column=c),
                                         "另有合并单元格中左上角以外的内容（见上），不再逐一列出", Severity.WARNING))
