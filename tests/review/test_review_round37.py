"""Round 37's changes (review37): one finding per fault per row, as the reviewer writes them up. Each with a case
that fails on the code before the round (6a19f62a) and a near miss."""

from __future__ import annotations

from perfbudget.review.engine import review_document
from tests.review.test_review_round22 import document, row

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"


def _at(doc, position: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(f.rule, f.severity) for f in review_document(doc).findings
            if f.indicator == position and f.severity != "info"]


# An output's name repeated under 效益 (石嘴山's 满足海洛因成瘾患者维持治疗需求, 巴南's 为民众办好事,办实事) was told
# twice at the row: output-as-effect (「与产出指标同名」) and duplicate-indicator (「与第6个指标重复」), one fault


def test_an_outputs_name_under_effect_is_told_once_naming_the_row() -> None:
    doc = document(row(OUT, "数量指标", "完成村道硬化", "≥5公里"), row(OUT, "质量指标", "工程验收合格率", "100%"),
                   row(EFF, "社会效益指标", "完成村道硬化", "≥5公里"),
                   row(SAT, "服务对象满意度指标", "群众满意度", "≥90%"))
    found = [(f.rule, f.message) for f in review_document(doc).findings if f.indicator == 3]
    assert [rule for rule, _ in found] == ["output-as-effect"]
    assert "与第1个指标（产出指标）同名" in found[0][1]
    # the same name twice under 产出 is still a duplicate, told as one
    twice = document(row(OUT, "数量指标", "完成村道硬化", "≥5公里"), row(OUT, "质量指标", "完成村道硬化", "≥5公里"))
    assert [f.indicator for f in review_document(twice, only={"duplicate-indicator"}).findings] == [2]
    # and twice under 效益 too
    effects = document(row(EFF, "社会效益指标", "受益群众人数", "≥500人"),
                       row(EFF, "可持续影响指标", "受益群众人数", "≥500人"))
    assert [f.indicator for f in review_document(effects, only={"duplicate-indicator"}).findings] == [2]


# A rate to keep low written as a floor of 100% (南岳's 逾期发放率 >=100%) was told by rate-over-100 (「写作100%」: the
# wrong fix) and by direction-clash


def test_a_reverse_rate_at_or_over_100_is_told_once_by_its_direction() -> None:
    doc = document(row(OUT, "质量指标", "补助逾期发放率", ">=100%"))
    found = [(f.rule, f.message, f.suggestion) for f in review_document(doc).findings if f.indicator == 1]
    assert [rule for rule, *_ in found] == ["direction-clash"]
    assert "100%以上" in found[0][1] and "0%" in found[0][2]
    # a positive rate ≥100% is still rate-over-100's, and a reverse rate ≥5% direction-clash's as before
    assert [rule for rule, _ in _at(document(row(OUT, "时效指标", "补助及时发放率", ">=100%")), 1)] == ["rate-over-100"]
    assert [rule for rule, _ in _at(document(row(OUT, "质量指标", "投诉率", "≥5%")), 1)] == ["direction-clash"]


# 陈仓's unfilled template row 「指标1:新建堤防、护岸长度 公里」 got two template-leftover findings at the row (its
# name's numbering, its value's bare unit)


def test_leftovers_at_one_row_are_one_finding() -> None:
    doc = document(row(OUT, "数量指标", "指标1:新建堤防长度", "公里"),
                   row(OUT, "数量指标", "指标2:灌区节水改造面积", "万亩"))
    found = [f for f in review_document(doc, only={"template-leftover"}).findings]
    assert [(f.indicator, f.severity, f.field) for f in found] == [(1, "error", "target"), (2, "error", "target")]
    assert "「公里」只有计量单位" in found[0].message and "2个三级指标名称中留有模板提示" in found[0].message
    assert "≥N公里" in found[0].suggestion and "删去模板提示" in found[0].suggestion
    # a hint in the name alone is the names' one finding, a warning at the first
    named = document(row(OUT, "数量指标", "指标1:新建堤防长度", "≥5公里"))
    assert [(f.indicator, f.severity) for f in review_document(named, only={"template-leftover"}).findings] == [
        (1, "warning")]


# A table of 产出 rows only got two missing-level1-group errors (效益, 满意度): one fault, counted twice in its grade


