"""Hunan's 2023 部门整体支出绩效自评表 one cell a paragraph (corpus 212, 衡山县贯塘乡): its department label is
预算部门、单位名称, and its money label's unit note lost its closing bracket (年度预算申请 / (万元). On the base the
label was unknown, so the table began at 自评得分 — after the grid's column heads — and the budget was the first
amount of the 年度资金总额 row, its 年初预算数 861.10 instead of its 全年预算数 2030.12, with no money unit
(kinds46)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.text import read_text

FORM = """2023年度部门整体支出绩效自评表

预算部门、单位名称

某县某乡人民政府

\u3000

年度预算申请

(万元


年初预算数

全年预算数

全年执行数

分值

执行率

自评得分

年度资金总额

861.10

2030.12

2030.12

10

100%

10

年度总体目标

预期目标

实际完成情况

搞好政府各职能部门完成的工作任务监督
"""


def test_a_department_form_one_cell_a_paragraph_reads_its_years_budget_by_the_grids_columns() -> None:
    document, problems = read_text(FORM, "t.txt")
    assert document is not None, problems
    [project] = document.projects
    assert project.name == "部门整体支出"
    assert project.budget.total == Decimal("2030.12")  # 全年预算数, not 年初预算数 861.10
    assert project.budget.initial == Decimal("861.10")
    assert project.budget.executed == Decimal("2030.12")
    assert document.unit.name == "某县某乡人民政府"
    assert document.money_unit == "万元"  # (万元 without its closing bracket is the label's note
    assert document.kind == "self-evaluation"


def test_a_unit_note_missing_its_bracket_only_at_the_texts_end() -> None:
    from perfbudget.readers.labels import money_unit_note

    assert money_unit_note("年度预算申请(万元") == "万元"
    assert money_unit_note("资金(万元)") == "万元"
    assert money_unit_note("补助标准(元/人") is None  # a unit of a rate, not the money unit
    assert money_unit_note("(万元以上的项目") is None


def test_the_department_label_in_each_of_its_wordings() -> None:
    """预算部门名称, and 、单位 or /单位 after 部门 as the (单位) note: each names the department (the unit here)."""
    form = """某县2023年项目支出绩效目标表
项目名称 | 社区养老服务 |
LABEL | 某县民政局 |
资金总额（万元） | 40 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 服务人次 | ≥100人次 |
"""
    for label in ("预算部门名称", "预算部门(单位)名称", "部门、单位名称", "部门/单位名称", "部门／单位名称"):
        document, _ = read_text(form.replace("LABEL", label), "t.txt")
        assert document is not None and document.unit is not None and document.unit.name == "某县民政局", label
