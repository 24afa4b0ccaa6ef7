"""The 部门整体 (department-wide) forms as the review judges them (framework.DEPARTMENT_FRAMEWORKS).

Three forms: 财政部's 共性指标框架 (投入/过程/产出/效果, the rows of 绥芬河's and the 评价指标体系表's
部门整体 tables), the provinces' 运行成本/管理效率/履职效能/社会效应/可持续发展/满意度, and Jiangxi's
管理指标 before 产出/效果/满意度 (蚕茶卫生院's 2021 自评表, judged b139). Each a hit (the form's own
structure gets no finding) and a near miss (what is still a fault in it), on tiny inline tables
that name themselves 部门整体 by their 项目名称.
"""

from __future__ import annotations

from typing import Any

from perfbudget.framework import (
    DEPARTMENT_COMMON,
    DEPARTMENT_DUTIES,
    DEPARTMENT_MANAGEMENT,
    FRAMEWORK_OF_2015,
    department_level1,
    framework_of,
    normalise_level1,
)
from perfbudget.model import Document
from perfbudget.review.engine import review_document
from tests.review.review_helpers import GOOD_ROWS, header, read

RULES = {"missing-level1-group", "level-not-in-framework", "input-as-output", "satisfaction-outside-group",
         "missing-cost-indicator", "missing-quantity-indicator", "missing-time-indicator", "name-without-object",
         "management-as-output", "effect-under-output", "level2-misplaced"}

# 财政部 共性指标框架 (绥芬河's 部门整体支出绩效评价指标体系: 绩效目标合理性, 在职人员控制率, “三公经费”变动率 …).
COMMON_ROWS = [
    ["投入", "目标设定", "绩效指标明确性", "绩效指标明确性", "100%"],
    ["投入", "预算配置", "在职人员控制率", "在职人员数与编制数的比率", "≤100%"],
    ["过程", "预算执行", "预算完成率", "预算完成率", "≥95%"],
    ["过程", "预算执行", "结转结余率", "结转结余率", "≤5%"],
    ["过程", "预算管理", "政府采购执行率", "政府采购执行率", "100%"],
    ["过程", "资产管理", "固定资产利用率", "固定资产利用率", "≥90%"],
    ["产出", "职责履行", "重点工作办结率", "重点工作办结率", "100%"],
    ["产出", "职责履行", "完成及时率", "完成及时率", "100%"],
    ["效果", "履职效益", "群众办事平均时长", "群众办事平均时长", "≤3天"],
    ["效果", "社会公众或服务对象满意度", "服务对象满意度", "服务对象满意度", "≥90%"],
]
DUTY_ROWS = [
    ["运行成本", "经济成本指标", "公用经费控制率", "公用经费控制率", "≤100%"],
    ["管理效率", "预算执行效率", "预算执行率", "预算执行率", "≥95%"],
    ["履职效能", "部门职责履行", "年度重点任务完成率", "年度重点任务完成率", "100%"],
    ["社会效应", "社会效益", "群众办事平均时长", "群众办事平均时长", "≤3天"],
    ["可持续发展", "人才队伍建设", "业务培训人次", "业务培训人次", "≥100人次"],
    ["满意度", "服务对象满意度", "服务对象满意度", "服务对象满意度", "≥90%"],
]
# 蚕茶卫生院 整体支出 2021's rows (tests/review/fixtures/corpus/b139), shortened.
MANAGEMENT_ROWS = [
    ["管理指标", "预算执行管理", "预算执行率", "预算执行率", "≥95%"],
    ["管理指标", "部门结转结余资金管理", "结余率", "结余率", "≤5%"],
    ["管理指标", "政府采购管理", "执行率", "执行率", "100%"],
    ["产出指标", "数量指标", "门诊住院人次", "门诊住院人次", "≥5000人次"],
    ["产出指标", "质量指标", "诊断准确率", "诊断准确率", "≥95%"],
    ["产出指标", "时效指标", "医疗文书完成及时率", "医疗文书完成及时率", "100%"],
    ["效果指标", "社会效益指标", "居民健康档案建档率", "居民健康档案建档率", "≥90%"],
    ["满意度指标", "服务对象满意度指标", "患者满意度", "患者满意度", "≥90%"],
]


def department_rows(value: str, name: str = "预算完成率") -> list[list[str]]:
    """COMMON_ROWS with its budget execution row (the third, 预算完成率 ≥95%) named ``name`` and set to ``value``."""
    rows = [list(row) for row in COMMON_ROWS]
    rows[2] = ["过程", "预算执行", name, name, value]
    return rows


def department(name: str = "某某局部门整体支出") -> list[list[str]]:
    rows = header(goals="1.全年办结重点工作任务12项，群众办事平均时长不超过3天")
    rows[1] = ["项目名称", name]
    return rows


def found(document: Document) -> list[tuple[str, int | None, str]]:
    return [(f.rule, f.indicator, f.message) for f in review_document(document, only=RULES).findings]


