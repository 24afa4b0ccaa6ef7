"""Property tests: no score above its weight, no score below zero, total ≤ 100."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from perfbudget.evaluate.actuals import IndicatorActual, ProjectActuals
from perfbudget.evaluate.scoring import ScoreOptions, score
from perfbudget.evaluate.vocabulary import GRADES
from perfbudget.evaluate.weights import Weights
from perfbudget.model import Budget, Indicator, Project, Severity
from perfbudget.target import parse_target

LEVELS = [("产出指标", "数量指标"), ("产出指标", "成本指标"), ("效益指标", "社会效益指标"),
          ("满意度指标", "服务对象满意度指标"), ("成本指标", "经济成本指标")]
numbers = st.decimals(min_value=Decimal(0), max_value=Decimal(100000), places=2, allow_nan=False,
                      allow_infinity=False)
targets = st.one_of(
    st.builds(lambda op, v, u: f"{op}{v}{u}", st.sampled_from(["≥", "≤", "=", "", ">"]), numbers,
              st.sampled_from(["次", "%", "万元", "小时", ""])),
    st.sampled_from(["有效保障", "按期完成", "90%-95%", "2023.07-2024.01"]),
)


@st.composite
def projects(draw: st.DrawFn) -> tuple[Project, ProjectActuals]:
    count = draw(st.integers(min_value=1, max_value=12))
    indicators = []
    actuals = {}
    for position in range(1, count + 1):
        level1, level2 = draw(st.sampled_from(LEVELS))
        target = parse_target(draw(targets), "指标")
        indicators.append(Indicator(level1, level2, f"指标{position}", None, target))
        if target.value is not None:
            actuals[position] = IndicatorActual(position, "x", value=draw(numbers))
        else:
            grade = draw(st.sampled_from(GRADES))
            actuals[position] = IndicatorActual(position, "", grade=grade)
    budget = draw(numbers.filter(lambda d: d > 0))
    project = Project(1, None, "p", None, None, None, Budget(total=budget), None, (), tuple(indicators))
    return project, ProjectActuals(1, executed=draw(numbers), indicators=actuals)


@settings(max_examples=300, deadline=None)
@given(projects(), st.sampled_from(["ratio", "linear"]))
def test_no_score_above_its_weight_and_total_at_most_100(case: tuple[Project, ProjectActuals], reverse: str) -> None:
    project, actuals = case
    result = score(project, actuals, Weights(), ScoreOptions(reverse))
    # (warnings pass: a 全年执行数 above the budget is told, kinds37)
    assert not [p for p in result.problems if p.severity is Severity.ERROR], result.problems
    assert 0 <= result.execution_score <= result.execution_weight
    for line in result.indicators:
        assert 0 <= line.score <= line.weight
    assert result.total <= 100
    assert sum((line.weight for line in result.indicators), result.execution_weight) <= 100
