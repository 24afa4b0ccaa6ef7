"""Round 34's rule changes (review-blind34), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from dataclasses import replace

from perfbudget.review.engine import review_document
from tests.review.test_review_round22 import document, found, messages, row
from tests.review.test_review_round32 import suggestions

OUT, EFF = "产出指标", "效益指标"


# mandatory-below-full: the share of what is kept safe (荆门's 文物展品安全保障率 ≥96%)


def test_a_safety_share_below_full_is_flagged() -> None:
    doc = document(row(OUT, "质量指标", "文物展品安全保障率", "≥96%"))
    assert found(doc, "mandatory-below-full") == [1]
    assert "允许约4%不安全" in messages(doc, "mandatory-below-full")[0]
    assert found(document(row(OUT, "质量指标", "校舍安全率", "95%")), "mandatory-below-full") == [1]
    # a feeling of safety (a survey), a safe running time, a level, a ceiling and all of it are not
    for name, target in [("群众安全感", "≥90%"), ("系统安全运行率", "≥99%"), ("文物展品安全保障率", "100%"),
                         ("安全事故发生率", "≤1%"), ("提升公路交通安全保障水平", "≥95%")]:
        assert found(document(row(OUT, "质量指标", name, target)), "mandatory-below-full") == [], name


# output-as-effect: works repaired counted under 效益 (修缮个数), the reach of a campaign is not work


def test_works_repaired_under_effects_are_outputs() -> None:
    doc = document(row(OUT, "数量指标", "开展文物安全巡查", "8次"),
                   row(EFF, "社会效益指标", "文物保护修缮个数", "≥5个"))
    assert found(doc, "output-as-effect") == [2]
    assert "数的是修缮了多少（≥5个）" in messages(doc, "output-as-effect")[0]
    # the people a campaign reaches (宣传覆盖人次) are its effect, like 受益人次; the times it was held are not
    assert found(document(row(EFF, "社会效益指标", "文物保护宣传覆盖人次", "≥20万人次")), "output-as-effect") == []
    assert found(document(row(EFF, "社会效益指标", "文物保护宣传人次", "≥20万人次")), "output-as-effect") == [1]
    assert found(document(row(EFF, "社会效益指标", "受益村个数", "≥5个")), "output-as-effect") == []


# name-cut-off: a list of items cut inside its last one, no description to compare with (永济's 成本 row)


def test_a_list_cut_inside_its_last_item_is_flagged() -> None:
    name = "文物保护单位方案编制费、古建筑日常养护及抢险加固费、文物安全巡查费、宣传教育费、文物保"
    doc = document(row(OUT, "成本指标", name, "59万元"))
    assert found(doc, "name-cut-off") == [1]
    assert "以「文物保」结尾，前文写作「文物保护…」" in messages(doc, "name-cut-off")[0]
    # a list whose last item is whole, even one its earlier items begin with, is not
    for whole in ["文物保护单位方案编制费、古建筑日常养护费、文物保护", "森林防火宣传、护林员巡护、森林防火",
                  "方案编制费、日常养护及抢险加固费"]:
        assert found(document(row(OUT, "成本指标", whole, "59万元")), "name-cut-off") == [], whole


# typo: a comparator written twice (抚远's 贫困地区农村集中供水率 ≥≥98%)


def test_a_comparator_written_twice_is_a_slip() -> None:
    doc = document(row(EFF, "社会效益指标", "贫困地区农村集中供水率", "≥≥98%"))
    assert found(doc, "typo") == [1]
    assert "「≥≥」写了两遍" in messages(doc, "typo")[0]
    assert suggestions(doc, "typo") == ["写作「≥98%」"]
    assert found(document(row(EFF, "社会效益指标", "集中供水率", ">=≥95%")), "typo") == [1]
    # one comparator, and two that contradict each other (not a doubled slip), are not told so
    assert found(document(row(EFF, "社会效益指标", "集中供水率", "≥98%")), "typo") == []
    assert found(document(row(EFF, "社会效益指标", "集中供水率", "≥≤98%")), "typo") == []


# The suggestions name the row's own thing (a length in 米, pupils in 人), not another project's 「维护设备≥20台次」


def test_suggestions_give_an_example_in_the_rows_own_words() -> None:
    pipe = document(row(OUT, "数量指标", "八盖村改建铺设输水管线", ""))
    assert suggestions(pipe, "missing-target-value") == [
        "填写可衡量的指标值，写明数量和计量单位，如「八盖村改建铺设输水管线≥N米」"]
    pupils = document(row(OUT, "数量指标", "中职免学费应受助学生数", "100%"))
    assert "「中职免学费应受助学生数≥N人」" in suggestions(pupils, "rate-under-quantity")[0]
    # a rate's name has no count of its own to show: it is told what to write (round 35: not the seed's
    # 「维护设备≥20台次」, another project's words)
    rate = document(row(OUT, "数量指标", "维护保障率", "100%"))
    assert "「…≥N人」「…≥N个」" in suggestions(rate, "rate-under-quantity")[0]
    plain = document(row(OUT, "数量指标", "宣传活动", ""))
    assert "「≥12次」「≥500人」" in suggestions(plain, "missing-target-value")[0]


def test_round_34_findings_say_where_why_and_how() -> None:
    doc = document(row(OUT, "质量指标", "文物展品安全保障率", "≥96%"),
                   row(EFF, "社会效益指标", "贫困地区农村集中供水率", "≥≥98%"))
    for finding in review_document(doc).findings:
        assert finding.message and finding.suggestion, finding


# Findings reread as a reviewer would sign them: one fault told once, the indicator named, the fix concrete


def test_a_time_limit_under_a_rates_name_is_told_once() -> None:
    doc = document(row(OUT, "时效指标", "检测及时率", "≤7工作日"))
    rules = [f.rule for f in review_document(doc).findings if f.indicator == 1]
    assert rules == ["unit-mismatch"]
    assert suggestions(doc, "unit-mismatch") == ["按时限考核的，名称改为「检测时限」，指标值写「≤7工作日」；"
                                                 "按比率考核的，写「检测及时率≥95%」"]
    # a rate in another unit keeps its message; a rate in % with ≤ is still a direction clash
    assert "以「组」计量" in messages(document(row(OUT, "质量指标", "抽检合格率", "≥100组")), "unit-mismatch")[0]
    assert found(document(row(OUT, "质量指标", "检测及时率", "≤95%")), "direction-clash") == [1]


def test_a_goal_figure_mismatch_names_the_indicator() -> None:
    doc = document(row(OUT, "数量指标", "开展修复工程(个)", "≥1"))
    doc = replace(doc, projects=(replace(doc.projects[0], goals=("开展2个防洪水利设施水毁修复",)),))
    (message,) = messages(doc, "goal-figure-mismatch")
    assert message.startswith("「开展修复工程(个)」的指标值「≥1」") and "「2个」" in message
    assert "相同的词" not in message


def test_no_count_example_for_a_share_or_a_list() -> None:
    for name in ["理论教育和党性教育课时比例", "按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴"]:
        assert "「…≥N人」「…≥N个」" in suggestions(document(row(OUT, "数量指标", name, "70%")),
                                                "rate-under-quantity")[0], name


# level2-misplaced: a gain or a lasting influence filed as a social or environmental cost (嘉峪关's, round 4)


def test_a_gain_under_a_cost_group_is_misplaced() -> None:
    doc = document(row(OUT, "生态环境成本指标", "提升博物馆绿化水平", "提升"),
                   row(OUT, "社会成本指标", "对当地文物保护、文化传承影响", "长远"))
    assert found(doc, "level2-misplaced") == [1, 2]
    green, lasting = suggestions(doc, "level2-misplaced")
    assert "「生态效益指标」" in green and "「可持续影响指标」" in lasting
    # a harm kept low is what the cost groups are for; an influence with no lasting value is not told so
    for name, target in [("实施项目对社会产生的不利影响", "减少"), ("施工期对周边居民的影响", "≤3天"),
                         ("提高施工扬尘污染控制", "≤5次")]:
        assert found(document(row(OUT, "社会成本指标", name, target)), "level2-misplaced") == [], name


def test_a_payment_named_with_safety_is_still_a_payment() -> None:
    """The lead's reread: routing every name holding 安全 to mandatory-below-full (round 34) silenced
    payment-below-full for 安全员补贴发放率 95%, flagged before the round."""
    for name in ("安全员补贴发放率", "安全补助资金发放率"):
        doc = document(row(OUT, "质量指标", name, "95%"))
        assert found(doc, "payment-below-full") == [1], name
        assert found(doc, "mandatory-below-full") == [], name
    assert found(document(row(OUT, "质量指标", "文物展品安全保障率", "≥96%")), "payment-below-full") == []


def test_a_list_cut_inside_its_last_item_is_flagged_when_the_description_column_is_blank() -> None:
    """The lead's reread: a table with a 指标解释 column left blank gives each indicator the description "", and
    the cut-list check (for indicators without one) was skipped."""
    name = "文物保护单位方案编制费、古建筑日常养护及抢险加固费、文物安全巡查费、宣传教育费、文物保"
    doc = document(replace(row(OUT, "成本指标", name, "59万元"), description=""))
    assert found(doc, "name-cut-off") == [1]
