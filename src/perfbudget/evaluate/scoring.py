"""Scoring a project (rules.md §4): ``score(project, actuals, weights, options)``, pure.

Weights are whole cents (:func:`perfbudget.evaluate.weights.split_cents`). Each score is
computed exactly and printed rounded to 0.01 (ROUND_HALF_UP); the total is the sum of the
printed scores, so the 得分 column of every output adds up to the 总分 it shows (a total
differs from the exact sum by at most 0.005 per item). The grade follows that total.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from perfbudget.evaluate.actuals import IndicatorActual, ProjectActuals, SheetRow
from perfbudget.evaluate.formulas import (
    Scored,
    deadline,
    exact,
    execution,
    positive,
    qualitative,
    reverse_linear,
    reverse_ratio,
)
from perfbudget.evaluate.numbers import HUNDRED, ZERO, percent, plain, shown
from perfbudget.evaluate.resolve import resolve
from perfbudget.evaluate.result import Evaluation, IndicatorScore, ProjectEvaluation
from perfbudget.evaluate.weights import Allocation, Weights, allocate, department_form
from perfbudget.model import Direction, Document, Indicator, Kind, Problem, Project, Severity, Source, Target
from perfbudget.time_target import due_of

GRADE_THRESHOLDS = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"))
REVERSE_METHODS = ("ratio", "linear")


@dataclass(frozen=True, slots=True)
class ScoreOptions:
    """Choices the rules leave open.

    Attributes:
        reverse: "ratio" (w × A / B, the published local forms; default) or "linear"
            (deduct linearly to 0 at 2A).
    """

    reverse: str = "ratio"


def grade_of(total: Decimal) -> str:
    """优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60, on the total as displayed."""
    display = shown(total)
    for threshold, grade in GRADE_THRESHOLDS:
        if display >= threshold:
            return grade
    return "差"


def _target_value(target: Target) -> tuple[Decimal, str]:
    """A for the formulas: a range's lower bound (positive) or upper bound (reverse)."""
    assert target.value is not None
    if target.upper is not None:
        if target.direction is Direction.REVERSE:
            return target.upper, f"（目标区间 {target.raw}，取上限）"
        return target.value, f"（目标区间 {target.raw}，取下限）"
    return target.value, ""


def _quantitative(weight: Decimal, target: Target, actual: IndicatorActual, options: ScoreOptions) -> Scored:
    assert actual.value is not None
    a, range_note = _target_value(target)
    unit = target.unit or ""
    b = actual.value
    if target.direction is Direction.REVERSE:
        scored = (reverse_linear if options.reverse == "linear" else reverse_ratio)(weight, a, b, unit)
    elif target.direction is Direction.EXACT:
        scored = exact(weight, a, b, unit)
    elif a == 0 and target.op is None and target.upper is None:
        # 0起 under 交通事故发生数 (kinds40): a bare 0 asks for none — 等于 0 (rules.md §4) — not "at least 0",
        # which every actual meets (1起 took the full weight)
        scored = exact(weight, a, b, unit)
        scored = replace(scored, explanation=scored.explanation.replace(
            "等于指标", f"等于指标（目标值「{target.raw}」未写比较符，按等于 0 计分）", 1))
    else:
        scored = positive(weight, a, b, unit)
    notes = range_note + (f"（{actual.unit_note}）" if actual.unit_note else "")
    if notes:
        return Scored(scored.score, scored.formula, f"{scored.explanation}{notes}", scored.flags)
    return scored


def _deadline(weight: Decimal, target: Target, actual: IndicatorActual, fund_year: int | None) -> Scored | str:
    assert actual.done is not None
    due = due_of(target)
    if due is None:  # resolve only dates actuals of time targets
        return f"指标值「{target.raw}」不是时效目标，不能按完成日期计分"
    year = due.end_year or fund_year
    if year is None:
        return f"时效目标「{target.raw}」未写年份，项目也没有资金年度，无法确定截止日期"
    return deadline(weight, target.raw, due.start(year), due.end(year), actual.done, actual.done_note)


