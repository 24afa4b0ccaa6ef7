"""The actuals model: what a filled-in sheet says, row by row and resolved per project.

``SheetRow`` is one row as read (text cells, with its location); ``resolve`` turns rows
into ``ProjectActuals`` keyed by project seq, with every value parsed and converted to
its target's unit. Scoring and monitoring read only ``ProjectActuals``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from perfbudget.model import Source


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One data row of a fill-in sheet (CSV or xlsx), every cell as text ("" when blank).

    Attributes:
        source: the row's location (file:line for CSV, file:sheet 第n行 for xlsx).
        cells: canonical column header → cell text (stripped).
        period_month: the month M a monitoring sheet's header 「1-M月执行情况」 states (None: none stated, or
            not a monitoring sheet): the month monitored when none is given (``monitor`` without ``--month``).
    """

    source: Source
    cells: dict[str, str]
    period_month: int | None = None

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass(frozen=True, slots=True)
class IndicatorActual:
    """The actual of one indicator.

    Attributes:
        position: 1-based position of the indicator in its project.
        text: 实际完成值 as written ("" when blank, allowed for qualitative indicators).
        value: the number converted to the target's unit (quantitative indicators).
        unit_note: how the unit was converted, e.g. "90分钟 = 1.5小时"; None when not converted.
        grade: 达成 / 部分达成 / 未达成 (qualitative indicators, and monitoring).
        grade_basis: how the grade was found where no 完成等级 was written (取自实际完成值「部分完成」, or a read
            自评表's 得分 ÷ 分值), said in the explanation; None for a written grade.
        score: 得分 as given by the evaluator (qualitative indicators; checked against the band).
        weight: 分值 as given in the sheet; None for the default allocation.
        done: the completion date of a time target (``2025年10月底前``), when 实际完成值 is a date.
        done_note: how the date was read (a month only → its last day); None otherwise.
        deviation: 偏差原因分析 as written.
        likelihood: 完成目标可能性 (monitoring).
        forecast_text: 全年预计完成情况 as written (monitoring).
        forecast: the forecast converted to the target's unit when quantitative.
        reason: 偏差原因 category (monitoring).
        remark: 备注 (monitoring).
        source: the sheet row.
    """

    position: int
    text: str
    value: Decimal | None = None
    unit_note: str | None = None
    grade: str | None = None
    score: Decimal | None = None
    weight: Decimal | None = None
    grade_basis: str | None = None
    done: date | None = None
    done_note: str | None = None
    deviation: str | None = None
    likelihood: str | None = None
    forecast_text: str | None = None
    forecast: Decimal | None = None
    reason: str | None = None
    remark: str | None = None
    source: Source | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class ProjectActuals:
    """Everything a sheet says about one project.

    Attributes:
        seq: the project's seq.
        executed: 全年执行数 (or 1–m月执行数 when monitoring) in the document's money unit.
        budget: 全年预算数 when the sheet gives an adjusted budget; None → the table's 预算数.
        execution_weight: 预算执行率 points from the 分值 cell of the 全年执行数 row; None → the weights'.
        goal_result: 年度总体目标实际完成情况 as written.
        indicators: position → actual.
        source: the first row of the project in the sheet.
        executed_source: the 全年执行数 row.
        refused_weights: position → the 分值 of a row refused for another cell (its actual not a number …): still
            the row's points when the weights are checked, so that its group's points are not spread over the
            others and no second, wrong error names them (kinds36).
    """

    seq: int
    executed: Decimal | None = None
    budget: Decimal | None = None
    execution_weight: Decimal | None = None
    goal_result: str | None = None
    indicators: dict[int, IndicatorActual] = field(default_factory=dict)
    source: Source | None = field(default=None, compare=False)
    executed_source: Source | None = field(default=None, compare=False)
    refused_weights: dict[int, Decimal] = field(default_factory=dict, compare=False)
