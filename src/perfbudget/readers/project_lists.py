"""A list of projects, one a numbered entry, under column heads that name each project's unit and department.

A summary of the year's evaluations (a 专项债券 bond's 绩效评价情况表, a unit's 自评结果 list) heads its columns
``序号 | 主管部门 | 项目单位 | 项目名称 | 发行金额(亿元) | 评价得分 | 评价结果 | 备注`` and gives a project a row. Its
heads 主管部门 and 项目单位 are a form's own labels too, so by its labels alone the header is a form's header block
cut before its indicators. What tells them apart is what follows: a form's label is followed by its value, a list's
heads by the numbered entries (``1 | 三门县住建局 | … | 三门县老旧小区改造项目 | 0.1 | 94 | 优 | …``), each as long as
the heads (a cell the page left empty may be dropped), with a project's name under 项目名称.

Rows of cells keep an entry on its own row; a page copied one cell a line gives the heads and the entries in one
row, where an entry runs from its number to the next (``1`` … ``2`` …).
"""

from __future__ import annotations

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import field_of_key, label_key
from perfbudget.readers.stated_scores import GRADE_LABELS, TOTAL_LABELS

# a list's score or grade heads (评价得分, 自评分数, 评价结果 …): taken with numbered entries under them only
RESULT_HEADS = TOTAL_LABELS | GRADE_LABELS | {"总分", "评价结果"}
_SEQUENCE_HEAD = "序号"
_DROPPED = 2  # cells a page may leave out of an entry (empty 评价结果, 备注)


def numbered_project_list(rows: list[list[Cell]], index: int) -> bool:
    """Whether ``rows[index]`` heads a list of projects: its cells up to the first entry number ``1`` are
    column heads holding 项目名称 and a score or grade head (``RESULT_HEADS``), and the entry after them —
    the next row, or the rest of the row one cell a line — is as long as the heads with a project's name,
    no label and no number, under 项目名称."""
    following = [c.text.strip() for c in rows[index + 1] if not c.blank] if index + 1 < len(rows) else []
    return project_list_texts([c.text.strip() for c in rows[index] if not c.blank], following)


def project_list_texts(cells: list[str], following: list[str]) -> bool:
    """:func:`numbered_project_list` of a row's filled cells and the next row's (texts, stripped)."""
    try:
        first = cells.index("1")
    except ValueError:
        first = len(cells)
    heads = [label_key(t) for t in cells[:first]]
    if "项目名称" not in heads or not any(h in RESULT_HEADS for h in heads) or len(heads) < 3 \
            or any(_is_number(t) for t in cells[:first]):
        return False
    if first < len(cells):  # one cell a line: the entries follow the heads in the row
        rest = cells[first:]
        entry = rest[:rest.index("2")] if "2" in rest else rest
    elif following and following[0] == "1":
        entry = following
    else:
        return False
    numbered = heads[0] == _SEQUENCE_HEAD  # the 序号 head kept, or dropped with the entry's number left
    width = len(heads) + (0 if numbered else 1)
    if not width - _DROPPED <= len(entry) <= width:
        return False
    at = heads.index("项目名称") + (0 if numbered else 1)
    if at >= len(entry):
        return False
    name = entry[at]
    return not _is_number(name) and field_of_key(label_key(name)) is None and label_key(name) not in heads


def _is_number(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()