def _indicator(position: int, indicator: Indicator, weight: Decimal, actual: IndicatorActual,
               options: ScoreOptions, problems: list[Problem], fallback: Source | None,
               fund_year: int | None = None) -> IndicatorScore:
    target = indicator.target
    if target.kind is Kind.QUANTITATIVE and target.value is not None:
        scored: Scored | str = _quantitative(weight, target, actual, options)
    elif actual.done is not None:
        scored = _deadline(weight, target, actual, fund_year)
    elif actual.grade is None:
        scored = f"定性指标「{indicator.level3}」没有完成等级"
    else:
        scored = qualitative(weight, actual.grade, actual.score, actual.grade_basis)
    if isinstance(scored, str):
        problems.append(Problem(actual.source or fallback or Source("<sheet>"), scored))
        scored = Scored(ZERO, "qualitative", scored)
    return IndicatorScore(
        position=position, level1=indicator.level1, level2=indicator.level2, level3=indicator.level3,
        target=target.raw, actual=actual.text or (actual.grade or ""), actual_value=actual.value,
        grade=actual.grade, weight=weight, score=scored.score, formula=scored.formula,
        explanation=scored.explanation, flags=scored.flags, deviation=actual.deviation, source=actual.source)


def _weight_problems(project: Project, actuals: ProjectActuals, allocation: Allocation,
                     where: Source) -> list[Problem]:
    """Each weight error at the first row whose 分值 must change, naming every such indicator and its row (they
    were all placed at the project's first row, the 全年执行数, until 2026-12-05: leftovers17); an error of the
    ``--weights`` option alone stays at the project."""
    found = []
    for message, positions in zip(allocation.errors, allocation.error_positions, strict=True):
        rows = [(project.indicators[p - 1].level3, source) for p in positions
                if p in actuals.indicators and (source := actuals.indicators[p].source) is not None]
        text = f"项目「{project.name_cell or project.name}」：{message}"
        if rows:
            named = "、".join(f"「{name}」（{_row_text(source)}）" if _row_text(source) else f"「{name}」"
                             for name, source in rows)
            text += f"；请修改分值的指标：{named}"
        found.append(Problem(rows[0][1] if rows else where, text))
    return found


def _row_text(source: Source | None) -> str:
    """「第 3 行」 of a sheet's row (its line in a CSV, its row in a workbook), or ""."""
    if source is None:
        return ""
    number = source.row if source.row is not None else source.line
    return f"第 {number} 行" if number is not None else ""


def score(project: Project, actuals: ProjectActuals, weights: Weights | None = None,
          options: ScoreOptions | None = None, money_unit: str | None = None) -> ProjectEvaluation:
    """Score one project. Problems (weights that do not add up, a qualitative score outside its
    band, no budget) are returned in ``problems``; the result is then not to be used."""
    weights = weights or Weights()
    if actuals.execution_weight is not None and actuals.execution_weight != weights.execution:
        weights = replace(weights, execution=actuals.execution_weight)
    options = options or ScoreOptions()
    problems: list[Problem] = []
    where = actuals.source or project.source or Source("<sheet>")
    given = {p: a.weight for p, a in actuals.indicators.items() if a.weight is not None} | actuals.refused_weights
    notes: tuple[str, ...] = ()
    if (actuals.execution_weight is None and weights.execution and len(given) == len(project.indicators) > 0
            and sum(given.values(), ZERO) == HUNDRED and department_form(project) is not None):
        weights = replace(weights, execution=ZERO)  # a 部门整体 table whose rows hold all 100 points
        notes = ("部门整体表各指标的分值合计 100 分，表中没有预算执行率的分值：预算执行率不另计分",)
    allocation = allocate(project, weights, given)
    problems.extend(_weight_problems(project, actuals, allocation, where))
    budget = actuals.budget if actuals.budget is not None else project.budget.total
    executed = actuals.executed
    rate: Decimal | None = None
    if budget is None or budget <= 0:
        problems.append(Problem(where, f"项目「{project.name_cell or project.name}」没有预算数（或为 0），"
                                       "无法计算执行率：请在填报表中加一行「全年预算数」"))
        exec_scored = Scored(ZERO, "execution", "无预算数，无法计算执行率")
    elif executed is None:
        problems.append(Problem(where, f"项目「{project.name_cell or project.name}」缺少全年执行数"))
        exec_scored = Scored(ZERO, "execution", "缺少全年执行数")
    else:
        exec_scored = execution(weights.execution, budget, executed, money_unit or "")
        rate = executed / budget
        if executed > budget:  # spent beyond the budget: scored as 100 % by the rule, but a person asks why (kinds37)
            name = project.name_cell or project.name
            problems.append(Problem(actuals.executed_source or where,
                                    f"项目「{name}」全年执行数 {plain(executed)} 大于全年预算数 {plain(budget)}"
                                    f"（执行率 {percent(rate)}）：按 100% 计分；请核对全年执行数，"
                                    "预算调整后请填写调整后的全年预算数", Severity.WARNING))
    scores: list[IndicatorScore] = []
    for position, indicator in enumerate(project.indicators, 1):
        actual = actuals.indicators.get(position)
        if actual is None:
            problems.append(Problem(where, f"项目「{project.name_cell or project.name}」"
                                           f"缺少指标「{indicator.level3}」的实际完成值"))
            continue
        weight = allocation.weights.get(position, ZERO)
        scores.append(_indicator(position, indicator, weight, actual, options, problems, where, project.fund_year))
    total = shown(exec_scored.score) + sum((shown(s.score) for s in scores), ZERO)
    return ProjectEvaluation(
        seq=project.seq, title=project.title, name=project.name, name_cell=project.name_cell,
        fund_year=project.fund_year, initial_budget=project.budget.total, fiscal=project.budget.fiscal,
        other=project.budget.other, budget=budget, executed=executed, execution_rate=rate,
        execution_weight=weights.execution, execution_score=exec_scored.score,
        execution_explanation=exec_scored.explanation, goals=project.goals, goal_result=actuals.goal_result,
        indicators=tuple(scores), pools=allocation.pools, notes=notes + allocation.notes, total=total,
        grade=grade_of(total), department=_extra(project, "主管部门"), implementer=_extra(project, "实施单位"),
        table_total=project.table_total, table_grade=project.table_grade, problems=tuple(problems))


