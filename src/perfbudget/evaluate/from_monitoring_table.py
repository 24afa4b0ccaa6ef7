"""A read 绩效监控表's own figures as monitoring fill-in rows, so that a unit's published table is the progress record.

A monitoring table read by :mod:`perfbudget.readers` is a document of kind ``monitoring`` whose projects carry their
period (``Project.month``: 1-6月执行数 → 6), the funds grid's execution to that month (``Budget.executed``, from its
1-N月执行数 column) and, per indicator, the table's columns under their headers (``Indicator.extras``). These rows
say what a filled-in monitoring sheet would (:mod:`perfbudget.evaluate.sheet`, ``template --kind monitor``), each
at the table's own cell:

* ``全年执行数`` — the execution to the period's end (``Budget.executed``, else the grid's 1-N月执行数 extra), and
  ``全年预算数`` where the grid gives an adjusted budget;
* per indicator, its typed monitoring columns (``Indicator.progress``, readers/indicator_progress.py): 实际完成值
  the period's actual (1-N月执行情况 …), 完成目标可能性 (the closed set's word; a word outside it as the table writes
  it, which monitoring refuses at its row), 全年预计完成情况, 偏差原因 (the ticked category, else the category the
  偏差原因 or 偏差原因分析 text starts with), 偏差原因分析 (``Indicator.deviation``, else the 偏差原因 text, with the
  纠偏措施 after it) and 备注; a 完成等级 only where the period's cell is one (达成 …). A stored 监控表 read before
  kinds25 has no ``progress``: its columns are typed from its extras alike.

Nothing is guessed: a cell the table leaves empty stays empty, and monitoring reports it as it would for a sheet
(a qualitative indicator without a 完成等级, a likelihood other than 确定能 without a forecast or a reason). The month
is the tables' period; tables of different periods, or a document that is no monitoring table, are refused.
"""

from __future__ import annotations

import re

from perfbudget.config import Limits
from perfbudget.evaluate.actuals import SheetRow
from perfbudget.evaluate.vocabulary import (
    COL_ACTUAL,
    COL_DEVIATION,
    COL_FORECAST,
    COL_GRADE,
    COL_LEVEL3,
    COL_LIKELIHOOD,
    COL_PROJECT,
    COL_REASON,
    COL_REMARK,
    ROW_BUDGET,
    ROW_EXECUTED,
    clean,
    parse_grade,
    parse_reason,
)
from perfbudget.model import Document, Indicator, Problem, Progress, Project, Severity, Source
from perfbudget.readers.indicator_progress import progress_of
from perfbudget.vocabulary import DocumentKind

_PERIOD_EXECUTED = re.compile(r"^1[-－—–~～至到]\d{1,2}月(?:累计|预算)?(?:执行数|支出数|执行金额)$")
NOT_MONITORING = ("不是绩效监控表（没有 1-N月执行数、1-N月执行情况、完成目标可能性等列，表题也没有「监控」）："
                  "不能作为监控填报表；请用 perfbudget template --kind monitor 生成填报表")


def _cells(indicator: Indicator) -> dict[str, str]:
    """The fill-in sheet's cells of a 监控表's indicator, from its typed monitoring columns."""
    progress = indicator.progress or progress_of(indicator) or Progress()
    actual = progress.actual or ""
    reason = parse_reason(progress.reason or "") or parse_reason(indicator.deviation or "") or ""
    explained = indicator.deviation or (progress.reason if progress.reason != reason else None)
    deviation = "；".join(part for part in (explained, progress.measure and f"纠偏措施：{progress.measure}") if part)
    return {COL_ACTUAL: actual, COL_GRADE: actual if parse_grade(actual) else "",
            COL_LIKELIHOOD: progress.likelihood or progress.likelihood_text or "",
            COL_FORECAST: progress.forecast or "", COL_REASON: reason, COL_DEVIATION: deviation,
            COL_REMARK: _remark(indicator)}


def _remark(indicator: Indicator) -> str:
    return next((text.strip() for header, text in indicator.extras if "备注" in header), "")


def _executed(project: Project) -> str:
    if project.budget.executed is not None:
        return str(project.budget.executed)
    for key, value in project.extras:
        _row, slash, column = key.partition("/")
        if slash and _PERIOD_EXECUTED.match(clean(column)):
            return value.strip()
    return ""


