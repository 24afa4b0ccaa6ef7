"""The 项目支出绩效目标执行监控表 as xlsx, docx and html: one table per project
(:mod:`perfbudget.writers.monitoring_layout`) with each light's computation under it, and a 汇总 of the
projects' lights; drawn, printed and protected (no user text a formula, every text escaped) by the same
grid writers as the 自评表."""

from __future__ import annotations

from typing import Any

from perfbudget.evaluate.monitor import Monitoring
from perfbudget.writers.monitoring_layout import (
    SUMMARY_HEADERS,
    TITLE,
    monitoring_period,
    project_grid,
    summary_rows,
    summary_values,
)

SUMMARY_WIDTHS = (6, 40, 10, 12, 10, 11, 11)  # per cent of the page (html) / characters (xlsx: name widened)


def monitoring_xlsx(monitoring: Monitoring) -> bytes:
    from perfbudget.writers.evaluation_xlsx import grids_workbook, name_width, summary_sheet

    widths = [6.0, name_width(p.name_cell or p.name for p in monitoring.projects), 10.0, 13.0, 10.0, 11.0, 11.0]

    def summary(sheet: Any) -> None:
        unit = (monitoring.unit_code or "") + (monitoring.unit_name or "")
        summary_sheet(sheet, SUMMARY_HEADERS, summary_values(monitoring), widths,
                      title=f"{TITLE.removesuffix('表')}汇总表（{monitoring_period(monitoring)}）"
                            + (f"　预算单位：{unit}" if unit else ""))

    return grids_workbook((project_grid(monitoring, project) for project in monitoring.projects), summary)


def monitoring_docx(monitoring: Monitoring) -> bytes:
    from perfbudget.writers.evaluation_docx import grids_docx

    return grids_docx(project_grid(monitoring, project) for project in monitoring.projects)


def monitoring_html(monitoring: Monitoring) -> str:
    from perfbudget.writers.evaluation_html import grids_page, page_rules, sections, summary_lead

    unit = (monitoring.unit_code or "") + (monitoring.unit_name or "")
    heading = f"{unit} 项目支出绩效运行监控（{monitoring_period(monitoring)}）"
    summary = summary_rows(monitoring)
    grids = [project_grid(monitoring, project) for project in monitoring.projects]
    return grids_page(f"{monitoring.unit_name or ''}{TITLE}", heading, SUMMARY_HEADERS, summary, SUMMARY_WIDTHS,
                      sections(((grid, f"project-{project.seq}") for grid, project in zip(
                          grids, monitoring.projects, strict=True)), summary_lead(summary, SUMMARY_WIDTHS, heading)),
                      page_rules(grids))
