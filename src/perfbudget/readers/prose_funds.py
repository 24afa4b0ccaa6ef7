"""A project's money written as a sentence in the funds block's cell.

Some units fill the funds block's one cell with a sentence instead of the template's rows::

    项目资金 | 本项目年度预算120万元，其中财政拨款100万元，单位自筹20万元

The sentence names each amount itself, clause by clause: a clause with 预算, 总额, 总投资, 合计 … gives the total, one
with 财政 the fiscal part, one with 自筹, 其他资金, 自有 … the other part. A careful person reads 120万元 as the budget.
Read only where every clause holds one amount and says which it is (a clause of other words, ``主要用于培训``, leaves
it unread, as misses19 ruled), a total is among them (or, after the total's own label, the first clause is the
amount alone: ``年度资金总额：120万元，其中…``, reading35), all amounts carry the same written unit and the parts, when
both are written, add up to the total; anything else stays the text it was (kept under its label), and the budget
unread.
"""

from __future__ import annotations

import re
from decimal import Decimal

_CLAUSES = re.compile(r"[，,；;。]")
# an amount starts where a run of digits starts (a match inside a run implies one at its start, found first) and takes
# its runs whole: searched from every digit of a run, a cell of 20,000 digits cost 10 s (attack31)
_AMOUNT = re.compile(r"(?<!\d)(\d++(?:\.\d++)?+)\s*+(万元|元)")
_AMOUNT_ALONE = re.compile(r"^\s*+(\d++(?:\.\d++)?+)\s*+(万元|元)\s*+$")
_OTHER_WORDS = ("自筹", "其他资金", "自有", "社会资金", "单位资金", "其他")
_TOTAL_WORDS = ("预算", "总额", "总投资", "合计", "共计", "总计")


def funds_in_sentence(text: str, after_total: bool = False) -> dict[str, str] | None:
    """``{"total": "120万元", "fiscal": "100万元", "other": "20万元"}`` (the parts only where written) from a
    sentence that states the project's money, else None. ``after_total``: the sentence is the value of the total's
    own label (``年度资金总额 | 120万元，其中财政拨款100万元，…``), so its first clause may be the amount alone, the
    total; a part must follow it (the amount alone is no sentence, and is read as before)."""
    if "元" not in text:
        return None
    found: dict[str, str] = {}
    units: set[str] = set()
    for index, clause in enumerate(_CLAUSES.split(text)):
        alone = _AMOUNT_ALONE.match(clause) if after_total and index == 0 else None
        if alone is not None:
            found["total"] = "".join(alone.groups())
            units.add(alone.group(2))
            continue
        amounts = _AMOUNT.findall(clause)
        if not amounts:
            if clause.strip():
                return None  # 年度资金总额50万元，主要用于培训: what the rest says of it is not known (misses19)
            continue
        if len(amounts) > 1:
            return None  # two amounts in one clause: which is which is not said
        if "财政" in clause:
            field = "fiscal"
        elif any(word in clause for word in _OTHER_WORDS):
            field = "other"
        elif any(word in clause for word in _TOTAL_WORDS):
            field = "total"
        else:
            return None
        if field in found:
            return None
        found[field] = "".join(amounts[0])
        units.add(amounts[0][1])
    if "total" not in found or len(units) != 1 or (after_total and len(found) < 2):
        return None
    if "fiscal" in found and "other" in found and _number(found["fiscal"]) + _number(found["other"]) \
            != _number(found["total"]):
        return None
    return found


def _number(amount: str) -> Decimal:
    return Decimal(_AMOUNT.match(amount).group(1))  # type: ignore[union-attr]
