"""Mid-year monitoring (绩效运行监控, rules.md §5): progress and traffic lights, pure.

m = months elapsed (1–12). Lights: 红 red, 黄 yellow, 绿 green, 蓝 blue (ahead of schedule:
the target may be set too low).

* budget: v = (executed / budget) / (m/12); v < 0.6 red, < 0.8 yellow, else green;
* positive indicator: v = actual / (target × m/12); < 0.6 red, < 0.8 yellow, ≤ 1.2 green,
  > 1.2 blue; actual 0 → red. A rate (unit %) is a level, not a cumulative quantity, so it is
  compared with the full target (v = actual / target) unless ``scale_rates`` is set;
* reverse indicator: actual ≤ target green, else red (a range uses its upper bound);
* exact: target > 0 as positive; target ≤ 0: actual ≤ target green, else red;
* qualitative: 达成 green, 部分达成 yellow, 未达成 red;
* project colour: the worst of its indicators (red > yellow > green > blue); the budget
  light is reported beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from perfbudget.evaluate.actuals import IndicatorActual, ProjectActuals
from perfbudget.evaluate.numbers import ZERO, div, mul, percent, quantity
from perfbudget.evaluate.vocabulary import GRADE_MET, GRADE_PARTLY, LIKELY_SURE
from perfbudget.model import Direction, Document, Indicator, Kind, Problem, Project, Severity, Source
from perfbudget.target import format_decimal

MONITOR_FORMAT = "perfbudget-monitor/1"
RED, YELLOW, GREEN, BLUE = "red", "yellow", "green", "blue"
LIGHT_LABELS = {RED: "红灯", YELLOW: "黄灯", GREEN: "绿灯", BLUE: "蓝灯"}
_SEVERITY = {RED: 3, YELLOW: 2, GREEN: 1, BLUE: 0}
LOW, MID, HIGH = Decimal("0.6"), Decimal("0.8"), Decimal("1.2")
TWELVE = Decimal(12)


@dataclass(frozen=True, slots=True)
class MonitorOptions:
    """Attributes:
        scale_rates: also time-scale targets in % (literal reading of the provincial rule).
    """

    scale_rates: bool = False


# A graded light as a reviewer reads it: the rule's bound and, behind the period, what the unit is to do (monitor41:
# 「= 21.55%，红灯」 said neither)
_ACT = "请说明偏差原因并采取纠偏措施"
_GRADED_RULES = {RED: f"（进度低于 60%：{_ACT}）", YELLOW: "（进度 60%～80%：请关注进度）",
                 GREEN: "", BLUE: "（进度高于 120%：请核实目标值是否偏低）"}


def graded_text(light: str) -> str:
    """A light graded by progress (:func:`_graded`) in words: 红灯 with its bound and what to do."""
    return LIGHT_LABELS[light] + _GRADED_RULES[light]


def worst(lights: list[str]) -> str:
    """red > yellow > green > blue; green when there is nothing."""
    return max(lights, key=_SEVERITY.__getitem__) if lights else GREEN


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(value)


def _undec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _graded(v: Decimal, blue: bool = True) -> str:
    if v < LOW:
        return RED
    if v < MID:
        return YELLOW
    if blue and v > HIGH:
        return BLUE
    return GREEN


@dataclass(frozen=True, slots=True)
class IndicatorProgress:
    """One indicator's monitoring line.

    Attributes:
        position, level1, level2, level3, target: the indicator.
        actual: 1–m月执行情况 as written; actual_value in the target's unit.
        progress: v (None for reverse and qualitative indicators).
        light: red / yellow / green / blue; explanation: how, in Chinese.
        likelihood, forecast, reason, deviation, remark: what the unit wrote.
    """

    position: int
    level1: str
    level2: str
    level3: str
    target: str
    actual: str
    actual_value: Decimal | None
    progress: Decimal | None
    light: str
    explanation: str
    likelihood: str | None
    forecast: str | None
    reason: str | None
    deviation: str | None
    remark: str | None
    source: Source | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": self.position, "level1": self.level1, "level2": self.level2, "level3": self.level3,
            "target": self.target, "actual": self.actual,
            "actual_value": _dec(self.actual_value), "progress": _dec(self.progress),
            "light": self.light, "light_label": LIGHT_LABELS[self.light], "explanation": self.explanation,
            "likelihood": self.likelihood, "forecast": self.forecast, "reason": self.reason,
            "deviation": self.deviation, "remark": self.remark,
            "source": self.source.to_dict() if self.source else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndicatorProgress:
        source = data.get("source")
        return cls(
            position=data["position"], level1=data["level1"], level2=data["level2"], level3=data["level3"],
            target=data["target"], actual=data["actual"], actual_value=_undec(data.get("actual_value")),
            progress=_undec(data.get("progress")), light=data["light"], explanation=data["explanation"],
            likelihood=data.get("likelihood"), forecast=data.get("forecast"), reason=data.get("reason"),
            deviation=data.get("deviation"), remark=data.get("remark"),
            source=Source(**source) if source else None,
        )


@dataclass(frozen=True, slots=True)
class ProjectMonitor:
    """One project's monitoring result.

    Attributes:
        seq, name, name_cell: the project; month: m.
        budget, executed: money in the table's unit; budget_progress: v; budget_light, budget_explanation.
        indicators: per indicator lines; colour: the worst indicator light.
        year: the year monitored (the project's fund year; a stored result: the year it is kept under),
            printed with the period (「监控期间：2024年1-6月」); None when unknown.
    """

    seq: int
    name: str
    name_cell: str | None
    month: int
    budget: Decimal | None
    executed: Decimal | None
    budget_progress: Decimal | None
    budget_light: str
    budget_explanation: str
    indicators: tuple[IndicatorProgress, ...]
    colour: str
    year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "name": self.name, "name_cell": self.name_cell, "month": self.month, "year": self.year,
            "budget": _dec(self.budget), "executed": _dec(self.executed),
            "budget_progress": _dec(self.budget_progress),
            "budget_light": self.budget_light, "budget_light_label": LIGHT_LABELS[self.budget_light],
            "budget_explanation": self.budget_explanation,
            "colour": self.colour, "colour_label": LIGHT_LABELS[self.colour],
            "indicators": [i.to_dict() for i in self.indicators],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProjectMonitor:
        return cls(
            seq=data["seq"], name=data["name"], name_cell=data.get("name_cell"), month=data["month"],
            budget=_undec(data.get("budget")), executed=_undec(data.get("executed")),
            budget_progress=_undec(data.get("budget_progress")), budget_light=data["budget_light"],
            budget_explanation=data["budget_explanation"],
            indicators=tuple(IndicatorProgress.from_dict(i) for i in data["indicators"]), colour=data["colour"],
            year=data.get("year"),
        )


@dataclass(frozen=True, slots=True)
class Monitoring:
    """A document's monitoring result, the JSON of ``perfbudget monitor --json``.

    Attributes:
        unit_code, unit_name, money_unit: from the target table.
        month: m, the months elapsed.
        scale_rates: whether rate targets were time-scaled (:class:`MonitorOptions`).
        projects: the monitored projects in seq order.
        document_file, actuals_file: where the targets and the sheet came from.
    """

    unit_code: str | None
    unit_name: str | None
    money_unit: str | None
    month: int
    projects: tuple[ProjectMonitor, ...]
    scale_rates: bool = False
    document_file: str | None = None
    actuals_file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": MONITOR_FORMAT, "month": self.month,
            "unit": {"code": self.unit_code, "name": self.unit_name}, "money_unit": self.money_unit,
            "scale_rates": self.scale_rates, "document_file": self.document_file,
            "actuals_file": self.actuals_file, "projects": [p.to_dict() for p in self.projects],
        }


def monitoring_from_dict(data: dict[str, Any]) -> Monitoring:
    """The inverse of :meth:`Monitoring.to_dict`; raises KeyError/ValueError on a malformed dict."""
    if data.get("format") != MONITOR_FORMAT:
        raise ValueError(f"format 应为 {MONITOR_FORMAT}")
    return Monitoring(
        unit_code=data["unit"]["code"], unit_name=data["unit"]["name"], money_unit=data.get("money_unit"),
        month=data["month"], projects=tuple(ProjectMonitor.from_dict(p) for p in data["projects"]),
        scale_rates=bool(data.get("scale_rates", False)), document_file=data.get("document_file"),
        actuals_file=data.get("actuals_file"),
    )


def _quantitative_light(indicator: Indicator, actual: IndicatorActual, month: int,
                        options: MonitorOptions) -> tuple[Decimal | None, str, str]:
    target = indicator.target
    assert target.value is not None and actual.value is not None
    unit = target.unit or ""
    b = actual.value
    shown_b = quantity(b, unit)
    if target.direction is Direction.REVERSE:
        a = target.upper if target.upper is not None else target.value
        light = GREEN if b <= a else RED
        relation = "≤" if b <= a else ">"
        said = LIGHT_LABELS[light] + (f"（超出目标：{_ACT}）" if light == RED else "")
        return None, light, f"反向指标：实际 {shown_b} {relation} 目标 {quantity(a, unit)}，{said}"
    a = target.value
    if a <= 0:
        ok = b <= a if target.direction is Direction.EXACT else b >= a
        light = GREEN if ok else RED
        return None, light, f"目标值 {quantity(a, unit)}：实际 {shown_b}，{LIGHT_LABELS[light]}"
    if b <= 0:
        return ZERO, RED, f"实际 {shown_b}，尚无进展，红灯（{_ACT}）"
    if unit == "%" and not options.scale_rates:
        v = div(b, a)
        text = f"比率指标不按时间折算：进度 = 实际 {shown_b} ÷ 目标 {quantity(a, unit)} = {percent(v)}"
    else:
        expected = div(mul(a, Decimal(month)), TWELVE)
        v = div(b, expected)
        text = (f"进度 = 实际 {shown_b} ÷ (目标 {quantity(a, unit)} × {month}/12 = {quantity(expected, unit)})"
                f" = {percent(v)}")
    light = _graded(v)
    return v, light, f"{text}，{graded_text(light)}"


def _indicator(position: int, indicator: Indicator, actual: IndicatorActual, month: int,
               options: MonitorOptions) -> IndicatorProgress:
    target = indicator.target
    progress: Decimal | None = None
    if target.kind is Kind.QUANTITATIVE and target.value is not None and actual.value is not None:
        progress, light, text = _quantitative_light(indicator, actual, month, options)
    else:
        light = GREEN if actual.grade == GRADE_MET else YELLOW if actual.grade == GRADE_PARTLY else RED
        text = f"定性指标：完成等级「{actual.grade}」，{LIGHT_LABELS[light]}" + (f"（{_ACT}）" if light == RED else "")
    return IndicatorProgress(
        position=position, level1=indicator.level1, level2=indicator.level2, level3=indicator.level3,
        target=target.raw, actual=actual.text or (actual.grade or ""), actual_value=actual.value,
        progress=progress, light=light, explanation=text, likelihood=actual.likelihood,
        forecast=actual.forecast_text, reason=actual.reason, deviation=actual.deviation, remark=actual.remark,
        source=actual.source)


_NO_REASON = frozenset({"", "无", "/", "-", "—", "－"})


def _sure_though_behind(line: IndicatorProgress, month: int) -> str | None:
    """A red light (behind the period) under 确定能 with no reason: how the unit will catch up is not said, which a
    reviewer asks (monitor41; 确定能 needs no reason, so nothing refused it)."""
    said = (part.rpartition("：")[2].strip() for part in (line.deviation or "").split("；"))  # 无；纠偏措施：无
    if line.light != RED or line.likelihood != LIKELY_SURE or line.reason or not all(p in _NO_REASON for p in said):
        return None
    figures = line.explanation.rsplit("，" + LIGHT_LABELS[RED], 1)[0]
    return (f"指标「{line.level3}」1-{month}月执行进度为红灯（{figures}），完成目标可能性却为「确定能」且未说明"
            f"偏差原因：请填写偏差原因和纠偏措施，或核对完成目标可能性")


def monitor_project(project: Project, actuals: ProjectActuals, month: int, options: MonitorOptions | None = None,
                    money_unit: str | None = None) -> tuple[ProjectMonitor, list[Problem]]:
    """Traffic lights of one project at month ``month`` (1–12)."""
    options = options or MonitorOptions()
    problems: list[Problem] = []
    where = actuals.source or project.source or Source("<sheet>")
    budget = actuals.budget if actuals.budget is not None else project.budget.total
    executed = actuals.executed
    unit = money_unit or ""
    budget_progress: Decimal | None = None
    if budget is None or budget <= 0:
        # a 监控表 of its own period (1-6月执行数 | 全年预计执行数, no 预算数 column: kinds37) is told what it lacks
        lacks = "监控表的资金表没有年初预算数或全年预算数：请在表中填写预算数，或在填报表中加一行「全年预算数」" \
            if project.month is not None else "请在填报表中加一行「全年预算数」"
        problems.append(Problem(where, f"项目「{project.name_cell or project.name}」没有预算数（或为 0），"
                                       f"无法计算执行进度：{lacks}"))
        budget_light, budget_text = RED, "无预算数"
    elif executed is None:
        problems.append(Problem(where, f"项目「{project.name_cell or project.name}」缺少执行数"))
        budget_light, budget_text = RED, "缺少执行数"
    else:
        rate = div(executed, budget)
        budget_progress = div(mul(rate, TWELVE), Decimal(month))
        budget_light = _graded(budget_progress, blue=False)
        budget_text = (f"执行率 = {quantity(executed, unit)} ÷ {quantity(budget, unit)} = {percent(rate)}；"
                       f"进度 = {percent(rate)} ÷ ({month}/12) = {percent(budget_progress)}，"
                       f"{graded_text(budget_light)}")
    lines: list[IndicatorProgress] = []
    for position, indicator in enumerate(project.indicators, 1):
        actual = actuals.indicators.get(position)
        if actual is None:
            problems.append(Problem(where, f"项目「{project.name_cell or project.name}」"
                                           f"缺少指标「{indicator.level3}」的执行情况"))
            continue
        lines.append(line := _indicator(position, indicator, actual, month, options))
        if (said := _sure_though_behind(line, month)) is not None:
            problems.append(Problem(actual.source or where, said, Severity.WARNING))
    colour = worst([line.light for line in lines])
    return ProjectMonitor(project.seq, project.name, project.name_cell, month, budget, executed, budget_progress,
                          budget_light, budget_text, tuple(lines), colour, project.fund_year), problems


def monitor_document(document: Document, actuals: dict[int, ProjectActuals], month: int,
                     options: MonitorOptions | None = None) -> tuple[list[ProjectMonitor] | None, list[Problem]]:
    """Monitor every project named in ``actuals``; any error → (None, problems); warnings pass."""
    by_seq = {p.seq: p for p in document.projects}
    problems: list[Problem] = []
    results: list[ProjectMonitor] = []
    if not 1 <= month <= 12:
        return None, [Problem(Source(document.source.file if document.source else "<document>"),
                              f"月份 {month} 无效，应为 1–12")]
    for seq, project_actuals in sorted(actuals.items()):
        result, found = monitor_project(by_seq[seq], project_actuals, month, options, document.money_unit)
        problems.extend(found)
        results.append(result)
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return results, problems


