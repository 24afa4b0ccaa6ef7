"""Round 20's rule changes (review-blind20), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Budget, Document, Indicator, Project, Source, Unit
from perfbudget.review.engine import review_document
from perfbudget.target import parse_target

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"


def row(level1: str, level2: str, name: str, target: str, *, description: str | None = None,
        actual: str | None = None, weight: str | None = None, score: str | None = None) -> Indicator:
    return Indicator(level1, level2, name, description, parse_target(target, name), actual=actual,
                     weight=Decimal(weight) if weight is not None else None,
                     score=Decimal(score) if score is not None else None)


def document(*indicators: Indicator, kind: str = "target") -> Document:
    project = Project(seq=1, title=None, name="新型农业经营主体扶持", fund_label=None, fund_year=2022, fund_source=None,
                      budget=Budget(total=Decimal(650)), purpose=None, goals=(), indicators=indicators, complete=True)
    return Document(Unit(None, None), "万元", (project,), kind=kind, source=Source("inline"))


def found(doc: Document, rule_id: str) -> list[int | None]:
    return [f.indicator for f in review_document(doc, only={rule_id}).findings]


def messages(doc: Document, rule_id: str) -> list[str]:
    return [f.message for f in review_document(doc, only={rule_id}).findings]


# name-description-mismatch: a description that only puts in what is done with the thing

def test_a_description_putting_in_the_action_says_the_same_measure() -> None:
    doc = document(row(OUT, "质量指标", "补贴准确率", "100%", description="补贴发放准确率"),
                   row(OUT, "时效指标", "资金及时率", "100%", description="资金拨付及时率"))
    assert found(doc, "name-description-mismatch") == []


def test_a_description_putting_in_someone_else_or_another_word_still_differs() -> None:
    doc = document(row(SAT, "服务对象满意度指标", "学生满意度", "≥90%", description="学生家长满意度"),
                   row(SAT, "服务对象满意度指标", "使用部门满意度", "≥90%", description="使用干警满意度"),
                   row(OUT, "质量指标", "补贴发放准确率", "100%", description="补贴审核准确率"))
    assert found(doc, "name-description-mismatch") == [1, 2, 3]


# unit-mismatch: the unit in the name's brackets is the bare figure's; an output value or income is money

def test_an_output_value_in_per_cent_is_flagged_with_the_unit_in_the_brackets() -> None:
    doc = document(row(EFF, "经济效益指标", "新型经营主体实现产值(%)", "8000"),
                   row(EFF, "经济效益指标", "合作社销售收入", "≥5%"))
    assert found(doc, "unit-mismatch") == [1, 2]
    assert "名称括号中注明单位为「%」" in messages(doc, "unit-mismatch")[0]


def test_values_in_money_growth_named_as_such_and_comparisons_are_not_flagged() -> None:
    doc = document(row(EFF, "经济效益指标", "新型经营主体实现产值(万元)", "8000"),
                   row(EFF, "经济效益指标", "产值增长率", "≥5%"),
                   row(EFF, "经济效益指标", "种薯亩均收入较鲜薯亩均收入", "≥5%"),
                   row(OUT, "数量指标", "扶持发展新型农业经营主体(个)", "15"),
                   row(SAT, "服务对象满意度指标", "农户满意度(%)", "90"))
    assert found(doc, "unit-mismatch") == []


# target-set-low: bare figures in the unit of the name's brackets; money an effect brings in is a floor

def test_an_output_value_overshot_in_the_names_unit_is_a_target_set_low() -> None:
    doc = document(row(EFF, "经济效益指标", "新型经营主体实现产值(%)", "8000", actual="12767.36"),
                   row(EFF, "经济效益指标", "合作社销售收入", "300万元", actual="480万元"), kind="self-evaluation")
    assert found(doc, "target-set-low") == [1, 2]
    assert "超出指标值「8000」60%" in messages(doc, "target-set-low")[0]


def test_shares_bare_figures_without_a_unit_and_small_overshoots_are_not() -> None:
    doc = document(row(SAT, "服务对象满意度指标", "农户满意度(%)", "60", actual="100"),
                   row(OUT, "数量指标", "培训", "3", actual="9.3"),
                   row(EFF, "经济效益指标", "实现产值(万元)", "8000", actual="11000"),
                   row(EFF, "经济效益指标", "带动就业", "≥10%", actual="20%"), kind="self-evaluation")
    assert found(doc, "target-set-low") == []


# score-vs-actual: a score above its weight; without weights, a fraction that is a whole weight × the overshoot

def test_scores_counted_past_the_target_in_a_table_without_weights_are_flagged() -> None:
    doc = document(row(OUT, "数量指标", "扶持发展新型农业经营主体(个)", "15", actual="6", score="8.0"),
                   row(EFF, "经济效益指标", "新型经营主体实现产值(%)", "8000", actual="12767.36", score="31.9"),
                   row(EFF, "经济效益指标", "新型经营主体助农增收(元)", "1980", actual="2074", score="10.5"),
                   row(SAT, "服务对象满意度指标", "农户满意度(%)", "90", actual="100", score="11.1"),
                   kind="self-evaluation")
    assert found(doc, "score-vs-actual") == [2, 3, 4]
    said = messages(doc, "score-vs-actual")
    assert "得分31.9分正是20分×159.6%" in said[0] and "这一行的分值（10分）" in said[2]


def test_whole_scores_fractions_that_fit_no_whole_weight_and_scores_within_the_target_are_not() -> None:
    doc = document(row(OUT, "数量指标", "培训人次", "100人次", actual="120人次", score="12"),  # 12 of 12 at 120 %
                   row(OUT, "数量指标", "发放人数", "100人", actual="105人", score="10.3"),  # 10.3/1.05 = 9.81
                   row(OUT, "数量指标", "建设亩数", "100亩", actual="90亩", score="8.5"),
                   kind="self-evaluation")
    assert found(doc, "score-vs-actual") == []


def test_a_score_above_the_written_weight_is_flagged() -> None:
    doc = document(row(OUT, "时效指标", "医疗文书及时率", "按规定时限", actual="个别人未及时完成",
                       weight="3", score="4"),
                   row(OUT, "质量指标", "诊断准确率", "95%以上", actual="97%", weight="5", score="5"),
                   kind="self-evaluation")
    assert found(doc, "score-vs-actual") == [1]
    assert "得分4分高于这一行的分值3分" in messages(doc, "score-vs-actual")[0]


# unit-mismatch: an income raised for people in plain 元 without per what

def test_an_income_raised_for_farmers_in_plain_yuan_is_asked_per_what() -> None:
    doc = document(row(EFF, "经济效益指标", "新型经营主体助农增收(元)", "1980"),
                   row(EFF, "经济效益指标", "脱贫户增加收入", "≥2000元"))
    assert found(doc, "unit-mismatch") == [1, 2]
    assert "没有说明是每户、每人还是合计" in messages(doc, "unit-mismatch")[0]


def test_an_income_per_head_per_household_or_of_a_collective_is_not() -> None:
    doc = document(row(EFF, "经济效益指标", "务工人员年人均增收", "≥8400元"),
                   row(EFF, "经济效益指标", "农户户均增收", "2000元"),
                   row(EFF, "经济效益指标", "带动农户增收", "2000元/户"),
                   row(EFF, "经济效益指标", "村集体增收", "50000元"),
                   row(EFF, "经济效益指标", "带动农民增收", "≥50万元"))
    assert found(doc, "unit-mismatch") == []
