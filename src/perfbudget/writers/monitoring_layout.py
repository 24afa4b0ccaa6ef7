"""The 项目支出绩效目标执行监控表 (mid-year monitoring, 财预〔2019〕136号; rules.md §5) as a grid of
cells, drawn by the same writers as the 自评表 (:mod:`perfbudget.writers.evaluation_xlsx`, ``_docx``,
``_html``), so that the three files show the same table.

Twelve columns. Head: 项目名称, the budget's execution (全年预算数, 1-M月执行数, 执行率, 执行进度 =
执行率 ÷ M/12, its light, how it was computed); the indicator rows 一级 | 二级 | 三级 | 年度指标值 |
1-M月执行情况 | 进度 | 预警 | 完成目标可能性 | 全年预计完成情况 | 偏差原因 | 偏差原因分析 | 备注 (一级 and
二级 merged over their runs, as the official form prints them); the project's light (the worst indicator)
at the foot; each light's computation under the table.
"""

from __future__ import annotations

from perfbudget.evaluate.monitor import LIGHT_LABELS, RED, YELLOW, Monitoring, ProjectMonitor
from perfbudget.evaluate.numbers import div, percent
from perfbudget.writers.evaluation_layout import Cell, Grid, content_widths, indicator_head, money_cell, sheet_name
from perfbudget.writers.label_colon import with_colon

TITLE = "项目支出绩效目标执行监控表"
WIDTHS = (10, 10, 16, 10, 11, 10, 6, 9, 11, 9, 15, 7)
COLUMNS = len(WIDTHS)
INDICATOR_HEADER = 5  # 0-based grid row of the 一级指标 … header


def indicator_headers(month: int) -> tuple[str, ...]:
    return ("一级指标", "二级指标", "三级指标", "年度指标值", f"1-{month}月执行情况", "进度", "预警",
            "完成目标可能性", "全年预计完成情况", "偏差原因", "偏差原因分析", "备注")


def period(project: ProjectMonitor) -> str:
    """「2024年1-6月」, or 「1-6月」 when the year is not known (a result saved before 2026-12-05 read alone)."""
    return f"{project.year}年1-{project.month}月" if project.year else f"1-{project.month}月"


def monitoring_period(monitoring: Monitoring) -> str:
    """The period of the whole result (headings, file names): with the year when its projects share one."""
    years = {project.year for project in monitoring.projects}
    year = years.pop() if len(years) == 1 else None
    return f"{year}年1-{monitoring.month}月" if year else f"1-{monitoring.month}月"


def execution_rate(project: ProjectMonitor) -> str:
    """执行数 ÷ 预算数 as a percent, "" when either is missing."""
    if project.budget is None or project.executed is None or project.budget <= 0:
        return ""
    return percent(div(project.executed, project.budget))


def project_grid(monitoring: Monitoring, project: ProjectMonitor) -> Grid:
    cells: list[Cell] = []
    add = cells.append
    month = project.month
    unit = monitoring.money_unit  # as the table says: none written, none printed (万元 was printed, a guess)
    add(Cell(0, 0, TITLE, "title", colspan=COLUMNS))
    unit_text = (monitoring.unit_code or "") + (monitoring.unit_name or "")
    add(Cell(1, 0, f"预算单位：{unit_text}" if unit_text else "", "subtitle", colspan=6))
    add(Cell(1, 6, f"监控期间：{period(project)}", "subtitle", colspan=COLUMNS - 6))
    add(Cell(2, 0, "项目名称", "label"))
    add(Cell(2, 1, project.name_cell or project.name, colspan=COLUMNS - 1))
    add(Cell(3, 0, f"项目资金（{unit}）" if unit else "项目资金", "label", rowspan=2))
    for col, header in enumerate(("全年预算数", f"1-{month}月执行数", "执行率", "执行进度", "预警"), 1):
        add(Cell(3, col, header, "header"))
    add(Cell(3, 6, "计算", "header", colspan=COLUMNS - 6))
    progress = percent(project.budget_progress) if project.budget_progress is not None else ""
    add(money_cell(4, 1, project.budget))  # 12,345,678.90, a number in Excel (「12345678.9」 text until print21)
    add(money_cell(4, 2, project.executed))
    for col, text in enumerate((execution_rate(project), progress, LIGHT_LABELS[project.budget_light]), 3):
        add(Cell(4, col, text, "number"))
    add(Cell(4, 6, project.budget_explanation, colspan=COLUMNS - 6))
    lines = project.indicators
    cells += indicator_head(indicator_headers(month), INDICATOR_HEADER, lines)
    first = INDICATOR_HEADER + 1
    for offset, line in enumerate(lines):
        row = first + offset
        add(Cell(row, 2, line.level3))
        add(Cell(row, 3, line.target))
        add(Cell(row, 4, line.actual))
        add(Cell(row, 5, percent(line.progress) if line.progress is not None else "", "number"))
        add(Cell(row, 6, LIGHT_LABELS[line.light], "number"))
        add(Cell(row, 7, line.likelihood or "", "number"))
        add(Cell(row, 8, line.forecast or ""))
        add(Cell(row, 9, line.reason or ""))
        add(Cell(row, 10, line.deviation or ""))
        add(Cell(row, 11, line.remark or ""))
    foot = first + len(lines)
    add(Cell(foot, 0, "项目预警（取各指标中最差的预警）", "total", colspan=6))
    counts = light_counts(project)
    add(Cell(foot, 6, f"{LIGHT_LABELS[project.colour]}（红灯 {counts[0]} 个，黄灯 {counts[1]} 个）", "total",
             colspan=COLUMNS - 6))
    explanations = [f"预算执行：{project.budget_explanation}",
                    *(f"{line.position}. {with_colon(line.level3)}{line.explanation}" for line in lines)]
    return Grid(tuple(cells), foot + 1, tuple(explanations), sheet_name(project.seq, project.name),
                content_widths(cells, WIDTHS),
                INDICATOR_HEADER, "预警计算说明", (unit_text, project.name))


def light_counts(project: ProjectMonitor) -> tuple[int, int]:
    """(red, yellow) indicators of the project."""
    lights = [line.light for line in project.indicators]
    return lights.count(RED), lights.count(YELLOW)


def summary_values(monitoring: Monitoring) -> list[tuple[int, str, str, str, str, int, int]]:
    """(序号, 项目名称, 执行率, 预算预警, 项目预警, 红灯指标, 黄灯指标) per project; counts as numbers (xlsx)."""
    return [(p.seq, p.name_cell or p.name, execution_rate(p), LIGHT_LABELS[p.budget_light], LIGHT_LABELS[p.colour],
             *light_counts(p)) for p in monitoring.projects]


def summary_rows(monitoring: Monitoring) -> list[tuple[str, ...]]:
    """:func:`summary_values` as texts (HTML)."""
    return [tuple(str(value) for value in row) for row in summary_values(monitoring)]


SUMMARY_HEADERS = ("序号", "项目名称", "执行率", "预算执行预警", "项目预警", "红灯指标数", "黄灯指标数")
