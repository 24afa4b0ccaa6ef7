"""A 部门整体 table's funds block after its 年度主要任务 grid, under a side label of its own (reading34).

    年度主要任务         | 任务名称 | 主要内容 | 预算金额（万元）
                         | 社会救助 | …        | 800
    部门整体资金（万元） | 年度资金总额 | 1000
                         | 其中：财政拨款 | 950

The grid took every row up to a known header label: 部门整体资金（万元） is none, so its row was a third
task (任务名称 部门整体资金（万元）, 主要内容 年度资金总额, 预算金额 1000) and the department's 总额 was lost — the
table read "ok" with the budget's total empty. A row naming a budget label (年度资金总额, 资金总额, 财政拨款 …)
after its first cell is no task: it ends the grid. One cell a line, the grid with its amount column was not read
at all (its tasks unlabelled texts): it is read task by task now, each task its texts then its amount."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Budget
from tests.readers.word_tables import excel_file, word_file

TITLE = "2024年部门整体支出绩效目标表"
ROWS = [
    ["部门名称", "某县民政局"],
    ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"],
    ["", "社会救助", "保障城乡低保、特困人员基本生活", "800"],
    ["", "养老服务", "发放高龄津贴，运营敬老院", "200"],
    ["部门整体资金（万元）", "年度资金总额", "1000"],
    ["", "其中：财政拨款", "950"],
    ["", "其他资金", "50"],
    ["年度总体目标", "保障困难群众基本生活，提升养老服务水平。"],
    ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    ["", "产出指标", "数量指标", "城乡低保对象人数", "≥5000人"],
    ["", "满意度指标", "服务对象满意度指标", "困难群众满意度", "≥90%"],
]
TASKS = (("任务名称", "社会救助"), ("主要内容", "保障城乡低保、特困人员基本生活"), ("预算金额", "800"),
         ("任务名称", "养老服务"), ("主要内容", "发放高龄津贴，运营敬老院"), ("预算金额", "200"))


def _file(form: str, rows: list[list[str]] = ROWS) -> bytes:
    if form == "docx":
        return word_file(rows, paragraphs=[TITLE])
    if form == "xlsx":
        return excel_file([[TITLE], *rows])
    if form == "lines":  # one cell a line (a web page's copy): the empty cells lost
        return "\n".join([TITLE, *(cell for row in rows for cell in row if cell)]).encode("utf-8") + b"\n"
    separator = " | " if form == "pipes" else "\t"
    return (TITLE + "\n" + "\n".join(separator.join(row) for row in rows) + "\n").encode("utf-8")


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "lines"])
def test_the_funds_block_after_the_tasks_gives_the_budget(form: str) -> None:
    read = load_bytes(_file(form), f"部门整体.{form if form in ('docx', 'xlsx') else 'txt'}")
    assert read.ok and read.document is not None, read.problems
    project = read.document.projects[0]
    # was total=None and a third task 部门整体资金（万元） | 年度资金总额 | 1000
    assert project.budget == Budget(total=Decimal(1000), fiscal=Decimal(950), other=Decimal(50))
    assert project.extras == TASKS
    assert len(project.indicators) == 2


def test_one_cell_a_line_a_task_without_its_content_leaves_the_tasks_as_written() -> None:
    """One cell a line the tasks are read by their amount column too (was: unlabelled texts), task by task; a task
    written without its 主要内容 would shift every cell after it, so none of the tasks is named (nothing guessed)."""
    rows = [row if row[1:2] != ["社会救助"] else ["", "社会救助", "", "800"] for row in ROWS]
    read = load_bytes(_file("lines", rows), "部门整体.txt")
    assert read.ok and read.document is not None, read.problems
    project = read.document.projects[0]
    assert project.budget == Budget(total=Decimal(1000), fiscal=Decimal(950), other=Decimal(50))
    assert not [label for label, _ in project.extras if label in ("任务名称", "主要内容", "预算金额")]
    texts = [text for _, text in project.extras]
    assert texts[-5:] == ["社会救助", "800", "养老服务", "发放高龄津贴，运营敬老院", "200"]