def test_the_groups_missing_are_one_finding() -> None:
    doc = document(row(OUT, "数量指标", "培训人次", "≥500人次"), row(OUT, "质量指标", "培训合格率", "≥95%"),
                   row(OUT, "时效指标", "培训完成时间", "2024年10月底前"))
    found = [f for f in review_document(doc, only={"missing-level1-group"}).findings]
    assert len(found) == 1
    assert "「效益指标」「满意度指标」" in found[0].message
    (project,) = review_document(doc).projects
    assert project.errors == 1
    # one group missing: one finding as before
    one = document(row(OUT, "数量指标", "培训人次", "≥500人次"), row(EFF, "社会效益指标", "参训人员就业率", "≥60%"))
    assert ["「满意度指标」" in f.message for f in review_document(one, only={"missing-level1-group"}).findings] == [
        True]


# A name whose last word is one character that only begins a word (安居's 开展食品安全宣传周等科普宣传活, 大英 医保's
# …发放成本预) was said nothing of (no description to compare it with): a warning now, as its twin name-cut-off (a 三级
# name cut off is a fault, rules.md §6), saying the page may have lost the characters


def test_a_name_ending_inside_a_word_is_a_warning_to_check_the_original() -> None:
    doc = document(row(OUT, "数量指标", "开展食品安全宣传周等科普宣传活", "≥3次"),
                   row(OUT, "成本指标", "城乡居民医保参保工作经费发放成本预", "≤5万元"))
    found = review_document(doc, only={"name-cut-mid-word"}).findings
    assert [(f.indicator, f.severity, f.field) for f in found] == [(1, "warning", "level3"), (2, "warning", "level3")]
    assert "（如「活动」）" in found[0].message and "转录、读取时丢了字" in found[0].message
    assert "对照原表核实名称" in found[0].suggestion
    (project,) = review_document(doc).projects
    assert project.warnings >= 2  # a fault of the table: it weighs in the grade as name-cut-off does


def test_a_name_ending_in_a_whole_word_is_not_a_cut() -> None:
    for name in ("开展食品安全宣传周等科普宣传活动", "开展项目绩效自评", "城乡居民参保", "完成全年培训任务3项",
                 "推进农村户用厕改", "宣传活"):  # (自 | 评, 厕 | 改: two single characters; too short to tell)
        doc = document(row(OUT, "数量指标", name, "≥3次"))
        assert review_document(doc, only={"name-cut-mid-word"}).findings == (), name
    # a list cut inside its last item is name-cut-off's (永济's, round 34), told once
    listed = document(row(OUT, "成本指标", "文物保护单位方案编制费、古建筑日常养护费、宣传教育费、文物保", "≤36万元"))
    assert [f.rule for f in review_document(listed, only={"name-cut-off", "name-cut-mid-word"}).findings] == [
        "name-cut-off"]


# A county's notice giving its targets in a sentence, without levels (温泉 塔秀乡's 垃圾箱 公示: 90个 × 5000元, the
# budget — a quiet table), was graded 中 (sent back) for the one finding that it names no 一级: its targets are set,
# only not filed by group


def test_a_list_without_levels_is_a_warning_not_a_return() -> None:
    doc = document(row("", "", "购置垃圾箱", "90个"), row("", "", "受益贫困户", "110户"),
                   row("", "", "受益贫困人口", "275人"), row("", "", "补助标准", "5000元/个"))
    found = review_document(doc, only={"missing-level1-group"}).findings
    assert [(f.severity, f.message) for f in found] == [
        ("warning", "表格没有一级指标，看不出是否设置了产出、效益、满意度指标")]
    # a table with its levels that lacks two groups is still an error, told once
    groups = document(row(OUT, "数量指标", "购置垃圾箱", "90个"))
    assert [f.severity for f in review_document(groups, only={"missing-level1-group"}).findings] == ["error"]


# An input answered in words (棠溪's 补助经费到位及时性 及时, 太和's 经费支出时效性 及时支出) was told to be deleted by
# input-as-output and to be given a date by qualitative-for-number: two fixes that contradict each other


def test_an_inputs_vague_time_is_told_to_go_with_it() -> None:
    doc = document(row(OUT, "时效指标", "补助经费到位及时性", "及时"), row(OUT, "时效指标", "项目完成及时性", "及时"))
    found = {f.indicator: f for f in review_document(doc, only={"qualitative-for-number", "input-as-output"}).findings
             if f.rule == "qualitative-for-number"}
    assert found[1].suggestion.startswith("这项衡量的是资金投入（到位、支付或支出），不是产出：删去该指标")
    # an output's vague time is still asked for its date
    assert "删去" not in found[2].suggestion and "年12月31日前" in found[2].suggestion
    assert [f.rule for f in review_document(doc, only={"input-as-output"}).findings] == ["input-as-output"]


# Second reading's mends


