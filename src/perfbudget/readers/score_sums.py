"""A 自评表 whose own figures do not add up: its 总分 against the sum of its 得分, its 总分行's 分值 against its 分值.

A self-evaluation states its total (``Project.table_total``: 自评得分 in its header or the 总分 row's 得分,
readers/stated_scores.py) and often the total of its 分值 (``总分/分值`` = 100, readers/total_rows.py). Real tables
do not always add up: 稷山's 得分 (9 for the budget's execution, 13 + 15 + 10 + 10 + 27 + 9 for its six indicators)
come to 93 under a 总分 of 94, 中江's 分值 to 110 (the execution's 10 and 100 for the indicators) under a 总分行 of 100.
The figures are read as written — never "fixed": which one is wrong the table does not say — and each sum that
differs is a warning at the cell of the stated total, with the sum and its parts, so that the officer checks it.

A sum is checked only when every one of its parts was read: each indicator's 得分 (or 分值), and the funds grid's
得分 where it has a 分值 (an execution score left blank, ``r20``, says nothing of the arithmetic), in a project read
whole (not cut) from a table read without errors (rows refused would be missing from the sum). Written figures
rounded to decimals (8.33 for a third of 25) may differ by their rounding: half the finest written step per figure
summed; whole points must add up exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from perfbudget.model import Budget, Indicator, Problem, Severity, Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.stated_scores import points
from perfbudget.readers.total_rows import TOTAL_ROWS
from perfbudget.target import format_decimal

_WEIGHT_LABELS = frozenset(f"{row}/{column}" for row in TOTAL_ROWS for column in ("分值", "权重", "标准分值"))


def score_sum_problems(indicators: Sequence[Indicator], budget: Budget, extras: Sequence[tuple[str, Cell]],
                       table_total: tuple[Decimal, Source] | None) -> list[Problem]:
    """The warnings of a self-evaluation whose stated totals are not the sums of its figures (the module's note);
    empty when they add up or cannot be checked. The caller asks only of a complete project read without errors."""
    if not indicators:
        return []
    problems: list[Problem] = []
    weights = [indicator.weight for indicator in indicators]
    stated_weight = next(((value, cell.source) for label, cell in extras
                          if label in _WEIGHT_LABELS and (value := points(cell.text)) is not None), None)
    if stated_weight is not None and all(weight is not None for weight in weights) and (
            budget.score is None or budget.weight is not None):
        parts = [w for w in weights if w is not None]
        if (message := _differs("分值", stated_weight[0], budget.weight, parts)) is not None:
            problems.append(Problem(stated_weight[1], message, Severity.WARNING))
    scores = [indicator.score for indicator in indicators]
    if table_total is not None and all(score is not None for score in scores) and (
            budget.weight is None or budget.score is not None):
        parts = [s for s in scores if s is not None]
        if (message := _differs("得分", table_total[0], budget.score, parts)) is not None:
            problems.append(Problem(table_total[1], message, Severity.WARNING))
    return problems


def _differs(what: str, stated: Decimal, execution: Decimal | None, parts: list[Decimal]) -> str | None:
    """The warning's text when ``stated`` is not ``execution`` + the sum of ``parts`` (within their rounding)."""
    indicators = sum(parts, Decimal(0))
    total = indicators + (execution or 0)
    figures = [stated, *parts] + ([execution] if execution is not None else [])
    if abs(total - stated) <= _rounding(figures):
        return None
    items = f"{len(parts)} 个指标的{what} {format_decimal(indicators)}"
    if execution is not None:
        items = f"预算执行率{what} {format_decimal(execution)} + {items}"
    head = "总分" if what == "得分" else "总分行的分值"
    return (f"表中{head} {format_decimal(stated)} 与各项{what}之和 {format_decimal(total)} 不同（{items}）："
            f"按表中所写读取，未作更正；请核对各行的{what}与{head}")


def _rounding(figures: list[Decimal]) -> Decimal:
    """How far written figures may be off their sum by rounding: half the finest step written (0.005 for 8.33)
    per figure when any has decimals, else nothing (whole points add up exactly)."""
    finest = min(int(figure.as_tuple().exponent) for figure in figures)
    if finest >= 0:
        return Decimal(0)
    return Decimal(1).scaleb(finest) / 2 * len(figures)
