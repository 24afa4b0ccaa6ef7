"""Lines above a table that hold the table's first fields as ``label：value`` pairs.

Word files and web pages often write who and what the table is about above it, not in it::

    单位名称：某县教育局        金额单位：万元
    项目名称：校舍维修

Such a line is read as a row of the table (``单位名称 | 某县教育局 | 金额单位：万元``), so the header
block takes its unit and name as from any row. A line counts only when every part of it (parts are
separated by two or more spaces, a full-width space or a tab) is a pair whose label is a header
label, or a money-unit note, and one of its labels names the table's unit or project (单位名称,
预算单位, 部门名称, 单位编码, 项目名称 …): a signature line under a table (联系人：… 联系电话：…)
stays text.

A header cell can also hold a money label and its amount together, the page having lost the cell
boundary between them (``年度资金总额:50万`` beside the fund's name): :func:`money_pair_cells` splits it
into the label and the amount, only when the label is a budget label and the rest is an amount.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from perfbudget.readers.labels import header_field, is_any_label

_PARTS = re.compile(r"(?:[ \u00a0]{2,}|\u3000+|\t+)")
_PAIR = re.compile(r"^(?P<label>[^：:]{2,16}?)\s*[：:]\s*(?P<value>.*)$", re.S)
_MONEY_UNIT = re.compile(r"^(?:金额)?单位\s*[:：]\s*(?:万元|元|千元|亿元)$")
_IDENTITY = frozenset({"unit", "department", "unit-code", "name"})
_MONEY = frozenset({"total", "fiscal", "other"})
_AMOUNT = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:万元|万|元)?$")


@lru_cache(maxsize=4096)
def label_line_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a ``label：value`` line (label, value, label, value …; a money-unit note as one cell),
    or None when the line is not one (see the module's docstring)."""
    if "：" not in line and ":" not in line:
        return None
    cells: list[str] = []
    identity = False
    for part in _PARTS.split(line.strip()):
        part = part.strip()
        if not part:
            continue
        if _MONEY_UNIT.match(unicodedata.normalize("NFKC", part)):
            cells.append(part)
            continue
        pair = _PAIR.match(part)
        field = header_field(pair["label"]) if pair else None
        if pair is None or field is None or field.startswith("group:"):
            return None
        identity = identity or field in _IDENTITY
        cells.extend((pair["label"].strip(), pair["value"].strip()))
    return tuple(cells) if identity else None


_TAB_RUN = re.compile(r"\t+")


@lru_cache(maxsize=4096)
def tab_row_cells(line: str) -> tuple[tuple[str, ...], bool, bool] | None:
    """The cells of a paragraph typed as a table row with tab stops (``项目名称<TAB>校舍维修<TAB>主管部门<TAB>某局``;
    a leading tab is one empty cell, a run of tabs one separator), whether its first cell is a label of the form
    (such a row can start a run of them) and whether one of its cells names the unit or the project; None for a
    paragraph without a tab or with fewer than two cells. The reader keeps a run of such paragraphs, started by a
    label, as a table's header part only when the run names the project."""
    if "\t" not in line or not line.strip():
        return None
    cells = tuple(part.strip() for part in _TAB_RUN.split(line.rstrip()))
    filled = [cell for cell in cells if cell]
    if len(cells) < 2 or not filled:
        return None
    return cells, is_any_label(filled[0]), any(header_field(cell) in _IDENTITY for cell in filled)


@lru_cache(maxsize=4096)
def money_lines_cells(text: str) -> tuple[str, ...] | None:
    """The budget pairs of a cell holding the funds block one line a part (``资金总额: 250`` / ``一、预算资金:250`` /
    ``二、自有资金:0`` / ``三、其他:0``, a Word form's 项目资金申请 cell): every line a label, a colon and an amount,
    the first a budget label (``资金总额``). Each line gives what it gives as a cell of its own: a budget label's line
    its pair (label, amount), any other line itself (kept as an extra, as written); None for any other cell."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or money_pair_cells(lines[0]) is None:
        return None
    cells: list[str] = []
    for line in lines:
        pair = _PAIR.match(line)
        if pair is None or not _AMOUNT.match("".join(unicodedata.normalize("NFKC", pair["value"]).split())
                                            .replace(",", "")):
            return None
        money = money_pair_cells(line)
        cells.extend(money if money is not None else (line,))  # 一、预算资金:250: one cell, as written
    return tuple(cells)


@lru_cache(maxsize=4096)
def money_pair_cells(text: str) -> tuple[str, str] | None:
    """``(年度资金总额, 50万)`` for a cell ``年度资金总额:50万`` (a budget label, a colon, an amount and nothing
    more); None for any other cell."""
    pair = _PAIR.match(text.strip())
    if pair is None:
        return None
    value = "".join(unicodedata.normalize("NFKC", pair["value"]).split()).replace(",", "")
    if not _AMOUNT.match(value) or header_field(pair["label"]) not in _MONEY:
        return None
    return pair["label"].strip(), pair["value"].strip()
