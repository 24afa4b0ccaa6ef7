"""Round 30's rule changes (review-blind30), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from perfbudget.review.engine import review_document
from tests.review.test_review_round22 import document, found, messages, row

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"


# number-without-unit: a name ending in its measure word says what the bare figure counts


def test_a_name_ending_in_its_measure_word_needs_no_unit() -> None:
    doc = document(row(OUT, "数量指标", "药品监管人员人均培训学时", "≥90"), row(OUT, "数量指标", "药品抽验品种", "≥3"),
                   row(OUT, "数量指标", "学校发展能力", "100"))
    assert found(doc, "number-without-unit") == [3]


# level2-misplaced: schooling reached is a social effect, not an economic one


def test_an_enrolment_rate_under_economic_benefit_is_misplaced() -> None:
    doc = document(row(EFF, "经济效益指标", "提高县城初中学生就学率", "10.9%"),
                   row(EFF, "经济效益指标", "带动周边商户增收", "≥20万元"))
    assert found(doc, "level2-misplaced") == [1]
    assert "就学" in messages(doc, "level2-misplaced")[0]


# missing-quantity-indicator: a 数量 group whose value is only an amount of money counts no work


def _repairs(quantity: tuple[str, str]) -> list:
    return [row(OUT, "数量指标", *quantity), row(OUT, "质量指标", "维修改造验收合格率", "100%"),
            row(OUT, "时效指标", "项目完工时间", "2023年12月底前"),
            row(EFF, "社会效益指标", "校园安全事故发生数", "0起"), row(SAT, "服务对象满意度指标", "师生满意度", "≥95%")]


def test_a_quantity_of_money_only_is_no_quantity() -> None:
    doc = document(*_repairs(("完成校园维修改造及设备购置项目", "800万元")), name="校园维修改造及设备购置")
    assert found(doc, "missing-quantity-indicator") == [None]
    assert "资金的金额" in messages(doc, "missing-quantity-indicator")[0]
    counted = document(*_repairs(("维修改造教室", "≥24间")), name="校园维修改造及设备购置")
    assert found(counted, "missing-quantity-indicator") == []


# time-without-date: the year written into the name is said to belong in the value; unit-mismatch leaves 时效 rows


def test_a_year_in_a_time_name_is_told_to_move_into_the_value() -> None:
    doc = document(row(OUT, "时效指标", "2023年项目完工、投入使用", "100%"))
    assert found(doc, "time-without-date") == [1]
    message = messages(doc, "time-without-date")[0]
    assert "（2023年）写在了名称里" in message
    assert found(doc, "unit-mismatch") == []  # one fault, one finding
    # a sentence of aims in % elsewhere is still unit-mismatch's
    aims = document(row(EFF, "可持续影响指标", "建设平安校园,满足教师和学生生活、学习的需要", "≥95%"))
    assert found(aims, "unit-mismatch") == [1]


# level-not-in-framework: one wrong 二级 over several rows is one finding, a placeholder named as such


def test_a_placeholder_second_level_over_two_rows_is_one_finding() -> None:
    doc = document(row(SAT, "具体指标", "教师满意度", "≥95%"), row(SAT, "具体指标", "学生满意度", "≥95%"))
    assert found(doc, "level-not-in-framework") == [1]
    message = messages(doc, "level-not-in-framework")[0]
    assert "「具体指标」是表样的占位文字" in message and "另有第2个指标也是这样" in message
    # two different wrong 二级 stay two findings
    two = document(row(SAT, "具体指标", "教师满意度", "≥95%"), row(EFF, "质量指标", "游客增长", "≥5%"))
    assert found(two, "level-not-in-framework") == [1, 2]


# typo: a word written twice running anywhere in a name, not only at its end


def test_a_word_written_twice_inside_a_name_is_a_slip() -> None:
    doc = document(row(OUT, "数量指标", "培训培训人次", "≥200人次"), row(OUT, "数量指标", "项目完成周期周期", "12个月"),
                   row(OUT, "数量指标", "人人享有服务覆盖人数", "≥500人"),
                   row(OUT, "数量指标", "学生学习时长", "≥40学时"))
    assert found(doc, "typo") == [1, 2]
    first, second = messages(doc, "typo")
    assert "中的「培训培训」" in first and "末尾的「周期周期」" in second
    suggestions = [f.suggestion for f in review_document(doc, only={"typo"}).findings]
    assert suggestions[0] == "删去重复的「培训」，写作「培训人次」"


# monitored-state-as-effect: a monitoring project's target the state of what it monitors (九华山)


def test_a_monitoring_project_does_not_produce_the_air_it_measures() -> None:
    rows = [row(OUT, "数量指标", "全年有效监测数据获取率", "≥90%"),
            row(EFF, "生态效益指标", "风景区空气质量优良率", "≥90%")]
    doc = document(*rows, name="百岁宫大气监测专项")
    assert found(doc, "monitored-state-as-effect") == [2]
    assert "监测只测量环境，不改善环境" in messages(doc, "monitored-state-as-effect")[0]
    # a pollution-control project's air quality is its effect
    assert found(document(*rows, name="大气污染防治及监测能力建设"), "monitored-state-as-effect") == []


# Reread of the real corpus' findings (round 30): what was right but badly said


def test_a_spreadsheet_date_serial_is_told_as_one() -> None:
    doc = document(row(OUT, "时效指标", "工作计划按时完成时间", "=44,561"), row(OUT, "数量指标", "学校发展能力", "100"))
    first, second = messages(doc, "number-without-unit")
    assert "序列号（对应2021年12月31日）" in first and "只有数字" in second
    # a year's count under a name that is no time is a bare number as before
    count = document(row(OUT, "数量指标", "年度服务人次总量", "44561"))
    assert "序列号" not in messages(count, "number-without-unit")[0]


def test_a_cost_written_as_a_floor_is_told_as_a_ceiling() -> None:
    doc = document(row(OUT, "成本指标", "科技特派员业务培训开展", "≥5万元"))
    [message] = messages(doc, "direction-clash")
    assert message.startswith("成本指标「科技特派员业务培训开展」是花费的上限") and "越小越好" not in message
    [finding] = review_document(doc, only={"direction-clash"}).findings
    assert finding.suggestion.startswith("成本写上限，如「≤5万元」")


def test_a_misplaced_effect_is_told_where_it_belongs() -> None:
    doc = document(row(EFF, "经济效益指标", "校园安全事故发生数", "0起"), row(EFF, "经济效益指标", "满意度提升", "≥5%"))
    suggestions = [f.suggestion for f in review_document(doc, only={"level2-misplaced"}).findings]
    assert suggestions[0] == "把它移到「社会效益指标」下"
    assert suggestions[1].startswith("把它移到与其含义相符的二级指标下")  # a satisfaction: not a social effect


def test_a_project_without_any_indicator_is_told_so() -> None:
    doc = document()
    assert messages(doc, "too-few-indicators") == ["没有填写任何三级指标，无法衡量项目的产出和效益"]
    one = document(row(OUT, "数量指标", "培训人次", "≥20人次"))
    assert messages(one, "too-few-indicators")[0].startswith("只有1个")


def test_a_bare_measure_is_told_what_it_lacks() -> None:
    doc = document(row(SAT, "服务对象满意度指标", "是否满意", "是"), row(OUT, "质量指标", "合格率", "100%"))
    findings = review_document(doc, only={"name-without-object"}).findings
    assert findings[0].message == "三级指标名称「是否满意」没有说明是谁的满意度"
    assert "维修工程验收合格率" in findings[1].suggestion


def test_a_target_written_into_an_empty_rows_name_is_told_so() -> None:
    doc = document(row(OUT, "时效指标", "指标1:年度资金支付完成率100%", ""), row(OUT, "质量指标", "验收合格率", ""))
    first, second = [f for f in review_document(doc, only={"missing-target-value", "input-as-output"}).findings
                     if f.rule == "missing-target-value"]  # (input-as-output running: review38's second reading)
    assert first.message == ("三级指标「指标1:年度资金支付完成率100%」把指标值（100%）写进了名称，指标值栏却是空的，"
                             "无法对照打分")
    # round 35: money paid out is to be deleted (input-as-output says so), not filled in
    assert first.suggestion.startswith("这项衡量的是资金投入（到位、支付或支出），不是产出：删去该指标")
    assert second.message.startswith("三级指标「验收合格率」没有填写指标值")


# level2-misplaced: a head count under 质量 (海南农垦's 困难教师 2)


def test_a_head_count_under_quality_is_a_quantity() -> None:
    doc = document(row(OUT, "质量指标", "困难教师", "2"), row(OUT, "质量指标", "参训人员考核合格人员", "≥50人"),
                   row(OUT, "质量指标", "受助学生认定准确率", "100%"), row(OUT, "数量指标", "困难学生", "≥50人"))
    assert found(doc, "level2-misplaced") == [1]
    assert "是人数，是数量，不是质量" in messages(doc, "level2-misplaced")[0]
