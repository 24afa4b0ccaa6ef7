"""Round 31's rule changes (review-blind31), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfbudget.model import Budget
from perfbudget.review.engine import review_document
from tests.review.test_review_round22 import document, found, messages, row

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"
SELF = "self-evaluation"


# level2-misplaced: the people a service reaches, a school kept running, teaching and welfare are no economic effect


def test_a_head_count_of_people_reached_is_no_economic_effect() -> None:
    doc = document(row(EFF, "经济效益指标", "全年影院观影人数", "≥4万人次"),
                   row(EFF, "经济效益指标", "接待游客人数", "≥10万人次"),  # tourism lives on its visitors
                   row(EFF, "经济效益指标", "影院营业收入", "≥150万元"))
    assert found(doc, "level2-misplaced") == [1]
    assert "服务到的人" in messages(doc, "level2-misplaced")[0]


def test_running_teaching_and_welfare_are_no_economic_effect() -> None:
    doc = document(row(EFF, "经济效益指标", "保障学校的正常运转", "正常运转"),
                   row(EFF, "经济效益指标", "提高教育质量", "与上年相比显著提高"),
                   row(EFF, "经济效益指标", "承担重要公益服务项目、助推民生事业发展", "100%"),
                   row(EFF, "经济效益指标", "带动职业教育学员就业增收", "≥50万元"))
    assert found(doc, "level2-misplaced") == [1, 2, 3]


def test_a_rate_under_time_is_told_to_give_a_deadline() -> None:
    doc = document(row(OUT, "时效指标", "免费开放率", "100%"))
    (message,) = messages(doc, "level2-misplaced")
    assert "也没有写明完成时间或期限" in message
    (finding,) = review_document(doc, only={"level2-misplaced"}).findings
    assert "时效指标写明完成时间或期限" in finding.suggestion


# time-without-date: a rule of conduct as a 时效 name names no date


def test_a_rule_of_conduct_as_the_time_target_names_no_date() -> None:
    doc = document(row(OUT, "时效指标", "根据资金到位时间执行项目进度", "100%"),
                   row(OUT, "时效指标", "按照合同约定时间按时完成率", "100%"),  # a share done in time: a rate
                   row(OUT, "时效指标", "项目完成时间", "2024年12月底前"))
    assert found(doc, "time-without-date") == [1]
    assert "执行原则（根据…）" in messages(doc, "time-without-date")[0]


# actual-not-comparable: a degree reported where no target was set


def test_a_degree_reported_against_no_target_cannot_be_scored() -> None:
    doc = document(row(SAT, "服务对象满意度指标", "学生和家长的满意度", "", actual="较高"),
                   row(EFF, "社会效益指标", "补助政策知晓度", "", actual="100%"),
                   row(EFF, "社会效益指标", "适龄残疾儿童接受义务教育覆盖", "", actual="全覆盖"),
                   row(SAT, "服务对象满意度指标", "家长满意度", "≥90%", actual="较高"), kind=SELF)
    assert 1 in found(doc, "actual-not-comparable")
    assert 2 not in found(doc, "actual-not-comparable") and 3 not in found(doc, "actual-not-comparable")
    assert "只是笼统的程度" in messages(doc, "actual-not-comparable")[0]


# input-as-output: the money's spending rate with words between (补助资金年度支出率)


def test_a_spending_rate_of_the_money_is_an_input() -> None:
    doc = document(row(OUT, "时效指标", "农业生态与资源保护补助资金年度支出率", "≥90%"),
                   row(OUT, "质量指标", "经费支出合规率", "100%"))
    assert found(doc, "input-as-output") == [1]


# management-as-output: money used without breaking the rules; the scoring frame's management rows


def test_money_used_without_violations_and_rules_in_place_are_management() -> None:
    doc = document(row(EFF, "社会效益指标", "资金使用无重大违规违纪问题", ""),
                   row(OUT, "质量指标", "免费开放管理制度健全、执行有效性", "100%"),
                   row(OUT, "数量指标", "制定管理制度", "≥3项"),  # writing the rules is the work of some projects
                   row(EFF, "社会效益指标", "辖区无重大安全事故发生", "0起"))
    assert found(doc, "management-as-output") == [1, 2]
    first, second = messages(doc, "management-as-output")
    assert "资金使用或管理是否合规" in first and "管理制度是否健全、是否执行" in second
    (effect, _quality) = review_document(doc, only={"management-as-output"}).findings
    assert "效益指标写项目带来的变化" in effect.suggestion


# cost-is-budget: a judgement of the cost as the cost row's name, valued at the whole budget


def test_a_judgement_of_the_cost_valued_at_the_budget_restates_it() -> None:
    doc = document(row(OUT, "成本指标", "实际成本与工作内容的匹配程度", "45万"),
                   row(OUT, "成本指标", "项目总成本", "≤45万元"), name="商品和服务支出")
    doc = replace(doc, projects=(replace(doc.projects[0], budget=Budget(total=Decimal(45))),))
    assert found(doc, "cost-is-budget") == [1]
    assert "是评价用语" in messages(doc, "cost-is-budget")[0]


# rate-under-quantity and rate-over-100: one fault, one finding


def test_a_count_in_the_name_is_value_in_names_alone() -> None:
    doc = document(row(OUT, "数量指标", "培智教学软件2套", "100%"), row(OUT, "数量指标", "设备维护保障率", "100%"))
    assert found(doc, "value-in-name") == [1]
    assert found(doc, "rate-under-quantity") == [2]


def test_a_cost_at_or_above_100_percent_is_cost_not_moneys_alone() -> None:
    doc = document(row(OUT, "成本指标", "支出控制在批复预算范围内", "≥100%"),
                   row(OUT, "质量指标", "项目验收合格率", "≥100%"))
    assert found(doc, "cost-not-money") == [1]
    assert found(doc, "rate-over-100") == [2]


# Wording, from rereading findings on the reader corpus's tables (宁河 2020, 金安 2025, 金寨 2021)


def test_an_example_deadline_is_given_in_the_tables_own_year() -> None:
    doc = document(row(OUT, "时效指标", "非营利性民办园租房受益期限", "保障疫情期间非营利性民办园房租需求"))
    (finding,) = review_document(doc, only={"qualitative-for-number"}).findings
    assert "2021年12月31日前" in finding.suggestion and "2024" not in finding.suggestion  # (the table's year: 2021)
    (missing,) = review_document(document(row(OUT, "数量指标", "培训人次", "≥200人次"),
                                          row(EFF, "社会效益指标", "培训覆盖率", "≥95%")),
                                 only={"missing-time-indicator"}).findings
    assert "2021年12月底前完成" in missing.suggestion


def test_a_vague_effect_is_shown_a_measure_of_its_own_group() -> None:
    doc = document(row(EFF, "经济效益指标", "推动体育消费", "经济效益良好"),
                   row(EFF, "可持续影响指标", "打造系列品牌赛事", "影响可持续"),
                   row(OUT, "产出指标", "项目管理", "合规"))
    economic, lasting, other = review_document(doc, only={"vague-qualitative"}).findings
    assert "带动相关消费≥50万元" in economic.suggestion and "≥95%" not in economic.suggestion
    # a brand of events names no facility: a mechanism kept up, not a facility's years of use (round 41)
    assert "该项工作持续开展 ≥3年" in lasting.suggestion and "≥95%" not in lasting.suggestion
    assert "≥95%" in other.suggestion  # a row of no known group keeps the general examples


def test_a_line_break_inside_a_name_is_not_quoted() -> None:
    doc = document(row(EFF, "可持续影响指标", "打造金安国际网球\n公开赛等系列品牌赛事", "影响可持续"))
    (finding,) = review_document(doc, only={"vague-qualitative"}).findings
    assert "「打造金安国际网球公开赛等系列品牌赛事」" in finding.message


def test_the_location_line_names_the_indicator_on_one_line() -> None:
    from rich.console import Console

    from perfbudget.cli.render.review import render_finding

    doc = document(row(EFF, "可持续影响指标", "打造金安国际网球\n公开赛等系列品牌赛事", "影响可持续"))
    (finding,) = review_document(doc, only={"vague-qualitative"}).findings
    console = Console(record=True, width=200)
    render_finding(doc, finding, console)
    first_line = console.export_text().splitlines()[0]
    assert first_line.endswith("第1个指标「打造金安国际网球公开赛等系列品牌赛事」 指标值")
