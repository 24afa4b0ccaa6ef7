"""The total score and grade a 自评表 gives itself: ``Project.table_total`` and ``Project.table_grade``.

A 项目支出绩效自评表 writes its own total either in its header block (自评得分 | 92分, 自评总分： | 99.68, 评价等级 |
优) or in the 总分 row closing its indicators (readers/total_rows.py keeps that row's figures as ``总分/得分`` …,
its grade as ``总分/等级``). perfbudget scores the table itself (``evaluate FILE -a FILE``); these two fields let the
score check compare its total and grade with the table's. The header's figure comes first, the 总分 row's 得分
after it (the two disagreeing is warned of); in the header a score labelled as one (自评得分) comes before a
自评总分 beside it, which may name the full mark (自评总分 | 100 | 自评得分 | 95 is 95, kinds33); a grade is one of
优 良 中 差 (优秀, 良好, 中等, 较差 as those), anything else (合格) is left untyped, its text kept in the extras.
A table that states its own 自评得分 or 评价等级 is a self-evaluation even when it is cut before its indicator
header (corpus 149, r96).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TypeVar

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import label_key
from perfbudget.readers.text_scores import text_scores

# header-block labels (label_key) of the table's own total score and grade
TOTAL_LABELS = frozenset({"自评得分", "自评总分", "自评总得分", "绩效自评得分", "项目自评得分", "自评分数", "评价得分",
                          "评价总分", "自评分值"})
# of those, the labels that may name the full mark: beside a score labelled as one (自评总分 | 100 | 自评得分 | 95), the
# score is the total, as a person reads it (kinds33); alone, they are the total
SCALE_OR_TOTAL_LABELS = frozenset({"自评总分", "评价总分", "自评分值"})
GRADE_LABELS = frozenset({"评价等级", "自评等级", "绩效等级", "绩效评价等级", "自评结果等级", "评价结果等级"})
_ROW_SCORES = frozenset({"总分/得分", "合计/得分", "总分合计/得分", "得分合计/得分"})
_ROW_GRADES = frozenset({"总分/等级", "合计/等级"})
_POINTS = re.compile(r"^((?:0|[1-9]\d{0,2})(?:\.\d+)?)\s*分?$")
# 自评得分：92分 in one cell: the label and where its value starts (the value is the rest of the cell, see _in_cell)
_IN_CELL = re.compile(r"\s*([^:：\d]{2,8})\s*[:：]\s*(?=\S)")
Value = TypeVar("Value", Decimal, str)
GRADES = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "中等": "中", "差": "差", "较差": "差"}


def _in_cell(text: str) -> tuple[str, str] | None:
    """(label, value) of a cell holding both (自评得分：92分), the value without the white space after it and on one
    line; None for any other cell. (A lazy value before 「\\s*$」 tried the rest of the cell again after each of its
    characters: a value holding a run of 50,000 spaces was quadratic, attack27.) The match starts at most 7 characters
    before the cell's first that is no white space: the label (2–8 characters, white space among them) starts
    there or later whenever it starts anywhere (a longer leading run only let the leading ``\\s*`` try each of its
    lengths again: a Word cell of 8,000 spaces and 「分」 cost 2.4 s of CPU, attack30)."""
    lead = len(text) - len(text.lstrip())
    pair = _IN_CELL.match(text, max(0, lead - 7))
    if pair is None:
        return None
    value = text[pair.end():].rstrip()
    return None if "\n" in value else (pair.group(1), value)


# a total or grade written on the table's title line after its name (kinds36: 「项目支出绩效自评表（2023年度）
# 自评得分：90.5分」): the label, then its figure or grade word, as a label–value cell would hold them
_TITLE_PAIR = re.compile("(" + "|".join(sorted(TOTAL_LABELS | GRADE_LABELS, key=len, reverse=True))
                         + r")\s*(?:为|是)?\s*[:：]?\s*"
                         r"((?:0|[1-9]\d{0,2})(?:\.\d+)?\s*分?|优秀|良好|中等|较差|[优良中差])(?![\d.])")


def states_score(line: str) -> bool:
    """Whether a line is a total or grade and nothing else before its figure (``自评得分：90.5分`` on a line of its own
    under the title): a part of the title's line for :func:`title_pairs` (kinds36; it was dropped as plain text)."""
    return ("分" in line or "级" in line) and _TITLE_PAIR.match(line.strip()) is not None


