"""The 项目支出绩效目标执行监控表 as xlsx, docx and html: one table per project
(:mod:`perfbudget.writers.monitoring_layout`) with each light's computation under it, and a 汇总 of the
projects' lights; drawn, printed and protected (no user text a formula, every text escaped) by the same
grid writers as the 自评表."""

from __future__ import annotations

from typing import Any

from perfbudget.evaluate.monitor import Monitoring
from perfbudget.writers.monitoring_layout import SUMMARY_HEADERS, TITLE, project_grid, summary_rows

SUMMARY_WIDTHS = (6, 40, 10, 12, 10, 11, 11)  # per cent of the page (html) / characters (xlsx: name widened)


def monitoring_xlsx(monitoring: Monitoring) -> bytes:
    from perfbudget.writers.evaluation_xlsx import grids_workbook, summary_sheet

    names = [len(p.name_cell or p.name) for p in monitoring.projects] or [10]
    widths = [6.0, min(60.0, max(20.0, 2.0 * max(names) + 2)), 10.0, 13.0, 10.0, 11.0, 11.0]
    rows: list[list[Any]] = [[int(seq), name, rate, *rest] for seq, name, rate, *rest in summary_rows(monitoring)]
    for row in rows:
        row[5:7] = [int(row[5]), int(row[6])]

    def summary(sheet: Any) -> None:
        summary_sheet(sheet, SUMMARY_HEADERS, rows, widths)

    return grids_workbook((project_grid(monitoring, project) for project in monitoring.projects), summary)


def monitoring_docx(monitoring: Monitoring) -> bytes:
    from perfbudget.writers.evaluation_docx import grids_docx

    return grids_docx(project_grid(monitoring, project) for project in monitoring.projects)


def monitoring_html(monitoring: Monitoring) -> str:
    from perfbudget.writers.evaluation_html import grid_section, grids_page

    unit = (monitoring.unit_code or "") + (monitoring.unit_name or "")
    return grids_page(f"{monitoring.unit_name or ''}{TITLE}", f"{unit} 项目支出绩效运行监控（1-{monitoring.month}月）",
                      SUMMARY_HEADERS, summary_rows(monitoring), SUMMARY_WIDTHS,
                      (grid_section(project_grid(monitoring, project), f"project-{project.seq}")
                       for project in monitoring.projects))
