"""Round 27's rule changes (review-blind27), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Budget, Document, Indicator, Project, Source, Unit
from perfbudget.review.engine import review_document
from perfbudget.target import parse_target
from tests.review.test_review_round22 import found, messages, row
from tests.review.test_review_round23 import EFF, OUT, SAT, document

SELF = "self-evaluation"


def scored(level1: str, level2: str, name: str, target: str, actual: str, weight: str) -> Indicator:
    return Indicator(level1, level2, name, None, parse_target(target, name), weight=Decimal(weight), actual=actual,
                     score=Decimal(weight))


# input-as-output: loans lent on the project's guarantee are no money of the project; a level's matching money is


def test_loans_lent_are_an_output_and_matching_funds_arriving_an_input() -> None:
    doc = document(row(OUT, "质量指标", "地方配套到位率", "100%"), row(OUT, "质量指标", "县级配套资金拨付率", "100%"),
                   row(OUT, "数量指标", "创业担保贷款贴息资金", "112万元"), name="普惠金融发展专项资金")
    assert found(doc, "input-as-output") == [1, 2, 3]
    near = document(row(OUT, "数量指标", "本年度创业担保贷款发放额", "4000万元"),
                    row(OUT, "质量指标", "设施配套到位率", "100%"),  # facilities to go with a work, no money
                    name="普惠金融发展专项资金")
    assert found(near, "input-as-output") == []


# unit-cost-vs-budget: a standard and a count both written exact cannot exceed the budget


def test_an_exact_standard_times_an_exact_count_over_the_budget_is_flagged() -> None:
    doc = document(row(OUT, "数量指标", "入股合作社个数", "=10个"),
                   row(OUT, "成本指标", "补助合作社平均标准", "=7万元/个"), name="资产收益扶贫项目")  # 70万元, 60万元
    assert messages(doc, "unit-cost-vs-budget") == [
        "单位成本=7万元/个×第1个指标「入股合作社个数」的=10个约为70万元，超过项目预算数60万元；"
        "两个指标值都写作「=」，按此测算资金不够，两者不能同时做到"]
    near = document(row(OUT, "数量指标", "入股合作社个数", "=10个"),
                    row(OUT, "成本指标", "补助合作社平均标准", "≤7万元/个"),
                    name="资产收益扶贫项目")  # a ceiling: within the 1.2× allowed
    assert found(near, "unit-cost-vs-budget") == []
    rounded = document(row(OUT, "数量指标", "入股合作社个数", "=10个"),
                       row(OUT, "成本指标", "补助合作社平均标准", "=6.1万元/个"),
                       name="资产收益扶贫项目")  # 61万元: within rounding
    assert found(rounded, "unit-cost-vs-budget") == []


# target-set-low: a growth in % can be overshot


def test_a_growth_rate_done_far_above_its_floor_is_set_low() -> None:
    doc = document(scored(OUT, "数量指标", "创业担保贷款发放额增长率", "≥10%", "115.25%", "20"), kind=SELF,
                   name="普惠金融发展专项资金")
    assert messages(doc, "target-set-low") == [
        "「创业担保贷款发放额增长率」实际完成「115.25%」，是指标值「≥10%」的11.5倍，说明目标值定得偏低，"
        "没有反映这笔钱能办成的事"]
    near = document(scored(OUT, "质量指标", "创业担保贷款回收率", "≥60%", "98.70%", "20"),  # a share: no overshoot
                    scored(OUT, "数量指标", "贷款发放额增长率", "≥10%", "12%", "20"), kind=SELF,
                    name="普惠金融发展专项资金")
    assert found(near, "target-set-low") == []


# actual-not-comparable: a word for "met" in a row with no target


def test_met_reported_where_no_target_was_set_is_no_result() -> None:
    doc = document(scored(OUT, "数量指标", "月度绩效考核覆盖面", "", "达成预期指标", "15"), kind=SELF,
                   name="窗口人员月度考核奖")
    assert found(doc, "actual-not-comparable") == [1]
    near = document(scored(OUT, "数量指标", "月度绩效考核人数", "", "46人", "15"), kind=SELF,
                    name="窗口人员月度考核奖")
    assert found(near, "actual-not-comparable") == []


# several-targets: shares of different acts in one value; two targets in a name with no value


def test_shares_of_different_acts_in_one_value_are_several_targets() -> None:
    doc = document(row(OUT, "质量指标", "返本分红比例", "第一年按总投资额返本20%,分红按8%分红"),
                   name="资产收益扶贫项目")
    assert messages(doc, "several-targets") == [
        "指标值「第一年按总投资额返本20%,分红按8%分红」写了2个比例（第一年按总投资额返本20%；分红按8%分红），各是一件事，"
        "一个指标只能对照一个目标值，无法打分"]
    near = document(row(OUT, "时效指标", "工程进度", "上半年完成50%,年底完成100%"),  # one work's stages
                    row(OUT, "质量指标", "工程优良率", "较上年提高5%,达到95%"),  # a change beside its level
                    row(OUT, "质量指标", "分红比例", "按8%分红"), name="资产收益扶贫项目")
    assert found(near, "several-targets") == []


def test_two_targets_written_in_a_name_with_no_value_are_several_targets() -> None:
    name = "指标1:窗口和工作人员月度绩效考核全覆盖,优秀比例不超过20%"
    doc = document(row(OUT, "数量指标", name, ""), name="窗口人员月度考核奖")
    assert found(doc, "several-targets") == [1]
    near = document(row(OUT, "数量指标", name, "100%"),  # a value given: the name's clauses are its description
                    row(OUT, "质量指标", "考核全覆盖", ""), name="窗口人员月度考核奖")
    assert found(near, "several-targets") == []


# name-without-object: a 数量 name that is only the people served


def test_a_quantity_named_only_by_the_people_served_counts_nothing_named() -> None:
    doc = document(row(OUT, "数量指标", "服务对象", "404名"), name="优抚对象生活补助经费")
    assert messages(doc, "name-without-object") == [
        "数量指标名称「服务对象」只写了对象，没有说明数的是什么（人数、户数还是人次）"]
    near = document(row(OUT, "数量指标", "优抚对象人数", "404名"),
                    row(SAT, "服务对象满意度指标", "服务对象", "≥90%"),  # not a count (satisfaction-outside-group's)
                    name="优抚对象生活补助经费")
    assert found(near, "name-without-object") == []


# output-off-purpose (new): a training project's quantity that counts no training


def project(name: str, *indicators: Indicator) -> Document:
    return Document(Unit(None, None), "万元", (Project(
        seq=1, title=None, name=name, fund_year=2021, fund_label=None, fund_source=None,
        budget=Budget(total=Decimal(23)), purpose=None, goals=(), indicators=indicators, complete=True),),
        source=Source("inline"))


def test_a_training_projects_quantity_of_other_work_is_off_purpose() -> None:
    doc = project("2021年卫生健康人才培养培训一次性开办费", row(OUT, "数量指标", "派车次数", "15000次"),
                  row(OUT, "质量指标", "调度员上岗培训", "100%"))
    assert messages(doc, "output-off-purpose") == [
        "项目「2021年卫生健康人才培养培训一次性开办费」的资金用于培训，数量指标「派车次数」（15000次）数的却不是培训的产出，"
        "反映的是其他资金支付的日常工作，与本项目无关"]
    near = [project("2021年卫生健康人才培养培训一次性开办费", row(OUT, "数量指标", "派车次数", "15000次"),
                    row(OUT, "数量指标", "调度员培训人次", "≥40人次")),  # a count of the training beside it
            project("台胞扶贫济困生活补贴、涉台联络专项经费及调研培训费",
                    row(OUT, "数量指标", "困难台胞补助人数", "432人")),
            project("培训中心运行经费", row(OUT, "数量指标", "保障在职人员", "12人")),  # an institution's own running
            project("同心县2025年设施农业技术培训项目", row(OUT, "数量指标", "设施温棚种植人员(县内培训)", "≥100人"))]
    assert [found(doc, "output-off-purpose") for doc in near] == [[], [], [], []]
    assert [f.severity for f in review_document(doc, only={"output-off-purpose"}).findings] == ["warning"]
    assert EFF  # (the effects' 一级 is not asked: only 数量 rows are)
