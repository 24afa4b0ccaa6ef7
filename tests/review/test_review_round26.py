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
    assert messages(near, "missing-target-value") == ["三级指标「办理法律援助案件」没有填写指标值"]


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
