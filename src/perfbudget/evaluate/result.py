"""The result of a self-evaluation: per indicator, per project, per document; JSON both ways.

Exact values are kept (``*_exact`` fields in JSON, full Decimal precision); the plain
fields (``weight``, ``score``, ``total`` …) hold the values as displayed (0.01, ROUND_HALF_UP).
:func:`evaluation_from_dict` rebuilds an equal :class:`Evaluation` from
:meth:`Evaluation.to_dict`, so a store can keep the JSON and give back the same result.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from perfbudget.evaluate.numbers import show
from perfbudget.framework import is_department_table
from perfbudget.model import Source
from perfbudget.target import format_decimal

EVALUATION_FORMAT = "perfbudget-evaluation/1"
PROJECT_FORM = "项目支出绩效自评表"
DEPARTMENT_FORM = "部门整体支出绩效自评表"


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(value)


def _show(value: Decimal | None) -> str | None:
    return None if value is None else show(value)


def _undec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _source(data: dict[str, Any] | None) -> Source | None:
    return Source(**data) if data else None


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    """One indicator's score.

    Attributes:
        position: 1-based position in the project.
        level1, level2, level3: the indicator's names as written.
        target: 年度指标值 as written.
        actual: 实际完成值 as written (for qualitative indicators the grade when no text).
        actual_value: the actual in the target's unit (quantitative), exact.
        grade: 完成等级 (qualitative).
        weight: 分值, exact.
        score: 得分, exact, 0 ≤ score ≤ weight.
        formula: positive | reverse-ratio | reverse-linear | exact | qualitative.
        explanation: the formula with its numbers.
        flags: e.g. "overshoot".
        deviation: 偏差原因分析 as written.
        source: the sheet row.
    """

    position: int
    level1: str
    level2: str
    level3: str
    target: str
    actual: str
    actual_value: Decimal | None
    grade: str | None
    weight: Decimal
    score: Decimal
    formula: str
    explanation: str
    flags: tuple[str, ...] = ()
    deviation: str | None = None
    source: Source | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": self.position, "level1": self.level1, "level2": self.level2, "level3": self.level3,
            "target": self.target, "actual": self.actual, "actual_value": _dec(self.actual_value),
            "grade": self.grade, "weight": show(self.weight), "score": show(self.score),
            "weight_exact": _dec(self.weight), "score_exact": _dec(self.score),
            "formula": self.formula, "explanation": self.explanation, "flags": list(self.flags),
            "deviation": self.deviation, "source": self.source.to_dict() if self.source else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndicatorScore:
        return cls(
            position=data["position"], level1=data["level1"], level2=data["level2"], level3=data["level3"],
            target=data["target"], actual=data["actual"], actual_value=_undec(data.get("actual_value")),
            grade=data.get("grade"), weight=Decimal(data["weight_exact"]), score=Decimal(data["score_exact"]),
            formula=data["formula"], explanation=data["explanation"], flags=tuple(data.get("flags", ())),
            deviation=data.get("deviation"), source=_source(data.get("source")),
        )


@dataclass(frozen=True, slots=True)
class ProjectEvaluation:
    """One project's self-evaluation (项目支出绩效自评).

    Attributes:
        seq, title, name, name_cell, fund_year: the project as in its target table.
        initial_budget: 年初预算数 (the table's 预算数); fiscal/other: its split.
        budget: 全年预算数 used for the execution rate (the sheet's, else the initial budget).
        executed: 全年执行数.
        execution_rate: executed / budget, exact (not capped).
        execution_weight, execution_score, execution_explanation: the 预算执行率 points.
        goals: 年度总体目标 (the table's goals); goal_result: 实际完成情况 from the sheet.
        indicators: per indicator scores in table order.
        pools: (一级 group, points) as used after pooling and spreading.
        notes: how the weights were split, in Chinese.
        total: exact total; grade: 优/良/中/差 of the total as displayed.
        department, implementer: 主管部门 / 实施单位 when the target table gives them.
        table_total, table_grade: the 自评得分 and 评价等级 the scored 自评表 gives itself (``Project.table_total``,
            ``table_grade``), printed beside ours on the downloads (since print22); None when it writes none.
        problems: errors found while scoring (then the result must not be used) and its warnings (a 全年执行数
            above the budget: kinds37); not serialised.
    """

    seq: int
    title: str | None
    name: str
    name_cell: str | None
    fund_year: int | None
    initial_budget: Decimal | None
    fiscal: Decimal | None
    other: Decimal | None
    budget: Decimal | None
    executed: Decimal | None
    execution_rate: Decimal | None
    execution_weight: Decimal
    execution_score: Decimal
    execution_explanation: str
    goals: tuple[str, ...]
    goal_result: str | None
    indicators: tuple[IndicatorScore, ...]
    pools: tuple[tuple[str, Decimal], ...]
    notes: tuple[str, ...]
    total: Decimal
    grade: str
    department: str | None = None
    implementer: str | None = None
    table_total: Decimal | None = None
    table_grade: str | None = None
    problems: tuple[Any, ...] = field(default=(), compare=False)

    @property
    def form(self) -> str:
        """The form this result is: 部门整体支出绩效自评表 for a table that names itself 部门整体 (its name or title,
        as the review tells the 部门整体 forms), else 项目支出绩效自评表 — said on every face (the command line's
        heading, the web page, the downloads; until kinds37 the command line and the web page said 项目支出 of
        every table)."""
        return DEPARTMENT_FORM if is_department_table(self.name, self.name_cell, self.title) else PROJECT_FORM

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "title": self.title, "form": self.form, "name": self.name, "name_cell": self.name_cell,
            "fund_year": self.fund_year,
            "total": show(self.total), "total_exact": _dec(self.total), "grade": self.grade,
            "execution_score": show(self.execution_score), "execution_score_exact": _dec(self.execution_score),
            "execution_weight": _dec(self.execution_weight), "execution_rate": _dec(self.execution_rate),
            "execution_explanation": self.execution_explanation,
            "initial_budget": _dec(self.initial_budget), "fiscal": _dec(self.fiscal), "other": _dec(self.other),
            "budget": _dec(self.budget), "executed": _dec(self.executed),
            "goals": list(self.goals), "goal_result": self.goal_result,
            "pools": [{"level1": name, "weight": show(points), "weight_exact": _dec(points)}
                      for name, points in self.pools],
            "notes": list(self.notes), "department": self.department, "implementer": self.implementer,
            "table_total": _dec(self.table_total), "table_grade": self.table_grade,
            "indicators": [i.to_dict() for i in self.indicators],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProjectEvaluation:
        return cls(
            seq=data["seq"], title=data.get("title"), name=data["name"], name_cell=data.get("name_cell"),
            fund_year=data.get("fund_year"), initial_budget=_undec(data.get("initial_budget")),
            fiscal=_undec(data.get("fiscal")), other=_undec(data.get("other")), budget=_undec(data.get("budget")),
            executed=_undec(data.get("executed")), execution_rate=_undec(data.get("execution_rate")),
            execution_weight=Decimal(data["execution_weight"]),
            execution_score=Decimal(data["execution_score_exact"]),
            execution_explanation=data["execution_explanation"], goals=tuple(data.get("goals", ())),
            goal_result=data.get("goal_result"),
            indicators=tuple(IndicatorScore.from_dict(i) for i in data["indicators"]),
            pools=tuple((p["level1"], Decimal(p["weight_exact"])) for p in data.get("pools", ())),
            notes=tuple(data.get("notes", ())), total=Decimal(data["total_exact"]), grade=data["grade"],
            department=data.get("department"), implementer=data.get("implementer"),
            table_total=_undec(data.get("table_total")), table_grade=data.get("table_grade"),
        )


@dataclass(frozen=True, slots=True)
class Evaluation:
    """A document's self-evaluation.

    Attributes:
        unit_code, unit_name: the budget unit.
        money_unit: the money unit of budgets and executed amounts.
        weights: the group weights used (预算执行率 and each 一级), as decimal strings.
        reverse: "ratio" or "linear" (the reverse-indicator formula).
        projects: the scored projects, in seq order.
        document_file, actuals_file: where the targets and the actuals came from.
    """

    unit_code: str | None
    unit_name: str | None
    money_unit: str | None
    weights: dict[str, str]
    reverse: str
    projects: tuple[ProjectEvaluation, ...]
    document_file: str | None = None
    actuals_file: str | None = None

    @property
    def form(self) -> str:
        """The document's form: 部门整体支出绩效自评表 when every table is one, else 项目支出绩效自评表."""
        forms = {project.form for project in self.projects}
        return DEPARTMENT_FORM if forms == {DEPARTMENT_FORM} else PROJECT_FORM

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": EVALUATION_FORMAT,
            "unit": {"code": self.unit_code, "name": self.unit_name},
            "money_unit": self.money_unit, "weights": dict(self.weights), "reverse": self.reverse,
            "document_file": self.document_file, "actuals_file": self.actuals_file,
            "projects": [p.to_dict() for p in self.projects],
        }

    def dumps(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def evaluation_from_dict(data: dict[str, Any]) -> Evaluation:
    """The inverse of :meth:`Evaluation.to_dict`; raises KeyError/ValueError on a malformed dict."""
    if data.get("format") != EVALUATION_FORMAT:
        raise ValueError(f"format 应为 {EVALUATION_FORMAT}")
    return Evaluation(
        unit_code=data["unit"]["code"], unit_name=data["unit"]["name"], money_unit=data.get("money_unit"),
        weights=dict(data["weights"]), reverse=data["reverse"],
        projects=tuple(ProjectEvaluation.from_dict(p) for p in data["projects"]),
        document_file=data.get("document_file"), actuals_file=data.get("actuals_file"),
    )


def evaluation_loads(text: str) -> Evaluation:
    return evaluation_from_dict(json.loads(text))
