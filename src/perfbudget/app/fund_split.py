"""The fund split a person typed, checked for every face: 预算数 = 财政资金 + 其他资金.

An edit (the web's 修改指标, the API's ``PUT /api/v1/projects/{id}``) that changes the amounts, and every 申报,
is refused when its split does not add up, with a hint when the two differ a thousandfold (元 typed into a form of
万元). An import of a published table keeps what the table says: the review's ``fund-arithmetic`` reports it. Until
webflow26 nothing checked a typed split; until replay-p only the web's forms did (``web.forms``), and an edit through
the API saved a split that did not add up without a word.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfbudget.budget_parts import OTHER_CELL
from perfbudget.model import Budget, Project
from perfbudget.target import format_decimal


def split_problem(budget: Budget) -> str | None:
    """Why ``budget``'s split does not add up (Chinese; a blank part is zero), or None: a total with no part given
    is not a split. The message starts 「预算数「」 so a form marks its field."""
    if budget.total is None or (budget.fiscal is None and budget.other is None):
        return None
    parts = (budget.fiscal or Decimal(0)) + (budget.other or Decimal(0))
    if parts == budget.total:
        return None
    total, whole = format_decimal(budget.total), format_decimal(parts)
    hint = ""
    if parts and budget.total and max(parts, budget.total) >= 1000 * min(parts, budget.total):
        hint = "；两者相差上千倍，可能有一处把元和万元弄混了"
    return (f"预算数「{total}」不等于财政资金「{format_decimal(budget.fiscal or Decimal(0))}」与其他资金"
            f"「{format_decimal(budget.other or Decimal(0))}」之和 {whole}：请核对，预算数应等于两者之和{hint}")


def carried_other_cell(old: Project, new: Project) -> Project:
    """``new`` (an edit of ``old``) knowing, as ``old`` did, that the table had a 其他资金 cell: an edit's form builds
    no sources, and a version made by an edit leaving the amounts alone would otherwise be judged as a table stating
    a part only (``budget_parts``), its split no longer flagged by the review."""
    cell = old.sources.get(OTHER_CELL)
    if cell is None or OTHER_CELL in new.sources:
        return new
    return replace(new, sources={**new.sources, OTHER_CELL: cell})


def amounts_changed(old: Budget, new: Budget) -> bool:
    """Whether an edit changed the amounts it is asked about (预算数, 财政资金, 其他资金)."""
    return (new.total, new.fiscal, new.other) != (old.total, old.fiscal, old.other)


def edited_split_problem(old: Budget, new: Budget) -> str | None:
    """:func:`split_problem` of an edit's budget when it changed the amounts; a stored table's own split, as
    imported and left alone, is the review's, not the edit's."""
    return split_problem(new) if amounts_changed(old, new) else None
