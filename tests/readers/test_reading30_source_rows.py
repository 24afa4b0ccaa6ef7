"""A 部门整体 self-evaluation's funds grid one row a source of funds (Fujian's 部门整体支出绩效自评表, `103`), copied
from a web page one cell a line but for the rows written on one line apart by spaces, its columns numbered with their
formulas on the lines below them (小计 / ④ = ①+② +③). Until reading30 the lines holding a row were one cell each,
no label the stream knew, and the table started after the grid: unit, name and budget lost, the indicator header
(一级 / 指标 / 二级 / 指标 / 三级指标 指标解释 …) not found."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.readers.labels import fund_column
from tests.readers.word_tables import excel_file

_TEXT = """部门整体支出绩效自评表
(2018年度)
部门(单位)名称 某县地方志研究室 部门预算编码 901001033
财政资金安排和使用情况  资金结构
(万元)
预算安排 拨付情况 结余情况
年初部门预算安排金额
历年结余结转
年中调整金额③ 小计
④ = ①+② +③
年度拨付金额
支出实现率(%)
⑥=⑤/④
本年度结余金额
⑦=④-⑤
资金结余率
(%)
⑧=⑦/④
财政资金小计 150 20 0 170 153 90% 17 10%
①中央及省级财政资金
②县级财政资金 150 20 0 170 153 90% 17 10%
其他资金小计
①……
合 计 150 20 0 170 153 90% 17 10%
年度
总体
目标
完成
情况
预期目标 目标实际完成情况
目标1:保障在职人员工资发放
目标1完成情况:全部完成
年度
绩效
指标
完成
情况
一级
指标
二级
指标
三级指标 指标解释 绩效目标值 实际完成值 指标分值 得分
产出指标
数量指标
按月发放工资
反映工资按月发放情况
12个月
12个月
20
20
"""


def test_a_funds_grid_one_source_a_row_gives_the_budget_and_keeps_each_source() -> None:
    result = load_bytes(_TEXT.encode(), "自评表.txt")
    assert result.document is not None and not result.errors, [str(p) for p in result.problems]
    assert result.document.unit.name == "某县地方志研究室" and result.document.unit.code == "901001033"
    project = result.document.projects[0]
    assert project.name == "部门整体支出"
    budget = project.budget
    assert (budget.total, budget.fiscal, budget.initial, budget.executed, budget.rate) == (
        Decimal(170), Decimal(170), Decimal(150), Decimal(153), Decimal(90))
    extras = dict(project.extras)
    assert extras["县级财政资金/小计"] == "170" and extras["合计/历年结余结转"] == "20"
    assert extras["合计/资金结余率"] == "10%" and "其他资金小计/年初部门预算安排金额" not in extras
    (indicator,) = project.indicators
    assert (indicator.level1, indicator.level2, indicator.level3, indicator.target.raw, indicator.actual) == (
        "产出指标", "数量指标", "按月发放工资", "12个月", "12个月")
    assert indicator.description == "反映工资按月发放情况" and indicator.weight == Decimal(20)


def test_a_numbered_column_is_named_without_its_number_and_only_a_summing_subtotal_is_one() -> None:
    assert fund_column("年中调整金额③") == "年中调整金额"
    assert fund_column("支出实现率(%)⑥=⑤/④") == "支出实现率"
    assert fund_column("小计④=①+②+③") == "小计"
    assert fund_column("小计") is None and fund_column("小计④") is None  # a plain 小计 is a row's label elsewhere
    assert fund_column("项目1") is None and fund_column("2537695") is None


def test_the_same_grid_in_a_sheets_cells() -> None:
    # the attachment's own form: each column's label and formula in one cell, the rows' cells kept (Excel)
    figures = ["150", "20", "0", "170", "153", "90%", "17", "10%"]
    rows = [["部门整体支出绩效自评表(2018年度)"],
            ["部门(单位)名称", "某县地方志研究室", "", "", "", "部门预算编码", "901001033"],
            ["财政资金安排和使用情况", "资金结构\n(万元)", "预算安排", "", "", "", "拨付情况", "", "结余情况"],
            ["", "", "年初部门预算安排金额", "历年结余结转", "年中调整金额③", "小计\n④ = ①+② +③", "年度拨付金额",
             "支出实现率(%)\n⑥=⑤/④", "本年度结余金额\n⑦=④-⑤", "资金结余率\n(%)\n⑧=⑦/④"],
            ["", "财政资金小计", *figures], ["", "①中央及省级财政资金"], ["", "②县级财政资金", *figures],
            ["", "其他资金小计"], ["", "合 计", *figures],
            ["一级指标", "二级指标", "三级指标", "指标解释", "绩效目标值", "实际完成值", "指标分值", "得分"],
            ["产出指标", "数量指标", "按月发放工资", "反映工资按月发放情况", "12个月", "12个月", "20", "20"]]
    result = load_bytes(excel_file(rows), "自评表.xlsx")
    assert result.document is not None and not result.errors, [str(p) for p in result.problems]
    project = result.document.projects[0]
    assert (project.name, project.budget.total, project.budget.executed) == ("部门整体支出", Decimal(170), Decimal(153))
    assert dict(project.extras)["县级财政资金/小计"] == "170"
