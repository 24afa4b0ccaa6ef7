"""``perfbudget read`` and ``show`` print every part of a 部门整体 table they read (dept40): its 年度主要任务 grid as a
table, its funds grid and its split by kind of spending as ``label：text`` lines. Until dept40 neither printed any
extra, so the tasks, the funds grid and 人员经费 read from the file were shown nowhere in the terminal."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from tests.readers.test_dept40_department_parts import HEAD, TAIL, TASKS
from tests.readers.word_tables import form_file

GRID = [["部门整体资金（万元）", "资金总额", "财政拨款", "其他资金", "基本支出", "项目支出"],
        ["", "420", "400", "20", "120", "300"], ["其中", "人员经费", "100"], ["", "公用经费", "20"]]


def test_read_and_show_print_the_tasks_and_the_funds_parts(tmp_path: Path) -> None:
    title = ["某县农业农村局2024年部门整体支出绩效目标表"]
    data, name = form_file([*HEAD, *TASKS, *GRID, *TAIL], title, "tabs", "部门整体")
    source = tmp_path / name
    source.write_bytes(data)
    db = f"sqlite:///{tmp_path / 'p.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(source), "--db", db]).exit_code == 0
    for args in (["read", str(source)], ["show", "1", "--db", db]):
        result = runner.invoke(app, args, terminal_width=200)
        assert result.exit_code == 0, result.output
        out = result.output
        assert "年度主要任务" in out and "农田建设" in out and "建设高标准农田" in out  # the grid, a row a task
        assert "人员经费：100" in out and "公用经费：20" in out
        grid = "部门整体资金（万元） 资金总额 财政拨款 其他资金 基本支出 项目支出 420 400 20 120 300"
        assert f"总体资金情况：{grid}" in out
        assert "预算数 420万元（财政资金 400万元，其他资金 20万元）" in out
