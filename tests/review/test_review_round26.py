"""Round 26's rule changes (review-blind26), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from perfbudget.model import Document
from perfbudget.review.engine import review_document
from tests.review.test_review_round22 import found, messages, row
from tests.review.test_review_round23 import EFF, OUT, document

SELF = "self-evaluation"


# input-as-output: the unit's working funds paid out (工作经费应发尽发率, 工作经费发放及时率)


def test_working_funds_paid_out_are_the_money_going_in() -> None:
    doc = document(row(EFF, "社会效益指标", "城乡居民医保参保工作经费应发尽发率", "=100%"),
                   row(OUT, "时效指标", "城乡居民医保参保工作经费发放及时率", "=100%"),
                   row(OUT, "质量指标", "办案经费足额发放率", "100%"), name="城乡居民医保参保工作经费")
    assert found(doc, "input-as-output") == [1, 2, 3]
    # a benefit handed out is the service of a subsidy: 补助经费发放, 补贴发放
    near = document(row(OUT, "时效指标", "补助经费发放及时率", "100%"),
                    row(OUT, "质量指标", "高龄津贴发放率", "100%"),
                    row(OUT, "数量指标", "工作经费保障人数", "≥14人"), name="高龄津贴")
    assert found(near, "input-as-output") == []


# missing-target-value: a self-evaluation reporting what was done with no target says so, with the actual


def test_an_actual_without_a_target_is_told_with_its_figure() -> None:
    doc = document(row(OUT, "数量指标", "办理法律援助案件", "", actual="94件"), kind=SELF, name="政法转移支付")
    assert messages(doc, "missing-target-value") == [
        "三级指标「办理法律援助案件」只有实际完成值「94件」，没有填写年初设定的指标值，无法判断是否完成目标，也无法打分"]
    near = document(row(OUT, "数量指标", "办理法律援助案件", ""), name="政法转移支付")
    assert messages(near, "missing-target-value") == [
        "三级指标「办理法律援助案件」没有填写指标值，年底无从对照考核，也无法打分"]


# actual-not-comparable: an actual written as a bound where no target is given


def test_an_actual_written_as_a_bound_without_a_target_is_no_result() -> None:
    doc = document(row(OUT, "质量指标", "采购装备出现不合格装备的比例", "", actual="≦0%"), kind=SELF,
                   name="政法转移支付")
    assert found(doc, "actual-not-comparable") == [1]
    assert "「0%」" in review_suggestion(doc)
    near = document(row(OUT, "质量指标", "采购装备出现不合格装备的比例", "", actual="0%"),
                    row(OUT, "质量指标", "装备验收情况", "", actual="≤合格"), kind=SELF, name="政法转移支付")
    assert found(near, "actual-not-comparable") == []


def review_suggestion(doc: Document) -> str:
    return review_document(doc, only={"actual-not-comparable"}).findings[0].suggestion


# payment-below-full: a payment rate done below 100% with no target set


def test_a_payment_rate_done_below_full_without_a_target_is_flagged() -> None:
    doc = document(row(OUT, "质量指标", "经费发放率", "", actual="98%"), kind=SELF, name="优抚对象生活补助经费")
    assert found(doc, "payment-below-full") == [1]
    near = document(row(OUT, "质量指标", "经费发放率", "", actual="100%"),
                    row(OUT, "质量指标", "覆盖率", "", actual="98%"),  # coverage of a population, not a payment
                    row(OUT, "质量指标", "资金发放及时率", "", actual="≥98%"),  # a bound: actual-not-comparable's
                    kind=SELF, name="优抚对象生活补助经费")
    assert found(near, "payment-below-full") == []


# time-without-date: a thing to be done on time valued at the whole year


def test_an_on_time_act_valued_at_a_year_names_no_due_date() -> None:
    doc = document(row(OUT, "时效指标", "按时交纳税费", "=1年"), name="国有资产出租收入应交税费")
    assert found(doc, "time-without-date") == [1]
    near = document(row(OUT, "时效指标", "按时交纳税费", "每季度终了后15日内"),
                    row(OUT, "时效指标", "按时完成率", "100%"),
                    row(OUT, "时效指标", "项目实施周期", "=1年"),  # a period, not a thing done on time
                    row(OUT, "时效指标", "及时拨付补助", "≤30天"), name="国有资产出租收入应交税费")
    assert found(near, "time-without-date") == []


# payment-below-full: a benefit's coverage of those entitled


def test_a_benefits_coverage_below_full_is_a_payment_below_full() -> None:
    doc = document(row(OUT, "质量指标", "伙食补助覆盖率", "90%"), name="学生伙食费")
    assert found(doc, "payment-below-full") == [1]
    assert "基数" in messages(doc, "payment-below-full")[0]
    near = document(row(OUT, "质量指标", "伙食补助覆盖率", "100%"),
                    row(OUT, "质量指标", "疫苗接种覆盖率", "90%"),  # a service's coverage of a population
                    row(EFF, "社会效益指标", "宣传覆盖率", "80%"), name="学生伙食费")
    assert found(near, "payment-below-full") == []


# several-targets: a paragraph of aims that is its own value; a last figure left without its unit


def test_a_paragraph_of_aims_as_its_own_value_is_several_targets() -> None:
    aims = "学校的教育教学秩序良好,校园文化建设深受好评,力争毕业生合格率达100%"
    doc = document(row(OUT, "质量指标", aims, aims), name="部门整体支出")
    assert found(doc, "several-targets") == [1]
    assert "3项目标" in messages(doc, "several-targets")[0]
    two = "按时完成教学任务,顺利完成中考。"
    near = document(row(OUT, "时效指标", two, two),  # two clauses: left to the other rules
                    row(OUT, "质量指标", "教学秩序", "学校的教育教学秩序良好,校园文化建设深受好评,毕业生合格"),
                    name="部门整体支出")  # a paragraph as the value of a name of its own
    assert found(near, "several-targets") == []


def test_a_last_figure_without_its_unit_is_a_second_target_and_unitless() -> None:
    value = "编印《市领导政务活动画册》30本和《档案馆指南》1000"
    doc = document(row(OUT, "数量指标", "编印《市领导政务活动画册》、《档案馆指南》", value), name="档案征集编研")
    assert found(doc, "several-targets") == [1]
    assert found(doc, "number-without-unit") == [1]
    near = document(row(OUT, "数量指标", "编印画册", "编印《市领导政务活动画册》30本和《档案馆指南》1000本"),
                    row(OUT, "数量指标", "编印年鉴", "2023年编印年鉴"), name="档案征集编研")
    assert found(near, "number-without-unit") == []

