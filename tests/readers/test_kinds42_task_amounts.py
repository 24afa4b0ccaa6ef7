"""A 部门整体 table's 年度主要任务 grid whose amount column is named as units name it (kinds42).

``任务名称 | 主要内容 | 金额（万元）`` (or 资金安排, 预算资金 …) over the tasks and their 金额合计:
the column was no money head (``task_grid.is_money_head`` knew 预算金额, 总额, 财政拨款, 其他资金
and the funds columns only), so the tasks' amounts were kept under the column's name, the 金额合计
as an extra ``金额合计/金额``, and the department had no budget and, where only that head noted
it, no money unit — the table read "ok". One cell a line, every cell of the grid stayed an
unlabelled text. The column is the tasks' amount now, its 金额合计 the budget, in every form.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_bytes, load_path
from tests.readers.test_dept40_department_parts import HEAD, TAIL, _read
from tests.readers.word_tables import form_file

FORMS = ["tabs", "pipes", "lines", "docx"]
TITLE = ["某县农业农村局2024年部门整体支出绩效目标表"]


def _tasks(head: str) -> list[list[str]]:
    return [["年度主要任务", "任务名称", "主要内容", head],
            ["", "农田建设", "建设高标准农田", "300"], ["", "人员保障", "保障在职人员工资", "120"],
            ["金额合计", "", "", "420"]]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("head", "unit"), [("金额（万元）", "万元"), ("资金安排（万元）", "万元"),
                                            ("预算资金（万元）", "万元"), ("资金安排", None), ("预算资金", None),
                                            ("金额", None)])
def test_the_tasks_amount_column_gives_the_budget_and_its_unit(head: str, unit: str | None, form: str) -> None:
    project, money_unit = _read(_tasks(head), form)
    assert project.budget.total == Decimal(420)
    assert money_unit == unit
    column = head.split("（")[0]
    assert [(key, text) for key, text in project.extras if key in ("任务名称", column)] == [
        ("任务名称", "农田建设"), (column, "300"), ("任务名称", "人员保障"), (column, "120")]
    assert not [key for key, _ in project.extras if not key or key.startswith("金额合计")]


@pytest.mark.parametrize("form", ["tabs", "docx"])
def test_an_amount_column_beside_the_funds_columns_is_their_total(form: str) -> None:
    """金额 | 财政拨款 | 其他资金 under 预算金额: 金额 is the total, the others the budget's fiscal and other money."""
    rows = [["年度主要任务", "任务名称", "主要内容", "预算金额", "", ""],
            ["", "", "", "金额", "财政拨款", "其他资金"],
            ["", "农田建设", "建设高标准农田", "300", "280", "20"],
            ["金额合计", "", "", "300", "280", "20"]]
    project, _ = _read(rows, form)
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (
        Decimal(300), Decimal(280), Decimal(20))


@pytest.mark.parametrize("to", ["xlsx", "docx", "html"])
def test_the_grid_reads_back_the_same_from_every_export(to: str, tmp_path: Path) -> None:
    data, name = form_file([*HEAD, *_tasks("金额（万元）"), *TAIL], TITLE, "tabs", "部门整体")
    source = tmp_path / name
    source.write_bytes(data)
    out = tmp_path / f"导出.{to}"
    result = CliRunner().invoke(app, ["export", str(source), "--to", to, "-o", str(out)])
    assert result.exit_code == 0, result.output
    read, back = load_path(source), load_path(out)
    assert back.ok and back.document is not None and read.document is not None, back.problems
    assert back.document.projects[0].budget == read.document.projects[0].budget
    assert back.document.projects[0].extras == read.document.projects[0].extras


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx"])
def test_the_split_after_the_total_keeps_project_spending_under_its_name(form: str) -> None:
    """其中 | 人员经费 | 公用经费 | 项目经费 under the 金额合计: 项目经费 | 300 stayed two unlabelled texts."""
    split = [["其中", "人员经费", "100"], ["", "公用经费", "20"], ["", "项目经费", "300"]]
    project, _ = _read([*_tasks("金额（万元）"), *split], form)
    assert project.budget.total == Decimal(420)
    assert [(key, text) for key, text in project.extras if key.endswith("经费")] == [
        ("人员经费", "100"), ("公用经费", "20"), ("项目经费", "300")]
    assert not [text for key, text in project.extras if not key]


@pytest.mark.parametrize("label", ["部门职能", "部门（单位）职能", "单位主要职能"])
@pytest.mark.parametrize("form", ["tabs", "pipes", "docx"])
def test_the_departments_functions_row_is_kept_under_its_label(label: str, form: str) -> None:
    """部门职能 | 负责…: the brief name of 部门职能职责概述 (it and its text were two unlabelled extras)."""
    read = load_bytes(*form_file([*HEAD, [label, "负责全县农业农村工作。"], *_tasks("金额（万元）"), *TAIL], TITLE,
                                 form, "部门整体"))
    assert read.document is not None
    (project,) = read.document.projects
    assert (label.replace("（单位）", ""), "负责全县农业农村工作。") in project.extras
    assert not [text for key, text in project.extras if not key]


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx"])
def test_a_grid_headed_by_the_functions_column_gives_no_label(form: str) -> None:
    """A guard: Fujian's 年度履职目标 grid (corpus 102) heads its first column 部门职能 — no 部门职能 = 年度目标任务,
    and the grid's heads and cells (its 49.8) are all still read."""
    grid = [["年度履职目标", "部门职能", "年度目标任务", "支出项目名称", "预算金额（万元）"],
            ["", "组织编纂地方志", "完成年鉴出版", "年鉴出版经费", "49.8"]]
    read = load_bytes(*form_file([*HEAD, *grid, *TAIL], TITLE, form, "部门整体"))
    assert read.document is not None
    extras = read.document.projects[0].extras
    assert not [text for key, text in extras if key == "部门职能"]
    texts = [text for _, text in extras]
    for cell in ("部门职能", "年度目标任务", "组织编纂地方志", "完成年鉴出版", "年鉴出版经费", "49.8"):
        assert cell in texts, (cell, extras)
