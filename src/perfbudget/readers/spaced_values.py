"""A target written with spaces inside it in a table whose cells are apart by spaces (``≥ 95 %``, ``不低于 500 人``).

Split at every space, the sign, the number and the unit were three cells: the row had more cells than its header
(an error, the row lost) or, a blank cell dropped by the copy, its cells were aligned by content and the sign taken for
the 三级 name (``跳过模板占位行：三级指标是「95」``). Where the indicator header has no column of its own for the sign
or the unit, a lone comparison (``≥``, ``>=``, ``不低于``) before a number, a lone ``%`` after one, a unit after a
compared number (``≥ 500`` | ``人``) and that unit after a plain number in the same row (the 实际完成值 ``520`` |
``人``) are one cell again, the spaces kept as written (reading35).
"""

from __future__ import annotations

import re
import unicodedata

from perfbudget.model import Problem, Severity
from perfbudget.readers.cell_values import is_sign
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import column_role
from perfbudget.target import parse_target

__all__ = ["joined_stream_pieces", "joined_value_pieces", "spanned_value_cells"]

_NUMBER = re.compile(r"^[+-]?\d+(?:,\d{3})*(?:\.\d+)?$")
_PERCENT = frozenset("%‰")
# a unit after a compared number: a short word of ideographs or letters (人, 个工作日, 元/人·月, km)
_UNIT = re.compile(r"^[A-Za-z\u4e00-\u9fff][A-Za-z\u4e00-\u9fff/·]{0,5}$")
# the first characters of the pieces (a quick test before any normalising): signs, their words' first characters
_SIGN_INITIALS = frozenset("≥≤><=≧≦⩾⩽＞＜＝大小不等")
_NOTE = "指标值的符号、数字和单位之间有空格，被拆成了几个单元格，已合为一个指标值"
_SPANNED_NOTE = "指标值的符号、数字和单位分在表头「指标值」下的几个单元格中，已合为一个指标值"


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _joins(before: str, after: str, compared: bool, units: set[str]) -> bool:
    """Whether ``after`` is the next piece of the value ``before`` begins (``compared``: it began with a sign;
    ``units``: the units the row's compared values wrote, which a plain number after them takes too)."""
    if is_sign(before):  # ≥ | 95, or ≥ | 95% (one cell a line: the sign a line of its own)
        return bool(_NUMBER.match(after)) or (after[:1].isdigit() and parse_target(before + after).is_quantitative)
    if not before[-1:].isdigit():
        return False
    if after in _PERCENT or after in units:
        return True
    if not compared or not _UNIT.match(after):
        return False
    target = parse_target(f"{before}{after}")
    return target.is_quantitative and target.unit == after


def _lone_piece(text: str) -> bool:
    """A cell that is only a comparison or a percent sign: no cell of its own where no column is the sign's."""
    return len(text) <= 5 and (text in _PERCENT or (text[:1] in _SIGN_INITIALS and is_sign(text)))


def joined_stream_pieces(cells: list[Cell]) -> list[Cell]:
    """A whole text's cells in order (a form on one line, one cell a line) with each target split into pieces joined
    again, where no cell names a 符号 or 单位 column (计算符号, 度量单位: then a lone sign is that column's cell)."""
    if not any(_lone_piece(cell.text.strip()) for cell in cells) \
            or any(column_role(cell.text) in ("sign", "unit") for cell in cells):
        return cells
    return joined_value_pieces(cells)


def joined_value_pieces(row: list[Cell], problems: list[Problem] | None = None, note: str = _NOTE) -> list[Cell]:
    """``row`` with each target split at its spaces joined again into one cell (a note in ``problems`` where it
    was). ``row`` may be a whole text's cells in order (a form on one line): the units are then the text's."""
    if not any(cell.text.strip()[:1] in _SIGN_INITIALS or cell.text.strip() in _PERCENT for cell in row):
        return row
    out: list[Cell] = []
    compared = False  # the cell being built began with a sign
    units: set[str] = set()  # 人 of ≥ 500 人: 520 | 人 after it is one value too (实际完成值)
    joined_any = None
    for cell in row:
        text = _plain(cell.text)
        if out and text and not out[-1].blank:
            before = _plain(out[-1].text).replace(" ", "")
            if _joins(before, text, compared, units):
                if compared and not _NUMBER.match(text):
                    units.add(text)
                out[-1] = Cell(f"{out[-1].text.strip()} {cell.text.strip()}", out[-1].source)
                joined_any = joined_any or out[-1].source
                continue
        compared = is_sign(text) if text else False
        out.append(cell)
    if joined_any is None:
        return row
    if problems is not None:
        problems.append(Problem(joined_any, note, Severity.INFO))
    return out


def spanned_value_cells(row: list[Cell], width: int, problems: list[Problem]) -> list[Cell]:
    """A text row one or two cells longer than its indicator header, whose last column is the 指标值: the header's
    指标值 was one cell over the sign, number and unit columns (Excel's merged head over ``≥ | 500 | 人``, copied as
    tabs or pipes, the head's empty cells gone). The cells from that column on are one value again where they make
    one (blanks dropped, the pieces joined as :func:`joined_value_pieces` joins them, its note in ``problems``);
    else the row is unchanged and its surplus told as before (reading37: every such row was refused)."""
    tail = [cell for cell in row[width - 1:] if not cell.blank]
    if len(row) - width > 2 or not tail:
        return row
    joined = tail if len(tail) == 1 else joined_value_pieces(tail, problems, _SPANNED_NOTE)
    return [*row[:width - 1], joined[0]] if len(joined) == 1 else row
