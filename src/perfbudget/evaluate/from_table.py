"""A read 自评表's own figures as fill-in sheet rows, so that scoring the table gives its own totals.

A 项目支出绩效自评表 read by :mod:`perfbudget.readers` keeps, beside each indicator's target, its 实际完成值,
分值 and 得分 (:class:`perfbudget.model.Indicator`), and in the project's extras the funds grid
(``年度资金总额/全年执行数``, ``年度资金总额/分值`` …) and the goal's 实际完成情况. These rows say the same as a
filled-in sheet would (:mod:`perfbudget.evaluate.sheet`), each at the table's own cell:

* ``全年执行数`` (with the execution 分值) and ``全年预算数`` from the 年度资金总额 row;
* ``总体目标完成情况`` from 实际完成情况;
* one row per indicator: its 实际完成值 and 分值; for a qualitative indicator (not a quantity, not a time target)
  its 得分 and the 完成等级 whose band holds 得分 ÷ 分值 (the table prints the score, not the grade; on a band's
  bound the higher grade, whose band holds the same score).

Nothing is guessed: a cell the table leaves empty stays empty, and scoring reports it as it would for a sheet.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from perfbudget.evaluate.actuals import SheetRow
from perfbudget.evaluate.vocabulary import (
    COL_ACTUAL,
    COL_DEVIATION,
    COL_GRADE,
    COL_LEVEL3,
    COL_PROJECT,
    COL_SCORE,
    COL_WEIGHT,
    GRADE_BANDS,
    GRADES,
    ROW_BUDGET,
    ROW_EXECUTED,
    ROW_GOAL,
)
from perfbudget.model import Document, Indicator, Kind, Project, Source
from perfbudget.time_target import due_of

_FUNDS = "年度资金总额"
_GOAL_RESULT = "实际完成情况"


def _extra(project: Project, label: str) -> str:
    return next((value for key, value in project.extras if key == label), "").strip()


def _grade(indicator: Indicator) -> str:
    """The 完成等级 whose band holds the table's 得分 ÷ 分值 ("" when either is missing or the indicator is scored
    from its value)."""
    target = indicator.target
    if target.kind is Kind.QUANTITATIVE and target.value is not None:
        return ""
    if due_of(target) is not None or indicator.score is None or not indicator.weight:
        return ""
    ratio = indicator.score / indicator.weight
    return next((grade for grade in GRADES if GRADE_BANDS[grade][0] <= ratio <= GRADE_BANDS[grade][1]), "")


def _text(value: Decimal | None) -> str:
    return "" if value is None else str(value)


def _rows_of(rows: list[SheetRow], name: str, where: Source) -> Callable[..., None]:
    """An appender of one project's rows (each at its own cell, else where the table starts)."""
    def row(level3: str, source: Source | None, **cells: str) -> None:
        rows.append(SheetRow(source or where, {COL_PROJECT: name, COL_LEVEL3: level3, **cells}))
    return row


def sheet_rows_from_document(document: Document, file: str) -> list[SheetRow]:
    """The fill-in rows the read 自评表 ``document`` itself gives (see the module docstring)."""
    rows: list[SheetRow] = []
    for project in document.projects:
        row = _rows_of(rows, project.name_cell or project.name, project.source or Source(file))
        row(ROW_EXECUTED, project.sources.get("budget.total"),
            **{COL_ACTUAL: _extra(project, f"{_FUNDS}/全年执行数"), COL_WEIGHT: _extra(project, f"{_FUNDS}/分值")})
        if budget := _extra(project, f"{_FUNDS}/全年预算数"):
            row(ROW_BUDGET, project.sources.get("budget.total"), **{COL_ACTUAL: budget})
        if goal := _extra(project, _GOAL_RESULT):
            row(ROW_GOAL, project.sources.get("goals"), **{COL_ACTUAL: goal})
        for indicator in project.indicators:
            grade = _grade(indicator)
            row(indicator.level3, indicator.source, **{
                COL_ACTUAL: indicator.actual or "", COL_WEIGHT: _text(indicator.weight),
                COL_GRADE: grade, COL_SCORE: _text(indicator.score) if grade else "",
                COL_DEVIATION: indicator.deviation or ""})
    return rows
