"""Exporting: the one writer dispatch and the one media-type table for every face.

The 绩效目标表 goes through :func:`perfbudget.writers.target_table_export.render` (xlsx, docx,
html, json); the 自评表 through :func:`evaluation_file`, the 监控表 through :func:`monitoring_file`. The CLI
writes the bytes to a file, the web pages and the API send them with :data:`MEDIA_TYPES`.
"""

from __future__ import annotations

from perfbudget.evaluate.monitor import Monitoring
from perfbudget.evaluate.result import Evaluation
from perfbudget.model import Document
from perfbudget.writers.target_table_export import EXPORT_FORMS, MEDIA_TYPES

XLSX = MEDIA_TYPES["xlsx"]
DOCX = MEDIA_TYPES["docx"]
HTML = MEDIA_TYPES["html"]
FORMAT_LABELS = {"xlsx": "Excel", "docx": "Word", "html": "网页", "json": "JSON"}
TARGET_FORMATS = EXPORT_FORMS
EVALUATION_FORMATS = ("xlsx", "docx", "html", "json")
MONITORING_FORMATS = EVALUATION_FORMATS

__all__ = ["DOCX", "EVALUATION_FORMATS", "FORMAT_LABELS", "HTML", "MEDIA_TYPES", "MONITORING_FORMATS",
           "TARGET_FORMATS", "XLSX", "evaluation_file", "monitoring_file", "target_formats", "target_table_file"]


def target_formats() -> tuple[str, ...]:
    """The formats the 绩效目标表 can be downloaded in."""
    return TARGET_FORMATS


def target_table_file(document: Document, fmt: str, original: bool = False) -> tuple[bytes, str] | None:
    """The 绩效目标表 in ``fmt`` and its media type; None for an unknown format. Targets are shown
    in one notation unless ``original`` keeps the text as typed."""
    if fmt not in TARGET_FORMATS:
        return None
    from perfbudget.writers.target_table_export import render

    return render(document, fmt, original=original), MEDIA_TYPES[fmt]


def evaluation_file_name(evaluation: Evaluation, name: str, fmt: str) -> str:
    """The download's name: 「{name}-项目支出绩效自评表.xlsx」, or 「…-部门整体支出绩效自评表.xlsx」 for a 部门整体
    table (print19: its file was named a 项目支出 one)."""
    from perfbudget.writers.evaluation_layout import evaluation_title

    return f"{name}-{evaluation_title(evaluation)}.{fmt}"


def evaluation_file(evaluation: Evaluation, fmt: str, original: bool = False,
                    year: int | None = None) -> tuple[bytes | str, str] | None:
    """The 自评表 in ``fmt`` and its media type; None for an unknown format. ``original`` keeps the
    targets as typed instead of the one notation. ``year``, the evaluation year a stored result is kept under, is
    the printed form's 「（2025年度）」 for a project whose table gives no fund year (print17: the form asked for
    the 评价年度 and printed none)."""
    if fmt == "json":
        return evaluation.dumps() + "\n", MEDIA_TYPES["json"]
    if year is not None:
        from dataclasses import replace

        evaluation = replace(evaluation, projects=tuple(replace(project, fund_year=project.fund_year or year)
                                                        for project in evaluation.projects))
    if fmt == "xlsx":
        from perfbudget.writers.evaluation_xlsx import evaluation_xlsx

        return evaluation_xlsx(evaluation, original), XLSX
    if fmt == "docx":
        from perfbudget.writers.evaluation_docx import evaluation_docx

        return evaluation_docx(evaluation, original), DOCX
    if fmt == "html":
        from perfbudget.writers.evaluation_html import evaluation_html

        return evaluation_html(evaluation, original), HTML
    return None


def monitoring_file(monitoring: Monitoring, fmt: str) -> tuple[bytes | str, str] | None:
    """The 项目支出绩效目标执行监控表 in ``fmt`` (xlsx, docx, html, or the JSON of ``monitor --json``) and its
    media type; None for an unknown format."""
    if fmt == "json":
        import json

        return json.dumps(monitoring.to_dict(), ensure_ascii=False, indent=2) + "\n", MEDIA_TYPES["json"]
    if fmt not in ("xlsx", "docx", "html"):
        return None
    from perfbudget.writers import monitoring_files

    if fmt == "xlsx":
        return monitoring_files.monitoring_xlsx(monitoring), XLSX
    if fmt == "docx":
        return monitoring_files.monitoring_docx(monitoring), DOCX
    return monitoring_files.monitoring_html(monitoring), HTML
