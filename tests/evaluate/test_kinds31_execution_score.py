"""A 自评表's own 预算执行率 得分 checked against its own figures (kinds31).

A table that gives itself the full 10 points for budget execution at 53 % (its 全年执行数 53 of 100, or a 执行率 written
only in its 评价结论) was scored by perfbudget's rule without a word on the table's own figure; only the totals'
difference was told. Now every face's scoring says so at the table's 得分 cell (rules.md §4: 分值 × min(1, 执行率))."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.evaluate.from_table import execution_score_check
from perfbudget.load import load_bytes
from tests.readers.test_kinds31_stated_execution import GRID, INDICATORS, NAME, TITLE, _closing

runner = CliRunner()


def _table(grid_row: list[str], closing: str = "") -> bytes:
    rows = [*NAME, GRID[0], grid_row, *INDICATORS, ["总分", "", "", "", "", "100", "90", ""],
            *(_closing(closing) if closing else [])]
    return ("\n".join([*TITLE, *(" | ".join(row) for row in rows)]) + "\n").encode()


def _warnings(data: bytes) -> list[str]:
    document = load_bytes(data, "自评表.txt").document
    assert document is not None
    return [p.message for p in execution_score_check(document)]


def test_full_points_at_53_percent_are_told_at_the_score_cell(tmp_path: Path) -> None:
    path = tmp_path / "自评表.txt"
    path.write_bytes(_table(["", "年度资金总额", "100", "100", "", "10", "", "10"], "全年执行率53%，实际支出53万元"))
    result = runner.invoke(app, ["evaluate", str(path), "-a", str(path)])
    assert result.exit_code == 0, result.output
    told = ("自评表.txt:6:第8列: 警告：项目「农村饮水工程维修养护」表中的预算执行率得分为 10（分值 10），"
            "按全年执行数 53 ÷ 预算数 100（53.00%）应为 5.30 分（分值 × 执行率，最高为分值）："
            "表中得分与执行情况不符，请核对预算执行率得分")
    assert told in result.stderr
    assert "得分 5.30/10.00" in result.stdout  # the scoring's own, from the figures the text gives


def test_points_that_fit_the_figures_within_their_rounding_say_nothing() -> None:
    for grid_row in (["", "年度资金总额", "100", "100", "53", "10", "53%", "5"],  # 5.3 written as a whole point
                     ["", "年度资金总额", "100", "100", "53", "10", "53%", "5.30"],
                     ["", "年度资金总额", "100", "100", "120", "10", "120%", "10"],  # no more than its 分值
                     ["", "年度资金总额", "", "", "", "10", "53%", "5.3"]):  # the rate alone: 52.5–53.5 %
        assert _warnings(_table(grid_row)) == [], grid_row


def test_a_written_rate_alone_is_checked_too() -> None:
    assert _warnings(_table(["", "年度资金总额", "", "", "", "10", "", "10"], "项目执行率为53%")) == [
        "项目「农村饮水工程维修养护」表中的预算执行率得分为 10（分值 10），按执行率 53%应为 5.30 分（分值 × 执行率，"
        "最高为分值）：表中得分与执行情况不符，请核对预算执行率得分"]
