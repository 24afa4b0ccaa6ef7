"""Weights: defaults, equal split, 2021 cost pooling, missing-group spread, sheet 分值, --weights."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfbudget.evaluate.numbers import show
from perfbudget.evaluate.weights import Weights, WeightsError, allocate, parse_weights

OUT = ["产出指标", "数量指标", "次数", "次数", "≥10次"]
OUT2 = ["", "质量指标", "合格率", "合格率", "100%"]
EFF = ["效益指标", "社会效益指标", "效果", "效果", "有效保障"]
SAT = ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%"]
COST21 = ["成本指标", "经济成本指标", "单位成本", "单位成本", "≤5万元"]


def _project(inline, *rows):  # type: ignore[no-untyped-def]
    document, problems = inline(*rows)
    assert document is not None, problems
    return document.projects[0]


def test_default_weights_split_equally(inline) -> None:  # type: ignore[no-untyped-def]
    project = _project(inline, OUT, OUT2, EFF, SAT)
    allocation = allocate(project, Weights())
    # 产出 50 / 2 = 25 each; 效益 30; 满意度 10
    assert allocation.weights == {1: D(25), 2: D(25), 3: D(30), 4: D(10)}
    assert not allocation.errors


def test_thirds_never_add_up_to_more_than_the_group(inline) -> None:  # type: ignore[no-untyped-def]
    third = ["", "质量指标", "及时率", "及时率", "100%"]
    project = _project(inline, OUT, OUT2, third, EFF, SAT)
    allocation = allocate(project, Weights())
    assert show(allocation.weights[1]) == "16.67"
    assert sum(allocation.weights[p] for p in (1, 2, 3)) <= D(50)


def test_missing_group_points_are_spread_in_proportion(inline) -> None:  # type: ignore[no-untyped-def]
    # no 满意度: its 10 points go to 产出 and 效益 in proportion 50:30 → 产出 56.25, 效益 33.75
    project = _project(inline, OUT, EFF)
    allocation = allocate(project, Weights())
    assert allocation.weights == {1: D("56.25"), 2: D("33.75")}
    assert any("缺少 满意度指标 10 分" in note for note in allocation.notes)


def test_2021_cost_group_shares_output_points(inline) -> None:  # type: ignore[no-untyped-def]
    # 成本指标 as a 一级: pooled with 产出 → 50 / 2 = 25 each
    project = _project(inline, OUT, COST21, EFF, SAT)
    allocation = allocate(project, Weights())
    assert allocation.weights[1] == D(25) and allocation.weights[2] == D(25)
    assert any("成本指标与产出指标共用" in note for note in allocation.notes)


def test_2021_cost_group_with_own_weight(inline) -> None:  # type: ignore[no-untyped-def]
    weights = parse_weights("预算执行率=10,产出=40,成本=10,效益=30,满意度=10")
    project = _project(inline, OUT, COST21, EFF, SAT)
    allocation = allocate(project, weights)
    assert allocation.weights == {1: D(40), 2: D(10), 3: D(30), 4: D(10)}


# The investment form (corpus 133): 实施效果指标 wraps the groups, 过程管理指标 is a group of its own.
INV_OUT = ["实施效果指标", "产出指标", "劳务报酬占中央投资比例", "劳务报酬占中央投资比例", "≥30%"]
INV_EFF = ["实施效果指标", "效益指标", "带动务工人数", "带动务工人数", "≥120人"]
INV_SAT = ["实施效果指标", "满意度指标", "群众满意度", "群众满意度", "≥90%"]
INV_PROC = ["过程管理指标", "资金管理指标", "中央预算内投资支付率", "中央预算内投资支付率", "≥90%"]


def test_the_investment_form_is_scored_by_the_groups_it_wraps(inline) -> None:  # type: ignore[no-untyped-def]
    """实施效果 | 效益指标 counts in 效益 (main: every 实施效果 row in one group without points, not scored);
    过程管理 shares 产出's 50 points unless the weights give it its own."""
    project = _project(inline, INV_OUT, INV_EFF, INV_SAT, INV_PROC)
    allocation = allocate(project, Weights())
    assert not allocation.errors
    assert allocation.weights == {1: D(25), 2: D(30), 3: D(10), 4: D(25)}
    assert any("过程管理指标与产出指标共用" in note for note in allocation.notes)
    own = allocate(project, parse_weights("预算执行率=10,产出=30,效益=30,满意度=10,过程管理=20"))
    assert own.weights == {1: D(30), 2: D(30), 3: D(10), 4: D(20)}


