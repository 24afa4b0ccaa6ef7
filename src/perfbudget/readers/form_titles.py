"""A form's title row in the middle of one table: where the next form of a file begins (dept40).

A unit that pastes its 部门整体支出绩效目标表 and its projects' 项目支出绩效目标表 (or two years' 部门整体 tables) into
one Word table puts each form's title on a row of its own, merged across the table, then the form's header rows::

    … | 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90%
    项目支出绩效目标表
    项目名称 | 高标准农田建设
    …

The title starts the next form where a header row naming its project or department (项目名称, 部门名称, 单位名称)
follows it before any indicator row; a title repeated at the top of each printed page, indicator rows under it, is
no new form. Until dept40 the title was joined to the last indicator's 三级 name (``农户满意度项目支出绩效目标表``)
and a second 部门整体 table, which names no 项目名称, was read as indicator rows of the first.
"""

from __future__ import annotations

import unicodedata

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import header_field

TITLE_WORDS = ("绩效目标表", "目标申报表", "自评表", "评价表", "績效目標表", "目標申報表", "自評表", "評價表")
# the header labels that open a form: its project's name, its unit or department
_OPENING_FIELDS = frozenset({"name", "unit", "department"})
_LONGEST_TITLE = 80
_LOOK_AHEAD = 3  # rows after the title (a 单位：万元 line, a date line) before its first header row


def _lone_text(row: list[Cell]) -> str | None:
    """The text of a row's only distinct filled cell (a merged row repeats its cell), else None."""
    texts = {c.text.strip() for c in row if not c.blank}
    return texts.pop() if len(texts) == 1 else None


def is_title_row(row: list[Cell]) -> bool:
    """A row holding one text only, a form's title (…部门整体支出绩效目标表, …项目支出绩效自评表)."""
    text = _lone_text(row)
    if text is None or len(text) > _LONGEST_TITLE:
        return False
    text = unicodedata.normalize("NFKC", text).rstrip(")）0123456789年度（( ")
    return text.endswith(TITLE_WORDS)


def title_opens_form(rows: list[list[Cell]], index: int) -> bool:
    """Whether the title row at ``rows[index]`` opens a form: a header row naming its project, unit or
    department follows within a few rows (see the module's note)."""
    if not is_title_row(rows[index]):
        return False
    for row in rows[index + 1:index + 1 + _LOOK_AHEAD]:
        first = next((c for c in row if not c.blank), None)
        if first is not None and header_field(first.text) in _OPENING_FIELDS:
            return True
    return False
