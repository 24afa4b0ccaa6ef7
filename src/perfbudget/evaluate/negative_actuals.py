"""Which indicators may have a negative actual (实际完成值, 全年预计完成情况), by what the indicator measures.

A change may go the other way: 事故下降率 ≥5% that rose by 5% is honestly written ``-5%``, a 利润 may be a loss, and
a target written below zero (``≥-2%``) says negative values are the indicator's own. A count, a share, a sum of
money spent, a time or a satisfaction never is: ``-8处`` or ``-2%`` for a 投诉率 is a typing slip, and the rules
would score it (a reverse indicator's ``-2% ≤ 5%`` takes its full weight). Such a value is an error at its row,
never scored (kinds26; until then it was taken as written).
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.model import Target
from perfbudget.target import format_decimal

# what an indicator that measures a change, a balance or a temperature says in its name or its target
_SIGNED = re.compile(
    r"增长|增加|增幅|增速|增量|增减|下降|降低|降幅|减少|减幅|减量|变化|变动|波动|同比|环比|比上年|较上年|比去年|较去年"
    r"|提高|提升|改善|利润|收益|盈亏|盈余|结余|差额|差值|偏差|偏离|温度|气温|地温|水位|增值")


def may_be_negative(name: str | None, target_text: str) -> bool:
    """Whether the indicator measures a change, a balance or a temperature (its name or its target says so)."""
    return bool(_SIGNED.search(name or "") or _SIGNED.search(target_text))


def negative_target_refusal(name: str | None, target: Target) -> str | None:
    """Why ``target``, below zero, cannot be this indicator's (Chinese), or None: a cost, a count, a share, money, a
    time or a satisfaction is never below zero (``单位成本 ≤-5万元`` is a typing slip, and the rules would score any
    actual against it: ``≥-500人`` takes its full weight at 0); a change or a balance may be (kinds27)."""
    below = [v for v in (target.value, target.upper) if v is not None and v < 0]
    if not below or may_be_negative(name, target.raw):
        return None
    what = "成本" if "成本" in (name or "") else "数量、比率、金额、时间和满意度"
    return (f"「{name}」的指标值「{target.raw}」是负数：{what}不会为负，"
            "只有增减变化（下降、减少、增长等）或盈亏类指标可以写负数")


def negative_refusal(name: str | None, target: Target, text: str, value: Decimal,
                     what: str = "实际完成值") -> str | None:
    """Why ``value`` (read from ``text``) cannot be this indicator's ``what`` (Chinese), or None."""
    if value >= 0:
        return None
    if (target.value is not None and target.value < 0) or (target.upper is not None and target.upper < 0):
        return None
    if may_be_negative(name, target.raw):
        return None
    return (f"指标「{name}」的{what}「{text}」是负数（{format_decimal(value)}）：数量、比率、金额、时间和满意度"
            "不会为负，只有增减变化（增长、下降等）或盈亏类指标可以为负，请核对")
