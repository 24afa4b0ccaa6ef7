"""A 专项债 自评表's money given only in its 债券资金管理指标 row (Shenzhen's form, corpus 55;
readers/bond_funds.py): the figures under 实际支出金额 | 下达额度 | 实际完成值 | 分值 | 得分, the row's merged
heads dropped by the page's copy."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Problem, Project, Severity
from perfbudget.readers.labels import BUDGET_COLUMNS, FUND_COLUMNS
from perfbudget.readers.text import read_text

BOND = """项目名称 | 某街道燃气管道改造工程 | 投向领域 | 老旧小区改造领域 |
项目主管部门 | 某区住房和建设局 | 项目单位 | 某街道办事处 |
当年绩效指标 | 债券资金管理指标(10分) | 总体支出进度 (当年实际支出金额/项目当年下达额度) | \
实际支出 金额 | 下达 额度 | 实际 完成值 | 分值 | 得分 | 偏差原因分析 及改进措施 |
1,437 | 1,500 | 95.8% | 10 | 9 | ||||
一级指标 | 二级指标 | 三级指标 | 目标值 | 实际 完成值 | 分值 | 得分 | 偏差原因分析 及改进措施 |
产出指标 | 数量指标 | 改造住宅区数 | 12个 | 12个 | 45 | 45 | |
满意度指标 | 服务对象满意度指标 | 住户满意度 | ≥90% | 95% | 45 | 45 | |
"""


def test_the_bond_rows_figures_are_the_budget_and_its_execution() -> None:
    """下达额度 1,500 is the budget, 实际支出金额 1,437 the executed amount, 10 and 9 the execution's points (on the
    base the budget was lost without a word, the figures kept as unlabelled extras)."""
    document, problems = read_text(BOND, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    budget = project.budget
    assert (budget.total, budget.executed, budget.weight, budget.score) == (
        Decimal("1500"), Decimal("1437"), Decimal("10"), Decimal("9"))
    assert ("债券资金管理指标/下达额度", "1,500") in project.extras
    assert len(project.indicators) == 2


def test_a_bond_row_one_figure_short_is_not_placed() -> None:
    """Four figures under five value columns: which is whose is not said, no budget taken."""
    document, problems = read_text(BOND.replace("1,437 | 1,500 | 95.8% | 10 | 9 |", "1,437 | 1,500 | 10 | 9 |"),
                                   "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert project.budget.total is None
    assert any("个数不符" in note for note in project.needs_check)


def _read(text: str) -> tuple[Project, list[Problem]]:
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    return project, problems


def test_a_bond_rows_common_variants_are_placed() -> None:
    """The 偏差原因 cell filled, figures with their unit, a 执行率 column: each figure under its head (on the
    branch before its mend each lost the budget without a word)."""
    variants = (
        BOND.replace("| 10 | 9 | ||||", "| 10 | 9 | 部分工程款未到结算期 |"),
        BOND.replace("1,437 | 1,500 |", "1,437万元 | 1,500万元 |"),
        BOND.replace("实际 完成值 | 分值", "执行率 | 分值"),
    )
    for text in variants:
        project, _problems = _read(text)
        assert (project.budget.total, project.budget.executed) == (Decimal("1500"), Decimal("1437")), text
        assert not project.needs_check, project.needs_check
    project, _problems = _read(variants[0])
    assert ("债券资金管理指标/偏差原因分析及改进措施", "部分工程款未到结算期") in project.extras


def test_a_bond_row_not_placed_is_told_at_its_figures() -> None:
    """Heads not known as value columns (使用额度, 发行额度) or a count off: a note and a warning at the figures'
    row (line 4), never a silent loss."""
    for text in (BOND.replace("实际支出 金额 | 下达 额度", "使用额度 | 发行额度"),
                 BOND.replace("1,437 | 1,500 | 95.8% | 10 | 9 |", "1,437 | 1,500 | 10 | 9 |")):
        project, problems = _read(text)
        assert project.budget.total is None
        told = [p for p in problems if "债券资金管理指标行的数值无法对应" in p.message]
        assert told and told[0].severity is Severity.WARNING and told[0].source.line == 4, problems
        assert any("债券资金管理指标行的数值无法对应" in note for note in project.needs_check)


def test_an_allocation_differing_from_the_years_total_is_told() -> None:
    """年度资金总额 2000 and the bond row's 下达额度 1500: the total kept, the difference told."""
    text = BOND.replace("项目单位 | 某街道办事处 |", "项目单位 | 某街道办事处 |\n年度资金总额 | 2000 |")
    project, problems = _read(text)
    assert project.budget.total == Decimal("2000")
    assert any("不一致" in p.message and p.severity is Severity.WARNING for p in problems), problems


def test_a_grid_of_only_a_bond_row_is_told() -> None:
    """A funds grid whose only row is 专项债券资金 (a source the grid does not know): its budget not read, told."""
    lines = BOND.splitlines()
    grid = ["项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
            "专项债券资金 | 1500 | 1500 | 1437 | 10 | 95.8% | 9"]
    project, problems = _read("\n".join([*lines[:2], *grid, *lines[4:]]) + "\n")
    assert project.budget.total is None
    assert any("预算数没有读出" in p.message and p.severity is Severity.WARNING for p in problems), problems


def test_the_bond_heads_are_the_funds_vocabulary() -> None:
    assert "下达额度" in BUDGET_COLUMNS and {"下达额度", "实际支出金额"} <= set(FUND_COLUMNS)
