"""Leftovers of reading42 read as a person reads them (reading43).

* ``年度目标 | 目标1：… | 目标2：…``: a numbered goal list laid out in the cells of the goal's row kept its first goal
  only (the second an unlabelled text); each numbered cell is a goal now. A second cell without the list's next
  number may be another column (中期 and 年度, a result) and stays as it was.
* A funds grid row ``其中：财政拨款 | 8 | 7 …`` keeps its cells as ``其中财政拨款/全年执行数``, as the table writes it
  (the branch left the 其中 off and took it back: the extras are in a stored version's content hash), and an export
  prints each row as written.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_bytes, load_path
from perfbudget.model import Project, Severity
from tests.readers.word_tables import form_file

HEAD = [["项目名称", "社区服务经费"], ["主管部门", "某区民政局"], ["年度资金总额", "10"]]
INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "服务活动次数", "≥12次"],
              ["满意度指标", "服务对象满意度指标", "居民满意度", "≥95%"]]
GOAL_1 = "目标1：开展社区服务活动12次"
GOAL_2 = "目标2：居民满意度达到95%"


def _project(rows: list[list[str]], form: str, title: str = "2024年项目支出绩效目标表") -> Project:
    read = load_bytes(*form_file(rows, [title], form, "表"))
    assert read.document is not None, [str(p) for p in read.problems]
    assert not [p for p in read.problems if p.severity is Severity.ERROR], [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert len(project.indicators) == 2
    return project


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
@pytest.mark.parametrize(("label", "goals"), [
    ("年度目标", [GOAL_1, GOAL_2]),
    ("年度绩效目标", ["1.开展社区服务活动12次；", "2.居民满意度达到95%；", "3.全年无安全事故。"]),
])
def test_a_numbered_goal_list_in_the_cells_of_the_goals_row(form: str, label: str, goals: list[str]) -> None:
    project = _project([*HEAD, [label, *goals], *INDICATORS], form)
    # (a goal keeps its 目标1： as written; a bare list number 1. is the model's to leave off, as for goals one a line)
    assert list(project.goals) == [goal.removeprefix(f"{k}.") for k, goal in enumerate(goals, 1)]
    assert not any(cell in goals for _, cell in project.extras)


@pytest.mark.parametrize("form", ["tabs", "pipes"])
def test_a_numbered_goal_row_after_a_notices_label_lines(form: str) -> None:
    """The label lines of a notice (项目名称：…), then the goal's row in cells, then the indicator table."""
    separator = "\t" if form == "tabs" else " | "
    lines = ["2024年项目支出绩效目标表", "项目名称：社区服务经费", "主管部门：某区民政局", "年度资金总额：10万元",
             separator.join(["年度目标", GOAL_1, GOAL_2]), *(separator.join(row) for row in INDICATORS)]
    read = load_bytes(("\n".join(lines) + "\n").encode(), "表.txt")
    assert read.document is not None
    (project,) = read.document.projects
    assert list(project.goals) == [GOAL_1, GOAL_2]
    assert not any("分在几个表格" in p.message for p in read.problems)


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
@pytest.mark.parametrize("second", ["开展社区服务活动12次", "目标3：全年无安全事故", "1.全年无安全事故"])
def test_a_second_goal_cell_without_the_lists_next_number_is_no_goal(form: str, second: str) -> None:
    """``年度目标 | 目标1：… | 开展…`` (no number), ``目标1 … | 目标3 …`` (not the next) or ``目标1 … | 1.…`` (another
    list): which column the second text is is not said, and it stays as the reader kept it (not a goal)."""
    project = _project([*HEAD, ["年度目标", GOAL_1, second], *INDICATORS], form)
    assert list(project.goals) == [GOAL_1]


