"""Round 33's rule changes (review-blind33), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from dataclasses import replace

from perfbudget.review.engine import review_document
from tests.review.test_review_round22 import document, found, messages, row
from tests.review.test_review_round32 import budget, suggestions

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"


# A 一级 no framework has over a framework 二级 (大英's 项目决策 | 数量指标): judged under its 二级's 一级


def test_rows_under_an_unknown_level1_are_judged_by_their_level2() -> None:
    doc = document(row("项目决策", "数量指标", "宣传次数", "≥2次"),
                   row("项目决策", "质量指标", "创建质量", "按质按量完成"),
                   row("项目效益", "社会效益指标", "消费者维权知晓率", "≥90%"),
                   row(SAT, "满意度指标", "群众满意度", "≥90%"))
    # the 一级 is still said to be outside the framework, once for its rows ...
    assert found(doc, "level-not-in-framework") == [1]
    assert "「项目决策」不在指标体系内" in messages(doc, "level-not-in-framework")[0]
    # ... the outputs are there (no 缺少一级指标「产出指标」), and the 质量 row is judged as one
    assert found(doc, "missing-level1-group") == []
    assert found(doc, "vague-qualitative") == [2]
    # the investment form's 实施效果指标 over its own 二级 stays the form's; a plain 数量指标 under it is still misfiled
    wrapped = document(row("实施效果指标", "经济效益指标", "带动就业", "≥20人"),
                       row("实施效果指标", "数量指标", "新建道路", "≥2公里"),
                       row(OUT, "质量指标", "验收合格率", "100%"))
    assert found(wrapped, "level-not-in-framework") == [2]


# vague-qualitative: done well, by no standard


def test_done_well_by_no_standard_is_vague() -> None:
    assert found(document(row(OUT, "质量指标", "工程质量", "保质保量完成")), "vague-qualitative") == [1]
    assert "没有写可检查的标准" in messages(document(row(OUT, "质量指标", "创建质量", "按质按量完成")),
                                            "vague-qualitative")[0]
    assert found(document(row(OUT, "时效指标", "项目完成时间", "按期完成")), "vague-qualitative") == []
    assert found(document(row(OUT, "数量指标", "宣传活动", "全部完成")), "vague-qualitative") == []


# name-without-object: a 三级 that is only a period (全年)


def test_a_name_that_is_only_a_period_is_flagged_once() -> None:
    doc = document(row(OUT, "时效指标", "全年", "1-12月"))
    assert found(doc, "name-without-object") == [1]
    assert "是一个时段" in messages(doc, "name-without-object")[0]
    assert "2021年12月底前" in suggestions(doc, "name-without-object")[0]  # the table's year, not another
    # 全年 | 全年: the value names no deadline either — qualitative-for-number's, one finding for the row
    assert found(document(row(OUT, "时效指标", "全年", "全年")), "name-without-object") == []
    assert found(document(row(OUT, "时效指标", "宣传活动完成时间", "2021年12月底前")), "name-without-object") == []


# actual-not-comparable: the work's progress as the actual (已完成100%)


def test_progress_as_the_actual_is_one_finding_for_the_project() -> None:
    doc = document(row(OUT, "数量指标", "宣传次数", "≥2次", actual="已完成100%"),
                   row(OUT, "成本指标", "宣传品制作成本", "≤10万元", actual="已完成100%"),
                   row(SAT, "满意度指标", "群众满意度", "≥90%", actual="已完成100%"), kind="self-evaluation")
    assert found(doc, "actual-not-comparable") == [1]
    message = messages(doc, "actual-not-comparable")[0]
    assert "是工作的完成进度" in message and "另有第2个、第3个指标也是这样" in message
    # a rate of completion is scored by it
    near = document(row(OUT, "质量指标", "宣传任务完成率", "100%", actual="已完成100%"), kind="self-evaluation")
    assert found(near, "actual-not-comparable") == []


# unit-mismatch and quality-restates-quantity: a share written as its fraction (实际完成飞行小时数/计划小时数)


def test_a_share_written_as_a_fraction_is_a_rate_and_a_completion() -> None:
    doc = document(row(OUT, "数量指标", "飞机飞行时长", "≥928小时"),
                   row(OUT, "质量指标", "实际完成飞行小时数/计划小时数", "≥80%"))
    assert found(doc, "unit-mismatch") == []
    assert found(doc, "quality-restates-quantity") == [2]
    assert "第1个数量指标「飞机飞行时长」的完成比例" in messages(doc, "quality-restates-quantity")[0]
    # a share that is no completion (合格 over 抽检) is a quality
    near = document(row(OUT, "数量指标", "抽检批次", "≥100批"), row(OUT, "质量指标", "抽检合格批次/抽检总批次", "≥95%"))
    assert found(near, "quality-restates-quantity") == [] and found(near, "unit-mismatch") == []


# input-as-output: a two-level table's output counted in money (保山's 物资储备 ≥80万元)


def test_an_output_in_money_without_level2_is_an_input() -> None:
    doc = budget(document(row(OUT, "", "市级森林防火物资储备", "≥80万元"), row(OUT, "", "火案查处率", "100%"),
                          row(EFF, "", "森林受害率", "≤0.9‰")), "75.96")
    assert found(doc, "input-as-output") == [1]
    assert "产出指标「市级森林防火物资储备」的指标值是金额" in messages(doc, "input-as-output")[0]
    # the table's cost row by its name (项目总投入) is not an output
    near = document(row(OUT, "", "项目总投入", "≤60万元"), row(OUT, "", "新建道路", "≥2公里"))
    assert found(near, "input-as-output") == []


def test_round33_rules_leave_the_judged_quiet_rows_quiet() -> None:
    """A table whose targets look fine (中方's counts, 云南's aircraft) gets no finding above info on its rows."""
    doc = document(row("", "", "资助精神病患者服药", "230人"), row("", "", "辅具适配", "200人"),
                   row(OUT, "数量指标", "布防飞机数量", "≥6架"))
    assert [f for f in review_document(doc).findings if f.indicator and f.severity != "info"] == []


# direction-clash: a rate the name asks to lower, given as 100% (南县's 减少国有资产闲置率 =100%, missed since round 26)


def test_a_rate_to_lower_given_as_all_of_it_is_a_clash() -> None:
    doc = document(row(EFF, "经济效益指标", "出租闲置房屋,减少国有资产闲置率", "=100%"))
    assert found(doc, "direction-clash") == [1]
    assert "看不出要降到多少" in messages(doc, "direction-clash")[0]
    assert "「国有资产闲置率≤5%」" in suggestions(doc, "direction-clash")[0]
    assert found(document(row(EFF, "经济效益指标", "减少国有资产闲置率", "≤5%")), "direction-clash") == []
    assert found(document(row(EFF, "经济效益指标", "国有资产出租率", "=100%")), "direction-clash") == []


# Messages reread as a reviewer signs them (round 33's sample of 30 reader-corpus findings)


def test_reworded_findings_name_the_rows_own_group_and_thing() -> None:
    # a ranking is a goal's checkable end (宣城's 考核第一名): no goals-not-measurable
    doc = document(row(OUT, "数量指标", "开展演练", "≥2次"))
    ranked = replace(doc.projects[0], goals=("全省防震减灾目标考核第一名",))
    assert found(replace(doc, projects=(ranked,)), "goals-not-measurable") == []
    # aims under a share are told they are aims (临邑's 教学质量提高、办学条件改善 =100%)
    assert "是工作目标，不是比率" in messages(document(row(EFF, "社会效益指标", "教学质量提高、办学条件改善", "=100%")),
                                      "unit-mismatch")[0]
    # a vague satisfaction row is shown a satisfaction (昭化's 群众幸福感 明显提升)
    happy = document(row(SAT, "满意度指标", "群众幸福感", "明显提升"))
    assert "满意度≥90%" in suggestions(happy, "vague-qualitative")[0]
    # a spec row's example counts the row's own thing (黄石's 一个存储备份器 25TB), not a fog cannon
    spec = suggestions(document(row(OUT, "数量指标", "一个存储备份器", "25TB")), "spec-as-quantity")[0]
    assert "「购置存储备份器1个」" in spec and "雾炮车" not in spec
    # a cost row named 成本 is shown costs, not rates
    assert "人均培训成本" in suggestions(document(row(OUT, "成本指标", "成本", "≤10万元")), "name-without-object")[0]
