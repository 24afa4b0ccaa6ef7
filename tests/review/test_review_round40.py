"""Round 40's changes (review40): 时效 deadlines outside the budget year — a date written in the name where the
value names no year, and work due two or more years after the budget year. Each with a tiny inline table read by
the text reader that fails on the code before the round (ef4c51ff) and a near miss."""

from __future__ import annotations

import gc
from typing import Any

from perfbudget.review.engine import review_document
from tests.review.review_helpers import GOOD_ROWS, header, read, with_row
from tests.review.test_department_frameworks import department, department_rows


def _findings(rows: list[list[str]], inline: Any, rule: str) -> list[tuple[int | None, str | None, str, str]]:
    document = read(rows, None, inline)
    assert document.projects[0].fund_year == 2024
    return [(f.indicator, f.field, f.message, f.suggestion) for f in review_document(document, only={rule}).findings]


def _time_row(name: str, value: str) -> list[list[str]]:
    return with_row(3, ["产出指标", "时效指标", name, name, value])


# 原州's `指标12021年11月30日前完成资金支付 | 11月底完成` in a 2022 self-evaluation (b134): the year is in the name, the
# value names none, so time-before-year (which read the value only) did not see the deadline a year early


def test_a_deadline_written_in_the_name_before_the_budget_year_is_told(inline: Any) -> None:
    rows = _time_row("2023年11月30日前完成资金支付", "11月底完成")
    ((indicator, field, message, suggestion),) = _findings(rows, inline, "time-before-year")
    assert (indicator, field) == (3, "level3")
    assert "名称写明完成时间在2023年" in message and "「11月底完成」没有写年份" in message
    assert "早于本表的预算年度2024年" in message
    assert "2024年12月底前" in suggestion and "名称只写要完成的事" in suggestion
    # the form's numbering glued to it (指标1 + 2023年…) is still read as the date it is
    rows = _time_row("指标12023年11月30日前完成资金支付", "11月底完成")
    assert [f[:2] for f in _findings(rows, inline, "time-before-year")] == [(3, "level3")]


def test_a_deadline_in_the_name_within_the_year_or_with_a_year_in_the_value_is_not_told(inline: Any) -> None:
    for name, value in (("2024年11月30日前完成资金支付", "11月底完成"),  # the budget year itself
                        ("截至2025年6月底项目完工率", "100%"),  # a project crossing the turn of the year
                        # the value's own date counts, 2023年度 is no date
                        ("2023年度结转项目完工时间", "2024年6月底前"),
                        ("项目完成时间", "12月底前")):  # no year at all
        assert _findings(_time_row(name, value), inline, "time-before-year") == [], name


# 长庆初中's `完成时限 | 2021年12月底完成项目规划相关工作。` in a 2019 table (b113): work due two years after the budget
# year is no output of this year's money; nothing flagged a deadline after the year


def test_work_due_two_years_after_the_budget_year_is_told(inline: Any) -> None:
    rows = _time_row("完成时限", "2026年12月底完成项目规划相关工作。")
    ((indicator, field, message, suggestion),) = _findings(rows, inline, "time-after-year")
    assert (indicator, field) == (3, "target")
    assert message.startswith("时效指标「完成时限」的完成时间「2026年12月底完成项目规划相关工作。」在2026年")
    assert "比本表的预算年度2024年晚2年" in message
    assert "2024年12月底前" in suggestion and "实施期" in suggestion
    rows = _time_row("项目完工时间", "2024年3月-2026年6月")
    assert [f[:2] for f in _findings(rows, inline, "time-after-year")] == [(3, "target")]


def test_a_deadline_in_the_next_year_is_not_told_after_the_year(inline: Any) -> None:
    # a project crossing the turn of the year (湘潭's 服务周期 2023.07-2024.01) and deadlines within the year
    for value in ("2024.07-2025.01", "2025年6月底前", "2024年12月底前", "12月底前", "≤30个工作日"):
        assert _findings(_time_row("项目完成时间", value), inline, "time-after-year") == [], value


