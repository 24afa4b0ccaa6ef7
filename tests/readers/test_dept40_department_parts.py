"""A 部门整体 table as units edit it (dept40): each part read, none read "ok" into the wrong place.

* the 年度主要任务 grid with one amount column, one cell a line: its 金额合计 is the budget (it stayed two unlabelled
  texts, the budget lost, the table "ok");
* the funds split by kind of spending (其中 | 人员经费 | 100, 按支出性质分：基本支出 | 120) after the grids: each part
  under its name (right after the tasks they were read as tasks: 任务名称 ``其中``, 主要内容 ``人员经费``);
* a funds grid one column a source (资金总额 | 财政拨款 | 其他资金 | 基本支出 | 项目支出): 财政拨款 and 其他资金 are the
  budget's fiscal and other money (only the total was read);
* the money unit a grid's head notes (预算金额（元）, 部门整体资金（万元）): the table's (it had none).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Project, Severity
from tests.readers.word_tables import form_file, word_file

FORMS = ["tabs", "pipes", "lines", "docx"]
CELL_FORMS = ["tabs", "pipes", "docx"]  # (one cell a line, which cell follows a label is not the row's)
HEAD = [["部门名称", "某县农业农村局"]]
PRICED = [["年度主要任务", "任务名称", "主要内容", "预算金额（元）"],
          ["", "农田建设", "建设高标准农田", "3000000"], ["", "人员保障", "保障在职人员工资", "1200000"],
          ["金额合计", "", "", "4200000"]]
TASKS = [["年度主要任务", "任务名称", "主要内容"], ["", "农田建设", "建设高标准农田"]]
TAIL = [["年度总体目标", "完成高标准农田建设2万亩。"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        ["", "产出指标", "数量指标", "高标准农田建设面积", "≥2万亩"],
        ["", "满意度指标", "服务对象满意度指标", "农户满意度", "≥90%"]]


def _read(rows: list[list[str]], form: str) -> tuple[Project, str | None]:
    title = ["某县农业农村局2024年部门整体支出绩效目标表"]
    read = load_bytes(*form_file([*HEAD, *rows, *TAIL], title, form, "部门整体"))
    assert read.ok and read.document is not None, [str(p) for p in read.problems]
    assert not [p for p in read.problems if p.severity is not Severity.INFO]
    (project,) = read.document.projects
    assert len(project.indicators) == 2
    return project, read.document.money_unit


def _named(project: Project, *keys: str) -> list[tuple[str, str]]:
    return [(key, text) for key, text in project.extras if key in keys]


@pytest.mark.parametrize("form", FORMS)
def test_the_tasks_total_is_the_budget_in_the_unit_their_amount_head_notes(form: str) -> None:
    project, money_unit = _read(PRICED, form)
    assert project.budget.total == Decimal("4200000")
    assert money_unit == "元"
    assert _named(project, "任务名称", "预算金额") == [("任务名称", "农田建设"), ("预算金额", "3000000"),
                                                      ("任务名称", "人员保障"), ("预算金额", "1200000")]
    assert not [text for key, text in project.extras if not key]  # no unlabelled 金额合计 or amount


@pytest.mark.parametrize("form", CELL_FORMS)
def test_the_split_by_kind_of_spending_after_the_funds_grid_is_no_task(form: str) -> None:
    grid = [["年度预算（万元）", "基本支出", "项目支出", "合计"], ["", "120", "300", "420"],
            ["其中", "人员经费", "100"], ["", "公用经费", "20"]]
    project, money_unit = _read([*TASKS, *grid], form)
    assert project.budget.total == Decimal("420") and money_unit == "万元"
    assert _named(project, "任务名称", "主要内容") == [("任务名称", "农田建设"), ("主要内容", "建设高标准农田")]
    assert _named(project, "人员经费", "公用经费") == [("人员经费", "100"), ("公用经费", "20")]


@pytest.mark.parametrize("form", CELL_FORMS)
def test_the_split_under_the_funds_block_keeps_each_part_under_its_name(form: str) -> None:
    funds = [["部门整体资金（万元）", "年度资金总额", "420"], ["", "其中：财政拨款", "400"], ["", "其他资金", "20"],
             ["", "按支出性质分：基本支出", "120"], ["", "项目支出", "300"]]
    project, _ = _read([*TASKS, *funds], form)
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (
        Decimal("420"), Decimal("400"), Decimal("20"))
    assert _named(project, "基本支出", "项目支出") == [("基本支出", "120"), ("项目支出", "300")]
    assert not [text for key, text in project.extras if not key]


@pytest.mark.parametrize("form", FORMS)
def test_a_funds_grid_one_column_a_source_gives_the_fiscal_and_other_money(form: str) -> None:
    grid = [["部门整体资金（万元）", "资金总额", "财政拨款", "其他资金", "基本支出", "项目支出"],
            ["", "420", "400", "20", "120", "300"]]
    project, money_unit = _read([*TASKS, *grid], form)
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (
        Decimal("420"), Decimal("400"), Decimal("20"))
    assert money_unit == "万元"


def _department(year: int, total: int) -> list[list[str]]:
    return [[f"某县农业农村局{year}年部门整体支出绩效目标表"], *HEAD,
            ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"],
            ["", "农田建设", "建设高标准农田", str(total - 120)],
            ["", "人员保障", "保障在职人员工资", "120"], ["金额合计", "", "", str(total)], *TAIL]


PROJECT = [["项目支出绩效目标表"], ["项目名称", "高标准农田建设"], ["主管部门", "某县农业农村局"],
           ["项目资金（万元）", "年度资金总额", "300"], ["年度绩效目标", "建设高标准农田2万亩。"], *TAIL[1:]]


@pytest.mark.parametrize("form", ["docx", "tabs"])
@pytest.mark.parametrize(("second", "wanted"), [
    (_department(2024, 420), [("部门整体支出", 2023, Decimal("400")), ("部门整体支出", 2024, Decimal("420"))]),
    (PROJECT, [("部门整体支出", 2023, Decimal("400")), ("高标准农田建设", None, Decimal("300"))]),
], ids=["two-years", "then-a-project"])
def test_each_form_in_one_table_starts_at_its_title(form: str, second: list[list[str]],
                                                      wanted: list[tuple[str, int | None, Decimal]]) -> None:
    rows = [*_department(2023, 400), *second]
    if form == "docx":  # the titles merged across the Word table, as units write them
        width = max(len(row) for row in rows)
        data = word_file([[*row, *[""] * (width - len(row))] for row in rows],
                         merges=[(k, 0, k, width - 1) for k, row in enumerate(rows) if len(row) == 1])
        read = load_bytes(data, "部门整体.docx")
    else:
        read = load_bytes(*form_file(rows, [], form, "部门整体"))
    assert read.ok and read.document is not None, [str(p) for p in read.problems]
    got = [(p.name, p.fund_year, p.budget.total) for p in read.document.projects]
    assert got == wanted
    for project in read.document.projects:  # no title joined to an indicator's name, no header read as indicators
        assert [i.level3 for i in project.indicators] == [row[3] for row in TAIL[2:]]


@pytest.mark.parametrize("form", CELL_FORMS)
def test_a_task_named_like_a_kind_of_spending_stays_a_task(form: str) -> None:
    """The lead's reread: a 年度主要任务 row 人员经费 | | 100 ended the grid (a split by kind of spending), the rest of
    the tasks unlabelled and the 金额合计, the budget, lost with the table "ok". Before the total, a part's name
    without 其中 is a task; after it (or after 其中) the split."""
    tasks = [["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"], ["", "人员经费", "", "100"],
             ["", "公用经费", "", "20"], ["", "农田建设", "建设高标准农田", "300"], ["金额合计", "", "", "420"],
             ["其中", "人员经费", "100"]]
    project, _ = _read(tasks, form)
    assert project.budget.total == Decimal("420")
    assert _named(project, "任务名称") == [("任务名称", "人员经费"), ("任务名称", "公用经费"), ("任务名称", "农田建设")]
    assert _named(project, "人员经费") == [("人员经费", "100")]


@pytest.mark.parametrize("form", FORMS)
def test_a_grid_of_more_sources_than_fiscal_and_other_keeps_its_total_alone(form: str) -> None:
    """The lead's reread: 资金总额 | 财政拨款 | 政府性基金 | 其他资金 took 300 and 20 as the fiscal and other money of
    420, and the review's fund-arithmetic said 「预算数420万元不等于…320万元」 on a sound table. The two are taken
    only where they make the total."""
    grid = [["部门整体资金（万元）", "资金总额", "财政拨款", "政府性基金", "其他资金", "基本支出", "项目支出"],
            ["", "420", "300", "100", "20", "120", "300"]]
    project, _ = _read([*TASKS, *grid], form)
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (Decimal("420"), None, None)


@pytest.mark.parametrize("form", CELL_FORMS)
def test_a_bare_split_after_a_grid_without_amounts_is_no_task(form: str) -> None:
    """The lead's second reread: after the first mend a part and its amount (基本支出 | 120) after a grid of
    任务名称 | 主要内容 only, no 金额合计, was a task again (任务名称 基本支出, 主要内容 120), status ok. A grid
    without a money column has no task with a figure: such a row is the split."""
    project, _ = _read([*TASKS, ["", "基本支出", "120"], ["", "项目支出", "300"]], form)
    assert _named(project, "任务名称", "主要内容") == [("任务名称", "农田建设"), ("主要内容", "建设高标准农田")]
    assert _named(project, "基本支出", "项目支出") == [("基本支出", "120"), ("项目支出", "300")]


@pytest.mark.parametrize("form", CELL_FORMS)
def test_a_task_named_like_a_part_stays_a_task_under_any_amount_head(form: str) -> None:
    """The lead's third reread: under 金额（万元）, a head the grid does not know as money, the second mend took
    人员经费 | | 100 for the split again (the grid "without amounts"): only a grid of text columns alone is."""
    tasks = [["年度主要任务", "任务名称", "主要内容", "金额（万元）"], ["", "人员经费", "", "100"],
             ["", "农田建设", "建设高标准农田", "300"], ["金额合计", "", "", "400"]]
    project, _ = _read(tasks, form)
    assert _named(project, "任务名称") == [("任务名称", "人员经费"), ("任务名称", "农田建设")]
    assert not _named(project, "人员经费")
