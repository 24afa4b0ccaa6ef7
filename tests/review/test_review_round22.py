"""Round 22's rule changes (review-blind22), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Budget, Document, Indicator, Project, Source, Unit
from perfbudget.review.engine import review_document
from perfbudget.target import parse_target

OUT, EFF, SAT = "产出指标", "效益指标", "满意度指标"


def row(level1: str, level2: str, name: str, target: str, *, actual: str | None = None) -> Indicator:
    return Indicator(level1, level2, name, None, parse_target(target, name), actual=actual)


def document(*indicators: Indicator, kind: str = "target", name: str = "急救运营专项") -> Document:
    project = Project(seq=1, title=None, name=name, fund_year=2021, fund_label=None, fund_source=None,
                      budget=Budget(total=Decimal(60)), purpose=None, goals=(), indicators=indicators, complete=True)
    return Document(Unit(None, None), "万元", (project,), kind=kind, source=Source("inline"))


def found(doc: Document, rule_id: str) -> list[int | None]:
    return [f.indicator for f in review_document(doc, only={rule_id}).findings]


def messages(doc: Document, rule_id: str) -> list[str]:
    return [f.message for f in review_document(doc, only={rule_id}).findings]


# missing-level1-group, level-not-in-framework …: the 共性 form told by its own 二级 (职责履行, 履职效益)

DEPARTMENT = "某局2023年部门整体支出"
STRUCTURE = {"missing-level1-group", "level-not-in-framework", "satisfaction-outside-group", "missing-cost-indicator",
             "missing-quantity-indicator", "missing-time-indicator", "name-without-object"}


def structure(doc: Document) -> list[tuple[str, int | None, str]]:
    return [(f.rule, f.indicator, f.message) for f in review_document(doc, only=STRUCTURE).findings]


def test_a_department_table_of_the_common_forms_output_and_effect_is_that_form() -> None:
    doc = document(row("产出", "职责履行", "重点工作办结率", "100%"),
                   row("产出", "职责履行", "完成及时率", "100%"),
                   row("效果", "履职效益", "群众办事平均时长", "≤3天"),
                   row("效果", "社会公众或服务对象满意度", "服务对象满意度", "≥90%"), name=DEPARTMENT)
    assert structure(doc) == []
    only_output = document(row("产出", "职责履行", "重点工作办结率", "100%"),
                           row("产出", "职责履行", "完成及时率", "100%"), name=DEPARTMENT)
    assert structure(only_output) == [("missing-level1-group", None, "缺少一级指标「效果指标」，绩效目标不完整")]


def test_a_department_table_of_project_outputs_only_still_misses_its_effects() -> None:
    doc = document(row(OUT, "数量指标", "办结案件数", "≥300件"), row(OUT, "质量指标", "结案率", "≥95%"),
                   row(OUT, "时效指标", "按期办结率", "100%"), name=DEPARTMENT)
    assert [m for rule, _i, m in structure(doc) if rule == "missing-level1-group"] == [
        "缺少一级指标「效益指标」「满意度指标」，绩效目标不完整"]  # one finding for the groups missing (round 37)
    with_input = document(row("投入", "预算配置", "在职人员控制率", "≤100%"),
                          row("产出", "职责履行", "重点工作办结率", "100%"),
                          row("效果", "履职效益", "群众办事平均时长", "≤3天"), name=DEPARTMENT)
    assert [m for rule, _i, m in structure(with_input) if rule == "missing-level1-group"] == [
        "缺少一级指标「过程指标」，绩效目标不完整"]
    jiangxi = document(row("管理指标", "资产管理", "固定资产利用率", "≥90%"),
                       row(OUT, "数量指标", "门诊人次", "≥5000人次"),
                       row("效果指标", "社会效益指标", "居民健康档案建档率", "≥90%"),
                       row(SAT, "服务对象满意度指标", "患者满意度", "≥90%"), name="某卫生院整体支出")
    assert [rule for rule, _i, _m in structure(jiangxi)] == ["missing-time-indicator"]


# time-without-date: a date as the 时效 name is name-without-object's, not said twice

def test_a_date_as_the_time_rows_name_is_not_a_time_without_date() -> None:
    doc = document(row(OUT, "时效指标", "2020年12月完成", "=95%"))
    assert found(doc, "time-without-date") == []
    assert found(doc, "name-without-object") == [1]


def test_a_piece_of_work_at_a_percentage_still_has_no_date() -> None:
    doc = document(row(OUT, "时效指标", "完成年度资料上报", "100%"))
    assert found(doc, "time-without-date") == [1]


# several-targets: a 时效 value dating several works one by one

def test_deadlines_of_several_works_in_one_time_row_are_several_targets() -> None:
    doc = document(row(OUT, "时效指标", "上半年完成宣传片制作;下半年完成实施方案",
                       "6月份完成宣传片制作;9月份完成文本;11月完成专家评审"),
                   row(OUT, "时效指标", "采购安装完成时间", "6月底前完成采购,12月底前完成安装"))
    assert found(doc, "several-targets") == [1, 2]
    assert "列了3项工作各自的完成时间（宣传片制作、文本、专家评审）" in messages(doc, "several-targets")[0]


def test_one_works_stages_shares_or_a_period_are_one_target() -> None:
    doc = document(row(OUT, "时效指标", "项目建设周期", "2023年6月开工,12月竣工"),
                   row(OUT, "时效指标", "工程进度", "上半年完成50%,年底完成100%"),
                   row(OUT, "时效指标", "培训任务完成及时", "2021.1.1-12.31"),
                   row(OUT, "时效指标", "项目完成时间", "2022年12月31日前完成全部工作"))
    assert found(doc, "several-targets") == []


# output-as-effect, no-genuine-effect: the times a work was done, counted under 效益

def test_counts_of_work_done_under_effects_are_outputs() -> None:
    doc = document(row(OUT, "数量指标", "救护车出车次数", "4500"),
                   row(EFF, "社会效益指标", "医疗保障次数", "30"),
                   row(EFF, "社会效益指标", "精准扶贫服务人次", "12"),
                   row(SAT, "服务对象满意度指标", "患者满意率", "95%"))
    assert found(doc, "output-as-effect") == [2, 3]
    assert "数的是工作做了多少（次数）" in messages(doc, "output-as-effect")[0]
    assert found(doc, "no-genuine-effect") == [None]


def test_people_reached_harm_avoided_and_counts_under_outputs_are_not() -> None:
    doc = document(row(OUT, "数量指标", "送戏下乡场次", "≥70场次"),
                   row(EFF, "社会效益指标", "受益群众人次", "≥5000人次"),
                   row(EFF, "社会效益指标", "安全事故发生次数", "0次"),
                   row(EFF, "社会效益指标", "参加培训人次", "≥300人次"))
    assert found(doc, "output-as-effect") == []
    assert found(doc, "no-genuine-effect") == []


# target-set-low: whole bare figures under a name ending in what it counts

def test_a_bare_count_overshot_is_a_target_set_low() -> None:
    doc = document(row(EFF, "社会效益指标", "医疗保障次数", "30", actual="69"),
                   row(OUT, "数量指标", "救护车出车次数", "4500", actual="7000"), kind="self-evaluation")
    assert found(doc, "target-set-low") == [1, 2]


def test_a_bare_figure_without_a_count_name_or_an_ordinary_overshoot_is_not() -> None:
    doc = document(row(OUT, "数量指标", "变压器", "3", actual="9.3"),
                   row(OUT, "数量指标", "调度中心接警次数", "12000", actual="14084"),
                   row(OUT, "数量指标", "培训人数", "2.5", actual="9"), kind="self-evaluation")
    assert found(doc, "target-set-low") == []


# vague-qualitative: aims with no extent (加大…, 展示…, 发挥…)

def test_aims_to_step_up_or_show_with_no_extent_are_vague() -> None:
    doc = document(row(EFF, "社会效益指标", "文物本体安全、体现文物价值,提升知名度", "加大文物保护,展示文物价值"),
                   row(EFF, "可持续影响指标", "示范带动作用", "发挥示范带动作用"))
    assert found(doc, "vague-qualitative") == [1, 2]


def test_aims_with_an_anchor_are_not() -> None:
    doc = document(row(EFF, "社会效益指标", "文物展示", "展示馆藏文物≥50件"),
                   row(EFF, "社会效益指标", "文物保护", "加大巡查力度，文物安全事故为零"))
    assert found(doc, "vague-qualitative") == []


# input-as-output: a roster of posts hired, counted in people

def test_a_roster_of_staff_hired_is_manpower_going_in() -> None:
    doc = document(row(OUT, "数量指标", "聘用讲解员、综治队员以及物业管理人员", "32人"))
    assert found(doc, "input-as-output") == [1]
    assert "人力投入" in messages(doc, "input-as-output")[0]


def test_one_post_hired_for_the_service_or_the_service_itself_is_not() -> None:
    doc = document(row(OUT, "数量指标", "聘用调解员人数", "1人"),
                   row(OUT, "数量指标", "讲解服务人次", "≥5000人次"))
    assert found(doc, "input-as-output") == []


# actual-not-comparable: the = of an exact target copied into the actual

def test_an_actual_with_the_targets_equals_sign_is_the_target_copied() -> None:
    doc = document(row(OUT, "数量指标", "管理忠烈祠面积", "=230亩", actual="=230亩"),
                   row(OUT, "质量指标", "忠烈祠保护合格率", "=100%", actual="=100%"), kind="self-evaluation")
    assert found(doc, "actual-not-comparable") == [1]
    assert "另有第2个指标也是这样" in messages(doc, "actual-not-comparable")[0]


def test_a_plain_actual_or_another_figure_with_equals_is_not() -> None:
    doc = document(row(OUT, "数量指标", "管理忠烈祠面积", "=230亩", actual="230亩"),
                   row(OUT, "质量指标", "忠烈祠保护合格率", "=100%", actual="100%"),
                   row(OUT, "质量指标", "验收合格率", "≥95%", actual="=97%"), kind="self-evaluation")
    assert found(doc, "actual-not-comparable") == []
