"""A 部门整体 form cut before its money names its department as a project form names its project (corpus 162's form,
Hubei's provincial 部门整体支出绩效自评表, as pipe rows): until kinds30 such a page read to no project at all, though a
project form cut before its budget is the project its name says. A 部门整体 score sheet naming no department stays
none."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity

_FORM = ("湖北省部门整体支出绩效自评表（2016年度）\n"
         "填报单位 | 某省某厅 | 自评得分 | 86.45\n"
         "联系人 | 张三 | 联系电话 | 027-1234567\n"
         "(一)简要概述部门职能与职责。 | 某省某厅是某省人民政府下设的职能部门\n"
         "(二)部门年度主要任务 | 1.拟定地方性法规草案\n"
         "(三)部门整体支出情况 | 2.掌握影响社会稳定的情况，分析形\n")


def test_a_department_form_cut_before_its_money_is_the_departments_record() -> None:
    result = load_bytes(_FORM.encode(), "整体自评.txt")
    assert result.document is not None
    assert result.document.unit.name == "某省某厅" and result.document.kind == "self-evaluation"
    (project,) = result.document.projects
    assert project.name == "部门整体支出" and project.fund_year == 2016
    assert project.budget.total is None and project.table_total == Decimal("86.45")
    assert not project.complete  # cut: told, never imported as whole
    assert any(p.severity is Severity.ERROR and "表格在此中断" in p.message for p in result.problems)


def test_without_a_department_named_a_cut_department_page_is_no_project() -> None:
    # the same page without its 填报单位 row: the title alone names nothing
    lines = _FORM.splitlines(keepends=True)
    result = load_bytes("".join([lines[0], *lines[2:]]).encode(), "整体自评.txt")
    assert result.document is None or not result.document.projects


def test_a_score_sheet_in_pdf_text_is_told_as_a_score_sheet_at_its_line() -> None:
    # corpus 147: a report's 部门整体支出绩效评价得分表 as PDF text, a level label broken by a space
    text = ("编辑: 某人 | 2019-07-11 |\n部门整体支出绩效自评开展情况：本部门对2017年整体支出开展绩效自评，自评得分\n"
            "90 分。\n2017 年部门整体支出绩效评价得分表 一级指 标 二级指标 三级指标 得分 部门决 策(25 分)"
            " 目标任务(15 分) 相关性(5 分)\n5 明确性(5 分)\n")
    result = load_bytes(text.encode(), "得分表.txt")
    assert result.document is None
    (problem,) = result.problems
    assert problem.source.line == 4 and "绩效评价评分表的表头「一级指标二级指标三级指标得分」" in problem.message
