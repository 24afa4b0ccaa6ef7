"""A text table that stops exactly at a row boundary, where the text shows it was cut (reading31).

A page copied from the web, Word or a PDF may stop after a whole indicator row: every row read is complete, so the
reader's test of a short last row (``readers/indicator_rows.py``: 表格在此中断：最后一行只有…) says nothing, and
the table read as whole. A person sees the cut where the form's own end is missing: a project form's indicators
go on from their outputs (产出指标, 成本指标) to their 效益指标 and 满意度指标 groups (in both frameworks), so a text
whose rows are all outputs, no 效益 or 满意度 row anywhere, and nothing after the rows (no footer, no signature, no
notes: the text ends there), was cut at its last row's end — or the form left the later groups out, which the page
cannot tell. The reader says so as a located warning at the last row and guesses nothing: no indicator is added or
dropped, the project is not marked cut (its rows are whole). A text that stops in its 效益 group with no 满意度 row
anywhere is told the same way since reading36 (forms without a 满意度 group exist, hence a warning: but every corpus
text ending right after a whole 效益 row without a closing line was cut — 10, 28, 85, 123, 129 — and none that ends
so was whole); not a glued paragraph's rows (several on one line, its closing line perhaps among them).

Asked only of a text table (not a Word, Excel, HTML or PDF grid, whose end the file marks) that is the text's
last, after its rows were read without a cut found; 部门整体 forms and tables with 一级 names outside the
project framework are left alone (their groups are their own)."""

from __future__ import annotations

from collections.abc import Sequence

from perfbudget.framework import normalise_level1
from perfbudget.model import Indicator, Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import is_footer

# The project framework's 一级 groups in the order the forms print them (成本指标 is a 一级 of the 2021 form).
_ORDER = ("产出指标", "成本指标", "效益指标", "满意度指标")
_EFFECT = _ORDER[2]
_BEFORE_SATISFACTION = frozenset(_ORDER[:3])


def _last_line(text: str) -> int:
    """The number of a text's last line holding anything but spaces (0 for a blank text)."""
    end = len(text.rstrip())
    return text.count("\n", 0, end) + 1 if end else 0


def row_boundary_cut(rows: Sequence[list[Cell]], indicators: Sequence[Indicator], text: str) -> Problem | None:
    """The warning for ``rows`` (a text table's indicator rows, as the page has them) whose ``indicators`` (read
    from them) are all outputs, ``text`` (the text they were read from) stopping in the last row; else None."""
    if not indicators:
        return None
    groups = [normalise_level1(i.level1) for i in indicators]
    if any(g not in _BEFORE_SATISFACTION for g in groups):
        return None  # (a 满意度 row, or a 一级 outside the project framework)
    last_row = next((row for row in reversed(rows) if any(not c.blank for c in row)), None)
    if last_row is None:
        return None
    filled = [c for c in last_row if not c.blank]
    if is_footer(filled[0].text) or (filled[-1].source.line or 0) < _last_line(text):
        return None  # the form's own closing rows (填表人, 审核意见, 合计), or text after the rows: it ends there
    if _EFFECT in groups and len({i.source.line for i in indicators if i.source is not None}) < len(indicators):
        return None  # (rows sharing a line: a glued paragraph, whose closing may stand in the same line)
    present = [g for g in _ORDER if g in groups]
    missing = "、".join(g for g in _ORDER[2:] if g not in groups)
    return Problem(filled[-1].source,
                   f"文字在这一行（{groups[-1]}）的末尾结束，表中只有{'、'.join(present)}，没有{missing}，"
                   "表后也没有落款或说明：表格可能恰好在一行的末尾被截断（也可能原表本就没有这些指标），"
                   "已读取的指标都是完整的行，请对照原表核实", Severity.WARNING)
