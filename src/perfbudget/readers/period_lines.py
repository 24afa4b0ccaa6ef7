"""One cell a line, a funds grid with a 中期 (实施期) and a 年度 column side by side.

``实施期资金总额`` / ``年度资金总额`` / ``资金总额`` / ``300`` / ``100`` / ``其中：财政拨款`` / ``250`` / ``80``: each
fund's label, then one amount per column in the columns' order. An empty cell's line is lost in such a text, so a label
followed by fewer (or more) amounts than the grid has columns cannot say which amount is whose: nothing is taken
from it, its amounts are kept as extras under its label and the project is marked 需人工核对 — never the 中期
amount read as the year's budget."""

from __future__ import annotations

import re
import unicodedata

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import BUDGET_COLUMNS
from perfbudget.readers.parts import Parts

_AMOUNT = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:万元|万|元)?$")


def amount_run(row: list[Cell], k: int, most: int) -> tuple[list[Cell], int]:
    """The amounts from ``row[k]`` on (empty cells between them skipped, at most ``most`` + 1 of them: one more
    tells a count that does not fit) and the index after them."""
    amounts: list[Cell] = []
    while k < len(row) and len(amounts) <= most:
        normal = "".join(unicodedata.normalize("NFKC", row[k].text).split()).replace(",", "")
        if normal and not _AMOUNT.match(normal):
            break
        if normal:
            amounts.append(row[k])
        k += 1
    return amounts, k


def take_period_line(row: list[Cell], i: int, label: str, field_name: str | None, columns: list[str],
                     parts: Parts, money_fields: tuple[str, ...]) -> int:
    """The amounts after the fund label at ``i``, one per column when they are as many as the columns (the
    年度 column's amount the field's own, the others extras ``label/column``); returns the index after them."""
    amounts, k = amount_run(row, i + 1, len(columns))
    if not amounts:
        return k
    if len(amounts) == len(columns):
        budget_column = next((c for c in BUDGET_COLUMNS if c in columns), None)
        for column, cell in zip(columns, amounts, strict=True):
            if column == budget_column and field_name in money_fields:
                parts.money[field_name] = cell
            else:
                parts.extras.append((f"{label}/{column}", cell))
        return k
    parts.extras.extend((label, cell) for cell in amounts)
    parts.needs_check.append(f"资金「{label}」之后有{len(amounts)}个金额，与资金列「{'、'.join(columns)}」的个数不符，"
                             "无法对应，未读取")
    return k
