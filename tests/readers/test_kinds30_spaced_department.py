"""A 部门整体 form's text in a PDF's drawing order, its cells apart by spaces and cut before its indicators (corpus 67,
148, Hubei's 部门整体支出绩效目标申报表): refused until kinds30, though a person reads the department's money where
基本支出 and 项目支出 add up to their 合计 — also where the PDF wrapped an amount in its narrow cell (``968.191 8``)
or lost its decimal point (``7242318``)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.spaced_department_form import looks_like_spaced_department_form

_HEAD = ("附件 2: 部门整体支出绩效目标申报表 填报日期:2021 年 1 月 28 日 部门(单位) 名称 填报人 某县人民政府办公室 张三"
         " 财政拨款 收入构成 支出构成 6296906 联系电话 总体资金情况 部门总体 资金情况 单位:万元 当年 金额"
         " 近两年收支金额 占比 年 年 ")
_DUTIES = " (一)负责全县人民防空工作。 (二)围绕县政府的重点工作组织专题调查研究, 部门职能概述 提出建议。\n"
_CUT = "表格在此中断：没有找到指标表头行（一级指标、二级指标、三级指标、指标值），表格被截断，文件可能不完整"


def _read(funds: str):  # type: ignore[no-untyped-def]
    return load_bytes((_HEAD + funds + _DUTIES).encode(), "整体.txt")


def test_the_total_whose_parts_add_up_is_the_departments_budget() -> None:
    result = _read("968.19 其他资金 合计 968.19 100% 基本支出 724.23 74.8% 项目支出 243.96 25.2% 合计 968.19 100%")
    assert result.document is not None, [str(p) for p in result.problems]
    project = result.document.projects[0]
    assert project.name == "部门整体支出" and result.document.money_unit == "万元"
    assert project.budget.total == Decimal("968.19")
    assert dict(project.sources)["budget.total"].column is not None  # located at the 合计's amount
    extras = dict(project.extras)
    assert extras["总体资金情况"] == "基本支出 724.23 74.8% 项目支出 243.96 25.2% 合计 968.19 100%"
    assert extras["部门职能概述"].startswith("(一)负责全县人民防空工作。")
    # cut before its indicators: told, not imported as whole; the unit's name is not guessed from the spaced labels
    assert not project.complete and result.document.unit.name is None
    assert [p.message for p in result.problems if p.severity is Severity.ERROR] == [_CUT]


def test_an_amount_wrapped_in_its_cell_is_joined_where_only_the_joined_reading_adds_up() -> None:
    # 968.191 | 8 is one amount, 7242318 lost its point: 724.2318 + 243.96 = 968.1918, and 74.8 % / 25.2 % agree
    result = _read("968.191 8 其他资金 合计 968.191 8 100% 基本支出 7242318 74.8% 项目支出 243.96 25.2% 合计 968.191 8"
                   " 100%")
    assert result.document is not None
    assert result.document.projects[0].budget.total == Decimal("968.1918")
    assert any("合计「968.191 8」读作 968.1918" in p.message for p in result.problems)


def test_the_years_before_are_not_this_years_money() -> None:
    # 当年金额 | 占比 | 2018年 | 2019年: the amount after each label is this year's (corpus 148)
    result = _read("366.80 其他资金 单位领导审签: 2018 年 2019 年 100% 367.85 482.93 0 0.00% 0 0 合计 366.80 100%"
                   " 367.85 482.93 基本支出 356.80 97.27% 367.85 482.93 项目支出 10 2.73% 0 0 合计 366.80 100%"
                   " 367.85 482.93")
    assert result.document is not None
    assert result.document.projects[0].budget.total == Decimal("366.80")


def test_parts_that_do_not_add_up_give_no_budget_and_say_so() -> None:
    result = _read("968.19 其他资金 合计 968.19 100% 基本支出 700.00 74.8% 项目支出 243.96 25.2% 合计 968.19 100%")
    # no budget: the department's name alone is no project (as for every form), the error says why
    assert result.document is None or all(p.budget.total is None for p in result.document.projects)
    assert any(p.severity is Severity.ERROR and "基本支出与项目支出之和不等于合计" in p.message
               for p in result.problems)
    # a share that contradicts the sum refuses it too (the parts add up, the written shares do not)
    result = _read("基本支出 724.23 25.2% 项目支出 243.96 74.8% 合计 968.19 100%")
    assert result.document is None or all(p.budget.total is None for p in result.document.projects)


def test_a_spaced_form_showing_its_indicator_block_is_not_read_here() -> None:
    # its indicators are there in a layout this reader does not split: no budget-only reading of a whole form
    text = (_HEAD + "基本支出 724.23 74.8% 项目支出 243.96 25.2% 合计 968.19 100% 年度绩效目标 一级指标 二级指标"
            " 三级指标 指标值 产出指标 数量指标 办文数量 ≥500件" + _DUTIES)
    assert not looks_like_spaced_department_form(text)
    assert looks_like_spaced_department_form(_HEAD + "基本支出 724.23 74.8% 项目支出 243.96 25.2% 合计 968.19 100%"
                                             + _DUTIES)
