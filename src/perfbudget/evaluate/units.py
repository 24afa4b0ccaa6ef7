"""Converting an actual value to its target's unit, only when the conversion is unambiguous.

Families: time (分钟, 小时, 天 = 24 小时), money (元, 千元, 万元, 亿元), share (%, ‰).
Anything else converts only to itself: 次 never becomes 件. 工作日 is not 天 (its length in
hours is not fixed), so it converts to nothing but itself.
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.money_text import YUAN_PER_UNIT

_FACTORS: dict[str, tuple[str, Decimal]] = {
    "分钟": ("time", Decimal(1)),
    "min": ("time", Decimal(1)),
    "小时": ("time", Decimal(60)),
    "个小时": ("time", Decimal(60)),
    "h": ("time", Decimal(60)),
    "天": ("time", Decimal(1440)),
    "日": ("time", Decimal(1440)),
    **{unit: ("money", factor) for unit, factor in YUAN_PER_UNIT.items()},
    "%": ("share", Decimal(10)),
    "‰": ("share", Decimal(1)),
}


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None when not convertible."""
    if from_unit == to_unit:
        return value
    source = _FACTORS.get(from_unit)
    target = _FACTORS.get(to_unit)
    if source is None or target is None or source[0] != target[0]:
        return None
    return value * source[1] / target[1]


def convertible_units(unit: str) -> list[str]:
    """The units an actual may be written in for a target in ``unit`` (for messages)."""
    family = _FACTORS.get(unit)
    if family is None:
        return [unit]
    return [u for u, (f, _) in _FACTORS.items() if f == family[0]]
