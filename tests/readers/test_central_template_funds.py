"""The central 项目支出绩效目标申报表's funds block: 项目资金（万元） | 中期资金总额 | 年度资金总额 as columns over one
row per fund. The year's budget is the 年度 column; the 中期 amounts are kept as extras."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Budget
from perfbudget.readers.text import read_text

CENTRAL = (
    "项目支出绩效目标申报表\n（2024年度）\n"
    "项目名称\t信息系统运维\n"
    "主管部门及代码\t[101]某市财政局\t实施单位\t某市财政局信息中心\n"
    "项目资金（万元）\t\t中期资金总额\t年度资金总额\n"
    "\t资金总额\t300\t100\n"
    "\t其中：财政拨款\t280\t90\n"
    "\t其他资金\t20\t10\n"
    "总体目标\t中期目标（2024年-2026年）\t年度目标\n"
    "\t保障系统稳定运行。\t保障系统全年稳定运行。\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
    "\t产出指标\t数量指标\t运维系统数量\t≥5个\n"
)


def test_the_years_budget_is_the_annual_column() -> None:
    document, problems = read_text(CENTRAL, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert project.budget == Budget(total=Decimal("100"), fiscal=Decimal("90"), other=Decimal("10"))
    assert project.sources["budget.total"].line == 6
    assert {("资金总额/中期资金总额", "300"), ("其中财政拨款/中期资金总额", "280"),
            ("其他资金/中期资金总额", "20")} <= set(project.extras)
    assert project.goals == ("保障系统全年稳定运行。",)
    assert document.money_unit == "万元"


def test_a_year_total_labelling_a_row_is_still_a_row() -> None:
    document, problems = read_text(
        "项目名称\t暖通改造\n\t年初预算数\t全年预算数\t全年执行数\n年度资金总额\t43.2\t43.2\t37.24\n"
        "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t改造面积\t≥800平方米\n", "t.txt")
    assert document is not None, problems
    assert document.projects[0].budget.total == Decimal("43.2")