def title_pairs(title: str | None, source: Source) -> list[tuple[str, Cell]]:
    """The (label, cell) pairs of a total or grade written on the title line (located at the table's start), for
    ``stated_scores`` to read before the header block's; none for a title without them (nearly every title)."""
    if not title or ("分" not in title and "级" not in title):
        return []
    return [(found.group(1), Cell(found.group(2), source)) for found in _TITLE_PAIR.finditer(title)]


def points(text: str) -> Decimal | None:
    """A total written as ``92``, ``92分``, ``99.68``: at most 100, else None."""
    found = _POINTS.match(text.strip())
    if found is None:
        return None
    value = Decimal(found.group(1))
    return value if value <= 100 else None


def grade(text: str) -> str | None:
    return GRADES.get("".join(text.split()))


def stated_scores(extras: list[tuple[str, Cell]], problems: list[Problem]) -> tuple[
        tuple[Decimal, Source] | None, tuple[str, Source] | None]:
    """((total, where), (grade, where)) the table states, each None when it states none (see the module's note)."""
    total: tuple[Decimal, Source] | None = None
    row_total: tuple[Decimal, Source] | None = None
    found_grade: tuple[str, Source] | None = None
    total_is_scale = False  # whether the header's total so far is a 自评总分's, which a 自评得分 beside it overrules
    awaiting: str | None = None  # a total's label left empty, whose figure may follow the filled pairs after it
    for label, cell in extras:
        text = cell.text
        if awaiting is not None and (not label or cell.blank):
            # 自评得分 (empty) | 省级财政部门 | 四川省财政厅 | … | 100: the figure under its label (one cell a line:
            # a cell merged down beside the next rows) comes after their pairs (reading-v, corpus 38); only the
            # first unlabelled text, only a score, only after filled pairs
            if not label and total is None and (value := points(text)) is not None:
                total, total_is_scale = (value, cell.source), awaiting in SCALE_OR_TOTAL_LABELS
                awaiting = None
                continue
            awaiting = None
        if not ("分" in label or "级" in label or "计" in label or (not label and ("分" in text or "级" in text))):
            continue  # (every label below holds 分, 级 or 计: most extras are passed over here)
        if not label and (pair := _in_cell(text)) is not None:
            label, text = pair
        if not label:
            continue
        if label in _ROW_SCORES:
            if row_total is None and (value := points(text)) is not None:
                row_total = (value, cell.source)
            continue
        if label in _ROW_GRADES or label in ("总分", "合计"):  # (a row's figures kept in order: a grade among them)
            words = text.split() if label in ("总分", "合计") else [text]
            if found_grade is None and (named := next((g for w in words if (g := grade(w))), None)):
                found_grade = (named, cell.source)
            continue
        key = label_key(label)
        if key in TOTAL_LABELS:
            if cell.blank and total is None:
                awaiting = key
            elif (total is None or (total_is_scale and key not in SCALE_OR_TOTAL_LABELS)) \
                    and (value := points(text)) is not None:
                total, total_is_scale = (value, cell.source), key in SCALE_OR_TOTAL_LABELS
        elif key in GRADE_LABELS and (named := grade(text)) is not None:
            found_grade = (named, cell.source)
    if total is None:
        total = row_total
    elif row_total is not None and row_total[0] != total[0]:
        problems.append(Problem(row_total[1], f"总分行的得分 {row_total[0]} 与表头的自评得分 {total[0]} 不同："
                                              "按表头读取，请核对", Severity.WARNING))
    # written only in its texts (评价结论: 「自评得分95分，评价等级为优」, readers/text_scores.py), where a person
    # reads it
    said_total, said_grade = text_scores(extras, problems)
    return (_with_said(total, said_total, "自评得分", problems),
            _with_said(found_grade, said_grade, "评价等级", problems))


def _with_said(typed: tuple[Value, Source] | None, said: tuple[Value, Source, str] | None, what: str,
               problems: list[Problem]) -> tuple[Value, Source] | None:
    """The table's typed total (or grade), else the one its texts state (a note says so); where both are written and
    differ, a warning at the text's cell, the typed one kept."""
    if said is None:
        return typed
    value, source, clause = said
    if typed is None:
        problems.append(Problem(source, f"表中没有单独填写{what}，{what}取自文字「{clause}」：{value}", Severity.INFO))
        return value, source
    if typed[0] != value:
        problems.append(Problem(source, f"文字「{clause}」写明的{what}（{value}）与表中填写的{what}（{typed[0]}）不同："
                                        "按表中填写的读取，请核对", Severity.WARNING))
    return typed