# 西部科学城 融媒体中心's `预算完成率 70%` (corpus 66, a 部门整体 self-evaluation's management indicators): a budget
# execution target that plans to leave 30 % of the year's money unspent; nothing told it (the row is the form's own,
# so input-as-output rightly leaves it)


def _department_findings(rows: list[list[str]], inline: Any) -> list[tuple[int | None, str | None, str, str]]:
    document = read(rows, department(), inline)
    return [(f.indicator, f.field, f.message, f.suggestion)
            for f in review_document(document, only={"execution-target-low"}).findings]


def test_a_budget_execution_target_below_the_floor_is_told(inline: Any) -> None:
    ((indicator, field, message, suggestion),) = _department_findings(department_rows("70%"), inline)
    assert (indicator, field) == (3, "target")
    assert message.startswith("预算执行指标「预算完成率」的目标「70%」低于90%：按计划有30%的预算当年用不完")
    assert "调减预算" in suggestion
    rows = department_rows("≥80%", "预算资金执行率")
    assert [f[:2] for f in _department_findings(rows, inline)] == [(3, "target")]


def test_execution_targets_at_the_floor_or_told_elsewhere_are_not_told(inline: Any) -> None:
    for value in ("≥90%", "100%", "≤70%"):  # at the floor, full, a ceiling (direction-clash's)
        assert _department_findings(department_rows(value), inline) == [], value
    # the same name filed as an output in a project's table is input-as-output's (delete it), as a cost cost-not-money's
    for level2 in ("数量指标", "成本指标"):
        rows = with_row(1, ["产出指标", level2, "预算执行率", "预算执行率", "70%"])
        assert _findings(rows, inline, "execution-target-low") == [], level2


# The seed's goals: nine of its ten projects copy their 资金用途 into an unmeasurable goal, and each was told twice —
# goals-not-measurable's warning and goals-repeat-purpose's hint beside it, one fault of the goal


def _goal_findings(inline: Any, purpose: str, goals: str, only: set[str] | None = None) -> list[tuple[str, str]]:
    document = read(list(GOOD_ROWS), header(purpose=purpose, goals=goals), inline)
    rules = only or {"goals-not-measurable", "goals-repeat-purpose"}
    return [(f.rule, f.message) for f in review_document(document, only=rules).findings]


def test_a_copied_unmeasurable_goal_is_told_once(inline: Any) -> None:
    ((rule, message),) = _goal_findings(inline, "保障系统正常运行，提升工作效率。", "1.保障系统正常运行，提升工作效率")
    assert rule == "goals-not-measurable"
    assert "基本照抄了资金用途，" in message and "没有" in message


def test_the_copy_alone_is_still_a_hint(inline: Any) -> None:
    # a copied goal that states figures: goals-not-measurable has nothing to say, the copy is told as before
    purpose = "全年保障视频会议12次以上，网络连通率不低于95%。"
    assert _goal_findings(inline, purpose, "1.全年保障视频会议12次以上，网络连通率不低于95%") == [
        ("goals-repeat-purpose", "绩效目标基本照抄了资金用途，没有说明本年度要达到的具体目标")]
    # and with goals-not-measurable switched off, the copy of an unmeasurable goal is told by its own rule
    found = _goal_findings(inline, "保障系统正常运行。", "1.保障系统正常运行", only={"goals-repeat-purpose"})
    assert [rule for rule, _message in found] == ["goals-repeat-purpose"]
    # a goal of its own without figures is goals-not-measurable's alone, saying nothing of a copy
    ((rule, message),) = _goal_findings(inline, "用于系统运行维护", "1.保障系统正常运行，提升工作效率")
    assert rule == "goals-not-measurable" and "照抄" not in message


# 大英 医保's `城乡居民参保网络宣传群众知晓率 =100%` (b170): the public's awareness is a survey's share, never everyone


