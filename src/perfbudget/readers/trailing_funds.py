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
from perfbudget.readers.labels import (
    MONEY_BLOCKS,
    MONITOR_CLOSING_ROWS,
    header_field,
    is_closing_deviation,
    label_key,
)

_MONEY_LABELS = frozenset({"total", "fiscal", "other", "fiscal-part", "other-source"})
_AMOUNT = re.compile(r"^[-+]?\d+(?:\.\d+)?(?:万元|万|元)?$")


def _funds_row(row: list[Cell]) -> bool:
    filled = [cell for cell in row if not cell.blank]
    # 项目资金（万元） | 年度资金总额 | 120: the block's side label first, then the money label (reading38)
    first = 1 if len(filled) > 2 and label_key(filled[0].text) in MONEY_BLOCKS else 0
    if len(filled) < 2 or header_field(filled[first].text) not in _MONEY_LABELS:
        return False
    amounts = 0
    for cell in filled[first + 1:]:
        if _AMOUNT.match("".join(unicodedata.normalize("NFKC", cell.text).split()).replace(",", "")):
            amounts += 1
        elif header_field(cell.text) not in _MONEY_LABELS:
            return False
    return amounts > 0


def stream_funds_rows(cells: list[Cell], start: int) -> tuple[list[list[Cell]], int] | None:
    """One cell a line, the funds block after the indicators led by its side label (``项目资金（万元）`` /
    ``年度资金总额`` / ``120`` / ``其中：财政资金`` / ``100``): its rows (a row at each money label, the side label in
    the first) and where they end; None unless ``cells[start]`` is such a label before a money label and an amount.
    Rebuilt as indicator rows, the label was a 三级 name and the figures cells of rows cut short (reading38)."""
    if label_key(cells[start].text) not in MONEY_BLOCKS:
        return None
    rows: list[list[Cell]] = [[cells[start]]]
    labelled = False  # (whether the last row holds its money label yet)
    end = start + 1
    while end < len(cells):
        cell = cells[end]
        if cell.blank:
            end += 1
            continue
        if header_field(cell.text) in _MONEY_LABELS:
            if labelled:
                rows.append([])
            rows[-1].append(cell)
            labelled = True
        elif labelled and _AMOUNT.match("".join(unicodedata.normalize("NFKC", cell.text).split()).replace(",", "")):
            rows[-1].append(cell)
        else:
            break
        end += 1
    return (rows, end) if all(_funds_row(row) for row in rows) else None


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
