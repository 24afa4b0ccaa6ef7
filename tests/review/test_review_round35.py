"""Round 35's changes (review-blind35): findings reread as the bureau's reviewer who signs them. Each with a case
that fails on the code before the round and a near miss."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfbudget.model import Budget, Source
from perfbudget.review.engine import review_document
from tests.review.test_review_round22 import document, found, messages, row
from tests.review.test_review_round32 import suggestions

OUT, EFF = "产出指标", "效益指标"


def _budget(doc, total: str, fiscal: str | None, other: str | None, cells: tuple[str, ...]):  # type: ignore[no-untyped-def]
    (project,) = doc.projects
    money = Budget(total=Decimal(total), fiscal=None if fiscal is None else Decimal(fiscal),
                   other=None if other is None else Decimal(other))
    sources = {cell: Source("inline", line=3) for cell in cells}
    return replace(doc, projects=(replace(project, budget=money, sources=sources),))


# fund-arithmetic: a table without a 财政资金 cell whose 其他资金 is one part (咸宁 大气's 中央资金 871 + 地方资金
# 1509.91 under a total of 2380.91, 其他资金 0; 零陵's 一般公共预算 in a note beside 其他资金 2880) was told
# 「预算数…不等于财政资金0万元与其他资金0万元之和0万元」, a figure the table never wrote


def test_other_money_alone_is_a_part_not_the_split() -> None:
    base = document(row(OUT, "数量指标", "监测子站", "11个"))
    for other in ("0", "2880"):
        doc = _budget(base, "4753.66", None, other, ("budget.total", "budget.other"))
        assert found(doc, "fund-arithmetic") == [], other
    # a 财政资金 cell that does not add up, and 其他资金 above the total, are still told
    doc = _budget(base, "10", "8", "1", ("budget.total", "budget.fiscal", "budget.other"))
    assert found(doc, "fund-arithmetic") == [None]
    assert found(_budget(base, "10", None, "12", ("budget.total", "budget.other")), "fund-arithmetic") == [None]
    assert found(_budget(base, "10", None, "3", ("budget.total", "budget.fiscal", "budget.other")),
                 "fund-arithmetic") == [None]  # a 财政资金 cell left blank: the split is stated and wrong


# The 等级依据 line named a project-level place once per finding: 「缺少一级指标（整个项目、整个项目）」


def test_the_grade_basis_names_the_whole_project_once() -> None:
    doc = document(row(OUT, "数量指标", "发放人数", "≥19人"), row(OUT, "质量指标", "发放准确率", "100%"),
                   row(OUT, "时效指标", "发放时间", "2024年6月底前"))
    (project,) = review_document(doc).projects
    line = next(text for text in project.basis if "缺少一级指标" in text)
    assert "缺少一级指标（整个项目）" in line and "整个项目、整个项目" not in line


# Examples in the row's own words, not another project's (the seed's 「维护设备≥20台次」 and 「办案及时率」, a
# 矛盾纠纷化解率 shown to an economic aim)


def test_a_rate_under_quantity_is_shown_what_to_count() -> None:
    rate = document(row(OUT, "数量指标", "猪肉产量稳定率", "≥95%"))
    (said,) = suggestions(rate, "rate-under-quantity")
    assert "维护设备" not in said and "「…≥N人」「…≥N个」" in said
    # a count given in % is told it is a count, in its own unit, not that it is a rate
    pupils = document(row(OUT, "数量指标", "中职免学费应受助学生数", "100%"))
    (message,) = messages(pupils, "rate-under-quantity")
    assert "应以「人」计量，指标值却写成比率（100%）" in message
    assert "是比率" in messages(rate, "rate-under-quantity")[0]


def test_an_aim_in_percent_is_shown_a_measure_of_its_group() -> None:
    economic = document(row(EFF, "经济效益指标", "促进村集体经济发展", "≥95%"))
    (said,) = suggestions(economic, "unit-mismatch")
    assert "「带动相关消费 ≥50万元」" in said and "矛盾纠纷" not in said
    green = document(row(EFF, "生态效益指标", "保护生态环境卫生", "≥95%"))
    assert "「垃圾无害化处理率 ≥95%」" in suggestions(green, "unit-mismatch")[0]


def test_a_time_in_percent_is_shown_its_own_rate() -> None:
    done = document(row(OUT, "时效指标", "项目完成时间", "100%"))
    assert "「项目按时完成率 ≥95%」" in suggestions(done, "unit-mismatch")[0]
    case = document(row(OUT, "质量指标", "保障办案时效", "≥95%"))
    assert "「保障办案及时率 ≥95%」" in suggestions(case, "unit-mismatch")[0]
    lasting = document(row(EFF, "可持续影响指标", "项目维持时效", "≥95%"))
    assert suggestions(lasting, "unit-mismatch") == ["把指标值写成持续的时间，如「项目维持年限 ≥3年」"]


def test_a_unit_left_alone_is_shown_the_figure_to_write_before_it() -> None:
    doc = document(row(OUT, "数量指标", "新建堤防、护岸长度", "公里"), row(OUT, "质量指标", "工程验收合格率", "≧ %"))
    assert suggestions(doc, "template-leftover") == ["在计量单位前填写数值，如「≥N公里」",
                                                     "在计量单位前填写数值，如「≥N%」"]


def test_a_unit_cost_in_other_words_is_shown_as_a_target() -> None:
    bare = document(row(OUT, "成本指标", "造林补助", "每亩300"))
    assert "没有写金额单位" in messages(bare, "cost-not-money")[0]
    assert suggestions(bare, "cost-not-money") == ["指标值写作「≤300元/亩」"]
    sentence = document(row(OUT, "成本指标", "成本控制", "严格按照预算标准1000元/人给补助对象兑付补助"))
    assert "其中的单位成本1000元/人没有单独写成指标值" in messages(sentence, "cost-not-money")[0]
    assert suggestions(sentence, "cost-not-money") == ["指标值写作「≤1000元/人」，其余说明放在指标解释中"]
    # (the lead's reread) 元 written is not said to be missing; two 每 are no one figure per unit
    written = document(row(OUT, "成本指标", "造林补助", "每亩300元"))
    assert "没有写金额单位" not in messages(written, "cost-not-money")[0]
    assert suggestions(written, "cost-not-money") == ["指标值写作「≤300元/亩」"]
    twice = document(row(OUT, "成本指标", "人均补助", "每人每年1200元"))
    assert "不是金额" not in messages(twice, "cost-not-money")[0]
    assert suggestions(twice, "cost-not-money") == ["指标值写作「≤1200元/人·年」"]
    # a phrase without any amount keeps the general example
    plain = document(row(OUT, "成本指标", "控制在预算成本内", "控制在预算内"))
    assert "「≤17万元」" in suggestions(plain, "cost-not-money")[0]


def test_a_fix_writes_the_name_without_the_forms_numbering() -> None:
    doubled = document(row(OUT, "时效指标", "指标2:项目完成周期周期", "4个月"))
    assert suggestions(doubled, "typo") == ["删去重复的「周期」，写作「项目完成周期」"]
    filled = document(row(OUT, "质量指标", "指标1:工程验收合格率100%", ""))
    assert suggestions(filled, "missing-target-value") == ["名称写「工程验收合格率」，指标值栏填「100%」"]
    # money paid out is to be deleted (input-as-output), not filled in: the two findings agree
    paid = document(row(OUT, "时效指标", "指标1:年度资金支付完成率100%", ""))
    (said,) = [f.suggestion for f in review_document(paid, only={"missing-target-value", "input-as-output"}).findings
               if f.rule == "missing-target-value"]  # (input-as-output running: review38's second reading)
    assert said.startswith("这项衡量的是资金投入（到位、支付或支出），不是产出：删去该指标")
    assert found(paid, "input-as-output") == [1]


def test_a_missing_value_is_shown_an_example_of_the_group_it_belongs_to() -> None:
    doc = document(row(EFF, "经济效益指标", "全市安全度汛", ""))
    assert found(doc, "level2-misplaced") == [1]  # 安全 is a social effect
    assert suggestions(doc, "missing-target-value") == ["填写可衡量的指标值，如「≥5000人次」「≥90%」"]


# vague-qualitative: a rise in vague words only (稳步提高 under 可持续影响) was shown the group's 「设施正常使用年限」;
# it is asked how far. A satisfaction's rise keeps the survey it should be (群众幸福感 明显提升, round 33).


def test_a_vague_rise_is_asked_how_far() -> None:
    doc = document(row(EFF, "可持续影响指标", "义务教育优质均衡发展情况", "稳步提高"))
    assert suggestions(doc, "vague-qualitative") == [
        "写明提高或改善到什么程度（如「较上年提高5个百分点」「达到95%以上」），年底才能对照"]
    happy = document(row("满意度指标", "服务对象满意度指标", "群众幸福感", "明显提升"))
    assert "「受益群众满意度≥90%」" in suggestions(happy, "vague-qualitative")[0]
    lasting = document(row(EFF, "可持续影响指标", "持续保障社会发展", "持续保障"))
    # the group's own example: society's development names no facility, so a mechanism kept up (round 41)
    assert "「建立长效工作机制并印发制度」" in suggestions(lasting, "vague-qualitative")[0]


# goal-figure-mismatch: a goal's floor met by the target (舒城's 「严格按照不低于中央投资30%的比例发放劳务报酬」 and
# 劳务报酬占中央投资比例 ≥32.68%) is no contradiction


def test_a_target_above_the_goals_floor_agrees_with_it() -> None:
    def told(goal: str, target: str) -> int:
        doc = document(row(OUT, "数量指标", "劳务报酬占中央投资比例", target))
        doc = replace(doc, projects=(replace(doc.projects[0], goals=(goal,)),))
        return len(found(doc, "goal-figure-mismatch"))

    assert told("严格按照不低于中央投资30%的比例发放劳务报酬", "≥32.68%") == 0
    assert told("劳务报酬占中央投资比例30%以上", "≥32.68%") == 0
    # below the floor, or against a plain figure, it is still told
    assert told("严格按照不低于中央投资30%的比例发放劳务报酬", "≥25%") == 1
    assert told("劳务报酬占中央投资比例达到30%", "≥32.68%") == 1
    assert told("劳务报酬占中央投资比例不超过30%", "≤35%") == 1
