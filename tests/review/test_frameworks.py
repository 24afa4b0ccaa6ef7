"""The indicator frameworks real tables use (framework.FRAMEWORKS) as the review judges them.

The 中央预算内投资计划绩效目标表 (corpus 133: 实施效果指标 — 产出/效益/满意度指标 — and 过程管理指标 with the form's
own 二级), a project of an unknown framework (one finding, not one per row), and a table without its 一级 column.
Each a hit (what the framework makes right) and a near miss (what is still a fault).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from perfbudget.model import Document
from perfbudget.review.engine import review_document
from tests.review.review_helpers import GOOD_ROWS, header, read

# 133's rows (舒城 以工代赈, 2023), shortened: the form as the investment plan prints it.
INVESTMENT_ROWS = [
    ["实施效果指标", "产出指标", "劳务报酬占中央投资比例", "劳务报酬占中央投资比例", "≥32.68%"],
    ["实施效果指标", "效益指标", "带动当地群众务工人数", "带动当地群众务工人数", "≥120人"],
    ["实施效果指标", "满意度指标", "参与工程建设的群众满意度", "参与工程建设的群众满意度", "≥90%"],
    ["过程管理指标", "计划管理指标", "投资计划分解(转发)用时", "投资计划分解(转发)用时", "≤20工作日"],
    ["过程管理指标", "资金管理指标", "中央预算内投资支付率", "中央预算内投资支付率", "≥90%"],
    ["过程管理指标", "项目管理指标", "项目开工率", "项目开工率", "100%"],
    ["过程管理指标", "监督检查指标", "审计、督查、巡视等指出问题项目比例", "审计、督查、巡视等指出问题项目比例", "0%"],
]
FRAMEWORK_RULES = {"missing-level1-group", "level-not-in-framework", "input-as-output", "satisfaction-outside-group",
                   "missing-cost-indicator"}


def findings(document: Document, rules: set[str] = FRAMEWORK_RULES) -> list[tuple[str, int | None, str]]:
    return [(f.rule, f.indicator, f.message) for f in review_document(document, only=rules).findings]


def test_the_investment_form_is_its_own_framework(inline: Any) -> None:
    """Hit: the form's structure gets no finding (main: 缺少 产出/效益/满意度, 过程管理 rows outside the framework
    four times, 中央预算内投资支付率 an input, the satisfaction outside its group, no cost)."""
    from perfbudget.framework import INVESTMENT, framework_of

    document = read(INVESTMENT_ROWS, None, inline)
    assert framework_of(("产出指标", "过程管理指标")) is INVESTMENT
    assert findings(document) == []


def test_the_investment_form_still_wants_its_effects_and_its_outputs_as_outputs(inline: Any) -> None:
    """Near miss: the form without its 效益 row lacks it; money paid out under 实施效果's 产出 is still an input;
    a 产出 二级 such as 数量指标 put straight under 实施效果 is outside the form."""
    rows = [INVESTMENT_ROWS[0], INVESTMENT_ROWS[2], *INVESTMENT_ROWS[3:]]
    assert [(rule, message) for rule, _i, message in findings(read(rows, None, inline))] == [
        ("missing-level1-group", "缺少一级指标「效益指标」，绩效目标不完整")]
    paid = [["实施效果指标", "产出指标", "中央预算内投资支付率", "中央预算内投资支付率", "≥90%"], *INVESTMENT_ROWS[1:]]
    assert [(rule, i) for rule, i, _m in findings(read(paid, None, inline))] == [("input-as-output", 1)]
    plain = [["实施效果指标", "数量指标", "建设渠道长度", "建设渠道长度", "≥2公里"], *INVESTMENT_ROWS[1:]]
    assert [(rule, i) for rule, i, _m in findings(read(plain, None, inline), {"level-not-in-framework"})] == [
        ("level-not-in-framework", 1)]


def test_the_investment_form_with_the_effects_own_level2(inline: Any) -> None:
    """Hit: the form's other print, 实施效果指标 — 经济效益/社会效益/服务对象满意度 as its 二级, the outputs as
    过程管理's 投资完成: no 产出 group asked for, nothing outside the framework."""
    rows = [
        ["实施效果指标", "社会效益指标", "改善灌溉面积", "改善灌溉面积", "≥500亩"],
        ["实施效果指标", "服务对象满意度指标", "受益群众满意度", "受益群众满意度", "≥90%"],
        ["过程管理指标", "投资完成指标", "年度计划投资完成率", "年度计划投资完成率", "100%"],
        ["过程管理指标", "项目进度指标", "项目完工率", "项目完工率", "100%"],
    ]
    assert findings(read(rows, None, inline)) == []


