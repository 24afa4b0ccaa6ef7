"""A 部门整体 table's funds grid after its 年度主要任务 grid, as units write it (kinds37; kinds36's Noticed
(2)). ``年度预算（万元） | 基本支出 | 项目支出 | 合计`` over its amounts, or one part a row
(``部门整体支出预算 | 合计 | 420`` / ``基本支出 | 120`` / ``项目支出 | 300``), was read as more tasks — the
department's budget unread without a word; with its 资金总额 first it read, its side label left as a task's name.
Each amount is read under its own label (the total is the 合计's, checked against 基本支出 + 项目支出), the side
label kept with the grid."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.department_funds import GRID_LABEL
from tests.readers.word_tables import form_file

TITLE = "部门整体支出绩效目标表"
TASKS = [["部门名称", "某县农业农村局"], ["年度主要任务", "任务名称", "主要内容"],
         ["", "农田建设", "建设高标准农田2万亩"], ["", "人员保障", "保障在职人员工资"]]
TAIL = [["年度总体目标", "完成高标准农田建设2万亩。"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "高标准农田建设面积", "≥2万亩"],
        ["", "满意度指标", "服务对象满意度指标", "农户满意度", "≥90%"]]
TOTAL_LAST = [["年度预算（万元）", "基本支出", "项目支出", "合计"], ["", "120", "300", "420"]]
ONE_A_ROW = [["部门整体支出预算", "合计", "420"], ["", "基本支出", "120"], ["", "项目支出", "300"]]
TOTAL_FIRST = [["年度预算（万元）", "合计", "基本支出", "项目支出"], ["", "420", "120", "300"]]
WANTED_TASKS = [("任务名称", "农田建设"), ("主要内容", "建设高标准农田2万亩"),
                ("任务名称", "人员保障"), ("主要内容", "保障在职人员工资")]


def _file(form: str, grid: list[list[str]]) -> tuple[bytes, str]:
    return form_file([*TASKS, *grid, *TAIL], [TITLE], form, "部门整体")


@pytest.mark.parametrize("form", ["tabs", "pipes", "lines", "docx"])
@pytest.mark.parametrize("grid", [TOTAL_LAST, ONE_A_ROW, TOTAL_FIRST], ids=["total-last", "one-a-row", "total-first"])
def test_the_funds_grid_after_the_tasks_gives_the_budget(form: str, grid: list[list[str]]) -> None:
    read = load_bytes(*_file(form, grid))
    assert read.ok and read.document is not None, [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert project.budget.total == Decimal("420")
    tasks = [(key, text) for key, text in project.extras if key in ("任务名称", "主要内容")]
    assert tasks == WANTED_TASKS  # no grid label or amount taken for a task
    written = dict(project.extras)[GRID_LABEL]
    assert written.split()[0] == grid[0][0] and "420" in written  # the side label kept with its grid
    assert not [p for p in read.problems if p.severity is not Severity.INFO and "项目名称" not in p.message]


@pytest.mark.parametrize("grid", [
    [["年度预算（万元）", "基本支出", "项目支出", "合计"], ["", "120", "310", "420"]],
    [["部门整体支出预算", "合计", "420"], ["", "基本支出", "120"], ["", "项目支出", "310"]]], ids=["columns", "rows"])
def test_a_total_its_parts_do_not_make_is_read_as_written_and_warned_of(grid: list[list[str]]) -> None:
    read = load_bytes(*_file("tabs", grid))
    assert read.document is not None
    assert read.document.projects[0].budget.total == Decimal("420")
    (warning,) = [p for p in read.problems if p.severity is Severity.WARNING and "部门整体资金表" in p.message]
    assert "「420」不等于基本支出「120」与项目支出「310」之和" in warning.message
    assert warning.source.line == (7 if grid[0][1] == "基本支出" else 6)  # the 420's line
