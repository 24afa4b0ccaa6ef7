"""A read 自评表's own figures as fill-in sheet rows, so that scoring the table gives its own totals.

A 项目支出绩效自评表 read by :mod:`perfbudget.readers` keeps, beside each indicator's target, its 实际完成值,
分值 and 得分 (:class:`perfbudget.model.Indicator`), and in the project's extras the funds grid
(``年度资金总额/全年执行数``, ``年度资金总额/分值`` …) and the goal's 实际完成情况. These rows say the same as a
filled-in sheet would (:mod:`perfbudget.evaluate.sheet`), each at the table's own cell:

* ``全年执行数`` (with the execution 分值) and ``全年预算数`` from the funds grid's total row (年度资金总额, 年度
  财政资金总额 …; its 执行数 or 全年执行数 column, 分值 or 权重): ``Budget.executed`` and ``Budget.weight`` at their
  cells where the reader typed them, else the row's extras;
* ``总体目标完成情况`` from 实际完成情况;
* one row per indicator: its 实际完成值 and 分值; for a qualitative indicator (not a quantity; a time target
  whose 实际完成值 is no date) its 得分 and the 完成等级 whose band holds 得分 ÷ 分值 (the table prints the
  score, not the grade; on a band's bound the higher grade, whose band holds the same score), with how it was found
  (``完成等级依据``, said in the explanation); without a 得分, the grade its 实际完成值 states in words (部分完成,
  未达标: ``vocabulary.stated_grade``, kinds42); words that disagree with the 得分 are warned, the 得分 grading.

Nothing is guessed: a cell the table leaves empty stays empty, and scoring reports it as it would for a sheet.
The total and grade the table gives itself (``Project.table_total``, ``table_grade``) are compared with the scoring's
by :func:`table_score_check`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from perfbudget.config import Limits
from perfbudget.evaluate.actuals import SheetRow
from perfbudget.evaluate.result import Evaluation
from perfbudget.evaluate.vocabulary import (
    COL_ACTUAL,
    COL_DEVIATION,
    COL_EMPTY_BECAUSE,
    COL_GRADE,
    COL_GRADE_BASIS,
    COL_LEVEL3,
    COL_PROJECT,
    COL_SCORE,
    COL_WEIGHT,
    GRADE_BANDS,
    GRADES,
    ROW_BUDGET,
    ROW_EXECUTED,
    ROW_GOAL,
    is_time_group,
    open_grade_reason,
    stated_grade,
)
from perfbudget.framework import LEVEL1_COST
from perfbudget.model import Document, Indicator, Kind, Problem, Project, Severity, Source
from perfbudget.target import format_decimal
from perfbudget.time_target import due_of, parse_done
from perfbudget.vocabulary import DocumentKind

_CENT = Decimal("0.01")
_EXECUTED = ("全年执行数", "执行数", "预算执行数", "资金执行数")
_WEIGHT = ("分值", "权重")
_BUDGET = ("全年预算数", "调整后预算数")
_GOAL_RESULT = "实际完成情况"
_POINTS_NOTE = re.compile(r"\d\s*分")  # 效益指标(40分): the group's points written in its label


def _extra(project: Project, label: str) -> str:
    return next((value for key, value in project.extras if key == label), "").strip()


def _funds(project: Project, column: tuple[str, ...]) -> str:
    """The funds grid's total row (its first row) under the first column named one of ``column``: the
    ``年度资金总额/全年执行数`` or ``年度财政资金总额/执行数`` extra ("" when the table has none)."""
    rows = [key.split("/", 1) for key, _ in project.extras if "/" in key]
    if not rows:
        return ""
    total_row = rows[0][0]
    for key, value in project.extras:
        row, _, name = key.partition("/")
        if row == total_row and name in column:
            return value.strip()
    return ""


def _graded(indicator: Indicator, fund_year: int | None) -> bool:
    """Whether the indicator is scored by a grade: not from its value (a quantity) nor its completion date."""
    target = indicator.target
    if target.kind is Kind.QUANTITATIVE and target.value is not None:
        return False
    return due_of(target) is None or not isinstance(parse_done(indicator.actual or "", fund_year), tuple)


def _grade(indicator: Indicator, weight: Decimal | None) -> tuple[str, str, str]:
    """(the 完成等级, how it was found, a warning or "") of a graded row: the grade whose band holds the table's
    得分 ÷ 分值, else the one its 实际完成值 states in words (部分完成: ``vocabulary.stated_grade``, kinds42); ("", "",
    "") when neither is given. The table's 得分 is the evaluator's own; the grade read from the words is inferred, so
    where they disagree (已完成 at 28 of 40) the 得分's band grades the row, warned (the second reading of kinds42:
    the table was refused and got no 总分). A fill-in sheet that leaves 完成等级 empty is graded by the words in
    ``resolve``, an out-of-band 得分 an error there."""
    actual = (indicator.actual or "").strip()
    # (a time target's 实际完成值 is its completion date: no grade in words, as in a fill-in sheet; kinds44's mend)
    timed = is_time_group(indicator.level2)
    stated = stated_grade(actual, timed) if due_of(indicator.target) is None else None
    words = f"取自实际完成值「{actual}」"
    if indicator.score is None or not weight:
        return (stated, words, "") if stated else ("", "", "")
    ratio = indicator.score / weight
    grade = next((grade for grade in GRADES if GRADE_BANDS[grade][0] <= ratio <= GRADE_BANDS[grade][1]), "")
    if not grade or stated == grade:  # beyond 分值 with words: scored against their band, an error there
        return (stated, words, "") if stated else ("", "", "")
    figures = f"得分 {indicator.score} ÷ 分值 {weight} = {(ratio * 100).quantize(_CENT, ROUND_HALF_UP)}%"
    if stated:
        return grade, f"实际完成值「{actual}」所述等级与得分不符，按{figures} 所在区间定", (
            f"指标「{indicator.level3}」的实际完成值「{actual}」所述完成等级「{stated}」与{figures} 所在区间的"
            f"完成等级「{grade}」不符：按表中得分定为「{grade}」，请核对")
    if (why := open_grade_reason(actual, timed)) is not None:
        return grade, f"实际完成值「{actual}」{why}，按{figures} 所在区间定", ""
    # the usual row (no grade written, none in the words): the line's own 「区间为…，评价人给分…」 says it (a basis
    # here made each of a self-evaluation's notes a line longer, and its form no longer printed on one page, print28)
    return grade, "", ""


def group_shares(project: Project, execution: Decimal | None) -> dict[int, Decimal]:
    """A 分值 column written only on each 一级 group's first row (a cell merged over the group's rows, as units draw
    it): position → the row's share of its group's points, split equally in cents (the rule's split of a group's
    points, weights.py); {} for any other column. Taken only where the arithmetic decides: every group's first row
    holds its 分值 and no other row does, one group at least has more rows, and those 分值 with the execution's (the
    grid's, else 10) make 100 — read as the rows' own, the rows left empty would take points beyond 100 (kinds37:
    until then 分值合计为 110.00 分…请修改分值的指标 named rows that need no change, and a qualitative row without its
    分值 could not be graded by its 得分)."""
    from perfbudget.evaluate.weights import scoring_group, split_cents

    groups: dict[str, list[int]] = {}
    for position, indicator in enumerate(project.indicators, 1):
        groups.setdefault(scoring_group(indicator.level1, indicator.level2), []).append(position)
    weights = [indicator.weight for indicator in project.indicators]
    if len(groups) < 2 or all(len(members) == 1 for members in groups.values()) or any(
            weights[members[0] - 1] is None or any(weights[p - 1] is not None for p in members[1:])
            or members != list(range(members[0], members[0] + len(members)))  # (a group's rows one after another)
            for members in groups.values()):
        return {}
    firsts = [weights[members[0] - 1] or Decimal(0) for members in groups.values()]
    if sum(firsts, execution if execution is not None else Decimal(10)) != 100 \
            or any(points != points.quantize(Decimal("0.01")) or points <= 0 for points in firsts):
        return {}
    shares: dict[int, Decimal] = {}
    for members, points in zip(groups.values(), firsts, strict=True):
        shares.update(zip(members, split_cents(points, [Decimal(1)] * len(members)), strict=True))
    return shares


def executed_by_rate(project: Project, notes: list[Problem] | None, file: str) -> str:
    """The 全年执行数 a funds grid that leaves it empty but writes its 执行率 says (kinds38): 预算数 × 执行率, told in
    ``notes`` — the table's own two figures, so the execution is scored by the rate it states (until then refused:
    「全年执行数」的实际完成值为空); "" where the rate or the budget is not written."""
    grid = project.budget
    if grid.rate is None or not grid.total:
        return ""
    executed = format_decimal(grid.total * grid.rate / 100)
    if notes is not None:
        notes.append(Problem(project.sources.get("budget.rate") or project.sources.get("budget.total")
                             or project.source or Source(file),
                             f"项目「{project.name_cell or project.name}」资金表的全年执行数为空：按表中执行率 "
                             f"{format_decimal(grid.rate)}% × 预算数 {format_decimal(grid.total)} 读作全年执行数 "
                             f"{executed}；请填写全年执行数", Severity.WARNING))
    return executed


def default_shares(project: Project, notes: list[Problem] | None, file: str) -> dict[int, Decimal]:
    """A 自评表 without a 分值 column whose 得分 are given (kinds38): position → the row's share of the official
    default points (预算执行率 10, 产出 50, 效益 30, 满意度 10, split in cents as the scoring splits them), which the
    scoring weighs the rows by — so a qualitative row is graded by its 得分 against the same points, told in
    ``notes``. {} wherever the table shows points of its own — a row has a 分值, a 一级 label holds its group's
    points (效益指标(40分)), the funds grid gives the execution other points than 10 or a 得分 above them, a 得分
    exceeds its row's share — and where a row lacks its 得分 or the groups are not the defaults' three (a group
    missing would take the others' points; a 部门整体 form): the rows stay ungraded, refused as before."""
    from perfbudget.evaluate.weights import Weights, allocate, scoring_group

    indicators = project.indicators
    defaults = Weights()
    if not indicators or any(i.weight is not None or i.score is None or _POINTS_NOTE.search(i.level1)
                             for i in indicators) \
            or project.budget.weight not in (None, defaults.execution) \
            or (project.budget.score is not None and project.budget.score > defaults.execution) \
            or {scoring_group(i.level1, i.level2) for i in indicators} - {LEVEL1_COST} \
            != {group for group, _points in defaults.groups}:
        return {}  # (the table's own points: a group's in its label, 效益指标(40分); an execution's 得分 of 20)
    allocation = allocate(project, Weights())
    if allocation.errors or any(i.score > allocation.weights.get(position, Decimal(0))  # type: ignore[operator]
                                for position, i in enumerate(indicators, 1)):
        return {}
    if notes is not None:
        name = project.name_cell or project.name
        points = "、".join(f"{pool} {_text(value)} 分" for pool, value in (("预算执行率", defaults.execution),
                                                                         *allocation.pools))
        notes.append(Problem(indicators[0].source or project.source or Source(file),
                             f"项目「{name}」的自评表没有分值列：按默认分值（{points}，组内平均分配）计分，定性指标的"
                             "完成等级按表中得分占该分值的比例确定；请核对表中得分所依的分值", Severity.WARNING))
    return dict(allocation.weights)


def _cut_before_funds(project: Project) -> dict[str, str]:
    """The reason a cut table of which no funds grid was read gives no 全年执行数 (corpus 197, cut before its funds;
    20, 162, 191 …, kinds43's second reading: the refusal said 「实际完成值为空，请填写金额」, a fill-in sheet's words,
    as if the table had left the cell empty); none for any other table."""
    if project.cut is None or project.budget.total is not None or any("/" in key for key, _ in project.extras):
        return {}
    return {COL_EMPTY_BECAUSE: "没有读到：表格在此中断，读出的部分没有资金表，请提供完整的表格"}


def _text(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def _rows_of(rows: list[SheetRow], name: str, where: Source) -> Callable[..., None]:
    """An appender of one project's rows (each at its own cell, else where the table starts)."""
    def row(level3: str, source: Source | None, **cells: str) -> None:
        rows.append(SheetRow(source or where, {COL_PROJECT: name, COL_LEVEL3: level3, **cells}))
    return row


def sheet_rows_from_document(document: Document, file: str, notes: list[Problem] | None = None) -> list[SheetRow]:
    """The fill-in rows the read 自评表 ``document`` itself gives (see the module docstring); a 分值 column read as its
    groups' points (:func:`group_shares`) is said in ``notes``."""
    rows: list[SheetRow] = []
    for project in document.projects:
        row = _rows_of(rows, project.name_cell or project.name, project.source or Source(file))
        grid = project.budget  # the funds grid's total row typed (readers/execution_cells.py), else its extras
        executed = _text(grid.executed) or _funds(project, _EXECUTED) or executed_by_rate(project, notes, file)
        cut = _cut_before_funds(project) if not executed else {}
        row(ROW_EXECUTED, project.sources.get("budget.executed") or project.sources.get("budget.total")
            or (project.cut if cut else None),  # (a table cut before its funds: refused where it broke)
            **{COL_ACTUAL: executed, COL_WEIGHT: _text(grid.weight) or _funds(project, _WEIGHT), **cut})
        if budget := _funds(project, _BUDGET):
            row(ROW_BUDGET, project.sources.get("budget.total"), **{COL_ACTUAL: budget})
        if goal := _extra(project, _GOAL_RESULT):
            row(ROW_GOAL, project.sources.get("goals"), **{COL_ACTUAL: goal})
        shares = group_shares(project, grid.weight)
        if shares and notes is not None:
            first = project.indicators[0]
            groups = "、".join(f"{indicator.level1} {_text(indicator.weight)} 分" for position, indicator
                               in enumerate(project.indicators, 1) if indicator.weight is not None)
            name = project.name_cell or project.name
            notes.append(Problem(first.source or project.source or Source(file),
                                 f"项目「{name}」的分值只写在各一级指标的第一行（{groups}）："
                                 "按各一级指标的分值读取，组内各指标平均分配", Severity.WARNING))
        shares = shares or default_shares(project, notes, file)
        for position, indicator in enumerate(project.indicators, 1):
            weight = shares.get(position, indicator.weight)
            grade, basis, warning = _grade(indicator, weight) if _graded(indicator, project.fund_year) else ("", "", "")
            if warning and notes is not None:
                notes.append(Problem(indicator.source or project.source or Source(file), warning, Severity.WARNING))
            row(indicator.level3, indicator.source, **{
                COL_ACTUAL: indicator.actual or "", COL_WEIGHT: _text(weight),
                COL_GRADE: grade, COL_GRADE_BASIS: basis, COL_SCORE: _text(indicator.score) if grade else "",
                COL_DEVIATION: indicator.deviation or ""})
    return rows


def table_score_check(document: Document, evaluation: Evaluation) -> list[Problem]:
    """Each scored project's total and grade against those its 自评表 gives itself (``Project.table_total`` and
    ``table_grade``, at their cells): a note where they agree, a warning where they differ (the table's own
    arithmetic, its rounding, or weights it writes where perfbudget does not read them: FAILURES.md AP, AS)."""
    by_seq = {project.seq: project for project in document.projects}
    problems: list[Problem] = []
    for scored in evaluation.projects:
        project = by_seq.get(scored.seq)
        if project is None or (project.table_total is None and project.table_grade is None):
            continue
        name = project.name_cell or project.name
        ours = scored.total.quantize(_CENT, ROUND_HALF_UP)
        if project.table_total is not None:
            at = project.sources.get("table_total") or project.source or Source(evaluation.document_file or "")
            stated = project.table_total
            if stated == ours:
                problems.append(Problem(at, f"项目「{name}」按评分规则计算的总分 {ours} 与表中的自评得分 {stated} 一致",
                                        Severity.INFO))
            else:
                problems.append(Problem(at, f"项目「{name}」表中的自评得分为 {stated}，按评分规则计算为 {ours}（相差 "
                                            f"{abs(ours - stated)}）：请核对表中的分值、得分与执行率",
                                        Severity.WARNING))
        if project.table_grade is not None and project.table_grade != scored.grade:
            at = project.sources.get("table_grade") or project.source or Source(evaluation.document_file or "")
            problems.append(Problem(at, f"项目「{name}」表中的评价等级为「{project.table_grade}」，按计算的总分 {ours} "
                                        f"应为「{scored.grade}」", Severity.WARNING))
    return problems


def execution_score_check(document: Document) -> list[Problem]:
    """Each project's own 预算执行率 得分 (``Budget.score``) against its own figures, by the official rule (rules.md
    §4: 分值 × min(1, 全年执行数 ÷ 预算数)): a warning at the 得分 cell where they disagree beyond the table's
    rounding — a table giving itself the full 10 points at 53 % execution. The rate is 全年执行数 ÷ 预算数 where the
    table gives both (its grid's, or its text's: readers/stated_execution.py), else its written 执行率 (its rounding
    allowed for). The table's figures are kept; the scoring computes its own execution points either way."""
    if document.kind == DocumentKind.MONITORING:
        return []  # a period's execution, not the year's (its points, if any, are no 自评's)
    problems: list[Problem] = []
    for project in document.projects:
        budget = project.budget
        if budget.score is None or not budget.weight:
            continue
        if budget.executed is not None and budget.total:
            rate = budget.executed / budget.total * 100
            shown = rate.quantize(_CENT, ROUND_HALF_UP)
            said, slack = f"全年执行数 {budget.executed} ÷ 预算数 {budget.total}（{shown}%）", Decimal(0)
        elif budget.rate is not None:
            rate, said, slack = budget.rate, f"执行率 {budget.rate}%", _half_step(budget.rate)
        else:
            continue
        due = budget.weight * min(Decimal(1), rate / 100)
        if abs(budget.score - due) <= _half_step(budget.score) + budget.weight * slack / 100:
            continue
        at = project.sources.get("budget.score") or project.source or Source(document.source.file if document.source
                                                                              else "")
        problems.append(Problem(at, f"项目「{project.name_cell or project.name}」表中的预算执行率得分为 {budget.score}"
                                    f"（分值 {budget.weight}），按{said}应为 {due.quantize(_CENT, ROUND_HALF_UP)} 分"
                                    "（分值 × 执行率，最高为分值）：表中得分与执行情况不符，请核对预算执行率得分",
                                Severity.WARNING))
    return problems


def _half_step(written: Decimal) -> Decimal:
    """Half the last written digit of a figure: 10 → 0.5, 5.30 → 0.005 (the table's own rounding)."""
    exponent = written.as_tuple().exponent
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else Decimal(0)


def actuals_record(data: bytes, file: str, limits: Limits | None = None,
                   table: Document | None = None) -> tuple[list[SheetRow], list[Problem]]:
    """The actuals a file gives for a 自评: a fill-in sheet's rows (CSV or xlsx, ``template``) as before; a file that is
    no such sheet but reads as a 绩效自评表 (any form ``perfbudget read`` reads: docx, xlsx, text …) gives its own
    figures (:func:`sheet_rows_from_document`), and so does ``table``, a 自评表 already read (``evaluate 自评表 -a
    自评表``). Until replay-o only a 自评表 scored as its own file was read so: ``evaluate PROJECT --db -a 自评表.docx``
    (and so ``--save``) read the .docx as a workbook (「无法读取 xlsx 文件」), and the 自评 page's upload alike, while a
    监控表 was read as its progress record on every face (:mod:`perfbudget.evaluate.from_monitoring_table`)."""
    from perfbudget.evaluate.sheet import read_sheet_bytes

    if table is None:
        rows, problems = read_sheet_bytes(data, file, "evaluation", limits)
        if not any(p.severity is Severity.ERROR for p in problems):
            return rows, problems
        from perfbudget.load import load_bytes

        loaded = load_bytes(data, file, limits=limits)
        if loaded.document is None or loaded.document.kind != DocumentKind.SELF_EVALUATION:
            return rows, problems  # no 自评表 either: the sheet's errors say what is wrong
        if not loaded.ok:
            return [], [p for p in loaded.problems if p.severity is Severity.ERROR]
        table = loaded.document
    notes: list[Problem] = []
    return sheet_rows_from_document(table, file, notes), notes
