"""Whether a budget's parts add up to its total: 预算数 = 财政资金 + 其他资金.

One pure answer for the reader (a warning at the total when a table's figures disagree, both kept as written)
and the review rule ``fund-arithmetic``. Checked when the total and at least one part are given; a blank part
counts as zero. A table with no 其他资金 cell that gives only 其中：财政资金 below the total (项目金额 164,
其中：当年市级财政资金 132) states a part, not the whole split: it disagrees only when that part exceeds the
total. A 自评表's funds grid gives the total a third part the budget has no field for, its 上年结转资金 row
(年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金): where one of that row's amounts makes the sum, the parts agree
(kinds36; until then 100 = 90 + 10 + 0 was told as 预算数100不等于财政资金90与其他资金0之和90, by the reader and by the
rule, an error).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from perfbudget.model import Budget

# The source key of a table's 其他资金 cell (``Project.sources``): whether a table had one is asked by its key
OTHER_CELL = "budget.other"


# a funds grid's row of the carried-over funds (label_key, 其中 left off), its cells kept as ``row/column`` extras
CARRIED_OVER_ROWS = frozenset({"上年结转资金", "上年结转", "结转资金", "上年结转结余资金"})


def source_name(row: str) -> str:
    """A funds grid row's source without the 其中 that says the row is a part of the total (其中上年结转资金 →
    上年结转资金), to match it against a list of names or to name it in a sentence; the row's ``row/column`` extras
    keep the name as the table writes it (a stored version's content hash holds them)."""
    return row[2:] if row.startswith("其中") and len(row) > 2 else row


def quoted_row(row: str) -> str:
    """A funds grid row's name (its label's key, which lost the label's colon) as a message quotes it, the way the
    forms write a part: 其中财政拨款 → 其中：财政拨款; a row without 其中 as it is."""
    name = source_name(row)
    return row if name == row else f"其中：{name}"


def carried_over(extras: Iterable[tuple[str, str]]) -> list[Decimal]:
    """The amounts (one a column, as written: plain figures only) of a funds grid's 上年结转资金 row among ``extras``
    — (label, text) pairs, the grid's cells named ``row/column`` — for :func:`parts_sum_differs`."""
    found = []
    for label, text in extras:
        row, slash, _ = label.partition("/")
        if slash and source_name(row) in CARRIED_OVER_ROWS and _FIGURE.match(text := text.strip()):
            found.append(Decimal(text.replace(",", "")))
    return found


_FIGURE = re.compile(r"^\d[\d,]{0,20}(?:\.\d{1,10})?$")


def parts_sum_differs(budget: Budget, other_given: bool, carried: Iterable[Decimal] = ()) -> Decimal | None:
    """The parts' sum when it differs from the total, else None. ``other_given``: the table has a 其他资金
    cell (blank or not); ``carried``: the amounts of its 上年结转资金 row (:func:`carried_over`), one of which may be
    the total's third part."""
    if budget.total is None or (budget.fiscal is None and budget.other is None):
        return None
    if budget.other is None and budget.fiscal is not None and budget.fiscal < budget.total and not other_given:
        return None
    parts = (budget.fiscal or Decimal(0)) + (budget.other or Decimal(0))
    return None if parts == budget.total or any(parts + more == budget.total for more in carried) else parts