def test_the_publics_awareness_at_100_percent_is_told(inline: Any) -> None:
    rows = with_row(5, ["效益指标", "社会效益指标", "城乡居民参保网络宣传群众知晓率", "群众知晓率", "=100%"])
    ((indicator, field, message, suggestion),) = _findings(rows, inline, "awareness-at-full")
    assert (indicator, field) == (5, "target")
    assert message.startswith("「城乡居民参保网络宣传群众知晓率」的目标「=100%」要求所有群众都知晓")
    assert "抽样调查" in message
    assert "≥90%" in suggestion


def test_a_closed_group_an_unnamed_public_or_a_lower_target_is_not_told(inline: Any) -> None:
    for name, value in (("奖助政策学生知晓率", "100%"),  # every student of one university can be told
                        ("政策知晓率", "100%"),  # no public named
                        ("政策群众知晓率", "≥90%"),  # a survey's share
                        ("广大群众对防治知识知晓率显著提升", "100%")):  # a sentence, other rules' (unit-mismatch)
        rows = with_row(5, ["效益指标", "社会效益指标", name, name, value])
        assert _findings(rows, inline, "awareness-at-full") == [], name


# Second reading: a dated text that is no deadline — a comparison base (较2022年底), work already done
# (2023年底前已完成一期), the year money was carried over from (2023年底结转资金) — is not read as the row's deadline


def test_a_date_that_is_no_deadline_is_not_told(inline: Any) -> None:
    for name, value in (("完成时间", "较2022年底提前完成"),  # a comparison base
                        ("完成时间", "2023年底前已完成一期，本年完成二期"),  # work done before the year
                        ("2023年底结转资金支付进度", "6月底前"),  # the year the money was carried over
                        ("完成时间", "截至2022年底完成一期，2024年12月底完成二期"),  # as of, then this year's
                        ("已于2023年12月完成招标的项目完工时间", "10月底前")):  # work done, in the name
        for rule in ("time-before-year", "time-after-year"):
            assert _findings(_time_row(name, value), inline, rule) == [], (name, value, rule)
    # beside the work done, a deadline of its own is still read: 2022年底前完成 in a 2024 table is told
    rows = _time_row("完成时间", "2023年底前已完成一期，2022年底前完成二期")
    assert [f[:2] for f in _findings(rows, inline, "time-before-year")] == [(3, "target")]


# Second reading: awareness-at-full told closed groups — 社会 matched inside 社会保险 (职工 are asked, all of them), and
# the 受益 or 脱贫 群众 of a project are a registered list that can all be told; the public qualified by a campaign
# about enrolment (城乡居民参保…宣传群众) is still the public


def test_awareness_of_a_closed_group_is_not_told(inline: Any) -> None:
    for name in ("社会保险政策职工知晓率", "受益群众政策知晓率", "脱贫群众政策知晓率", "建档立卡贫困户政策知晓率",
                 "参保群众政策知晓率", "社会救助政策知晓率"):
        rows = with_row(5, ["效益指标", "社会效益指标", name, name, "100%"])
        assert _findings(rows, inline, "awareness-at-full") == [], name
    for name in ("社会公众知晓率", "城乡居民参保网络宣传群众知晓率", "辖区村民防汛知识知晓率"):
        rows = with_row(5, ["效益指标", "社会效益指标", name, name, "≥100%"])
        assert [f[:2] for f in _findings(rows, inline, "awareness-at-full")] == [(5, "target")], name


# Second reading: 群众知晓率 ≥100% got rate-over-100's 「写作100%」 and awareness-at-full's 「100%无法考核」 at one
# row — opposite advice. awareness-at-full speaks; rate-over-100 tells the row in its own words only where that
# rule is off


