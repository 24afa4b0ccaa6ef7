"""Readable Chinese summaries of a document for the terminal (Rich).

Every text of the document is the file's, so it is never read as Rich markup (a purpose holding 「[/red]」 made
`perfbudget read` a traceback) nor highlighted (Rich's highlighter is quadratic in a run of digits: an amount or a
name of 200,000 digits took minutes), until hostile20 (2026-12-05)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from perfbudget.cli.common import shown_name
from perfbudget.kind_labels import document_kind_label
from perfbudget.model import Budget, Document, Project
from perfbudget.readers.cell_comments import COMMENT_LABEL, project_comments
from perfbudget.target import format_decimal
from perfbudget.writers.task_block import task_block

_DIRECTION = {"positive": "正向", "reverse": "反向", "exact": "等于"}


def money(value: object, unit: str | None) -> str:
    if value is None:
        return "—"
    from decimal import Decimal

    assert isinstance(value, Decimal)
    return f"{format_decimal(value)}{unit or ''}"


def budget_line(budget: Budget, unit: str | None) -> str:
    return (f"预算数 {money(budget.total, unit)}（财政资金 {money(budget.fiscal, unit)}，"
            f"其他资金 {money(budget.other, unit)}）")


def stated_line(project: Project, unit: str | None) -> str | None:
    """What a table says of itself (kinds24): a 监控表's period and the execution to it, a 自评表's own total and
    grade; None for a table that says neither."""
    budget = project.budget
    if project.month is not None:
        rate = "" if budget.rate is None else f"（执行率 {budget.rate}%）"
        spent = "" if budget.executed is None else money(budget.executed, unit)
        executed = f"，1-{project.month}月执行数 {spent}{rate}" if spent else ""
        return f"监控期间：1-{project.month}月{executed}"
    parts = ([f"表中自评得分 {project.table_total} 分"] if project.table_total is not None else []) + (
        [f"评价等级 {project.table_grade}"] if project.table_grade is not None else [])
    return "，".join(parts) if parts else None


def project_table(project: Project) -> Table:
    table = Table(show_lines=False, header_style="bold", expand=False)
    for column in ("一级指标", "二级指标", "三级指标", "指标值", "类型/方向"):
        table.add_column(column, overflow="fold")
    previous = ("", "")
    for indicator in project.indicators:
        level1 = indicator.level1 if indicator.level1 != previous[0] else ""
        level2 = indicator.level2 if (indicator.level1, indicator.level2) != previous else ""
        previous = (indicator.level1, indicator.level2)
        target = indicator.target
        kind = "定性" if target.kind.value == "qualitative" else _DIRECTION.get(
            target.direction.value if target.direction else "", "")
        table.add_row(Text(level1), Text(level2), Text(indicator.level3), Text(target.raw), kind)
    return table


def print_extras(project: Project, console: Console) -> None:
    """The project's further fields as read (主管部门, a 部门整体 table's 总体资金情况, 人员经费 …), each
    ``label：text``, and a 部门整体 table's 年度主要任务 grid as a table, a row a task (dept40: ``read`` and ``show``
    printed none of them, so a 部门整体 table showed neither its tasks nor its funds split; the cell comments are
    listed apart)."""
    tasks = task_block(project.extras, {}, False)
    for index, (label, text) in enumerate(project.extras):
        if tasks is not None and index in tasks.indexes:
            if index == tasks.first:
                grid = Table(title="年度主要任务", show_lines=False, header_style="bold", expand=False)
                for column in tasks.columns:
                    grid.add_column(Text(column), overflow="fold")
                for task in tasks.tasks:
                    grid.add_row(*(Text(cell) for cell in task))
                console.print(grid)
            continue
        if not label.startswith(COMMENT_LABEL):
            console.print(f"  {label}：{text}" if label else f"  {text}", markup=False, highlight=False)


def render_document(document: Document, console: Console) -> None:
    unit = document.unit
    kind = document_kind_label(document)  # 部门整体 tables as what they are (perfbudget.kind_labels)
    console.print(f"[bold]{escape(unit.code or '')}{escape(unit.name or '（未注明单位）')}[/bold]  {kind}  "
                  f"金额单位：{escape(document.money_unit or '未注明')}", highlight=False)
    console.print(f"共 {len(document.projects)} 个项目，{document.indicator_count} 个三级指标")
    for project in document.projects:
        console.print()
        label = f"（{project.fund_label}）" if project.fund_label else ""
        console.print(f"[bold]{project.seq}. {escape(project.name or '（未命名项目）')}{escape(label)}[/bold]",
                      highlight=False)
        if not project.complete:
            where = f"截断于 {shown_name(str(project.cut))}" if project.cut is not None else "表格被截断"
            console.print(f"  [bold red]未完整（{escape(where)}）[/bold red]：只列出截断前读到的内容", highlight=False)
        for check in project.needs_check:
            console.print(f"  [bold yellow]需人工核对[/bold yellow]：{escape(check)}", highlight=False)
        console.print(f"  {budget_line(project.budget, document.money_unit)}", markup=False, highlight=False)
        if (said := stated_line(project, document.money_unit)) is not None:
            console.print(f"  {said}", markup=False, highlight=False)
        if project.purpose:
            console.print(f"  资金用途：{project.purpose}", markup=False, highlight=False)
        for number, goal in enumerate(project.goals, 1):
            console.print(f"  绩效目标 {number}：{goal}", markup=False, highlight=False)
        print_extras(project, console)
        console.print(project_table(project))
        for place, comment, _position in project_comments(project):  # an Excel cell's 批注 (replay-q)
            console.print(f"  批注（{place}）：{comment}", markup=False, highlight=False)