def test_the_forms_are_told_by_their_own_level1() -> None:
    """Two of a form's own 一级 tell it in any table; one only in a table that names itself 部门整体."""
    common = [department_level1(normalise_level1(name)) for name in ("投入", "过程", "产出", "效果")]
    assert framework_of(common) is DEPARTMENT_COMMON
    duty = [department_level1(normalise_level1(name)) for name in ("运行成本", "管理效率", "履职效能", "满意度")]
    assert framework_of(duty) is DEPARTMENT_DUTIES
    managed = ["管理指标", "产出指标", "效益指标", "满意度指标"]
    assert framework_of(managed, department=True) is DEPARTMENT_MANAGEMENT
    assert framework_of(managed) is FRAMEWORK_OF_2015  # a project table's 管理指标 is a misfiled row
    assert framework_of(["投入指标", "产出指标", "效益指标", "满意度指标"]) is FRAMEWORK_OF_2015


def test_the_common_framework_is_its_own(inline: Any) -> None:
    """Hit: 投入/过程 rows (预算完成率, 结转结余率), 产出 — 职责履行 without 数量/时效 二级, the
    satisfaction under 效果 — 社会公众或服务对象满意度 and 完成及时率 under 职责履行 get nothing (main:
    投入, 过程, 效果 an unknown framework, 预算完成率 and 结转结余率 inputs, no 数量 and no 时效 指标,
    the satisfaction outside its group, 完成及时率 of what?)."""
    assert found(read(COMMON_ROWS, department(), inline)) == []
    shortened = [*COMMON_ROWS[:-1], ["效果", "社会公众满意度", "群众满意度", "群众满意度", "≥90%"]]
    assert found(read(shortened, department(), inline)) == []


def test_the_common_framework_still_wants_its_groups_and_its_level2(inline: Any) -> None:
    """Near miss: without its 过程 rows the form lacks 过程; a 二级 of another group under 投入 is outside it; money
    spent as 职责履行's output is still an input; a satisfaction among 履职效益's effects is out of its place."""
    rows = [row for row in COMMON_ROWS if row[0] != "过程"]
    assert [(rule, message) for rule, _i, message in found(read(rows, department(), inline))] == [
        ("missing-level1-group", "缺少一级指标「过程指标」，绩效目标不完整")]
    misfiled = [["投入", "资产管理", "固定资产利用率", "固定资产利用率", "≥90%"], *COMMON_ROWS[1:]]
    assert [(rule, i) for rule, i, _m in found(read(misfiled, department(), inline))] == [
        ("level-not-in-framework", 1)]
    paid = [*COMMON_ROWS[:6], ["产出", "职责履行", "预算资金支付率", "预算资金支付率", "100%"], *COMMON_ROWS[7:]]
    assert [(rule, i) for rule, i, _m in found(read(paid, department(), inline))] == [("input-as-output", 7)]
    among = [*COMMON_ROWS[:8], ["效果", "履职效益", "群众满意度", "群众满意度", "≥90%"], COMMON_ROWS[9]]
    assert [(rule, i) for rule, i, _m in found(read(among, department(), inline))] == [
        ("satisfaction-outside-group", 9)]


def test_the_provinces_duties_form_is_its_own(inline: Any) -> None:
    """Hit: 运行成本/管理效率/履职效能/社会效应/可持续发展/满意度 with their own 二级 get nothing (main: one unknown
    framework, 预算执行率 an input); it is told without a 部门整体 name too."""
    assert found(read(DUTY_ROWS, department(), inline)) == []
    assert found(read(DUTY_ROWS, None, inline)) == []


def test_the_duties_form_still_wants_its_duties(inline: Any) -> None:
    """Near miss: without its 履职效能 rows the form lacks them; a 产出指标 row's 二级 is still judged by its 一级."""
    rows = [row for row in DUTY_ROWS if row[0] != "履职效能"]
    assert [(rule, message) for rule, _i, message in found(read(rows, department(), inline))] == [
        ("missing-level1-group", "缺少一级指标「履职效能指标」，绩效目标不完整")]


def test_jiangxis_management_form_is_its_own(inline: Any) -> None:
    """Hit: 蚕茶's 管理指标 rows (预算执行率, 结余率, 政府采购管理 — 执行率) and no 成本 二级 get
    nothing in a table named 整体支出 (main: 管理指标 outside the framework at every row, two
    inputs, 执行率 of what?, no cost indicator)."""
    assert found(read(MANAGEMENT_ROWS, department("南昌县黄马乡蚕茶卫生院整体支出"), inline)) == []


def test_a_management_block_in_a_project_table_is_still_misfiled(inline: Any) -> None:
    """Near miss: the same 管理指标 rows in a project's table (not named 部门整体) are outside the framework, and
    its budget rows are inputs, as before."""
    rules = [(rule, i) for rule, i, _m in found(read(MANAGEMENT_ROWS, None, inline))]
    assert ("level-not-in-framework", 1) in rules and ("input-as-output", 1) in rules
    assert ("name-without-object", 3) in rules


def test_a_project_table_is_judged_as_before(inline: Any) -> None:
    """Near miss: a 2015 table named 部门整体 (most published 部门整体 tables: corpus 29, 93, 102) is judged by the
    2015 framework, a misfiled 投入 row flagged at the row."""
    rows = [*GOOD_ROWS, ["投入指标", "资金投入", "资金到位率", "资金到位率", "100%"]]
    rules = [(rule, i) for rule, i, _m in found(read(rows, department(), inline))]
    assert ("level-not-in-framework", 7) in rules
    assert found(read(GOOD_ROWS, department(), inline)) == []
