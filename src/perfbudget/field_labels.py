"""What the tables call a document's fields, by their path within a project (``budget.total``) or an indicator
(``target.value``): one list for the review desk's places (:mod:`perfbudget.app.review_desk`) and the refusals of
numbers (:mod:`perfbudget.app.validate`), which kept copies of their own until attack38's second reading."""

from __future__ import annotations

BUDGET_LABELS = {"budget.total": "预算数", "budget.fiscal": "财政资金", "budget.other": "其他资金"}
# a 自评表's funds grid (kinds23)
FUNDS_GRID_LABELS = {"budget.initial": "年初预算数", "budget.executed": "全年执行数", "budget.rate": "执行率",
                     "budget.weight": "预算执行率的分值", "budget.score": "预算执行率的得分"}
TARGET_LABEL = "指标值"
INDICATOR_NUMBER_LABELS = {"target.value": TARGET_LABEL, "target.upper": TARGET_LABEL, "weight": "分值",
                           "score": "得分"}
# the amounts of money among them (the others are counts, rates and scores)
MONEY_LABELS = frozenset({*BUDGET_LABELS.values(), FUNDS_GRID_LABELS["budget.initial"],
                          FUNDS_GRID_LABELS["budget.executed"]})
