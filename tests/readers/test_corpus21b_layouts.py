"""Layouts first met in the corpus21b tables (146–148 and r93–r95: Hunan's 部门整体支出绩效自评表 with its parts side
by side, Hubei's 部门整体支出绩效目标申报表 with the two years before beside the year's money, both cut before their
indicators), each stated on a tiny inline text: the shape, not the sample."""

from __future__ import annotations

from perfbudget.readers.text import read_text
from tests.readers.test_corpus16_layouts import _errors

# ---- a 部门整体 table cut before its indicators: the department's money is read, the cut is told ----------------

_HUNAN = ("部门整体支出绩效自评表\n"
          "| 区级预算单位名称 | 某县疾病预防控制中心 | | | | | |\n"
          "| 年度预算申请(万元) | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
          "| | 年度资金总额 | 120 | 120 | 108 | 10 | 90% | 9 |\n"
          "| | 其中:财政拨款 | 120 | 120 | 108 | | 90% | |\n"
          "| 年度总体目标 | 预期目标 | | | | 实际完成情况 | | |\n")


def test_a_department_table_cut_before_its_indicators_is_the_department_with_its_money_and_the_cut() -> None:
    document, problems = read_text(_HUNAN, "d.txt")
    assert document is not None and len(document.projects) == 1
    project = document.projects[0]
    assert project.name == "部门整体支出" and str(project.budget.total) == "120"
    extras = dict(project.extras)
    assert extras["年度资金总额/全年执行数"] == "108" and extras["年度资金总额/得分"] == "9"
    errors = _errors(problems)
    assert any("没有找到指标表头行" in message for message in errors), errors  # the cut is an error: nothing imported


def test_a_county_level_unit_label_names_the_unit() -> None:
    document, _problems = read_text(_HUNAN, "d.txt")
    assert document is not None and document.unit.name == "某县疾病预防控制中心"


def test_a_project_table_cut_before_its_budget_is_still_no_project() -> None:
    # the department rule needs the department's money: a named form cut before its money stays a fragment
    text = "部门整体支出绩效自评表\n| 区级预算单位名称 | 某县某局 |\n| 年度总体目标 | 预期目标 |\n"
    document, _problems = read_text(text, "e.txt")
    assert document is None or not document.projects


# ---- labels side by side in a funds grid: a label ending with a colon is no amount ----------------------------

_PARTS = ("项目名称 | 某某检测经费 | | | | | |\n"
          "项目资金(万元) | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
          "| 年度资金总额 | 20 | 30 | 27 | 10 | 90% | 9 |\n"
          "| 政府性基金拨款: | | | 项目支出: | | 20 | |\n"
          "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
          "产出指标 | 数量指标 | 检测批次 | ≥90批 | 95批 | 10 | 10 | 无 |\n")


def test_a_label_beside_a_fund_row_is_not_taken_for_its_amount() -> None:
    document, problems = read_text(_PARTS, "p.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert str(project.budget.total) == "30"
    labelled = [label for label, _cell in project.extras]
    assert not any(label.startswith("政府性基金拨款/") for label in labelled), project.extras
    # the row's label said to be one by its colon takes the next filled cell (kinds26; until then two unlabelled
    # extras, ('', '项目支出:') and ('', '20'))
    assert ("项目支出", "20") in [(label, str(cell)) for label, cell in project.extras]


# ---- Hubei's 部门总体资金情况: 当年金额 | 占比 | 近两年收支金额, the 合计 row's 当年金额 is the money -------------

_HUBEI = ("部门整体支出绩效目标申报表\n"
          "| 部门(单位)名称 | 某市某局 | | | | |\n"
          "| 总体资金情况 | 部门总体资金情况 | 当年金额 | 占比 | 近两年收支金额 | |\n"
          "| | | | | 2018年 | 2019年 |\n"
          "| 收入构成 | 财政拨款 | 366.80 | 100% | 367.85 | 482.93 |\n"
          "| | 其他资金 | 0 | 0.00% | 0 | 0 |\n"
          "| | 合计 | 366.80 | 100% | 367.85 | 482.93 |\n"
          "| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | |\n"
          "| | 产出指标 | 数量指标 | 参保人数 | ≥1000人 | |\n")


def test_the_years_money_is_the_total_rows_current_amount_not_the_years_before() -> None:
    document, problems = read_text(_HUBEI, "h.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.name == "部门整体支出"
    assert str(project.budget.total) == "366.80" and str(project.budget.fiscal) == "366.80"
    extras = dict(project.extras)
    assert extras["合计/占比"] == "100%" and extras["合计/近两年收支金额（2018年）"] == "367.85"
    assert all(str(cell) != "482.93" or label.endswith("近两年收支金额（2019年）")  # kept, never the budget
               for label, cell in project.extras)