def _adjusted_budget(project: Project) -> str:
    for key, value in project.extras:
        _row, slash, column = key.partition("/")
        if slash and clean(column) in ("全年预算数", "调整后预算数", "调整预算数"):
            return value.strip()
    return ""


def monitoring_rows_from_document(document: Document, file: str) -> tuple[list[SheetRow], int | None, list[Problem]]:
    """(the fill-in rows the read 监控表 ``document`` gives, its month, the errors that refuse it); see the module's
    note. The month is None when no table names its period."""
    where = document.source or Source(file)
    if document.kind != DocumentKind.MONITORING:
        return [], None, [Problem(where, f"「{file}」{NOT_MONITORING}")]
    months = {project.month for project in document.projects if project.month is not None}
    if len(months) > 1:
        said = "、".join(f"「{p.name_cell or p.name}」1-{p.month} 月" for p in document.projects if p.month is not None)
        return [], None, [Problem(where, f"表中各项目的监控期间不同（{said}）：请分别监控各期间的表")]
    rows: list[SheetRow] = []
    for project in document.projects:
        name = project.name_cell or project.name
        first = project.source or where

        def row(level3: str, at: Source | None, cells: dict[str, str], name: str = name,
                first: Source = first) -> None:
            rows.append(SheetRow(at or first, {COL_PROJECT: name, COL_LEVEL3: level3, **cells}))

        row(ROW_EXECUTED, project.sources.get("budget.executed"), {COL_ACTUAL: _executed(project)})
        if budget := _adjusted_budget(project):
            row(ROW_BUDGET, project.sources.get("budget.total"), {COL_ACTUAL: budget})
        for indicator in project.indicators:
            row(indicator.level3, indicator.source, _cells(indicator))
    return rows, next(iter(months), None), []


def progress_record(data: bytes, file: str, month: int | None, limits: Limits | None = None,
                    table: Document | None = None) -> tuple[list[SheetRow], int | None, list[Problem]]:
    """The progress record an uploaded or named file gives: (rows, the month monitored, problems).

    A fill-in sheet (CSV or xlsx, ``template --kind monitor``) as before; a file that is no such sheet but reads as
    a 绩效监控表 (any form ``perfbudget read`` reads: xlsx, docx, text …) gives its own figures (see the module's
    note), and so does ``table``, a monitoring document already read (``monitor 监控表.docx -a 监控表.docx``). The
    month is ``month`` where given, which a table's own period must equal, else the table's (a sheet's: the one its
    header 「1-M月执行情况」 states); a table or sheet that names no period needs ``month``."""
    from perfbudget.evaluate.sheet import read_sheet_bytes

    if table is None:
        rows, problems = read_sheet_bytes(data, file, "monitor", limits, month)
        if not any(p.severity is Severity.ERROR for p in problems):  # without ``month``, the one its header states
            return rows, month if month is not None else next((r.period_month for r in rows), None), problems
        from perfbudget.load import load_bytes

        loaded = load_bytes(data, file, limits=limits)
        if loaded.document is None or loaded.document.kind != DocumentKind.MONITORING:
            return rows, month, problems  # no monitoring table either: the sheet's errors say what is wrong
        if not loaded.ok:
            return [], month, [p for p in loaded.problems if p.severity is Severity.ERROR]
        table = loaded.document
    rows, table_month, problems = monitoring_rows_from_document(table, file)
    if problems:
        return [], month, problems
    where = table.projects[0].sources.get("month") if table.projects else None
    if month is not None and table_month is not None and table_month != month:
        message = (f"「{file}」是 1-{table_month} 月的监控表，与监控月份 1-{month} 月不一致：请把监控月份改为 "
                   f"{table_month} 月，或提供 1-{month} 月的监控表或填报表")
        return [], month, [Problem(where or Source(file), message)]
    month = month if month is not None else table_month
    if month is None:
        return [], None, [Problem(Source(file), f"「{file}」没有写明监控期间（如 1-6月执行数、截至6月、监控时点）："
                                                "请指定监控月份（1–12）")]
    return rows, month, []
