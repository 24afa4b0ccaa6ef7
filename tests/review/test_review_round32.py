"""Round 32's rule changes (review-blind32), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfbudget.model import Budget
from perfbudget.review.engine import review_document
from tests.review.test_review_round22 import document, found, messages, row

OUT, EFF = "产出指标", "效益指标"


def suggestions(doc, rule_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.suggestion for f in review_document(doc, only={rule_id}).findings]


def budget(doc, total: str):  # type: ignore[no-untyped-def]
    (project,) = doc.projects
    return replace(doc, projects=(replace(project, budget=Budget(total=Decimal(total))),))


# unit-cost-vs-budget: targets in prose, without levels (叶县's 每亩补助资金 and 种植…亩)


def test_a_unit_cost_without_levels_is_weighed_against_the_budget() -> None:
    doc = budget(document(row("", "", "种植构树饲草", "918亩"), row("", "", "每亩补助资金", "1000元/亩"),
                          row("", "", "引导群众调整种植结构", "25493人")), "653")
    assert found(doc, "unit-cost-vs-budget") == [2]
    assert "其余约561.2万元买的是什么，表中没有指标" in messages(doc, "unit-cost-vs-budget")[0]
    # 90个 × 5000元 = 45万元, the budget (温泉's refuse bins)
    near = budget(document(row("", "", "购置垃圾箱", "90个"), row("", "", "受益贫困户", "110户"),
                           row("", "", "补助标准", "5000元/个")), "45")
    assert found(near, "unit-cost-vs-budget") == []


# name-is-expense-class: the project named by its class of expenditure


def test_a_project_named_by_its_expenditure_class_is_flagged() -> None:
    assert found(document(row(OUT, "数量指标", "全年免费开放", "≥300天"), name="商品和服务支出"),
                 "name-is-expense-class") == [None]
    assert found(document(row(OUT, "数量指标", "全年免费开放", "≥300天"), name="文化馆免费开放（商品和服务支出）"),
                 "name-is-expense-class") == []


# missing-target-value: a sentence of aims with no value is told to become a measurable indicator


def test_an_aim_without_a_value_is_told_to_become_an_indicator() -> None:
    doc = document(row(EFF, "社会效益指标", "有效降低疾病的发生和流行,并且改善了农村人居环境", ""),
                   row(OUT, "数量指标", "办理法律援助案件", ""))
    aim, count = messages(doc, "missing-target-value")
    assert "名称也只是一句目标或结果" in aim and "名称也只是" not in count
    aim_fix, count_fix = suggestions(doc, "missing-target-value")
    assert "「受益群众 ≥5000人次」" in aim_fix and "「≥12次」「≥500人」" in count_fix


# table-cut-off: a table cut before its first indicator is not said to hold 0 of them


def test_a_cut_table_without_indicators_is_told_so_in_words() -> None:
    doc = document(row(OUT, "数量指标", "办理法律援助案件", "≥90件"))
    (project,) = doc.projects
    empty = replace(doc, projects=(replace(project, indicators=(), complete=False),))
    assert "只读到表头，没有读到三级指标" in messages(empty, "table-cut-off")[0]
    cut = replace(doc, projects=(replace(project, complete=False),))
    assert "只读到1个三级指标" in messages(cut, "table-cut-off")[0]


# the suggestions: the row's own figure, its group, its kind, its year


def test_a_reversed_comparator_is_shown_the_value_turned() -> None:
    doc = document(row(OUT, "数量指标", "小学就读人数", "<=6962人"))
    assert suggestions(doc, "direction-clash") == ["正向指标用「≥」写下限，如「≥6962人」"]
    # turned, the figure would make no target: ≤100% of payments late (检测及时率 ≤7工作日, a time limit under a
    # rate's name, is unit-mismatch's alone since round 34: one fault, told once)
    near = document(row(OUT, "时效指标", "逾期发放率", ">=100%"), row(OUT, "时效指标", "检测及时率", "≤7工作日"))
    assert suggestions(near, "direction-clash") == [  # (round 37: how much may be late, or none)
        "反向指标用「≤」写上限，写明最多允许多少，如「≤5%」；不允许发生的写「0%」"]


def test_a_vague_effect_misplaced_is_shown_the_group_it_belongs_to() -> None:
    doc = document(row(EFF, "生态效益指标", "安全情况", "有效"), row(EFF, "生态效益指标", "生态环境改善", "有效"))
    moved, ecological = suggestions(doc, "vague-qualitative")
    assert "受益群众" in moved and "新增绿化面积" in ecological


def test_a_rate_answered_in_words_is_shown_a_percentage() -> None:
    doc = document(row(EFF, "社会效益指标", "残疾人文化活动参与率", "推动全省提高"),
                   row(OUT, "数量指标", "宣传资料发放数量", "适量"))
    # (round 38: the example in the row's own terms, 「残疾人文化活动参与率≥95%」, test_review_round38.py; a name that
    # says no measure its group's, as missing-target-value's)
    assert suggestions(doc, "qualitative-for-number") == ["写成可衡量的值，如「残疾人文化活动参与率≥95%」",
                                                          "写成可衡量的值，如「≥12次」「≥500人」"]


def test_a_table_of_no_stated_year_is_given_no_year_in_the_example() -> None:
    doc = document(row(OUT, "时效指标", "补助发放及时性", "及时发放"))
    (project,) = doc.projects
    unknown = replace(doc, projects=(replace(project, fund_year=None),))
    assert "「当年12月31日前」" in suggestions(unknown, "qualitative-for-number")[0]
    assert "「2021年12月31日前」" in suggestions(doc, "qualitative-for-number")[0]


def test_a_rate_in_another_unit_quotes_its_value() -> None:
    doc = document(row(OUT, "质量指标", "视频监控在线率", "≥0.97比例"))
    assert messages(doc, "unit-mismatch") == ["比率指标「视频监控在线率」的指标值「≥0.97比例」以「比例」计量，不是%"]