def test_a_plain_level2_under_the_wrapper_is_not_wrapped(inline) -> None:  # type: ignore[no-untyped-def]
    """Near miss: 实施效果指标 | 数量指标 is outside the form: its own group, without points (an error to fix)."""
    plain = ["实施效果指标", "数量指标", "建设渠道长度", "建设渠道长度", "≥2公里"]
    allocation = allocate(_project(inline, plain, INV_EFF, INV_SAT, INV_PROC), Weights())
    assert allocation.errors and "一级指标「实施效果指标」没有分值" in allocation.errors[0]


def test_sheet_weights_fix_some_and_split_the_rest(inline) -> None:  # type: ignore[no-untyped-def]
    third = ["", "质量指标", "及时率", "及时率", "100%"]
    project = _project(inline, OUT, OUT2, third, EFF, SAT)
    # 产出 50: indicator 1 given 20 → the other two get (50 − 20) / 2 = 15
    allocation = allocate(project, Weights(), {1: D(20)})
    assert allocation.weights[1] == D(20) and allocation.weights[2] == D(15) == allocation.weights[3]


def test_sheet_weights_must_add_up_to_100(inline) -> None:  # type: ignore[no-untyped-def]
    project = _project(inline, OUT, EFF, SAT)
    allocation = allocate(project, Weights(), {1: D(40), 2: D(30), 3: D(10)})
    assert allocation.errors and "分值合计为 90.00 分" in allocation.errors[0]
    ok = allocate(project, Weights(), {1: D(50), 2: D(30), 3: D(10)})
    assert not ok.errors


def test_sheet_weights_exceeding_group_is_an_error(inline) -> None:  # type: ignore[no-untyped-def]
    project = _project(inline, OUT, OUT2, EFF, SAT)
    allocation = allocate(project, Weights(), {1: D(60)})
    assert allocation.errors and "超出该组分值" in allocation.errors[0]


def test_parse_weights() -> None:
    weights = parse_weights("预算执行率=20, 产出=40，效益指标=30,满意度=10")
    assert weights.execution == D(20)
    assert weights.group("产出指标") == D(40) and weights.group("效益指标") == D(30)


@pytest.mark.parametrize(("text", "message"), [
    ("产出=50,效益=30", "应为 100"),
    ("产出=abc", "不是数字"),
    ("党建=50", "未知的一级指标"),  # (投入 is a 部门整体 form's group since dept-review)
    ("产出50", "名称=分值"),
    ("产出=-5,效益=95", "非负"),
])
def test_parse_weights_errors(text: str, message: str) -> None:
    with pytest.raises(WeightsError, match=message):
        parse_weights(text)


# 部门整体 forms (framework.DEPARTMENT_FRAMEWORKS): scored by their own groups, never by the project groups' points.
COMMON = [["投入", "预算配置", "在职人员控制率", "在职人员控制率", "≤100%"],
          ["过程", "预算执行", "预算完成率", "预算完成率", "≥95%"],
          ["产出", "职责履行", "重点工作办结率", "重点工作办结率", "100%"],
          ["效果", "社会公众或服务对象满意度", "服务对象满意度", "服务对象满意度", "≥90%"]]
MANAGED = [["管理指标", "预算执行管理", "预算执行率", "预算执行率", "≥95%"],
           ["产出指标", "数量指标", "门诊住院人次", "门诊住院人次", "≥5000人次"],
           ["效果指标", "社会效益指标", "居民健康档案建档率", "居民健康档案建档率", "≥90%"],
           ["满意度指标", "服务对象满意度指标", "患者满意度", "患者满意度", "≥90%"]]


def _department(inline, rows, name="某某局部门整体支出"):  # type: ignore[no-untyped-def]
    from tests.review.review_helpers import header, read

    top = header()
    top[1] = ["项目名称", name]
    return read(rows, top, inline).projects[0]


