"""Hebei's 预算项目绩效自评表 (corpus 74) as a copy gives it, one row a line, cells apart by spaces (kinds47).

* Its execution is written as label–value pairs on one line of the header block (``预算数 6.84 到位数 6.84 执行数 6.84
  100.00``), not as a funds grid: 执行数's figure is the 全年执行数, typed at its cell (readers/execution_pairs.py);
  ``perfbudget evaluate`` refused the table saying 全年执行数 was empty.
* A 折算得分 taken for the score (marks out of 100) is located at its own cell, the mark it replaces at the 得分 cell
  (readers/converted_scores.py); the score kept the 得分 cell's location.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.model import Budget, Problem, Severity, Source
from perfbudget.readers.text import read_text

runner = CliRunner()

HEAD = """成安县民政局2020年度预算项目绩效自评表
一、基本情况 项目名称: 百岁老人高龄津贴 金额单位: 万元
二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)
预算数 6.84 到位数 6.84 执行数 5.70 83.33
"""
INDICATORS = ("四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 "
              "单项指标完成情况 "
              """自评得分
符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分
产出指标 质量指标 覆盖率 享受补贴人数的比例 >= 98 %(百分比) 100% 完成 {a}
效果指标 社会效益指标 补贴发放率 补贴发放完成率 >= 75 %(百分比) 60% 未完成 {b}
""")
WITHIN_POINTS = INDICATORS.format(a="50.00 50.00 25.00", b="32.00 40.00 12.80")
OUT_OF_100 = INDICATORS.format(a="100.00 50.00 50.00", b="80.00 40.00 32.00")


def test_execution_written_as_label_value_pairs_is_typed_at_its_cell() -> None:
    document, problems = read_text(HEAD + WITHIN_POINTS, "t.txt")
    assert document is not None, problems
    project = document.projects[0]
    assert project.budget.total == Decimal("6.84")
    assert project.budget.executed == Decimal("5.70")  # 执行数's figure, not 到位数's
    assert project.budget.rate is None  # 预算执行进度's 83.33 follows 执行数's figure: not paired
    assert project.sources["budget.executed"] == Source("t.txt", line=4, column=6)


def test_a_run_of_heads_pairs_no_label_with_the_figure_after_it() -> None:
    """年初预算数 全年执行数 over (or before) their figures: the figure after 全年执行数 is 年初预算数's, not taken."""
    for funds in ("二、预算执行情况 预算数 6.84\n年初预算数 全年执行数 6.84 5.70\n",
                  "二、预算执行情况 预算数 6.84\n年初预算数 全年执行数\n6.84 5.70\n"):
        document, problems = read_text(HEAD.split("二、")[0] + funds + WITHIN_POINTS, "t.txt")
        assert document is not None, problems
        assert document.projects[0].budget.executed is None, funds


def test_a_score_taken_from_its_converted_score_is_located_at_that_cell() -> None:
    document, problems = read_text(HEAD + OUT_OF_100, "t.txt")
    assert document is not None, problems
    first, second = document.projects[0].indicators
    assert (first.score, second.score) == (Decimal("50.00"), Decimal("32.00"))
    assert second.sources["score"] == Source("t.txt", line=8, column=12)  # the 折算得分 32.00, not the mark 80.00
    assert second.sources["折算前得分"] == Source("t.txt", line=8, column=10)
    assert ("折算前得分", "80.00") in second.extras


def test_evaluate_scores_the_execution_the_pairs_give(tmp_path: Path) -> None:
    path = tmp_path / "自评表.txt"
    path.write_text(HEAD + WITHIN_POINTS, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "-a", str(path)])
    assert result.exit_code == 0, result.output
    assert "全年执行数 5.70万元，执行率 83.33%" in result.output, result.output


def _read_with_funds(funds: str) -> tuple[Budget, list[Problem]]:
    """The table with ``funds`` for its execution line(s) in place of Hebei's pairs."""
    document, problems = read_text(HEAD.split("预算数 ")[0] + funds + WITHIN_POINTS, "t.txt")
    assert document is not None, problems
    return document.projects[0].budget, problems


def test_a_rate_label_pairs_only_a_figure_written_as_a_percentage() -> None:
    """预算执行率 | 分值 | 执行率 | 得分 as a row: the 10 after the label is the 分值, not a rate of 10 %
    (kinds47 mend)."""
    budget, _ = _read_with_funds("预算执行率 10 98% 9.8\n")
    assert budget.rate is None


def test_a_label_opening_a_row_of_several_figures_pairs_none_of_them() -> None:
    """全年执行数 over the columns 财政拨款 | 其他资金 | 合计: its first figure is one source's, not the total (kinds47
    mend); one figure after the label is still its own (``执行数 5.70``)."""
    budget, _ = _read_with_funds("资金 财政拨款 其他资金 合计\n全年执行数 5 1 6\n")
    assert budget.executed is None
    budget, _ = _read_with_funds("全年执行数 5.70\n")
    assert budget.executed == Decimal("5.70")


def test_a_paired_amount_is_read_in_the_tables_money_unit_and_checked_as_the_grids() -> None:
    """``执行数 68400元`` under 金额单位：万元 is 6.84 万元, told; a figure no officer writes is refused at its cell, as
    a grid's (kinds47 mend: 68,400 万元 was read)."""
    budget, problems = _read_with_funds("预算数 6.84 执行数 68400元\n")
    assert budget.executed == Decimal("6.84")
    assert any("68400元" in p.message and p.severity is Severity.WARNING for p in problems), problems
    budget, problems = _read_with_funds("预算数 6.84 执行数 1E+02\n")
    assert budget.executed is None
    assert any("科学计数法" in p.message and p.source == Source("t.txt", line=4, column=4) for p in problems)


def test_a_periods_execution_label_is_never_paired() -> None:
    """1-6月执行数, 截至6月底执行数: a 监控表's figures to the period's end, not the year's 全年执行数 (the pairs look
    their labels up in execution_cells.FIELD_OF_COLUMN, which has no period's column)."""
    for label in ("1-6月执行数", "截至6月底执行数", "上半年执行数"):
        budget, _ = _read_with_funds(f"预算数 6.84 {label} 5.70\n")
        assert budget.executed is None, label
