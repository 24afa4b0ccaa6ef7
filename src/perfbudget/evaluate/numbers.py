"""Decimal arithmetic for scoring: one explicit context, one display rounding.

Intermediate values keep 28 significant digits. Divisions round toward zero (floor; all
scoring values are non-negative), so that parts never add up to more than their whole:
three weights of 50 ÷ 3 sum to at most 50, and no score exceeds its weight. Values are
rounded only for display: quantized to 0.01 with ROUND_HALF_UP (:func:`shown`).
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from functools import lru_cache

from perfbudget.money_text import is_money_unit, money_text

CTX = Context(prec=28, rounding=ROUND_FLOOR)
CENT = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)


def div(a: Decimal, b: Decimal) -> Decimal:
    return CTX.divide(a, b)


def mul(a: Decimal, b: Decimal) -> Decimal:
    return CTX.multiply(a, b)


def shown(value: Decimal) -> Decimal:
    """The value as displayed: 0.01, ROUND_HALF_UP."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=65536)
def show(value: Decimal) -> str:
    """Display text of a score or weight: ``8.33``."""
    return str(shown(value))


@lru_cache(maxsize=65536)
def plain(value: Decimal) -> str:
    """A measured value as text without trailing zeros or exponent: ``1.5``, ``100``."""
    if value == value.to_integral_value():
        return str(value.quantize(ONE))
    text = format(value.normalize(), "f")
    if len(text) > 12:  # long fractions from unit conversion: show 4 places
        text = format(value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize(), "f")
    return text


def quantity(value: Decimal, unit: str | None) -> str:
    """A measured value with its unit, as the explanations print it: an amount of money as every face prints amounts
    (「12,345,678.90元」, :func:`perfbudget.money_text.money_text`; a computed one, as a month's share of a target,
    to six places), anything else :func:`plain` (「12次」). Until replay-n amounts read 「12345678.9元」."""
    unit = unit or ""
    if not is_money_unit(unit):
        return f"{plain(value)}{unit}"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:
        value = value.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP).normalize()
    return f"{money_text(value)}{unit}"


def percent(value: Decimal) -> str:
    """A ratio as a percent with two places: 0.91666 → ``91.67%``."""
    return f"{shown(value * HUNDRED)}%"