def test_a_2015_table_without_outputs_is_still_faulted(inline: Any) -> None:
    """Near miss: a 2015 table (no 过程管理指标) without 产出 rows lacks them."""
    document = read(GOOD_ROWS[4:], None, inline)
    assert [(rule, message) for rule, _i, message in findings(document, {"missing-level1-group"})] == [
        ("missing-level1-group", "缺少一级指标「产出指标」，绩效目标不完整")]


def test_an_unknown_framework_gets_one_finding(inline: Any) -> None:
    """Hit: a project most of whose 一级 no framework knows gets one project finding naming them (main: one per
    row, and 缺少 产出/效益 twice). The names are 达州's 部门整体支出绩效评价 sheet's (a real published table: 部门决策,
    综合管理, 部门绩效情况 beside 满意度), its points written as the values."""
    rows = [["部门决策", "目标任务", "相关性", "相关性", "5分"],
            ["综合管理", "绩效监控", "预算执行进度监控", "预算执行进度监控", "2分"],
            ["部门绩效情况", "可持续发展能力", "人才培养", "人才培养", "5分"],
            ["满意度", "社会公众满意度", "社会公众满意度", "社会公众满意度", "4分"]]
    found = findings(read(rows, header(goals="1.完成年度重点工作任务"), inline))
    assert [(rule, i) for rule, i, _m in found] == [("level-not-in-framework", None)]
    assert "「部门决策」「综合管理」「部门绩效情况」不属于已知的指标体系" in found[0][2]


def test_one_unknown_level1_in_a_known_framework_is_still_a_row_finding(inline: Any) -> None:
    """Near miss: one row's 一级 outside a 2015 table is a misfiled row, flagged at the row."""
    rows = [*GOOD_ROWS[:5], ["投入指标", "资金投入", "服务干警满意度", "服务干警满意度", "≥95%"]]
    found = findings(read(rows, None, inline), {"level-not-in-framework", "missing-level1-group"})
    assert sorted((rule, i or 0) for rule, i, _m in found) == [
        ("level-not-in-framework", 6), ("missing-level1-group", 0)]


def _without_level1(document: Document) -> Document:
    project = document.projects[0]
    rows = tuple(replace(indicator, level1="") for indicator in project.indicators)
    return replace(document, projects=(replace(project, indicators=rows),))


def test_a_table_without_its_level1_column_is_read_by_its_level2(inline: Any) -> None:
    """Hit: 数量指标, 社会效益指标, 服务对象满意度指标 without a 一级 column say their 一级 (main: 缺少 all three)."""
    document = _without_level1(read(GOOD_ROWS, None, inline))
    assert findings(document, {"missing-level1-group", "level-not-in-framework"}) == []


def test_a_flat_list_lacks_its_level1_once(inline: Any) -> None:
    """Near miss: a list with neither 一级 nor 二级 gets one 缺少一级指标 finding (main: one per group)."""
    document = _without_level1(read(GOOD_ROWS, None, inline))
    project = document.projects[0]
    flat = replace(project, indicators=tuple(replace(i, level2="") for i in project.indicators))
    found = findings(replace(document, projects=(flat,)), {"missing-level1-group"})
    assert [(rule, message) for rule, _i, message in found] == [
        ("missing-level1-group", "表格没有一级指标，看不出是否设置了产出、效益、满意度指标")]
