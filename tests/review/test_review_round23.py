"""Round 23's rule changes (review-blind23), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Budget, Document, Indicator, Project, Source, Unit
from tests.review.test_review_round22 import found, messages, row

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"


def document(*indicators: Indicator, kind: str = "target", name: str = "公路安全生命防护工程",
             year: int = 2021) -> Document:
    project = Project(seq=1, title=None, name=name, fund_year=year, fund_label=None, fund_source=None,
                      budget=Budget(total=Decimal(60)), purpose=None, goals=(), indicators=indicators, complete=True)
    return Document(Unit(None, None), "万元", (project,), kind=kind, source=Source("inline"))


# missing-quality-indicator (new): 产出 without a 质量 row

def test_an_output_without_a_quality_row_is_flagged() -> None:
    doc = document(row(OUT, "数量指标", "租机数量", "8架"), row(OUT, "时效指标", "完成时间", "2021年12月底前"),
                   row(EFF, "生态效益指标", "森林火灾受害率", "≤1‰"),
                   row(SAT, "服务对象满意度指标", "群众满意度", "≥90%"))
    assert messages(doc, "missing-quality-indicator") == [
        "产出指标中没有质量指标，无法判断工作或服务是否达到标准，只能按数量打分"]
    # a 质量 row of the form left empty (no name, no value) is none either
    empty = document(row(OUT, "数量指标", "租机数量", "8架"), row(OUT, "质量指标", "", ""),
                     row(EFF, "生态效益指标", "森林火灾受害率", "≤1‰"))
    assert found(empty, "missing-quality-indicator") == [None]


def test_a_quality_row_a_rate_under_quantity_or_a_table_of_counts_alone_is_not_flagged() -> None:
    with_quality = document(row(OUT, "数量指标", "租机数量", "8架"), row(OUT, "质量指标", "飞行任务完成率", "≥95%"),
                            row(EFF, "生态效益指标", "森林火灾受害率", "≤1‰"))
    assert found(with_quality, "missing-quality-indicator") == []
    misfiled = document(row(OUT, "数量指标", "种植数量", "≥17600株"), row(OUT, "数量指标", "种植作物成活率", "≥85%"),
                        row(EFF, "经济效益指标", "特色产业产值", "≥80万元"))
    assert found(misfiled, "missing-quality-indicator") == []  # rate-under-quantity says where the standard went
    counts_alone = document(row(OUT, "数量指标", "租机数量", "8架"), row(OUT, "数量指标", "飞行时长", "≥928小时"))
    assert found(counts_alone, "missing-quality-indicator") == []  # a table that stops: missing-level1-group's
    wages = document(row(OUT, "数量指标", "发放人数", "46人"), row(EFF, "社会效益指标", "保障正常运转", "正常运转"),
                     name="在职人员工资性支出")
    assert found(wages, "missing-quality-indicator") == []


# target-set-low: counts named …数量, and ceilings set far above the actual

def test_a_bare_count_named_quantity_overshot_is_set_low() -> None:
    doc = document(row(OUT, "数量指标", "完成农村户用卫生厕所改造数量", "≥2000", actual="3061"), kind="self-evaluation")
    assert found(doc, "target-set-low") == [1]
    near = document(row(OUT, "数量指标", "建设美丽宜居自然村庄数量", "≥200", actual="202"), kind="self-evaluation")
    assert found(near, "target-set-low") == []


def test_a_ceiling_the_actual_stays_far_under_is_set_too_loose() -> None:
    doc = document(row(EFF, "生态效益指标", "年森林火灾发生率", "≤6.5次/10万公顷", actual="0.2次/10万公顷"),
                   row(EFF, "生态效益指标", "森林火灾受害率", "≤1‰", actual="0.038‰"), kind="self-evaluation")
    assert messages(doc, "target-set-low") == [
        "「年森林火灾发生率」实际只有「0.2次/10万公顷」，不到上限「≤6.5次/10万公顷」的32分之一：上限定得过宽，"
        "实际远低于它也不说明工作做得好，起不到约束作用",
        "「森林火灾受害率」实际只有「0.038‰」，不到上限「≤1‰」的26分之一：上限定得过宽，实际远低于它也不说明工作做得好，"
        "起不到约束作用"]
    near = document(row(EFF, "生态效益指标", "森林火灾受害率", "≤1‰", actual="0.5‰"),  # half the ceiling
                    row(EFF, "社会效益指标", "安全事故发生率", "≤5%", actual="0%"),  # none happened
                    row(OUT, "成本指标", "项目总成本", "≤90万元", actual="12万元"),  # money under its ceiling: a saving
                    row(OUT, "质量指标", "验收合格率", "≤100%", actual="10%"),  # positive: direction-clash's
                    kind="self-evaluation")
    assert found(near, "target-set-low") == []


# unit-mismatch: a count per a base is a rate

def test_a_rate_per_a_base_is_no_count() -> None:
    doc = document(row(EFF, "生态效益指标", "年森林火灾发生率", "≤6.5次/10万公顷"))
    assert found(doc, "unit-mismatch") == []
    counted = document(row(OUT, "质量指标", "基层医疗机构覆盖率", "实施乡镇社区基层医疗机构37个。"))
    assert found(counted, "unit-mismatch") == [1]


# cost-not-money: an amount written as a sentence keeps its full stop

def test_an_amount_with_a_full_stop_is_money() -> None:
    doc = document(row(OUT, "成本指标", "河道保洁服务费", "15万元。"))
    assert found(doc, "cost-not-money") == []
    phrase = document(row(OUT, "成本指标", "项目成本", "控制在预算内。"))
    assert found(phrase, "cost-not-money") == [1]


# level-not-in-framework: Guangxi's 二级 named with their 一级 (产出数量指标)

def test_a_level2_named_with_its_level1_is_the_frameworks() -> None:
    doc = document(row(OUT, "产出数量指标", "新增学位", "≥2300人"), row(OUT, "产出质量指标", "协议履约率", "100%"),
                   row(EFF, "效益社会效益指标", "学位缺口缓解率", "≥90%"))
    assert found(doc, "level-not-in-framework") == []
    assert found(doc, "missing-quantity-indicator") == []
    odd = document(row(OUT, "产出规模指标", "新增学位", "≥2300人"))
    assert found(odd, "level-not-in-framework") == [1]


# value-in-name: the name written again as the value, holding the target's figure

def test_a_name_written_again_as_its_value_with_the_target_in_it() -> None:
    doc = document(row(SAT, "满意度指标", "辖区企业满意率达95%以上。", "辖区企业满意率达95%以上。"))
    assert messages(doc, "value-in-name") == [
        "三级指标名称和指标值是同一句话「辖区企业满意率达95%以上。」，目标「95%」写在了名称里，指标值栏没有单独的目标值"]
    figure_alone = document(row(OUT, "成本指标", "15万元。", "15万元。"))  # name-without-object's
    words_alone = document(row(EFF, "社会效益指标", "美化环境。", "美化环境。"))  # vague-qualitative's
    assert found(figure_alone, "value-in-name") == found(words_alone, "value-in-name") == []


# several-targets: two aims as clauses under one figure

def test_two_aims_under_one_figure_are_several_targets() -> None:
    doc = document(row(EFF, "可持续影响指标", "降低交通事故损失,提升公路交通安全保障水平", "≥95%"))
    assert found(doc, "several-targets") == [1]
    one_aim = document(row(EFF, "可持续影响指标", "提升公路交通安全保障水平", "≥95%"),
                       row(EFF, "社会效益指标", "降低交通事故损失,提升公路交通安全保障水平", "有效"),  # words: vague's
                       row(EFF, "社会效益指标", "农村道路安全隐患,提升通行能力", "≥95%"))  # one clause no aim
    assert found(one_aim, "several-targets") == []


# output-as-effect: the works built or treated under 效益

def test_works_built_under_effects_are_outputs() -> None:
    doc = document(row(OUT, "数量指标", "处治里程", "8公里"), row(EFF, "社会效益指标", "项目处治路线", "2条"),
                   row(EFF, "社会效益指标", "新建村组道路", "5公里"))
    assert found(doc, "output-as-effect") == [2, 3]
    near = document(row(OUT, "数量指标", "处治里程", "8公里"), row(EFF, "社会效益指标", "覆盖乡镇", "1个"),
                    row(EFF, "社会效益指标", "新建道路受益人口", "≥1000人"),
                    row(EFF, "社会效益指标", "新建道路通行率", "100%"))
    assert found(near, "output-as-effect") == []


# typo: a place name written twice in a row in a value

def test_a_place_name_doubled_in_a_value_is_a_slip() -> None:
    doc = document(row(OUT, "数量指标", "修缮建筑数量", "完成六安市六安市罗氏宗祠、李氏宗祠日常维护"))
    assert messages(doc, "typo") == [
        "「完成六安市六安市罗氏宗祠、李氏宗祠日常维护」中的「六安市六安市」把「六安市」写了两遍，疑为笔误"]
    near = document(row(OUT, "数量指标", "修缮建筑数量", "完成六安市罗氏宗祠、金安区李氏宗祠日常维护"),
                    row(OUT, "数量指标", "补助村数量", "市县区三级联动"))
    assert found(near, "typo") == []
