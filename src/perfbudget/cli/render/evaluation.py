"""Terminal (Rich) renderings of a self-evaluation and of a monitoring result, in Chinese.

User text is wrapped in :class:`rich.text.Text` so that brackets in names are never markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from perfbudget.evaluate.monitor import LIGHT_LABELS, ProjectMonitor
from perfbudget.evaluate.numbers import percent, show, shown
from perfbudget.evaluate.result import Evaluation
from perfbudget.money_text import money_text

_STYLE = {"red": "bold red", "yellow": "bold yellow", "green": "green", "blue": "bold blue"}
_EVAL_COLUMNS = ("序", "一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析")


def _light(light: str) -> Text:
    return Text(LIGHT_LABELS[light], style=_STYLE[light])


def render_evaluation(evaluation: Evaluation, console: Console) -> None:
    unit = evaluation.money_unit or ""
    method = "比例法" if evaluation.reverse == "ratio" else "线性扣分"
    console.print(Text(f"{evaluation.unit_code or ''}{evaluation.unit_name or ''}  "
                       f"{evaluation.form.removesuffix('表')}  "
                       f"金额单位：{unit or '未注明'}  反向指标：{method}", style="bold"))
    for project in evaluation.projects:
        console.print()
        console.print(Text.assemble((f"{project.seq}. {project.name_cell or project.name}", "bold"),
                                    "  总分 ", (show(project.total), "bold"), "  等级 ", (project.grade, "bold")))
        rate = percent(project.execution_rate) if project.execution_rate is not None else "—"
        budget = money_text(project.budget) if project.budget is not None else "—"  # amounts as every face prints them
        executed = money_text(project.executed) if project.executed is not None else "—"
        initial = ""
        if project.initial_budget is not None and project.initial_budget != project.budget:
            initial = f"年初预算数 {money_text(project.initial_budget)}{unit}，调整后"
        console.print(Text(f"  预算执行：{initial}全年预算数 {budget}{unit}，全年执行数 {executed}{unit}，"
                           f"执行率 {rate}，得分 {show(project.execution_score)}/{show(project.execution_weight)}"))
        if project.goal_result:
            console.print(Text(f"  年度总体目标完成情况：{project.goal_result}"))
        for note in project.notes:
            console.print(Text(f"  {note}"))
        table = Table(header_style="bold")
        for column in _EVAL_COLUMNS:
            table.add_column(column, overflow="fold")
        table.add_row(*(Text(value) for value in (
            "—", "预算执行率", "", "", rate, show(project.execution_weight), show(project.execution_score), "")))
        for line in project.indicators:
            table.add_row(*(Text(value) for value in (
                str(line.position), line.level1, line.level3, line.target, line.actual,
                show(line.weight), show(line.score), line.deviation or "")))
        weights = sum((shown(line.weight) for line in project.indicators), shown(project.execution_weight))
        table.add_row(*(Text(value, style="bold") for value in (
            "", "合计", "", "", "", show(weights), show(project.total), "")))
        console.print(table)
        console.print(Text("  计分说明：", style="bold"))
        for line in project.indicators:
            console.print(Text(f"  {line.position}. {line.explanation}"))


def render_monitor(results: list[ProjectMonitor], console: Console) -> None:
    for project in results:
        console.print()
        console.print(Text.assemble((f"{project.seq}. {project.name_cell or project.name}", "bold"),
                                    f"  1-{project.month}月  项目预警：", _light(project.colour),
                                    "  预算执行：", _light(project.budget_light)))
        console.print(Text(f"  {project.budget_explanation}"))
        table = Table(header_style="bold")
        for column in ("序", "三级指标", "年度指标值", f"1-{project.month}月执行情况", "预警", "完成目标可能性",
                       "全年预计完成情况", "偏差原因", "说明"):
            table.add_column(column, overflow="fold")
        for line in project.indicators:
            table.add_row(Text(str(line.position)), Text(line.level3), Text(line.target), Text(line.actual),
                          _light(line.light), Text(line.likelihood or ""), Text(line.forecast or ""),
                          Text(line.reason or ""), Text(line.explanation))
        console.print(table)