GRID = [["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "10", "10", "9", "10", "90%", "9"],
        ["", "其中：当年财政拨款", "8", "8", "7", "—", "87.5%", "—"],
        ["", "上年结转资金", "0", "0", "0", "—", "—", "—"],
        ["", "其他资金", "2", "2", "2", "—", "100%", "—"]]
SELF_INDICATORS = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                   ["产出指标", "数量指标", "服务活动次数", "≥12次", "12次", "50", "50"],
                   ["满意度指标", "服务对象满意度指标", "居民满意度", "≥95%", "96%", "10", "10"]]


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx"])
def test_a_funds_grid_rows_extras_keep_its_name_as_the_table_writes_it(form: str) -> None:
    """``其中：当年财政拨款 | 8 | 8 | 7 …`` keeps its cells as ``其中当年财政拨款/全年执行数``, as 0e435d37 kept
    them: the extras are in a stored version's content hash, and a row renamed made a re-import of an unchanged
    (approved) table a new version, a 草稿 again (the mend of reading43's rename)."""
    rows = [["项目名称", "社区服务经费"], *GRID, ["年度总体目标", "预期目标", "实际完成情况"],
            ["", "开展社区服务活动12次", "已完成"], *SELF_INDICATORS]
    project = _project(rows, form, "2024年度项目支出绩效自评表")
    extras = dict(project.extras)
    assert (extras["其中当年财政拨款/全年执行数"], extras["其中当年财政拨款/执行率"]) == ("7", "87.5%")
    assert not any(label.startswith("当年财政拨款") for label, _ in project.extras)
    assert (project.budget.total, project.budget.fiscal, project.budget.executed) == (10, 8, Decimal(9))


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx"])
def test_the_notes_quote_a_funds_row_as_the_table_writes_it(form: str) -> None:
    """A note naming a funds row quotes it as the forms write a part (其中：当年财政拨款), not a name the table does
    not use (其中当年财政拨款, the label's key without its colon; 当年财政拨款 while the branch renamed the row)."""
    def notes(fiscal: list[str], total_points: tuple[str, str] = ("10", "9")) -> list[str]:
        grid = [list(row) for row in GRID]
        grid[1][5], grid[1][7] = total_points
        grid[2] = ["", "其中：当年财政拨款", *fiscal]
        rows = [["项目名称", "社区服务经费"], *grid, ["年度总体目标", "预期目标", "实际完成情况"],
                ["", "开展社区服务活动12次", "已完成"], *SELF_INDICATORS]
        read = load_bytes(*form_file(rows, ["2024年度项目支出绩效自评表"], form, "自评表"))
        assert read.document is not None
        return [p.message for p in read.problems] + list(read.document.projects[0].needs_check)

    # the execution's 分值 and 得分 written on the fiscal row only (execution_cells)
    assert "资金表的合计行没有填写预算执行率的分值，取自「其中：当年财政拨款」行：10" in notes(
        ["8", "8", "7", "10", "87.5%", "8.75"], ("—", "—"))
    if form != "docx":  # a row one figure short of its columns (a Word table keeps the empty cell)
        # a project's needs_check is in its stored version's content hash: its wording stays 0e435d37's (the row's
        # key), or a re-import of an unchanged approved table would be a new version
        short = notes(["8", "8", "7", "10", "8.75"])
        assert "「其中当年财政拨款」行比资金表的列少一个数：按执行数、执行率与得分的算术，读作「执行率」一栏为空" \
            in short


@pytest.mark.parametrize("form", ["html", "xlsx"])
@pytest.mark.parametrize(("written", "name"), [
    ("其中：当年财政拨款", "其中当年财政拨款"), ("当年财政拨款", "当年财政拨款")])
def test_an_exported_funds_grid_prints_its_rows_as_written_and_reads_back_the_same(
        tmp_path: Path, form: str, written: str, name: str) -> None:
    """The writer prints the grid's rows by their names, as the table writes them: a row the unit wrote plainly
    (当年财政拨款) is never printed as a part (其中：当年财政拨款), and the file reads back to the same project."""
    grid = [[written if cell == "其中：当年财政拨款" else cell for cell in row] for row in GRID]
    rows = [["项目名称", "社区服务经费"], *grid, ["年度总体目标", "预期目标", "实际完成情况"],
            ["", "开展社区服务活动12次", "已完成"], *SELF_INDICATORS]
    source = tmp_path / "自评表.txt"
    source.write_bytes(form_file(rows, ["2024年度项目支出绩效自评表"], "tabs", "自评表")[0])
    out = tmp_path / f"导出.{form}"
    result = CliRunner().invoke(app, ["export", str(source), "--to", form, "-o", str(out)])
    assert result.exit_code == 0, result.output
    read, back = load_path(source).document, load_path(out).document
    assert read is not None and back is not None
    (before,), (after,) = read.projects, back.projects
    # (a figure may come back with its column's decimals, 0 → 0.00: the writer's number format, faces-w)
    assert (after.budget, sorted(label for label, _ in after.extras)) == (
        before.budget, sorted(label for label, _ in before.extras))
    assert dict(after.extras)[f"{name}/全年执行数"] == "7"
    printed = out.read_text(encoding="utf-8") if form == "html" else _sheet_text(out)
    assert name in printed and "其中：" not in printed


def _sheet_text(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return "\n".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                     for cell in row if cell is not None)
