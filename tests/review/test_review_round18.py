"""Round 18's rule changes (review-blind18), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Budget, Document, Indicator, Project, Source, Unit
from perfbudget.review.engine import review_document
from perfbudget.review.registry import all_rules
from perfbudget.target import parse_target

Row = tuple[str, str, str, str] | tuple[str, str, str, str, str, str, str]


def document(*rows: Row, kind: str = "target", name: str = "化肥减量增效示范") -> Document:
    indicators = tuple(
        Indicator(row[0], row[1], row[2], None, parse_target(row[3], row[2]),
                  actual=row[4] if len(row) > 4 else None,
                  weight=Decimal(row[5]) if len(row) > 5 else None,
                  score=Decimal(row[6]) if len(row) > 6 else None)
        for row in rows)
    project = Project(seq=1, title=None, name=name, fund_label=None, fund_year=2022, fund_source=None,
                      budget=Budget(total=Decimal(100)), purpose=None, goals=(), indicators=indicators, complete=True)
    return Document(Unit(None, None), "万元", (project,), kind=kind, source=Source("inline"))


def found(doc: Document, rule_id: str) -> list[int | None]:
    return [f.indicator for f in review_document(doc, only={rule_id}).findings]


def messages(doc: Document, rule_id: str) -> list[str]:
    return [f.message for f in review_document(doc, only={rule_id}).findings]


OUT, EFF = "产出指标", "效益指标"


# total-with-parts (new)

def test_a_total_set_again_as_its_parts_is_flagged_once_at_the_total() -> None:
    doc = document((OUT, "数量指标", "示范区建立", "≥20000亩"), (OUT, "数量指标", "水稻侧深施肥", "≥500亩"),
                   (OUT, "数量指标", "玉米种肥同播", "≥1000亩"), (OUT, "数量指标", "施用配方肥", "≥18500亩"),
                   (OUT, "数量指标", "田间试验", "≥15组"), (OUT, "数量指标", "肥料利用率试验", "≥5组"),
                   (OUT, "数量指标", "化肥减量试验", "≥5组"), (OUT, "数量指标", "水稻试验", "≥3组"),
                   (OUT, "数量指标", "玉米试验", "≥2组"))
    # (化肥减量试验 5组 over 水稻 3 and 玉米 2 is inside 田间试验's parts: not a total of its own)
    assert found(doc, "total-with-parts") == [1, 5]
    assert "「示范区建立」的指标值「≥20000亩」正好是其后3个数量指标" in messages(doc, "total-with-parts")[0]


def test_parts_that_do_not_add_up_or_a_breakdown_marked_as_such_are_left_alone() -> None:
    near = document((OUT, "数量指标", "示范区建立", "≥20000亩"), (OUT, "数量指标", "水稻侧深施肥", "≥500亩"),
                    (OUT, "数量指标", "玉米种肥同播", "≥1000亩"), (OUT, "数量指标", "施用配方肥", "≥18000亩"))
    marked = document((OUT, "数量指标", "培训人次", "100人次"), (OUT, "数量指标", "其中：农民培训", "60人次"),
                      (OUT, "数量指标", "其中：技术员培训", "40人次"))
    other_unit = document((OUT, "数量指标", "示范区建立", "≥20000亩"), (OUT, "数量指标", "水稻侧深施肥", "≥500个"),
                          (OUT, "数量指标", "施用配方肥", "≥19500亩"))
    assert "total-with-parts" in {spec.id for spec in all_rules()}
    assert found(near, "total-with-parts") == found(marked, "total-with-parts") == []
    assert found(other_unit, "total-with-parts") == []


# target-set-low (new)

def test_a_count_done_far_above_its_floor_is_a_target_set_low() -> None:
    doc = document((OUT, "数量指标", "土样植株化验", "≥60个", "105个"), kind="self-evaluation")
    assert found(doc, "target-set-low") == [1]
    assert "超出指标值「≥60个」75%" in messages(doc, "target-set-low")[0]


def test_an_ordinary_overshoot_a_share_or_an_actual_in_another_unit_is_not() -> None:
    doc = document((OUT, "数量指标", "土样植株化验", "≥60个", "85个"),
                   (OUT, "质量指标", "配方肥到位率", "≥50%", "85.6%"), (OUT, "数量指标", "变压器", "3", "9.3"),
                   (OUT, "成本指标", "化验成本", "≤60万元", "105万元"),
                   kind="self-evaluation")
    assert "target-set-low" in {spec.id for spec in all_rules()}
    assert found(doc, "target-set-low") == []


# unit-mismatch: a change against a baseline is a share

def test_a_change_against_a_baseline_in_per_cent_is_not_a_unit_mismatch() -> None:
    doc = document((EFF, "生态效益指标", "化学农药使用量较上年减少", "2%"),
                   (EFF, "经济效益指标", "种薯亩均收入较鲜薯亩均收入", "≥5%"))
    assert found(doc, "unit-mismatch") == []


def test_a_degree_with_较_is_no_baseline() -> None:
    doc = document((EFF, "社会效益指标", "群众获得感较强", "≥90%"))
    assert found(doc, "unit-mismatch") == [1]


# rate-under-quantity: a rate's name counted in 组 is said once, by unit-mismatch

def test_a_rate_name_counted_in_groups_is_one_finding() -> None:
    doc = document((OUT, "数量指标", "肥料利用率", "≥5组"))
    assert found(doc, "rate-under-quantity") == []
    assert found(doc, "unit-mismatch") == [1]
    assert found(document((OUT, "数量指标", "肥料利用率", "≥35%")), "rate-under-quantity") == [1]


# input-as-output: 经费支出时效性

def test_timeliness_of_spending_is_an_input() -> None:
    doc = document((OUT, "时效指标", "经费支出时效性", "及时支出"), (OUT, "时效指标", "补助发放时效性", "及时发放"))
    assert found(doc, "input-as-output") == [1]


# name-without-object and time-without-date: a date without a year as the name

def test_a_date_without_a_year_as_the_name_has_no_object() -> None:
    doc = document((OUT, "时效指标", "12月底之前完成", "100%"))
    assert found(doc, "name-without-object") == [1]
    assert found(doc, "time-without-date") == []  # the name says by when: not said twice
    assert "是一个日期，没有说明到时要完成的是什么" in messages(doc, "name-without-object")[0]


def test_a_name_with_its_work_and_a_date_is_not() -> None:
    doc = document((OUT, "时效指标", "补贴12月底之前发放完成", "100%"), (OUT, "时效指标", "完成年度资料上报", "100%"))
    assert found(doc, "name-without-object") == []
    assert found(doc, "time-without-date") == [2]


# vague-qualitative: 是 to an aim opened with a degree word

def test_yes_to_a_continuing_aim_is_vague() -> None:
    doc = document((EFF, "可持续影响指标", "持续完善种薯繁育体系,保障种薯供应", "是"))
    assert found(doc, "vague-qualitative") == [1]


def test_yes_to_an_aim_with_an_anchor_is_not() -> None:
    doc = document((EFF, "可持续影响指标", "持续完善种薯繁育体系,全部建成", "是"),
                   (EFF, "可持续影响指标", "是否持续完善种薯繁育体系", "是"))
    assert found(doc, "vague-qualitative") == []


# qualitative-for-number: a 时效 row asks for a time

def test_a_time_row_with_a_phrase_asks_for_a_time() -> None:
    doc = document((OUT, "时效指标", "项目完成及时性", "程度较高"))
    (message,) = messages(doc, "qualitative-for-number")
    assert "要求具体时间" in message


# findings read aloud: one indicator's fault said once, lists read as a reviewer reads them

def test_money_supplied_on_time_is_an_input_not_a_time_in_per_cent() -> None:
    doc = document((OUT, "时效指标", "志鉴工作所需资金的供应时效", "100%"), (OUT, "时效指标", "项目完成时间", "100%"))
    assert found(doc, "input-as-output") == [1]
    assert found(doc, "unit-mismatch") == [2]  # (deleting row 1 is the advice, not renaming it into a rate)


def test_an_aim_in_per_cent_under_quantity_is_called_no_rate_once() -> None:
    doc = document((OUT, "数量指标", "确保日常工作正常运行", "100%"), (OUT, "数量指标", "设备完好率", "≥95%"))
    assert found(doc, "unit-mismatch") == [1]
    assert found(doc, "rate-under-quantity") == [2]


def test_leftovers_in_a_run_of_names_are_listed_as_a_span() -> None:
    doc = document(*[(OUT, "数量指标", f"指标1发放种薯{k}", f"{k}万粒") for k in range(1, 6)],
                   (OUT, "数量指标", "发放种薯6", "6万粒"), (OUT, "数量指标", "指标1发放种薯7", "7万粒"))
    (message,) = messages(doc, "template-leftover")
    assert message.endswith("以及第2至第5个、第7个指标")
