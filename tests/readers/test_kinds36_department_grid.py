"""Sichuan's 部门整体支出绩效目标申报表 (corpus ``80``'s form) in rows of cells — a Word or Excel table, a text of tab
or pipe cells (kinds36). Its 总体资金情况 grid is a head row (预算支出 | 总额 | 基本支出 | 项目支出), a sub-head row
(合计 | 财政拨款 | 专户资金 | 单位资金 under each group) and a row of amounts. One cell a paragraph (``80``) it was
read by its sum since kinds30; in cells its heads were taken for label–value pairs — refused with 预算数「基本支出」
不是金额 and 财政资金「专户资金」不是金额, the budget lost. It is read as the paragraph form is: the 总额 where 基本支出
合计 and 项目支出 合计 make it, the grid kept as written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Budget, Severity
from perfbudget.readers.department_funds import GRID_LABEL
from tests.readers.word_tables import excel_file, word_file

TITLE = "2024年县级部门整体支出绩效目标申报表"
GRID = [["总体资金情况（万元）", "预算支出", "总额", "基本支出", "", "", "", "项目支出", "", "", ""],
        ["", "", "", "合计", "财政拨款", "专户资金", "单位资金", "合计", "财政拨款", "专户资金", "单位资金"],
        ["", "", "1695.55", "1478.75", "1478.75", "", "", "216.80", "216.80", "", ""]]
REST = [["年度主要任务", "任务名称", "主要内容"],
        ["", "基本支出：人员类、公用经费等运转类支出", "保障人员工资。"],
        ["", "项目支出1：公共文化服务", "组织文化活动。"],
        ["年度总体目标", "丰富群众文化生活。"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "文化活动场次", "≥50场"],
        ["", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]]
MERGES = [(1, 0, 3, 0), (1, 1, 3, 1), (1, 2, 2, 2), (1, 3, 1, 6), (1, 7, 1, 10)]


def _file(form: str, grid: list[list[str]]) -> bytes:
    rows = [["部门名称", "某县文化广电旅游局"], *grid, *REST]
    if form == "docx":
        return word_file(rows, paragraphs=[TITLE], merges=MERGES)
    if form == "xlsx":
        return excel_file([[TITLE], *rows])
    if form == "pipes":  # a web page's copy: the empty cells lost
        return (TITLE + "\n" + "\n".join(" | ".join(c for c in row if c) for row in rows) + "\n").encode()
    return (TITLE + "\n" + "\n".join("\t".join(row) for row in rows) + "\n").encode()


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx"])
def test_the_grid_in_cells_gives_the_departments_budget(form: str) -> None:
    read = load_bytes(_file(form, GRID), f"部门整体.{form if form in ('docx', 'xlsx') else 'txt'}")
    assert read.ok and read.document is not None, [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert project.budget == Budget(total=Decimal("1695.55"))
    grid = dict(project.extras)[GRID_LABEL]
    assert grid.startswith("预算支出 总额 基本支出 项目支出 合计")
    assert grid.endswith("1695.55 1478.75 1478.75 216.80 216.80")
    assert project.goals == ("丰富群众文化生活。",) and len(project.indicators) == 2
    assert ("任务名称", "项目支出1：公共文化服务") in project.extras


@pytest.mark.parametrize("form", ["tabs", "docx"])
def test_a_grid_whose_sum_does_not_decide_the_total_is_an_error(form: str) -> None:
    """总额 1695.55 that no 合计 pair makes (a figure mistyped): no budget, an error at the grid, as one cell a
    paragraph (the columns are known: the error does not say they were lost)."""
    grid = [*GRID[:2], ["", "", "1695.55", "1478.75", "1478.75", "", "", "206.80", "206.80", "", ""]]
    read = load_bytes(_file(form, grid), f"部门整体.{'docx' if form == 'docx' else 'txt'}")
    assert read.document is not None and read.document.projects[0].budget.total is None
    (error,) = [p.message for p in read.problems if p.severity is Severity.ERROR]
    assert error.startswith("部门整体资金表的总额「1695.55」") and "空单元格" not in error