def _extra(project: Project, label: str) -> str | None:
    for key, value in project.extras:
        if key.replace(" ", "").startswith(label) and value.strip():
            return value.strip()
    return None


def evaluate_document(document: Document, actuals: dict[int, ProjectActuals], weights: Weights | None = None,
                      options: ScoreOptions | None = None, actuals_file: str | None = None,
                      ) -> tuple[Evaluation | None, list[Problem]]:
    """Score every project named in ``actuals``. Any error → (None, problems): nothing is
    scored from a sheet with errors; warnings (a 全年执行数 above the budget) go with the result."""
    weights = weights or Weights()
    options = options or ScoreOptions()
    by_seq = {p.seq: p for p in document.projects}
    problems: list[Problem] = []
    results: list[ProjectEvaluation] = []
    for seq, project_actuals in sorted(actuals.items()):
        evaluation = score(by_seq[seq], project_actuals, weights, options, document.money_unit)
        problems.extend(evaluation.problems)
        results.append(evaluation)
    if not results:
        problems.append(Problem(Source(actuals_file or "<sheet>"), "填报表没有涉及任何项目"))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return Evaluation(
        unit_code=document.unit.code, unit_name=document.unit.name, money_unit=document.money_unit,
        weights=weights.to_dict(), reverse=options.reverse, projects=tuple(results),
        document_file=document.source.file if document.source else None, actuals_file=actuals_file), problems


def evaluate_rows(document: Document, rows: list[SheetRow], weights: Weights | None = None,
                  options: ScoreOptions | None = None, actuals_file: str | None = None,
                  ) -> tuple[Evaluation | None, list[Problem]]:
    """Resolve sheet rows and score them, reporting every error at once.

    When the rows have errors the readable part is still scored, only to find the errors that
    scoring sees (a qualitative score outside its band, 分值 that do not add up); the result is
    then None.
    """
    actuals, problems = resolve(document, rows)
    evaluation, found = evaluate_document(document, actuals, weights, options, actuals_file)
    seen = {str(p) for p in problems}
    problems += [p for p in found if str(p) not in seen and not _about_missing(p)]
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return evaluation, problems


def _about_missing(problem: Problem) -> bool:
    """Scoring's own reports of missing actuals repeat what resolve already said."""
    return "缺少" in problem.message and ("的实际完成值" in problem.message or "全年执行数" in problem.message)