def test_the_publics_awareness_over_100_is_told_once(inline: Any) -> None:
    both = {"rate-over-100", "awareness-at-full"}
    for value in ("≥100%", ">100%", "120%"):
        rows = with_row(5, ["效益指标", "社会效益指标", "群众知晓率", "群众知晓率", value])
        document = read(rows, None, inline)
        assert [f.rule for f in review_document(document, only=both).findings] == ["awareness-at-full"], value
        assert [f.rule for f in review_document(document, only={"rate-over-100"}).findings] == ["rate-over-100"]
    # a closed group's awareness ≥100% is rate-over-100's alone
    rows = with_row(5, ["效益指标", "社会效益指标", "奖助政策学生知晓率", "奖助政策学生知晓率", "≥100%"])
    assert [f.rule for f in review_document(read(rows, None, inline), only=both).findings] == ["rate-over-100"]


# Second reading: execution-target-low told part-year targets — 上半年预算执行率 ≥50% is the half year's schedule
# (序时进度), not 50% of the year's money left unspent


def test_a_part_year_execution_target_is_not_told(inline: Any) -> None:
    for name in ("上半年预算执行率", "序时预算执行进度", "1-6月预算执行率", "一季度资金支出率", "6月底预算完成率",
                 "预算绩效目标完成率"):  # and a goal's completion is no execution rate
        assert _department_findings(department_rows("≥50%", name), inline) == [], name
    # the year's rate named with a money word and a few characters between is still read
    for name in ("补助资金年度支出率", "资金支付完成率", "经费使用率"):
        assert [f[:2] for f in _department_findings(department_rows("≥50%", name), inline)] == [(3, "target")], name


# Second reading: time-after-year told a multi-year project's term as 「2026年才到期的工作」 and claimed
# 「跨年实施的项目至迟在次年完成」, which no rule says. A row naming the term (中期, 实施期, 建设期, 周期)
# is left alone; a period that holds the budget year is told to write this year's part


def test_a_multi_year_term_is_not_told_as_late_work(inline: Any) -> None:
    for name, value in (("项目建设周期", "2023年1月-2026年12月"), ("中期目标完成时间", "2026年12月底前"),
                        ("项目实施期", "2024年-2026年"), ("建设期", "2024年3月-2026年6月")):
        assert _findings(_time_row(name, value), inline, "time-after-year") == [], name
    ((_indicator, _field, message, suggestion),) = _findings(_time_row("项目完工时间", "2024年3月-2026年6月"), inline,
                                                             "time-after-year")
    assert "至迟在次年" not in message and "2026年才到期的工作" not in message
    assert "整个项目" in message and "写明本年度完成的部分" in suggestion
    rows = _time_row("完成时限", "2026年12月底完成项目规划相关工作。")
    ((_indicator, _field, message, _suggestion),) = _findings(rows, inline, "time-after-year")
    assert "至迟在次年" not in message


def test_no_rule_keeps_the_document_after_its_review(inline: Any) -> None:
    # goals-not-measurable's answer, which goals-repeat-purpose reads, is kept for the document under review only:
    # dropped with its rows when the review ends (the second reading: a memo of its own kept the last document alive)
    document = read(list(GOOD_ROWS), header(purpose="保障系统正常运行。", goals="1.保障系统正常运行"), inline)
    review_document(document, only={"goals-not-measurable", "goals-repeat-purpose"})
    gc.collect()
    held = [holder for holder in gc.get_referrers(document) if isinstance(holder, (list, tuple, dict))]
    assert held == []


def test_the_year_and_awareness_messages_name_no_sample(inline: Any) -> None:
    # the example of a deadline moved into the value is the budget year's end, not one sample's 11月30日
    ((_i, _f, _message, suggestion),) = _findings(_time_row("2023年11月30日前完成资金支付", "11月底完成"), inline,
                                                  "time-before-year")
    assert "完成时间写在指标值中（如「2024年12月底前」）" in suggestion and "11月30日" not in suggestion
    # the awareness message says why a survey cannot score 100% in plain words
    rows = with_row(5, ["效益指标", "社会效益指标", "群众知晓率", "群众知晓率", "100%"])
    ((_i, _f, message, _suggestion),) = _findings(rows, inline, "awareness-at-full")
    assert "抽样调查难以得出人人知晓的结果，100%无法据调查考核" in message and "调查不可能人人知晓" not in message
