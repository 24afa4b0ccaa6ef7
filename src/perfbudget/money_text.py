"""Amounts of money as every face prints them: exact, at least two decimals, thousands separated.

``Decimal("12345678.9")`` → 「12,345,678.90」, ``Decimal("0.125")`` → 「0.125」. One formatting shared by the
scoring and monitoring explanations (the CLI, ``--json``, the API and the pages show the same words), the web's
amounts and the printed 自评表 and 监控表 (:mod:`perfbudget.writers.evaluation_layout`): until replay-n the
explanations printed 「全年执行数 12345678.9元」 while the downloads printed 「12,345,678.90」 (print21), and the
pages rounded an amount of 0.125 to 「0.13」.
"""

from __future__ import annotations

from decimal import Context, Decimal

# The units of money an amount may be counted in, and how many 元 one of each is: the one table of them (the bound of
# an amount in 元, app.validate; the lists' 万元, app.overview; the scoring's conversions, evaluate/units.py; a cost's
# factor, review/helpers.py)
YUAN_PER_UNIT = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100_000_000)}
MONEY_UNITS = frozenset(YUAN_PER_UNIT)
# An amount of money is bounded in 元 whatever its unit: 10^12 万元, the bound of a number (10^12) in the unit most
# tables use (app.validate's tables, since attack39; the 自评 and 监控 figures typed or read, evaluate/resolve.py, since
# attack40)
MAX_YUAN = Decimal(10) ** 16
PAST_YUAN = "超出允许范围（金额折合不超过 10^16 元，即 10^12 万元）"


def past_yuan_bound(value: Decimal, unit: str | None) -> bool:
    """Whether ``value`` counted in ``unit`` (元, 千元, 万元, 亿元) is past :data:`MAX_YUAN` in 元; False for no unit or
    another one (no money). Exact and cheap: the bounds are powers of ten."""
    per = YUAN_PER_UNIT.get(unit) if unit else None
    return per is not None and value.is_finite() and value.copy_abs() > MAX_YUAN / per


_USUAL_DIGITS = 28  # the default decimal context's precision


def money_text(value: Decimal) -> str:
    """``value`` exact, at least two decimals, thousands separated (a non-finite value as it is)."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        return str(value)
    decimals = max(2, -exponent)
    # as many digits as the value has (an amount stored before attack38 may hold 41: the default context's 28 made
    # the quantize raise InvalidOperation, and the unit's page, the lists and `perfbudget list projects` failed); a
    # context of its own only then (one each call made every amount 60% slower, 4.4 → 7.1 µs)
    digits = max(value.adjusted(), 0) + decimals + 2
    wide = Context(prec=digits) if digits > _USUAL_DIGITS else None
    return format(value.quantize(Decimal(1).scaleb(-decimals), context=wide), ",f")


def is_money_unit(unit: str | None) -> bool:
    """True for 元, 千元, 万元, 亿元."""
    return unit in MONEY_UNITS