def test_a_list_without_levels_or_any_effect_is_still_an_error() -> None:
    # three outputs and nothing else: leaving out the 一级 column hides a table with no 效益 and no 满意度 (rules.md §6)
    outputs = (("购置垃圾箱", "90个"), ("垃圾箱验收合格率", "100%"), ("购置完成时间", "2024年10月底前"))
    bare = document(*(row("", "", name, target) for name, target in outputs))
    assert [f.severity for f in review_document(bare, only={"missing-level1-group"}).findings] == ["error"]
    # a list that names who benefits or their satisfaction keeps the warning (温泉 塔秀乡's 受益贫困户)
    for effect in ("受益贫困户", "群众满意度"):
        listed = document(*(row("", "", name, target) for name, target in outputs), row("", "", effect, "≥90%"))
        assert [f.severity for f in review_document(listed, only={"missing-level1-group"}).findings] == ["warning"]


def test_a_fault_left_to_another_rule_is_told_where_that_rule_is_off() -> None:
    from perfbudget.review.config import ReviewConfig

    reverse = document(row(OUT, "质量指标", "补助逾期发放率", ">=100%"))
    off = ReviewConfig(disabled=frozenset({"direction-clash"}))
    found = [(f.rule, f.suggestion) for f in review_document(reverse, off).findings if f.indicator == 1]
    assert [rule for rule, _ in found] == ["rate-over-100"] and "0%" in found[0][1]  # in direction-clash's words
    twin = document(row(OUT, "数量指标", "完成村道硬化", "≥5公里"), row(EFF, "社会效益指标", "完成村道硬化", "≥5公里"))
    off = ReviewConfig(disabled=frozenset({"output-as-effect"}))
    assert [f.rule for f in review_document(twin, off).findings if f.indicator == 2] == ["duplicate-indicator"]
    # (with both rules on, each fault is still told once: test_a_reverse_rate…, test_an_outputs_name…)



def test_an_input_is_told_to_go_only_where_input_as_output_tells_it() -> None:
    from perfbudget.framework import LEVEL1_COURSE
    from perfbudget.review.rules_relevance import INPUT_ROW_ADVICE

    rules = {"qualitative-for-number", "input-as-output", "missing-target-value"}
    # a project's self-evaluation 过程 row (no 部门整体 form): input-as-output tells it, and the vague value is told to
    # go with it, not given a date (the hand copy left out every 部门整体 process name)
    course = document(row(LEVEL1_COURSE, "资金管理", "补助经费到位及时性", "及时"))
    found = review_document(course, only=rules).findings
    assert [(f.rule, f.suggestion == INPUT_ROW_ADVICE) for f in found] == [
        ("input-as-output", False), ("qualitative-for-number", True)]
    # under 成本指标 input-as-output says nothing: no 「删去」 nor a claim of its finding
    cost = document(row(OUT, "成本指标", "指标1:资金支付完成率100%", ""))
    found = review_document(cost, only=rules).findings
    assert [(f.rule, f.suggestion) for f in found] == [
        ("missing-target-value", "名称写「资金支付完成率」，指标值栏填「100%」")]


def test_a_verb_after_how_it_is_done_is_no_cut_word() -> None:
    # 按时发, 足额补: a verb of one character after how the work is done is plain wording, not 发放 or 补助 cut
    for name in ("职工工资按时发", "困难群众补助足额补", "残疾人两项补贴及时发"):
        assert review_document(document(row(OUT, "数量指标", name, "≥3次")), only={"name-cut-mid-word"}).findings == ()
    (cut,) = review_document(document(row(OUT, "数量指标", "开展食品安全宣传周等科普宣传活", "≥3次")),
                             only={"name-cut-mid-word"}).findings
    assert "看不出这一行衡量什么" not in cut.message and "名称最后一个词不完整" in cut.message


def test_a_joined_leftover_names_both_cells() -> None:
    # the joined finding is at the value's cell: its message says the name's cell is left unfilled too
    doc = document(row(OUT, "数量指标", "指标1:新建堤防长度", "公里"))
    (found,) = review_document(doc, only={"template-leftover"}).findings
    assert found.field == "target" and found.message.startswith("名称与指标值都留有模板内容：")


def test_the_docs_say_missing_groups_weigh_as_one_fault() -> None:
    from pathlib import Path

    text = (Path(__file__).parents[2] / "docs" / "review.md").read_text(encoding="utf-8")
    grading = text[text.index("| 差 | more than 3 errors"):text.index("### 部门整体 forms")]
    assert "one finding naming every group a project lacks" in grading and "weighs as one fault" in grading
    # and what it says holds: two groups missing, one error
    doc = document(row(OUT, "数量指标", "培训人次", "≥500人次"), row(OUT, "质量指标", "培训合格率", "≥95%"))
    assert [f.severity for f in review_document(doc, only={"missing-level1-group"}).findings] == ["error"]
