"""A part of the budget given with its 小计 and its details in the rows below it (reading31b).

Guangxi's 预算项目绩效目标公开表 writes its funds block as a tree, in rows with their cells::

    项目资金 (万元) | 合计 | 1800
    一般公共预算拨款 | 小计 | 1800
    市本级 | 1800
    中央及自治区补助
    政府性基金预算拨款
    …

The part's row holds its label, the word 小计 (合计) and its amount: the amount is the part's (``subtotal_amount``).
The rows right after it whose label the reader does not know (市本级, 中央及自治区补助: a level of government's share)
are the part's details (``detail_row``): each kept under ``part/detail`` (``一般公共预算拨款/市本级``), never added to
the budget (they are the 小计's own split). Until reading31b the 小计 and the amounts were unlabelled texts.
"""

from __future__ import annotations

import re
import unicodedata

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import header_field, label_key

SUBTOTAL_WORDS = frozenset({"小计", "合计"})
# an amount and nothing else (1800, 1,800.00, 250.5万元)
_AMOUNT = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?(?:万元|元|万)?$")
# a detail's label: Chinese, no digit, no colon or sentence mark (市本级, 中央及自治区补助)
_DETAIL_LABEL = re.compile(r"^[\u4e00-\u9fff()（）、]{2,16}$")


def _amount(cell: Cell) -> bool:
    return _AMOUNT.match("".join(unicodedata.normalize("NFKC", cell.text).split())) is not None


def subtotal_amount(row: list[Cell], k: int) -> tuple[Cell, int] | None:
    """Where ``row[k]`` is the word 小计 (合计) right after a part's label: the amount that follows it (the next
    filled cell, an amount alone, the row's last filled cell) and the index after it; None otherwise."""
    if k >= len(row) or label_key(row[k].text) not in SUBTOTAL_WORDS:
        return None
    j = k + 1
    while j < len(row) and row[j].blank:
        j += 1
    if j >= len(row) or not _amount(row[j]) or any(not c.blank for c in row[j + 1:]):
        return None
    return row[j], j + 1


def detail_row(row: list[Cell], i: int) -> tuple[str, Cell | None, int] | None:
    """``row[i]``, the row's first filled cell, as a detail of the part above: a label the reader does not know
    (Chinese, no digit) followed by one amount or by nothing; in a glued text the label and its amount in one cell
    (``市本级1800``). Returns the label, the amount (None when the row gives none) and the index after the row; None
    when the row is anything else."""
    if any(not c.blank for c in row[:i]):
        return None
    label = "".join(unicodedata.normalize("NFKC", row[i].text).split())
    rest = [k for k in range(i + 1, len(row)) if not row[k].blank]
    glued = _GLUED_DETAIL.fullmatch(label) if not rest else None
    if glued is not None:
        label = glued.group(1)
    if not _DETAIL_LABEL.match(label) or header_field(label) is not None or label in SUBTOTAL_WORDS:
        return None
    if glued is not None:
        return label, Cell(glued.group(2), row[i].source), len(row)
    if not rest:
        return label, None, len(row)
    if len(rest) == 1 and _amount(row[rest[0]]):
        return label, row[rest[0]], len(row)
    return None


_GLUED_DETAIL = re.compile(r"([\u4e00-\u9fff()、]{2,16}?)(\d[\d,]*(?:\.\d+)?)")
