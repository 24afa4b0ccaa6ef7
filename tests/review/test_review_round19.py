"""Round 19's rule changes (review-blind19), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from tests.review.test_review_round18 import document, found, messages

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"


# number-without-unit: a unit in the name's brackets may be a currency or a 万-count

def test_a_bare_figure_under_a_name_holding_its_unit_in_brackets_is_not_flagged() -> None:
    doc = document((OUT, "数量指标", "服务外包在岸(万美元)", "20000"), (OUT, "数量指标", "接待游客(万人次)", "3"))
    assert found(doc, "number-without-unit") == []


def test_a_bare_figure_with_a_bracketed_note_that_is_no_unit_is_still_flagged() -> None:
    doc = document((OUT, "数量指标", "服务外包在岸(在岸部分)", "20000"))
    assert found(doc, "number-without-unit") == [1]


# vague-qualitative: a question, a thing to assess, a reception, "more than last year"

def test_values_that_set_no_result_are_vague() -> None:
    doc = document((EFF, "可持续影响指标", "推动企业走出去方面发挥的作用", "是否利于企业走出去"),
                   (EFF, "社会效益指标", "企业把握政治导向和文化方向情况", "企业把握正确政治导向和文化方向情况的评价"),
                   (OUT, "质量指标", "企业国际质量提升", "获得目的国(地区)受众欢迎"),
                   (EFF, "经济效益指标", "业务收入", "超上年度"))
    assert found(doc, "vague-qualitative") == [1, 2, 3, 4]
    said = messages(doc, "vague-qualitative")
    assert "是一个问句" in said[0] and "只写了要评价的内容" in said[1] and "受欢迎" in said[2]
    assert "没有写超过多少" in said[3]


def test_answers_standards_and_stated_increases_are_not_vague() -> None:
    doc = document((EFF, "可持续影响指标", "企业走出去", "是"),
                   (OUT, "质量指标", "工程质量", "通过验收，达到国家标准"),
                   (EFF, "社会效益指标", "游客好评率", "≥90%"),
                   (EFF, "经济效益指标", "业务收入", "超上年2%"),
                   (EFF, "社会效益指标", "群众反映", "受到群众好评，好评率达到90%"))
    assert found(doc, "vague-qualitative") == []


# effect-under-output: a trade or business volume in money under 产出

def test_a_trade_volume_in_money_under_output_is_an_effect() -> None:
    doc = document((OUT, "数量指标", "服务外包在岸(万美元)", "20000"), (OUT, "数量指标", "进出口额", "≥5亿元"))
    assert found(doc, "effect-under-output") == [1, 2]
    assert "外包业务的金额（万美元）" in messages(doc, "effect-under-output")[0]


def test_counts_of_firms_and_outsourced_work_without_money_are_outputs() -> None:
    doc = document((OUT, "数量指标", "支持服务贸易、服务外包企业数量", "3"),
                   (OUT, "数量指标", "保洁服务外包面积", "≥2000平方米"),
                   (EFF, "经济效益指标", "服务外包在岸(万美元)", "20000"))
    assert found(doc, "effect-under-output") == []


# input-as-output: the investment completed

def test_completing_the_investment_is_the_input() -> None:
    doc = document((OUT, "时效指标", "按期完成投资", "100%"))
    assert found(doc, "input-as-output") == [1]


def test_a_work_completed_on_time_is_not_an_input() -> None:
    doc = document((OUT, "时效指标", "按期完成建设", "100%"), (OUT, "数量指标", "完成投资项目数", "3个"))
    assert found(doc, "input-as-output") == []


# satisfaction-below-floor: a bare figure

def test_a_satisfaction_written_as_a_bare_figure_below_the_floor_is_flagged() -> None:
    doc = document((SAT, "服务对象满意度指标", "改善通行服务水平群众满意度", "20"))
    assert found(doc, "satisfaction-below-floor") == [1]
    assert "若是这一行的分值" in messages(doc, "satisfaction-below-floor")[0]


def test_a_bare_satisfaction_at_the_floor_or_a_fraction_is_not() -> None:
    doc = document((SAT, "服务对象满意度指标", "群众满意度", "90"), (SAT, "服务对象满意度指标", "学生满意度", "0.9"))
    assert found(doc, "satisfaction-below-floor") == []


# score-vs-actual: a score above the share done

def test_a_score_above_the_share_done_is_flagged() -> None:
    doc = document((OUT, "数量指标", "高血压规范管理数", "3807人", "3224人", "2", "1.9"),
                   (OUT, "数量指标", "中医药规范管理数", "≥1228人", "770人", "10", "9"), kind="self-evaluation")
    assert found(doc, "score-vs-actual") == [1, 2]
    assert "84.7%" in messages(doc, "score-vs-actual")[0] and "应得的1.7分" in messages(doc, "score-vs-actual")[0]


def test_a_score_within_the_share_rounded_up_or_below_it_is_not() -> None:
    doc = document((OUT, "数量指标", "老年人体检数", "5662人", "4044人", "2", "1.5"),  # 1.43 → 1.5
                   (OUT, "数量指标", "糖尿病管理数", "≥863人", "695人", "10", "9"),  # 8.05 → 9: whole points
                   (OUT, "数量指标", "早孕建册数", "120人", "69人", "2", "1"),  # below the share: the evaluator's
                   (OUT, "成本指标", "成本", "≤30万元", "36万元", "10", "5"), kind="self-evaluation")
    assert found(doc, "score-vs-actual") == []


# actual-not-comparable: "met" against a target holding a figure

def test_met_in_words_against_a_target_with_a_figure_is_not_comparable() -> None:
    doc = document((OUT, "数量指标", "特殊人群健康管理率", "超上年2%", "达成目标值"),
                   (OUT, "质量指标", "资产利用率", "无资产损失、利用率高于80%", "达成目标"), kind="self-evaluation")
    assert found(doc, "actual-not-comparable") == [1]  # one slip, the second listed
    assert "另有第2个指标" in messages(doc, "actual-not-comparable")[0]


def test_met_in_words_against_a_target_without_a_figure_is_comparable() -> None:
    doc = document((OUT, "质量指标", "人员控制", "不超编、无违规支出", "全部达成"),
                   (OUT, "质量指标", "信息公开", "按规定公开", "达成目标"),
                   (OUT, "时效指标", "完成时间", "2022年底之前", "达成预期指标"), kind="self-evaluation")
    assert found(doc, "actual-not-comparable") == []


# several-targets: short measures joined by 、

def test_short_measures_joined_in_one_name_are_several_targets() -> None:
    doc = document((OUT, "质量指标", "完整、准确率", "100%"),
                   (OUT, "质量指标", "安全性、利用率", "无资产损失、利用率高于80%"),
                   (EFF, "生态效益指标", "绿化、节能", "绿化良好、水电费开支有下降"))
    assert found(doc, "several-targets") == [1, 2, 3]
    assert "（完整率、准确率）" in messages(doc, "several-targets")[0]


def test_one_measure_of_several_things_is_not() -> None:
    doc = document((OUT, "时效指标", "及时、足额发放率", "100%"),
                   (SAT, "服务对象满意度指标", "学生、家长、社会满意度", "≥90%"),
                   (OUT, "数量指标", "打井、配电", "2处"), (OUT, "数量指标", "声光报警、紧急按钮", "30只"),
                   (OUT, "质量指标", "低温、低氧、低剂量科学保粮率", "100%"))
    assert found(doc, "several-targets") == []


# several-targets: a list of rates whose value lists as many values says so

def test_rates_listed_with_as_many_values_are_said_to_list_them() -> None:
    doc = document((EFF, "社会效益指标", "签约完成率、体检率", "签约率提高1%、体检率提高2%"))
    assert "指标值也分成2项" in messages(doc, "several-targets")[0]


# typo: four standard terms with a character lost or slipped

def test_standard_terms_slipped_are_typos() -> None:
    doc = document((OUT, "数量指标", "新生入访视数", "214人"), (OUT, "质量指标", "强制免率", "100%"),
                   (EFF, "社会效益指标", "民办园发展", "大力支出民办幼儿园发展"),
                   (OUT, "时效指标", "发放时间", "确定于于12月底前发放完毕"))
    assert found(doc, "typo") == [1, 2, 3, 4]


def test_the_right_terms_and_look_alikes_are_not() -> None:
    doc = document((OUT, "数量指标", "新生入学人数", "214人"), (OUT, "质量指标", "强制免疫率", "100%"),
                   (OUT, "成本指标", "支出控制", "≤5万元"), (OUT, "时效指标", "发放时间", "于12月底前发放完毕"))
    assert found(doc, "typo") == []


# level2-misplaced leaves money going in to input-as-output (delete, not move)

def test_money_going_in_under_time_is_not_also_misplaced() -> None:
    doc = document((OUT, "时效指标", "资助经费到位率", "100%"), (OUT, "时效指标", "预算资金执行率", "≥90%"))
    assert found(doc, "input-as-output") == [1, 2]
    assert found(doc, "level2-misplaced") == []


def test_a_rate_without_time_under_time_is_still_misplaced() -> None:
    doc = document((OUT, "时效指标", "资助人数覆盖率", "100%"))
    assert found(doc, "level2-misplaced") == [1]


# number-without-unit: the rows' points written as their values

def test_bare_values_adding_up_to_100_are_said_to_be_the_points() -> None:
    doc = document((OUT, "数量指标", "建设普通省道二级公路32.1公里", "20"), (OUT, "质量指标", "建设符合验收要求", "20"),
                   (EFF, "社会效益指标", "基本公共服务水平", "10"), (EFF, "经济效益指标", "对经济发展的促进作用", "50"))
    said = messages(doc, "number-without-unit")
    assert len(said) == 4 and all("像是把各指标的分值填进了指标值栏" in m for m in said)


def test_bare_values_not_adding_up_to_100_keep_the_plain_message() -> None:
    doc = document((OUT, "质量指标", "建设符合验收要求", "20"), (EFF, "社会效益指标", "基本公共服务水平", "10"),
                   (EFF, "经济效益指标", "对经济发展的促进作用", "60"), (OUT, "数量指标", "建设公里数", "20公里"))
    said = messages(doc, "number-without-unit")
    assert said and not any("分值" in m for m in said)
