"""A 自评表's own total and grade written only in its texts: 「经自评，该项目自评得分95分，评价等级为优」.

Many 自评表 state their 自评得分 neither in the header block (自评得分 | 95) nor in a 总分 row, but in the 评价结论
(自评结论, 总体评价 …) below the indicators, or in the goal's 实际完成情况. A person reads it there; this module reads
it too, from the cell that states it (its location), as Decimal, so that ``Project.table_total`` (and
``table_grade``) and every check made with them — the sum of the table's 得分 (readers/score_sums.py) and the
scoring's total (evaluate/from_table.py) — hold for these tables as for those that type it (readers/stated_scores.py).

Read: a total named as the table's own — 自评得分, 自评总分, 自评总得分, 评价得分, 综合得分, 综合评分, 最终得分, 总得分,
or a bare 得分 / 评分 of 项目 (本项目, 该项目, 项目) — followed by its points (``为``, ``是``, ``达`` … between) and 分;
at most 100. A grade: 等级 (评价等级, 自评等级, 绩效等级) followed by 优, 良, 中, 差 (优秀, 良好, 中等, 较差).

The full mark is never the score (kinds33): 满分, 总分, 总分值, 标准分 name the scale, and so does a 自评总分 (评价总分)
with a score or a deduction after it — 「自评总分100分，得分95分」 is 95, as a person reads it. After a full mark of 100
a bare 得分, 评分, 自评 or 评定 is the total (满分100分，得分95分; 得分95分（满分100分）). A text that names the full
mark with figures but no score a person can name (自评总分100分，扣5分; 满分100分，该项目95分; a score out of 90)
is ambiguous: nothing is read and a warning at its cell says so.

Not read: a part's points (产出指标得分40分, 预算执行率得分10分, 产出指标满分50分，得分45分: a clause naming 指标, 率,
分值 or 权重 before the figure), the full marks alone (满分100分, 总分100分), a goal (预计, 目标, 力争 … before the
figure; 以上, 左右 … after it). A text stating two different totals (or grades) says nothing certain: none is
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
# a named figure in points: the name, then its points (为, 是, 达 … between): 自评得分95分, 满分100分, 扣5分
_NAMES = {
    # the table's own total
    **dict.fromkeys(("自评总得分", "自评得分", "自评分数", "自评分", "评价得分", "综合得分", "综合评分", "最终得分",
                     "总得分", "项目的得分", "项目得分", "项目的评分", "项目评分", "实际得分", "实得分"), "total"),
    # the total, or the full mark when a score follows (自评总分100分，得分95分)
    **dict.fromkeys(("自评总分", "评价总分"), "either"),
    # the full mark (the scale), never the score
    **dict.fromkeys(("满分值", "满分", "总分值", "标准分", "总分"), "scale"),
    # a score only after the full mark it is out of (满分100分，得分95分)
    **dict.fromkeys(("得分", "评分", "自评", "评定", "评为"), "bare"),
    **dict.fromkeys(("扣除", "扣减", "扣分", "扣"), "deduction"),
}
_NAMED = re.compile("(" + "|".join(sorted(_NAMES, key=len, reverse=True)) + r")(?:为|是|达|达到|共|共计|合计|约)?[:：]?"
                    r"(\d{1,3}(?:\.\d+)?)分")
# a figure in points named by nothing before it (满分100分，该项目95分); not a range's (80-90分), not 百分制's
_FIGURE = re.compile(r"(?<![\d.\-－~～至到])(\d{1,3}(?:\.\d+)?)分(?![制值数])")
_GRADE = re.compile(r"(?:评价|自评|绩效|综合)?等级(?:为|是|评定为|评为|属于)?[:：]?[\"“「『《]?"
                    r"(优秀|良好|中等|较差|优|良|中|差)")
_GRADES = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "中等": "中", "差": "差", "较差": "差"}
_PART_WORDS = re.compile(r"指标|率|(?<![总满])分值|权重")  # (总分值, 满分值: the full mark)
_GOAL_WORDS = re.compile(r"目标|预期|预计|计划|要求|确保|力争|争取|不低于|不少于|应|须|需")
_BOUND_AFTER = ("以上", "以下", "左右", "以内", "及以上")
_FULL_MARK = Decimal(100)
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
        clauses = _clauses(text)
        for value, clause in _totals(clauses, cell.source, problems):
            totals.setdefault(value, (cell.source, clause))
        for clause in clauses:
            goal = _GOAL_WORDS.search(clause)  # (its first, found once: linear, attack30)
            for match in _GRADE.finditer(clause):
                if not _before(_GOAL_WORDS, clause, goal, match.start()):
                    grades.setdefault(_GRADES[match.group(1)], (cell.source, clause))
    return _one(totals, "自评得分", problems), _one(grades, "评价等级", problems)


def _totals(clauses: list[str], source: Source, problems: list[Problem]) -> list[tuple[Decimal, str]]:
    """The totals one text states, each with the words a person reads it from. A full mark (满分100分, 总分100分, or
    a 自评总分 with a score after it) is never one: the score after it is (得分95分). A text naming the full mark
    with figures after it but no score a person can name (扣5分, 该项目95分) is warned of, nothing read."""
    figures: list[tuple[str, Decimal, int]] = []  # (kind, points, clause index) of each named figure, in order
    for index, clause in enumerate(clauses):
        if "分" not in clause:
            continue
        part, goal = _PART_WORDS.search(clause), _GOAL_WORDS.search(clause)  # (the first's end: linear, attack29)
        for match in _NAMED.finditer(clause):
            kind = _NAMES[match.group(1)]
            if kind != "scale" and kind != "deduction" and (
                    (goal is not None and goal.end() <= match.start())
                    or clause.startswith(_BOUND_AFTER, match.end())):
                continue  # a goal (力争自评得分95分, 自评得分90分以上)
            if part is not None and part.end() <= match.start():
                kind = "part"  # a part's points (产出指标得分40分, 预算执行率满分10分) or its full mark
            figures.append((kind, Decimal(match.group(2)), index))
    # the last figure that scores or deducts: a 自评总分 before it names the full mark
    last_scored = max((k for k, (kind, _, _) in enumerate(figures) if kind in ("total", "bare", "deduction")),
                      default=-1)
    found: list[tuple[Decimal, str]] = []
    scale: tuple[Decimal, int] | None = None  # the full mark the figures after it are out of
    unread: list[int] = []
    last_unnamed: int | None = None  # the last clause with points named by no word (found once, when asked)
    full_mark = False  # whether the text names a full mark
    for k, (kind, points, index) in enumerate(figures):
        if kind == "either" and k < last_scored:
            kind = "scale"  # 自评总分100分，得分95分 (or 扣5分): the full mark
        elif kind == "either":
            last_unnamed = _last_unnamed(clauses) if last_unnamed is None else last_unnamed
            if last_unnamed >= index:
                kind = "scale"  # 自评总分100分，该项目95分: the full mark, then points a person cannot name
        if kind == "bare" and scale is None and k + 1 < len(figures) \
                and figures[k + 1][0] == "scale" and figures[k + 1][2] == index:
            scale = figures[k + 1][1], index  # 得分95分(满分100分): the full mark right after it
        if kind == "scale" or kind == "part":
            scale = (points, index) if kind == "scale" else None
            full_mark = full_mark or kind == "scale"
        elif kind == "total" or kind == "either":
            if points <= _FULL_MARK:
                found.append((points, clauses[index]))
        elif kind == "bare" and scale is not None and scale[0] == _FULL_MARK and points <= _FULL_MARK:
            found.append((points, _between(clauses, scale[1], index)))
        elif scale is not None:
            unread.append(index)  # 扣5分, or a score out of another full mark (总分90分，得分85分)
    if not found and (unread or (full_mark and (
            (_last_unnamed(clauses) if last_unnamed is None else last_unnamed) >= 0))):
        shown = "，".join(clauses[:max(unread, default=len(clauses) - 1) + 1])
        shown = shown if len(shown) <= 80 else shown[:80] + "……"
        problems.append(Problem(source, f"文字「{shown}」写有满分或总分及其他分数，但不能确定哪个是表的自评得分："
                                        "未读取，请核对", Severity.WARNING))
    return found


def _between(clauses: list[str], first: int, last: int) -> str:
    """The words from the full mark's clause to the score's (满分100分，得分95分), those far apart shortened."""
    if last - first > 2:
        return f"{clauses[first]}……{clauses[last]}"
    return "，".join(clauses[first:last + 1])


def _last_unnamed(clauses: list[str]) -> int:
    """The last clause holding points named by no word (满分100分，该项目95分), not a goal's or a bound's (90分以上);
    -1 for none."""
    for index in range(len(clauses) - 1, -1, -1):
        clause = clauses[index]
        if "分" not in clause:
            continue
        goal = _GOAL_WORDS.search(clause)
        masked = _NAMED.sub(lambda match: "名" * len(match.group()), clause)  # (named figures out, places kept)
        if any(not masked.startswith(_BOUND_AFTER, figure.end()) and (goal is None or goal.end() > figure.start())
               for figure in _FIGURE.finditer(masked)):
            return index
    return -1


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
