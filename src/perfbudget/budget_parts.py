"""Whether a budget's parts add up to its total: 预算数 = 财政资金 + 其他资金.

One pure answer for the reader (a warning at the total when a table's figures disagree, both kept as written)
and the review rule ``fund-arithmetic``. Checked when the total and at least one part are given; a blank part
counts as zero. A table with no 其他资金 cell that gives only 其中：财政资金 below the total (项目金额 164,
其中：当年市级财政资金 132) states a part, not the whole split: it disagrees only when that part exceeds the
total.
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Budget

# The source key of a table's 其他资金 cell (``Project.sources``): whether a table had one is asked by its key
OTHER_CELL = "budget.other"


def parts_sum_differs(budget: Budget, other_given: bool) -> Decimal | None:
    """The parts' sum when it differs from the total, else None. ``other_given``: the table has a 其他资金
    cell (blank or not)."""
    if budget.total is None or (budget.fiscal is None and budget.other is None):
        return None
    if budget.other is None and budget.fiscal is not None and budget.fiscal < budget.total and not other_given:
        return None
    parts = (budget.fiscal or Decimal(0)) + (budget.other or Decimal(0))
    return None if parts == budget.total else parts
