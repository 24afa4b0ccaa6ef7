"""A 自评 row's 得分 written as full marks in words (``满分``, ``得满分``, ``全得``): the row's own 分值 (kinds40).

A person filling a 自评表 by hand writes ``满分`` under 得分 where the row met its target, as they write ``10`` or
``10.00``; the three read the same. Taken only where the row gives its 分值 (a figure): without one the word names no
figure and is kept as the row's extra ``得分``, as any other text there.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from perfbudget.readers.cell_values import decimal_or_none

FULL_MARK_WORDS = frozenset({"满分", "得满分", "全得", "满分（全得）"})


def row_score(text: str, weight: Decimal | None) -> Decimal | None:
    """The 得分 a cell gives: its figure (``10``, ``10分``, ``10.00``), else the row's ``weight`` where the cell says
    full marks, else None."""
    value = decimal_or_none(text)
    if value is not None or weight is None or not text.strip():
        return value
    return weight if is_full_marks(text) else None


def is_full_marks(text: str) -> bool:
    """Whether a 得分 cell says full marks in words (``满分``)."""
    return "".join(unicodedata.normalize("NFKC", text).split()) in FULL_MARK_WORDS
