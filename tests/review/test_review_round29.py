"""Round 29's rule changes (review-blind29), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from perfbudget.framework import EVALUATION, FRAMEWORK_OF_2015, framework_of
from perfbudget.review.engine import review_document
from perfbudget.target import DAMAGE_RATES
from tests.review.test_review_round22 import found, messages, row
from tests.review.test_review_round28 import document

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"
DECISION, COURSE = "决策", "过程"


# The evaluation frame as Jiangsu prints it in its project target form: 决策 and 过程 are the form's own


def _jiangsu(*extra: tuple[str, str, str, str]) -> list:
    rows = [(DECISION, "项目立项", "立项程序规范性", "规范"), (DECISION, "项目立项", "立项依据充分性", "充分"),
            (DECISION, "绩效目标", "绩效指标明确性", "明确"), (DECISION, "资金投入", "预算编制科学性", "科学"),
            (COURSE, "资金管理", "资金使用合规性", "合规"), (COURSE, "组织实施", "管理制度健全性", "健全"),
            (OUT, "数量指标", "免费开放天数", "≥300天"), (OUT, "质量指标", "设施完好率", "≥95%"),
            (OUT, "时效指标", "全年开放", "2022年12月31日前"), (OUT, "成本指标", "运维成本", "≤80万元"),
            (EFF, "社会效益指标", "接待游客人次", "≥20万人次"), (SAT, "服务对象满意度指标", "游客满意度", "≥90%"),
            *extra]
    return [row(*item) for item in rows]


def test_the_evaluation_frame_is_known_by_its_decision_block() -> None:
    assert framework_of(["决策指标", "过程指标", "产出指标", "效益指标", "满意度指标"]) is EVALUATION
    assert framework_of(["过程指标", "产出指标", "效益指标", "满意度指标"]) is FRAMEWORK_OF_2015  # 过程 alone: misfiled


def test_jiangsu_form_gets_no_finding_on_its_own_rows() -> None:
    # (its 时效 row was due 2024年12月31日前 in a 2022 table until round 40's time-after-year told that apart)
    doc = document(*_jiangsu(), name="赛珍珠文化公园运转经费", budget="80")
    findings = review_document(doc).findings
    assert [(f.rule, f.indicator) for f in findings if f.severity != "info" and f.rule != "missing-goals"] == []
    # a row outside the form is still judged by it
    wrong = document(*_jiangsu((EFF, "质量指标", "游客增长", "≥5%")), name="赛珍珠文化公园运转经费", budget="80")
    assert found(wrong, "level-not-in-framework") == [13]
    assert "项目支出绩效评价共性框架" in messages(wrong, "level-not-in-framework")[0]


def test_a_process_block_in_a_2015_table_is_still_misfiled() -> None:
    doc = document(*_jiangsu()[4:])  # 过程 rows without 决策: one 一级 no project form has beside three known ones
    assert found(doc, "level-not-in-framework") == [1]  # the two rows under it told once (round 30)
    assert "另有第2个指标也是这样" in messages(doc, "level-not-in-framework")[0]


def test_a_row_without_its_second_level_under_a_foreign_first_level_is_misfiled() -> None:
    rows = [row(OUT, "数量指标", "国家助学金人数", "≥500人"), row(OUT, "成本指标", "国家助学金人均资助", "3300元/人"),
            row(EFF, "社会效益指标", "困难生完成学业率", "≥98%"),
            row(SAT, "服务对象满意度指标", "受助学生满意度", "≥90%"),
            row("过程指标", "", "评审程序是否公正", "是")]
    doc = document(*rows, name="学生资助项目")
    assert found(doc, "level-not-in-framework") == [5]
    assert "评审程序是否公正" in messages(doc, "level-not-in-framework")[0]
    # a two-level table (no row has a 二级): the old form's own 一级, level2-missing's info says it
    two_level = document(row("成效指标", "", "项目验收合格率", "100%"), row("效率指标", "", "资金使用效率", "100%"),
                         row(OUT, "", "完成数量", "≥5个"))
    assert found(two_level, "level-not-in-framework") == []


# typo: a name ending in a word written twice


def test_a_name_ending_in_a_doubled_word_is_a_slip() -> None:
    doc = document(row(OUT, "时效指标", "指标2:项目完成周期周期", "4个月"), row(OUT, "数量指标", "满意度满意度", "1次"))
    assert found(doc, "typo") == [1, 2]
    assert "「周期周期」把「周期」写了两遍" in messages(doc, "typo")[0]
    near = document(row(OUT, "时效指标", "项目完成周期", "4个月"), row(OUT, "数量指标", "星星点点", "1次"),
                    row(OUT, "数量指标", "培训人人", "1次"), row(OUT, "数量指标", "abab", "1次"))
    assert found(near, "typo") == []


# quantity-not-work: events counted, and the place put in the unit's charge


def test_events_reported_counted_as_the_output() -> None:
    doc = document(row(OUT, "数量指标", "指标24:传染病及突发公共卫生事件报告数", "14例"),
                   row(OUT, "数量指标", "火灾发生起数", "≥2起"))
    assert found(doc, "quantity-not-work") == [1, 2]
    near = document(row(OUT, "数量指标", "安全事故发生数", "≤1起"), row(OUT, "数量指标", "重大事故发生起数", "0起"),
                    row(OUT, "质量指标", "突发公共卫生事件报告率", "100%"),
                    row(OUT, "数量指标", "办理法律援助案件", "≥90件"))
    assert found(near, "quantity-not-work") == []


def test_the_place_in_the_units_charge_counted_as_the_output() -> None:
    doc = document(row(OUT, "数量指标", "防汛应急圩段", "≥1个"), row(OUT, "数量指标", "文明创建路段", "≥1个"),
                   row(OUT, "数量指标", "定点帮扶村", "≥1个"))
    assert found(doc, "quantity-not-work") == [1, 2, 3]
    near = document(row(OUT, "数量指标", "改造路段", "1个"), row(OUT, "数量指标", "联系村", "5个"),
                    row(OUT, "数量指标", "开展帮扶活动", "≥12次"))
    assert found(near, "quantity-not-work") == []


# The cheaper forms of round 29 give what the searches they spare gave, on every name, value and description of the
# judged tables and the reader corpus (plus the edge cases each look guards against)


def _texts() -> list[str]:
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    found = {"", " ", "\u3000", "资金到位率100%", "以资金的使用进度为衡量标准", "投诉率\n", "满意度\n", "补助户数",
             "培训人次", "监督抽检批次", "★★受益人口数(≥**人)", "a b", "工作经费保障率", "科目调整次数", "结余率",
             "出差人数", "利息补贴保障率", "费用使用率", "支出进度", "发病率", "逾期发放率", "使用年限", "不满意度"}
    keys = [*root.glob("fixtures/real/corpus/*.expected.json"), *root.glob("review/fixtures/corpus/*.expected.json")]
    for key in keys:
        try:
            data = json.loads(key.read_text(encoding="utf-8"))
        except ValueError:
            continue
        for project in data.get("projects") or []:
            for item in project.get("indicators") or []:
                found.update(str(item.get(field) or "") for field in ("level3", "target", "description", "actual"))
    return sorted(found)


def test_the_looks_before_each_search_change_no_answer() -> None:
    import unicodedata

    from perfbudget import framework
    from perfbudget.review import helpers, rules_feasibility, rules_relevance

    texts = _texts()
    assert len(texts) > 1500
    nfkc = lambda text: unicodedata.normalize("NFKC", text)  # noqa: E731
    for text in texts:
        assert helpers.bare.__wrapped__(text) == helpers.PUNCTUATION.sub("", nfkc(text)), text
        name = nfkc(text)
        if framework._MAY_HINT.search(name) is not None:
            name = framework._TEMPLATE_HINT.sub("", name)
        assert framework.normalise_level3.__wrapped__(text) == framework._SPACES.sub("", framework._STARS.sub("", name))
        assert bool(text.strip()) == bool(helpers.clean(text)), text
        assert rules_relevance.is_satisfaction_name(text) == bool(rules_relevance._SATISFACTION_END.search(text))
        direction = ("reverse" if rules_feasibility._REVERSE_END.search(text) or text.endswith(DAMAGE_RATES)
                     else None)
        if direction is None and (late := rules_feasibility._OVERDUE_RATE.search(text)) \
                and rules_feasibility._PUT_RIGHT.search(late.group()) is None:
            direction = "reverse"
        if direction is None and rules_feasibility._POSITIVE_END.search(text):
            direction = "positive"
        assert rules_feasibility.name_direction.__wrapped__(text) == direction, text
        for unit in ("人", "户", "万人", "次", None):
            named = rules_feasibility._NAME_COUNTS.search(text)
            given = rules_feasibility._UNIT_COUNTS.match(unit) if unit else None
            plain = (None if named is None or given is None or named.group(1) == given.group(1)
                     else (named.group(1), given.group(1)))
            if not (unit and text.endswith(rules_feasibility._NAME_TIMES)):
                assert rules_feasibility._counted_in_other(text, unit) == plain, (text, unit)
        clean_name = rules_relevance._NOTE_AFTER.sub("", text) or text if text.endswith((")", "）")) else text
        plain_text = rules_relevance._TARGET_AFTER_RATE.sub("", helpers.bare(clean_name))
        if (measured := rules_relevance._MEASURED_BY.match(plain_text)) is not None:
            plain_text = measured.group(1)
        assert ((not rules_relevance._INPUT_CHARS.isdisjoint(plain_text))
                or rules_relevance._INPUT_NAME.search(plain_text) is None), text  # every money word holds one


def test_an_explanation_is_told_as_before() -> None:
    import re

    from perfbudget.review import rules_conformity

    before = re.compile(r"^(?:反映|指|是指|考核|衡量|用于|通过|按照|根据|主要|即|包括|该指标|本指标|统计)"
                        r"|[，。；：,;:=＝/\d]")
    extra = ["反映资金使用情况", "按时完成", "通过验收", "完成率=完成数/计划数", "指标说明", "网络连通率"]
    for text in [*_texts(), *extra]:
        assert rules_conformity._explains(text) == (before.search(text.strip()) is not None), text