def test_a_department_form_without_points_is_not_scored_by_the_project_groups(inline) -> None:  # type: ignore[no-untyped-def]
    """The 共性 form's 投入 and 过程 have no points in the default weights: an error naming the form and its
    groups (main: 投入 and 过程 each "没有分值", 效果 scored as 效益's 30 and 满意度's 10 spread over it)."""
    allocation = allocate(_department(inline, COMMON), Weights())
    assert allocation.errors == (
        "部门整体表（部门整体支出共性指标框架（投入、过程、产出、效果））的一级指标「投入指标」「过程指标」没有分值，"
        "无法按项目表的分值（产出、效益、满意度）计分：请在分值列填写每个指标的分值，或在 --weights 中给出该表每个"
        "一级指标的分值（如 投入=…,过程=…,产出=…,效益=…）",)
    assert allocation.error_positions == ((1, 2),)
    # the weights a table gives are kept (no other error follows from the one said)
    assert allocate(_department(inline, COMMON), Weights(), {1: D(15)}).weights == {1: D(15)}


def test_a_department_form_is_scored_by_the_weights_naming_its_groups(inline) -> None:  # type: ignore[no-untyped-def]
    weights = parse_weights("预算执行率=10,投入=10,过程=20,产出=30,效果=30")
    allocation = allocate(_department(inline, COMMON), weights)
    assert not allocation.errors
    assert allocation.weights == {1: D(10), 2: D(20), 3: D(30), 4: D(30)}


def test_a_department_table_is_scored_by_its_own_points(inline) -> None:  # type: ignore[no-untyped-def]
    """Jiangxi's form (蚕茶: 管理指标 30, 产出 25, 效果 35, 满意度 10 as printed): the groups are what the table's
    分值 say, with no 50/30/10 spread (main: 管理指标 "没有分值" unless every 分值 given, then its 产出/效益/满意度
    spread notes beside the table's points)."""
    project = _department(inline, MANAGED, "南昌县黄马乡蚕茶卫生院整体支出")
    given = {1: D(30), 2: D(25), 3: D(35), 4: D(10)}
    allocation = allocate(project, Weights(execution=D(0)), given)
    assert not allocation.errors
    assert allocation.pools == (("管理指标", D(30)), ("产出指标", D(25)), ("效益指标", D(35)), ("满意度指标", D(10)))
    assert allocation.notes == (
        "部门整体表（部门整体支出绩效表（管理指标、产出指标、效果指标、满意度指标））按表中各指标的"
        "分值计分：管理指标 30 分、产出指标 25 分、效益指标 35 分、满意度指标 10 分",)


def test_a_department_table_holding_all_100_points_scores_no_execution_apart(inline) -> None:  # type: ignore[no-untyped-def]
    from perfbudget.evaluate.actuals import IndicatorActual, ProjectActuals
    from perfbudget.evaluate.scoring import score

    project = _department(inline, MANAGED, "南昌县黄马乡蚕茶卫生院整体支出")
    points = (D(30), D(25), D(35), D(10))
    actuals = ProjectActuals(seq=project.seq, executed=D(10), indicators={
        p: IndicatorActual(p, text, value=value, weight=points[p - 1])
        for p, text, value in ((1, "96%", D(96)), (2, "5200人次", D(5200)), (3, "92%", D(92)), (4, "95%", D(95)))})
    evaluation = score(project, actuals)
    assert not evaluation.problems
    assert evaluation.execution_weight == D(0) and evaluation.total == D(100)
    assert evaluation.notes[0] == "部门整体表各指标的分值合计 100 分，表中没有预算执行率的分值：预算执行率不另计分"


def test_the_department_groups_in_weights() -> None:
    assert parse_weights("预算执行率=10,运行成本=10,管理效率=20,履职效能=30,社会效应=20,满意度=10").groups[:2] == (
        ("运行成本指标", D(10)), ("管理效率指标", D(20)))
    with pytest.raises(WeightsError, match="部门整体表另有 投入、过程"):
        parse_weights("党建=10,产出=80")
