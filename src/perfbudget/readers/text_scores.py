"""A 自评表's own total and grade written only in its texts: 「经自评，该项目自评得分95分，评价等级为优」.

Many 自评表 state their 自评得分 neither in the header block (自评得分 | 95) nor in a 总分 row, but in the 评价结论
(自评结论, 总体评价 …) below the indicators, or in the goal's 实际完成情况. A person reads it there; this module reads
it too, from the cell that states it (its location), as Decimal, so that ``Project.table_total`` (and
``table_grade``) and every check made with them — the sum of the table's 得分 (readers/score_sums.py) and the
scoring's total (evaluate/from_table.py) — hold for these tables as for those that type it (readers/stated_scores.py).

Read: a total named as the table's own — 自评得分, 自评总分, 自评总得分, 评价得分, 综合得分, 综合评分, 最终得分, 总得分,
or a bare 得分 / 评分 of 项目 (本项目, 该项目, 项目) — followed by its points (``为``, ``是``, ``达`` … between) and 分;
at most 100. A grade: 等级 (评价等级, 自评等级, 绩效等级) followed by 优, 良, 中, 差 (优秀, 良好, 中等, 较差). Not read:
a part's points (产出指标得分40分, 预算执行率得分10分: a clause naming 指标, 率, 分值 or 权重 before the figure), the
full marks (满分100分, 总分100分 — a bare 总分 is the form's scale as often as its result), a goal (预计, 目标, 力争 …
before the figure; 以上, 左右 … after it). A text stating two different totals (or grades) says nothing certain: none is
taken, a note names them. The table's typed total (header, 总分 row) comes first; where the text states another, a
warning at the text's cell says so (the typed one kept)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import TypeVar

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import label_key
from perfbudget.readers.stated_execution import CLOSING_LABELS, RESULT_LABELS

TEXT_LABELS = RESULT_LABELS | CLOSING_LABELS
_CLAUSES = re.compile(r"[，。；;,!！？?\n]")
# the total's name, then its points: 自评得分95分, 该项目自评总分为95.5分, 综合得分：95分, 本项目得分95分
_TOTAL = re.compile(r"(自评总得分|自评得分|自评总分|自评分数|自评分|评价得分|评价总分|综合得分|综合评分|最终得分|总得分"
                    r"|(?:项目|项目的)(?:得分|评分))"
                    r"(?:为|是|达|达到|共|共计|合计|约)?[:：]?(\d{1,3}(?:\.\d+)?)分")
_GRADE = re.compile(r"(?:评价|自评|绩效|综合)?等级(?:为|是|评定为|评为|属于)?[:：]?[\"“「『《]?"
                    r"(优秀|良好|中等|较差|优|良|中|差)")
_GRADES = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "中等": "中", "差": "差", "较差": "差"}
_PART_WORDS = re.compile(r"指标|率|分值|权重|满分|标准分")
_GOAL_WORDS = re.compile(r"目标|预期|预计|计划|要求|确保|力争|争取|不低于|不少于|应|须|需")
_BOUND_AFTER = ("以上", "以下", "左右", "以内", "及以上")
# what a note quotes of the texts: a clause is a sentence of a cell, and a cell may be a file's whole text (a note
# naming each of 8,000 different totals of one 168 KB clause was 625 MB, the read 2.4 GB, until attack30)
MOST_QUOTED = 100  # characters of a clause
MOST_NAMED = 5  # clauses named in one note

Value = TypeVar("Value", Decimal, str)


def _clauses(text: str) -> list[str]:
    return [clause for clause in _CLAUSES.split("".join(unicodedata.normalize("NFKC", text).split())) if clause]


def text_scores(extras: list[tuple[str, Cell]], problems: list[Problem]) -> tuple[
        tuple[Decimal, Source, str] | None, tuple[str, Source, str] | None]:
    """((total, where, clause), (grade, where, clause)) the table's texts state, each None when they state none or
    state two that differ (a note names them: see the module's note)."""
    totals: dict[Decimal, tuple[Source, str]] = {}
    grades: dict[str, tuple[Source, str]] = {}
    for label, cell in extras:
        text = cell.text
        if not label or "/" in label or ("分" not in text and "等级" not in text) \
                or label_key(label) not in TEXT_LABELS:
            continue
        for clause in _clauses(text):
            part, goal = _PART_WORDS.search(clause), _GOAL_WORDS.search(clause)  # each clause's first, found once
            for match in _TOTAL.finditer(clause):
                start = match.start()
                if _before(_PART_WORDS, clause, part, start) or _before(_GOAL_WORDS, clause, goal, start) \
                        or clause.startswith(_BOUND_AFTER, match.end()):
                    continue
                value = Decimal(match.group(2))
                if value <= 100:
                    totals.setdefault(value, (cell.source, clause))
            for match in _GRADE.finditer(clause):
                if not _before(_GOAL_WORDS, clause, goal, match.start()):
                    grades.setdefault(_GRADES[match.group(1)], (cell.source, clause))
    return _one(totals, "自评得分", problems), _one(grades, "评价等级", problems)


def _before(words: re.Pattern[str], clause: str, first: re.Match[str] | None, end: int) -> bool:
    """Whether ``words`` (literal words, none the start of another) occur in ``clause[:end]``, given their first
    occurrence in the whole clause: the same answer as ``words.search(clause[:end])`` from a look at the few
    characters that occurrence spans. (That search, made for each figure of a clause, read the clause again from its
    start: a closing text of 「自评得分1分」 × 8,000 cost 2.2 s of CPU, attack30.)"""
    if first is None or first.start() >= end:
        return False  # no occurrence starts before ``end`` (an occurrence in the part is one in the clause)
    return first.end() <= end or words.search(clause, first.start(), end) is not None


def _shown(clause: str) -> str:
    """A clause as a note quotes it: its first :data:`MOST_QUOTED` characters (「…」 when there was more)."""
    return clause if len(clause) <= MOST_QUOTED else clause[:MOST_QUOTED] + "…"


def _one(found: dict[Value, tuple[Source, str]], what: str, problems: list[Problem]) \
        -> tuple[Value, Source, str] | None:
    """The one value the texts state, else None (two or more that differ: a note names them)."""
    if len(found) == 1:
        value, (source, clause) = next(iter(found.items()))
        return value, source, _shown(clause)
    if found:
        clauses = list(dict.fromkeys(clause for _, clause in found.values()))
        shown = "、".join(f"「{_shown(clause)}」" for clause in clauses[:MOST_NAMED])
        more = f"等 {len(found)} 个" if len(clauses) > MOST_NAMED else ""
        problems.append(Problem(next(iter(found.values()))[0], f"文字中写有多个不同的{what}（{shown}{more}），"
                                f"不能确定哪个是表的{what}，未读取", Severity.INFO))
    return None
