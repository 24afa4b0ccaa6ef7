"""The review report as readable Chinese text for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from perfbudget.cli.common import shown_name
from perfbudget.field_labels import BUDGET_LABELS, FUNDS_GRID_LABELS
from perfbudget.model import Document
from perfbudget.review.engine import ReviewReport
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import one_line
from perfbudget.vocabulary import SEVERITY_LABELS

FIELD_LABELS = {
    "level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "description": "绩效指标描述",
    "target": "指标值", "goals": "绩效目标", "purpose": "资金用途", "name": "项目名称",
    **BUDGET_LABELS, **FUNDS_GRID_LABELS,  # 全年执行数, 执行率 …: a self-evaluation's funds grid (execution rules)
}
_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _where(document: Document, finding: Finding) -> str:
    parts = []
    if finding.indicator is not None:
        project = next((p for p in document.projects if p.seq == finding.project), None)
        name = ""
        if project is not None and 0 < finding.indicator <= len(project.indicators):
            name = f"「{one_line(project.indicators[finding.indicator - 1].level3)}」"
        parts.append(f"第{finding.indicator}个指标{name}")
    if finding.field:
        parts.append(FIELD_LABELS.get(finding.field, finding.field))
    return " ".join(parts) or "整个项目"


def render_finding(document: Document, finding: Finding, console: Console) -> None:
    label = SEVERITY_LABELS.get(finding.severity, finding.severity)
    location = shown_name(str(finding.source)) if finding.source is not None else "（无位置）"
    console.print(f"  [{_STYLES.get(finding.severity, '')}]{label}[/] {finding.dimension} "
                  f"[dim]{finding.rule}[/dim]  {escape(location)}  {escape(_where(document, finding))}",
                  highlight=False)
    console.print(f"    {finding.message}", markup=False, highlight=False)
    console.print(f"    建议：{finding.suggestion}", markup=False, highlight=False)


def render_report(document: Document, report: ReviewReport, console: Console) -> None:
    unit = document.unit
    counts = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    console.print(f"[bold]{escape(unit.code or '')}{escape(unit.name or '（未注明单位）')}[/bold]  绩效目标审核",
                  highlight=False)
    console.print(f"共 {len(document.projects)} 个项目，{document.indicator_count} 个三级指标；"
                  f"错误 {counts['error']}，警告 {counts['warning']}，提示 {counts['info']}", highlight=False)
    general = report.for_project(None)
    if general:
        console.print()
        console.print("[bold]整个文件[/bold]")
        for finding in general:
            render_finding(document, finding, console)
    for grade, project in zip(report.projects, document.projects, strict=True):
        console.print()
        label = f"（{project.fund_label}）" if project.fund_label else ""
        console.print(f"[bold]{project.seq}. {escape(project.name + label)}[/bold]  "
                      f"审核等级：[bold]{grade.grade}[/bold]"
                      f"（错误 {grade.errors}，警告 {grade.warnings}，提示 {grade.infos}）", highlight=False)
        for line in grade.basis:
            console.print(f"  [dim]等级依据[/dim] {escape(line)}", highlight=False)
        own = report.for_project(project.seq)
        if not own:
            console.print("  未发现问题", highlight=False)
        for finding in own:
            render_finding(document, finding, console)
    console.print()
    summary = "，".join(f"{g.seq}.{g.grade}" for g in report.projects)
    console.print(f"审核等级：{summary}", highlight=False)
