"""Found by attack22 (2026-12-05) on a fresh server; each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_bytes

runner = CliRunner()

# A 项目支出绩效自评表 with its funds grid (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), as units fill it.
_SELF_EVALUATION = [
    "项目支出绩效自评表", "（2023年度）",
    "项目名称 | 农村饮水工程维修养护 | | | | | |",
    "主管部门 | 某县水利局 | | | 实施单位 | 某县水利局 | |",
    "项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分",
    " | 年度资金总额 | 100 | 120 | {executed} | 10 | {rate} | 9",
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施",
    "产出指标 | 数量指标 | 维修工程数 | ≥10处 | 12处 | 50 | 50 | 无",
    "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 | 无",
]


def _self_evaluation(executed: str = "108", rate: str = "90%") -> bytes:
    return ("\n".join(_SELF_EVALUATION).format(executed=executed, rate=rate) + "\n").encode()


def test_command_line_import_refuses_funds_grid_figures_no_store_holds(tmp_path: Path) -> None:
    # The command line's check of what no store can hold (41 integer and 20 decimal digits) looked at the budget's
    # amounts only, not the funds grid's figures kinds23 typed: `perfbudget import` of a 自评表 whose 全年执行数 or 执行率
    # was 200,000 digits stored it (the web refused it), and each history page of the project then carried 1 MB.
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    for name, table in (("执行数.txt", _self_evaluation(executed="9" * 200_000)),
                        ("执行率.txt", _self_evaluation(rate="9" * 200_000 + "%")),
                        ("小数.txt", _self_evaluation(executed="108." + "1" * 100))):
        path = tmp_path / name
        path.write_bytes(table)
        result = runner.invoke(app, ["import", str(path), "--db", database])
        assert result.exit_code == 1, result.output
        assert "数值位数过多" in result.output and "budget." in result.output, result.output
        assert len(result.output) < 5_000  # the figure is not printed whole
    kept = tmp_path / "kept.txt"
    kept.write_bytes(_self_evaluation(executed="108.5"))
    assert runner.invoke(app, ["import", str(kept), "--db", database]).exit_code == 0


def test_a_funds_grid_warning_shows_a_huge_figure_shortened() -> None:
    # A 执行率 that is not 全年执行数 ÷ 预算数 is warned of at its cell, the figures in the message: a 200,000-digit
    # figure made a 400 KB message (`perfbudget read` printed it; on the web the note was too long to store).
    for table in (_self_evaluation(executed="9" * 200_000), _self_evaluation(rate="9" * 200_000 + "%")):
        result = load_bytes(table, "自评表.txt")
        warned = [p for p in result.problems if p.message.startswith("执行率读作")]
        assert warned and len(warned[0].message) < 300, len(warned[0].message) if warned else result.problems
        assert "共 200000 位" in warned[0].message
    plain = load_bytes(_self_evaluation(executed="100"), "自评表.txt")
    assert any("执行率读作 90%，与全年执行数 100 ÷ 预算数 120（83.33%）不符" in p.message for p in plain.problems)
