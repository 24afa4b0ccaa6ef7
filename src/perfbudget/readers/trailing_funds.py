"""Funds rows after a table's indicators: ``年度资金总额（万元） | 50`` / ``其中：财政拨款 | 50`` below the last
indicator row, as some units place the money block at the form's foot.

Such rows were read as indicators of the last 二级 (三级 ``年度资金总额（万元）`` with the target ``50``) and the
project had no budget. The rows at the table's end whose first filled cell is a money label and whose other
filled cells are amounts (or further money labels) are the project's funds: read by the header block, with a
note. Only where the header block above the indicators gave no money (else the rows are left as before). One
cell a line, the rows rebuilt from the lines are read by the header block's own rules for such text (a label and
the amount on the line after it)."""

from __future__ import annotations

import re
import unicodedata

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import MONITOR_CLOSING_ROWS, header_field, is_closing_deviation, label_key

_MONEY_LABELS = frozenset({"total", "fiscal", "other", "fiscal-part", "other-source"})
_AMOUNT = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:万元|万|元)?$")


def _funds_row(row: list[Cell]) -> bool:
    filled = [cell for cell in row if not cell.blank]
    if len(filled) < 2 or header_field(filled[0].text) not in _MONEY_LABELS:
        return False
    amounts = 0
    for cell in filled[1:]:
        if _AMOUNT.match("".join(unicodedata.normalize("NFKC", cell.text).split()).replace(",", "")):
            amounts += 1
        elif header_field(cell.text) not in _MONEY_LABELS:
            return False
    return amounts > 0


def trailing_funds(rows: list[list[Cell]]) -> int:
    """How many rows at the end of ``rows`` (the rows after the indicator header, blank rows among them) are
    funds rows; 0 when the last filled row is none."""
    start = len(rows)
    for k in range(len(rows) - 1, -1, -1):
        row = rows[k]
        if all(cell.blank for cell in row):
            continue
        if not _funds_row(row):
            break
        start = k
    return len(rows) - start if start < len(rows) else 0


def closing_rows(rows: list[list[Cell]], labels: frozenset[str] = MONITOR_CLOSING_ROWS) -> int | None:
    """Where the rows closing a 绩效监控表 begin (``偏差或不能完成目标原因分析 | …``, ``相关建议或举措 | …`` after its
    indicators): the index of the first row whose first filled cell is such a label, or None. From there on the rows
    are the project's, read by the header block (their text kept under their labels), not indicators: they were
    read as 三级 names without a 一级 or 二级, an error each, and their text was lost (corpus22b). A row led by any
    deviation label (偏差大或目标未完成原因分析 | 无) closes the indicators as well (reading32)."""
    for k, row in enumerate(rows):
        first = next((cell for cell in row if not cell.blank), None)
        if first is not None and (label_key(first.text) in labels or (
                labels is MONITOR_CLOSING_ROWS and is_closing_deviation(first.text))):
            return k
    return None
