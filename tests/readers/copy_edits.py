"""Edits that keep a table text's meaning, the way people and web pages change a copy of a 项目支出绩效目标表, and the
reading they must leave alone. Shared by ``bench/edit_invariance.py`` (every text table of the corpus) and
``tests/readers/test_edit_invariance.py`` (a fixed sample).

Each edit is a small pure function of a :class:`Copy` (the text, its layout, the 三级 names its reading found) giving
the edited text, or ``None`` where it does not apply to that layout (a blank line inserted into a one-cell-a-line
copy would be an empty cell, not a spacer). :func:`reading` is what must stay the same: per project its name, fund
year and budget, per indicator its level names, 三级 name, comparator, value, unit and upper bound — names compared as
a person reads them (NFKC, spaces and line breaks left out), amounts and values as ``Decimal``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

from perfbudget.load import load_bytes
from perfbudget.model import Document
from perfbudget.readers.text import detect_layout


class Copy(NamedTuple):
    text: str
    layout: str | None  # readers.text.detect_layout's name
    level3: tuple[str, ...]  # the 三级 names the unedited text reads to
    cut: bool = False  # the unedited text stops inside the table (a project read as cut)


Edit = Callable[[Copy], "str | None"]

_HEADER_MARKS = ("三级指标", "指标值", "绩效指标")
_BARE_AMOUNT = re.compile(r"\d+(?:\.\d+)?")
_LABELLED_AMOUNT = re.compile(r"([:：]\s*\d+(?:\.\d+)?)\s*$")  # 年度资金总额：16
_UNIT_NOTE = re.compile(r"\s*[（(]\s*万元\s*[)）]")
_AT_LEAST = re.compile(r"≥\s*(\d+(?:\.\d+)?)\s*(%|[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,2})?)?(?=\s*(?:\||$))",
                       re.M)
_CELL_TEXT = re.compile(r"[^|]+")
_CELL_LINE = re.compile(r"^\s*(.*[^\s|])(\s*\|[\s|]*)$")
_SPACEABLE = re.compile(r"([≥≤])?(?<![\d.])(\d+(?:\.\d+)?)(%)(?=\s*(?:\||$))", re.M)
_WIDE_DIGITS = str.maketrans("0123456789%", "０１２３４５６７８９％")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "(": "（", ")": "）"})
_COLONS = str.maketrans({"：": ":", ":": "："})


def _pipe_cells(line: str) -> list[str]:
    """The cells of a ``pipe-rows`` line, stripped; a line without ``|`` is one cell."""
    return [cell.strip() for cell in line.split("|")]


def _row_lines(copy: Copy) -> list[str] | None:
    """The lines of a ``pipe-rows`` copy whose pipes part columns: not one mostly of lines holding one cell and its
    pipes (cells a line, the pipes no columns)."""
    if copy.layout != "pipe-rows":
        return None
    lines = copy.text.split("\n")
    piped = [line for line in lines if "|" in line]
    return lines if sum(sum(1 for cell in _pipe_cells(line) if cell) >= 2 for line in piped) * 2 >= len(piped) else None


def _rows(copy: Copy, row: Callable[[list[str]], str]) -> str | None:
    """A ``pipe-rows`` copy with every line holding ``|`` written again by ``row`` from its cells (a Markdown
    table's leading ``|`` opens no cell)."""
    lines = _row_lines(copy)
    if lines is None:
        return None
    piped = [line.strip() for line in lines if "|" in line]
    markdown = sum(line.startswith("|") for line in piped) * 2 > len(piped)
    return "\n".join(row(_pipe_cells(line.strip()[1:] if markdown and line.strip().startswith("|") else line))
                     if "|" in line else line for line in lines)


def _around(copy: Copy, space: str) -> str | None:
    """``space`` around every filled cell of a ``pipe-rows`` or ``pipe-cells`` copy, or at both ends of every filled
    line of another."""
    if copy.layout == "pipe-rows":  # each cell's text padded, the pipes (a run of them: merged cells) kept
        return "\n".join(_CELL_TEXT.sub(lambda m: space + m[0].strip() + space if m[0].strip() else m[0], line)
                         if "|" in line else line for line in copy.text.split("\n"))
    if copy.layout == "pipe-cells":  # the cell's text padded, before the pipes closing it
        return "\n".join(_CELL_LINE.sub(lambda m: space + m[1] + space + m[2], line) for line in copy.text.split("\n"))
    return "\n".join(space + line + space if line.strip() else line for line in copy.text.split("\n"))


def pipes_to_tabs(copy: Copy) -> str | None:
    """Excel or WPS copy of the same rows: cells apart by tabs, no ``|`` (a page's table pasted into a sheet and
    copied back out)."""
    return _rows(copy, "\t".join)


def tabs_to_pipes(copy: Copy) -> str | None:
    """The reverse, as a Markdown editor writes the tab copy: ``| a | b |`` with pipes at both ends. Not of a copy
    that stops inside the table: the editor closes its last row, and whether the page stopped inside the row's last
    cell or after it (no ``|`` closing it, or one) no longer shows."""
    tabbed = pipes_to_tabs(copy)
    if tabbed is None or copy.cut:
        return None
    return "\n".join("| " + " | ".join(line.split("\t")) + " |" if "\t" in line else line
                     for line in tabbed.split("\n"))


def padded_cells(copy: Copy) -> str | None:
    """Runs of spaces around the cells, as a page's cell padding or a justified column copies."""
    return _around(copy, "   ")


def nbsp_around_cells(copy: Copy) -> str | None:
    """``&nbsp;`` (U+00A0) around the cells: an HTML page's padding copied as it is."""
    return _around(copy, "\u00a0")


def ideographic_space_around_cells(copy: Copy) -> str | None:
    """The ideographic space (U+3000) a Chinese input method types to indent a cell."""
    return _around(copy, "\u3000")


def zero_width_around_cells(copy: Copy) -> str | None:
    """Zero-width spaces (U+200B) a CMS puts around cell text (invisible, copied along)."""
    return _around(copy, "\u200b")


def blank_lines_between_rows(copy: Copy) -> str | None:
    """A blank line after every row, as a browser copies a table whose rows are spaced by CSS margins."""
    if copy.layout != "pipe-rows":
        return None
    return "\n".join(line + "\n" if "|" in line else line for line in copy.text.split("\n"))


def crlf(copy: Copy) -> str | None:
    """Windows line ends (a file saved by Notepad)."""
    return copy.text.replace("\n", "\r\n")


def bom(copy: Copy) -> str | None:
    """A byte-order mark at the start (Notepad's UTF-8)."""
    return "\ufeff" + copy.text


def trailing_spaces(copy: Copy) -> str | None:
    """Spaces after every filled line (an editor that pads lines; a blank line stays blank: a line of spaces is
    an empty cell one cell a paragraph)."""
    return "\n".join(line + "  " if line.strip() else line for line in copy.text.split("\n"))


def fullwidth_digits(copy: Copy) -> str | None:
    """Digits and ``%`` typed full width (``９５％``), as a Chinese input method left in full-width mode does."""
    edited = copy.text.translate(_WIDE_DIGITS)
    return edited if edited != copy.text else None


def fullwidth_comparators(copy: Copy) -> str | None:
    """``≥`` / ``≤`` typed as two full-width characters, ``＞＝`` / ``＜＝`` (no ≥ key on the keyboard)."""
    edited = copy.text.replace("≥", "＞＝").replace("≤", "＜＝")
    return edited if edited != copy.text else None


def brackets_swapped(copy: Copy) -> str | None:
    """Full-width brackets written half width and the reverse (``（万元）`` ↔ ``(万元)``): a retyped copy."""
    edited = copy.text.translate(_BRACKETS)
    return edited if edited != copy.text else None


def colons_swapped(copy: Copy) -> str | None:
    """``：`` ↔ ``:`` (a retyped copy; an English input method)."""
    edited = copy.text.translate(_COLONS)
    return edited if edited != copy.text else None


def _header_index(lines: Sequence[str]) -> int | None:
    return next((i for i, line in enumerate(lines)
                 if line.count("|") >= 2 and "三级指标" in line and "指标值" in line), None)


def header_repeated(copy: Copy, every: int = 4) -> str | None:
    """The indicator header row again after every ``every`` indicator rows, as a printed page's repeated title row
    that a PDF or a print preview copies at every page break (between two rows that each hold a 三级 name the text
    reads to: never among the closing rows or the next project's header block)."""
    lines = _row_lines(copy)
    at = _header_index(lines) if lines is not None else None
    if lines is None or at is None:
        return None
    names = [n for n in copy.level3 if n]
    named = [any(n in line for n in names) for line in lines]
    out, run = lines[:at + 1], 0
    for k in range(at + 1, len(lines)):
        out.append(lines[k])
        run = run + 1 if named[k] else 0
        if run == every and k + 1 < len(lines) and named[k + 1]:
            out.append(lines[at])
            run = 0
    return "\n".join(out) if len(out) > len(lines) else None


def _longest_name(copy: Copy) -> str | None:
    names = [n for n in copy.level3 if len(n) >= 8 and "\n" not in n]
    return max(names, key=len) if names else None


def wrapped_long_name(copy: Copy) -> str | None:
    """The longest 三级 name (eight characters or more) wrapped onto a second line, as a narrow column's cell copies:
    one cell a line (``pipe-cells``) its first half on a line of its own; as Excel copies a wrapped cell in tab rows,
    quoted with the line break inside."""
    name = _longest_name(copy)
    if name is None:
        return None
    half = len(name) // 2
    if copy.layout == "pipe-cells":
        lines = copy.text.split("\n")
        at = next((i for i, line in enumerate(lines) if line.strip() == name + " |"), None)
        if at is None:
            return None
        lines[at:at + 1] = [name[:half], name[half:] + " |"]
        return "\n".join(lines)
    tabbed = pipes_to_tabs(copy)
    if tabbed is None:
        return None
    cells = [line.split("\t") for line in tabbed.split("\n")]
    for row in cells:
        if name in row and len(row) > 1:
            wrapped = f"{name[:half]}\n{name[half:]}".replace('"', '""')  # Excel doubles a quote inside
            row[row.index(name)] = f'"{wrapped}"'
            return "\n".join("\t".join(row) for row in cells)
    return None


def unit_beside_amounts(copy: Copy) -> str | None:
    """万元 written beside each amount of the funds rows (``120万元``) instead of in their label (``资金总额（万元）``),
    as a unit's own retyped form does."""
    if copy.layout != "pipe-rows":
        return None
    lines = copy.text.split("\n")
    end = _header_index(lines)
    if end is None or not any(_UNIT_NOTE.search(line) for line in lines[:end]):
        return None
    edited = [" | ".join(c + "万元" if _BARE_AMOUNT.fullmatch(c) else _UNIT_NOTE.sub("", c) for c in _pipe_cells(line))
              if "|" in line else _LABELLED_AMOUNT.sub(r"\1万元", _UNIT_NOTE.sub("", line)) for line in lines[:end]]
    return "\n".join(edited + lines[end:]) if edited != lines[:end] else None


def at_least_worded(copy: Copy) -> str | None:
    """``≥95%`` written ``不低于95%``, as a form's instructions word it."""
    edited = _AT_LEAST.sub(lambda m: f"不低于{m.group(1)}{m.group(2) or ''}", copy.text)
    return edited if edited != copy.text else None


def at_least_after(copy: Copy) -> str | None:
    """``≥95%`` written ``95%以上``, as people say it."""
    edited = _AT_LEAST.sub(lambda m: f"{m.group(1)}{m.group(2) or ''}以上", copy.text)
    return edited if edited != copy.text else None


def spaced_values(copy: Copy) -> str | None:
    """A target typed with spaces, ``≥ 95 %``, ``100 %`` (a justified cell; a person spacing the sign)."""
    edited = _SPACEABLE.sub(lambda m: f"{m[1]} {m[2]} {m[3]}" if m[1] else f"{m[2]} {m[3]}", copy.text)
    return edited if edited != copy.text else None


def one_cell_a_line(copy: Copy) -> str | None:
    """The rows one cell a line, each cell a line starting with a tab and a blank line after each row: a Word
    extractor's text of the same table (the seed's form). Not of a copy that stops inside the table: a cell a line
    cannot tell a row cut inside its last cell from one cut after it, as a ``|`` closing the cell or none did."""
    lines = _row_lines(copy)
    if lines is None or copy.cut:
        return None
    out: list[str] = []
    for line in lines:
        if "|" not in line:
            out.append(line)
            continue
        cells = _pipe_cells(line)
        while cells and not cells[-1]:
            cells.pop()
        out += ["\t" + cell for cell in cells] + [""]
    return "\n".join(out)


EDITS: dict[str, Edit] = {edit.__name__: edit for edit in (
    pipes_to_tabs, tabs_to_pipes, padded_cells, nbsp_around_cells, ideographic_space_around_cells,
    zero_width_around_cells, blank_lines_between_rows, crlf, bom, trailing_spaces, fullwidth_digits,
    fullwidth_comparators, brackets_swapped, colons_swapped, header_repeated, wrapped_long_name, unit_beside_amounts,
    at_least_worded, at_least_after, spaced_values, one_cell_a_line)}


Reading = tuple[tuple[object, ...], int, bool]  # (reading(document), the count of errors, a document read)
OUTCOMES = ("same", "different", "errors", "refused")


def read_copy(text: str, name: str) -> tuple[Reading, Document | None]:
    """``text`` read as ``perfbudget read`` reads a file ``name``: its :func:`reading`, errors and document."""
    result = load_bytes(text.encode("utf-8"), name)
    return (reading(result.document), len(result.errors), result.document is not None), result.document


def copy_of(text: str, name: str) -> tuple[Copy, Reading]:
    """The unedited ``text`` as the edits take it, and its reading."""
    base, document = read_copy(text, name)
    projects = document.projects if document is not None else ()
    level3 = tuple(i.level3 for p in projects for i in p.indicators)
    return Copy(text, detect_layout(text), level3, any(p.cut is not None for p in projects)), base


def outcome(base: Reading, text: str, name: str) -> tuple[str, tuple[object, ...]]:
    """How the edited ``text`` reads against the unedited reading ``base``: ``same`` (the reading equal, no error
    the unedited text did not have), ``different`` (read, no new error, another reading: "ok but wrong"),
    ``errors`` (new errors) or ``refused`` (no document); and the edited reading."""
    (edited, errors, read), _document = read_copy(text, name)
    if not read:
        return "refused", edited
    if errors > base[1]:
        return "errors", edited
    return ("same" if edited == base[0] else "different"), edited


def _name(text: str | None) -> str:
    """A name as a person reads it: NFKC, no spaces, ``>=`` the ``≥`` it was typed for (a hint ``(≥**%)``)."""
    return "".join(unicodedata.normalize("NFKC", text or "").split()).replace(">=", "≥").replace("<=", "≤")


def reading(document: Document | None) -> tuple[object, ...]:
    """What an edit must leave alone: the money unit, per project its name, fund year and budget, per indicator its
    levels, 三级 name, comparator, value, unit and upper bound (names as a person reads them: NFKC, without spaces)."""
    if document is None:
        return ()
    projects = tuple((_name(p.name), p.fund_year, p.budget.total, p.budget.fiscal, p.budget.other,
                      tuple((_name(i.level1), _name(i.level2), _name(i.level3), i.target.kind.value,
                             i.target.op.value if i.target.op else None, i.target.value, _name(i.target.unit),
                             i.target.upper) for i in p.indicators))
                     for p in document.projects)
    return (document.money_unit, *projects)
