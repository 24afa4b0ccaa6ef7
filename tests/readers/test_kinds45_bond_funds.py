"""A 专项债 自评表's money given only in its 债券资金管理指标 row (Shenzhen's form, corpus 55;
readers/bond_funds.py): the figures under 实际支出金额 | 下达额度 | 实际完成值 | 分值 | 得分, the row's merged
heads dropped by the page's copy."""

from __future__ import annotations

from decimal import Decimal

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
