"""A 部门整体 table's 年度主要任务 grid one cell a line under its money columns (kinds37): 任务名称 / 主要内容 /
预算金额 / 总额 / 财政拨款 / 其他资金, then the tasks (with their amounts, or none: a task written without amounts),
then 金额合计 and its amounts. Every cell was kept unlabelled and the 金额合计 unread: the department's budget lost
without a word. The tasks are named where each run of texts fills whole tasks; the 金额合计 is the budget either
way."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Project
from tests.readers.test_kinds32_task_cells import LINES

WITHOUT_AMOUNTS = [*LINES[:5], ["", "农田建设", "建设高标准农田2万亩"], ["", "人员保障", "保障在职人员工资"],
                   *LINES[7:]]
WITH_AMOUNTS = [*LINES[:6], ["", "人员保障", "保障在职人员工资", "120", "120", "0"], *LINES[7:]]
NAMED = [("任务名称", "农田建设"), ("主要内容", "建设高标准农田2万亩"),
         ("任务名称", "人员保障"), ("主要内容", "保障在职人员工资")]
AMOUNTS = [("总额", "300"), ("财政拨款", "280"), ("其他资金", "20"),
           ("总额", "120"), ("财政拨款", "120"), ("其他资金", "0")]


def _read(rows: list[list[str]]) -> Project:
    read = load_bytes(("\n".join(cell for row in rows for cell in row if cell) + "\n").encode(), "部门整体.txt")
    assert read.ok and read.document is not None, [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (Decimal(420), Decimal(400),
                                                                                  Decimal(20))
    assert project.goals == ("完成高标准农田建设2万亩。",) and len(project.indicators) == 2
    return project


@pytest.mark.parametrize(("rows", "expected"), [
    (WITHOUT_AMOUNTS, NAMED),
    (WITH_AMOUNTS, NAMED[:2] + AMOUNTS[:3] + NAMED[2:] + AMOUNTS[3:])], ids=["without-amounts", "with-amounts"])
def test_the_tasks_and_the_total_one_cell_a_line(rows: list[list[str]], expected: list[tuple[str, str]]) -> None:
    project = _read(rows)
    tasks = [pair for pair in project.extras if pair[0] in ("任务名称", "主要内容", "总额", "财政拨款", "其他资金")]
    assert tasks == expected


def test_a_task_without_its_content_leaves_the_tasks_unnamed_but_the_total_read() -> None:
    """kinds32's grid (人员保障 written without its content): which cell is whose is not known one cell a line —
    the task cells kept in order under 年度主要任务, nothing named; the 金额合计 is the budget still."""
    project = _read(LINES)
    kept = [text for key, text in project.extras if key == "年度主要任务"]
    assert kept == ["农田建设", "建设高标准农田2万亩", "300", "280", "20", "人员保障", "120", "120", "0"]
