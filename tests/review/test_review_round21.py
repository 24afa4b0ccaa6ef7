"""Round 21's rule changes (review-blind21), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Budget, Document, Indicator, Project, Source, Unit
from perfbudget.review.engine import review_document
from perfbudget.target import parse_target

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"


def row(level1: str, level2: str, name: str, target: str, *, actual: str | None = None) -> Indicator:
    return Indicator(level1, level2, name, None, parse_target(target, name), actual=actual)


def document(*indicators: Indicator, kind: str = "target") -> Document:
    project = Project(seq=1, title=None, name="护工培训", fund_year=2021, fund_label=None, fund_source=None,
                      budget=Budget(total=Decimal(300)), purpose=None, goals=(), indicators=indicators, complete=True)
    return Document(Unit(None, None), "万元", (project,), kind=kind, source=Source("inline"))


def found(doc: Document, rule_id: str) -> list[int | None]:
    return [f.indicator for f in review_document(doc, only={rule_id}).findings]


def messages(doc: Document, rule_id: str) -> list[str]:
    return [f.message for f in review_document(doc, only={rule_id}).findings]


# vague-qualitative: the five grades 优良中低差 left as the target

def test_the_five_grades_left_as_the_target_choose_no_grade() -> None:
    doc = document(row(EFF, "可持续影响指标", "管理机制健全性", "优良中低差"),
                   row(EFF, "可持续影响指标", "长效机制", "优/良/中/低/差"))
    assert found(doc, "vague-qualitative") == [1, 2]
    assert "评价等级的全部选项" in messages(doc, "vague-qualitative")[0]


def test_one_grade_or_two_chosen_is_a_target() -> None:
    doc = document(row(EFF, "可持续影响指标", "管理机制健全性", "优"),
                   row(OUT, "质量指标", "空气质量", "优良"),
                   row(OUT, "质量指标", "工程质量等级", "良及以上"))
    assert found(doc, "vague-qualitative") == []


# output-as-effect: the cases or hazards dealt with are the work done

def test_a_share_of_hazards_dealt_with_under_effects_is_an_output() -> None:
    doc = document(row(EFF, "社会效益指标", "安全隐患排查有效处置率", "≥90%"),
                   row(EFF, "社会效益指标", "问题整改率", "100%"),
                   row(EFF, "社会效益指标", "信访事项办结率", "≥95%"))
    assert found(doc, "output-as-effect") == [1, 2, 3]
    assert "以「处置率」结尾，衡量的是工作完成情况" in messages(doc, "output-as-effect")[0]


def test_the_same_shares_under_quality_and_real_effects_are_not() -> None:
    doc = document(row(OUT, "质量指标", "食品安全投诉举报处置率", "100%"),
                   row(EFF, "社会效益指标", "群众反映问题解决率", "≥90%"),
                   row(EFF, "社会效益指标", "铁路沿线安全事故发生数", "0起"))
    assert found(doc, "output-as-effect") == []


# unit-mismatch: a compliance named, the rule's own figures given

def test_a_compliance_given_the_rules_age_range_is_flagged() -> None:
    doc = document(row(OUT, "质量指标", "培训对象符合招生计划规定", "18—54周岁"),
                   row(OUT, "质量指标", "建设内容符合设计标准", "3层"))
    assert found(doc, "unit-mismatch") == [1, 2]
    assert "写了规定的条件本身（18—54周岁）" in messages(doc, "unit-mismatch")[0]


def test_a_compliance_in_per_cent_or_in_money_and_other_names_are_not() -> None:
    doc = document(row(OUT, "质量指标", "培训对象符合招生计划规定", "100%"),
                   row(OUT, "成本指标", "补助标准符合规定", "3000元/人"),
                   row(OUT, "质量指标", "慰问对象年龄", "≥100岁"),
                   row(OUT, "数量指标", "培训人数", "12500名"))
    assert found(doc, "unit-mismatch") == []


# actual-not-comparable: a figure closed by a range word; exceptions told instead of a figure

def test_an_actual_closed_by_a_range_word_or_telling_of_exceptions_is_flagged() -> None:
    doc = document(row(SAT, "服务对象满意度指标", "参培学员满意度", "95%及以上", actual="88.32%及以上"),
                   row(OUT, "质量指标", "培训对象年龄符合率", "100%", actual="存在18岁以下、54周岁以上"),
                   kind="self-evaluation")
    assert found(doc, "actual-not-comparable") == [1, 2]
    said = messages(doc, "actual-not-comparable")
    assert "以「及以上」结尾" in said[0] and "不是数值" in said[1]


def test_plain_figures_and_phrases_against_phrases_are_not() -> None:
    doc = document(row(SAT, "服务对象满意度指标", "参培学员满意度", "95%及以上", actual="88.32%"),
                   row(OUT, "质量指标", "结业考核通过率", "100%", actual="98.79%"),
                   row(OUT, "时效指标", "考核任务完成及时", "按期考核", actual="部分期次未按期考核"),
                   kind="self-evaluation")
    assert found(doc, "actual-not-comparable") == []


# qualitative-for-number: a 时效 value whose figures count batches and whose words only say 及时

def test_a_time_value_saying_only_promptly_after_counted_batches_is_flagged() -> None:
    doc = document(row(OUT, "时效指标", "考核任务完成及时", "1-6期培训结束后及时考核"))
    assert found(doc, "qualitative-for-number") == [1]
    assert "只说「及时」" in messages(doc, "qualitative-for-number")[0]


def test_a_time_value_with_days_or_a_date_is_not() -> None:
    doc = document(row(OUT, "时效指标", "投诉办结时限", "3天内及时办结"),
                   row(OUT, "时效指标", "审批时限", "≤15个工作日"),
                   row(OUT, "时效指标", "培训任务完成及时", "2021.1.1-12.31"),
                   row(OUT, "数量指标", "培训期数", "6期"))
    assert found(doc, "qualitative-for-number") == []
