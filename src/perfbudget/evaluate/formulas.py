"""The scoring formulas of rules.md §4, one function each, with the explanation in Chinese.

Every function returns a :class:`Scored`: the exact score (never above the weight, never
below zero) and the formula with its numbers. A = target, B = actual, w = weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from perfbudget.evaluate.numbers import ONE, ZERO, div, mul, percent, plain, quantity, show, shown
from perfbudget.evaluate.vocabulary import GRADE_BANDS

OVERSHOOT = Decimal("1.2")  # B > 1.2 A: flag the target as possibly set too low (10号; monitoring 'blue')
TWO = Decimal(2)


@dataclass(frozen=True, slots=True)
class Scored:
    """A score with its explanation.

    Attributes:
        score: exact points, 0 ≤ score ≤ weight.
        formula: positive | reverse-ratio | reverse-linear | exact | qualitative | deadline | execution.
        explanation: the formula with the numbers, in Chinese.
        flags: "overshoot" when B > 1.2 A (the target may be too low).
    """

    score: Decimal
    formula: str
    explanation: str
    flags: tuple[str, ...] = ()


def _q(value: Decimal, unit: str) -> str:
    return quantity(value, unit)  # an amount of money as every face prints it (「12,345,678.90元」), else plain


def _overshoot(w_text: str, a: Decimal, b: Decimal) -> tuple[str, tuple[str, ...]]:
    if a > 0 and b > mul(a, OVERSHOOT):
        return (f"；超出目标 {percent(div(b, a) - ONE)}，不加分，请核实目标值是否设定偏低", ("overshoot",))
    return "", ()


def positive(w: Decimal, a: Decimal, b: Decimal, unit: str = "", label: str = "正向指标",
             formula: str = "positive") -> Scored:
    """B ≥ A → w; else w × B / A (0 when B ≤ 0). A ≤ 0: w when B ≥ A, else 0."""
    actual, target = _q(b, unit), _q(a, unit)
    if a <= 0:
        if b >= a:
            return Scored(w, formula, f"{label}：目标值 {target} 不大于 0，实际 {actual} ≥ 目标，得满分 {show(w)}")
        return Scored(ZERO, formula, f"{label}：目标值 {target} 不大于 0，实际 {actual} < 目标，得 0 分")
    if b >= a:
        extra, flags = _overshoot(show(w), a, b)
        return Scored(w, formula, f"{label}：实际 {actual} ≥ 目标 {target}，得满分 {show(w)}{extra}", flags)
    if b <= 0:
        return Scored(ZERO, formula, f"{label}：实际 {actual}，未完成，得 0 分")
    score = div(mul(w, b), a)
    return Scored(score, formula,
                  f"{label}：实际 {actual} < 目标 {target}，得分 = {show(w)} × {plain(b)} ÷ {plain(a)} = {show(score)}")


def reverse_ratio(w: Decimal, a: Decimal, b: Decimal, unit: str = "") -> Scored:
    """B ≤ A → w; else w × A / B. A ≤ 0: w when B ≤ A, else 0."""
    actual, target = _q(b, unit), _q(a, unit)
    if b <= a:
        return Scored(w, "reverse-ratio", f"反向指标：实际 {actual} ≤ 目标 {target}，得满分 {show(w)}")
    if a <= 0:
        return Scored(ZERO, "reverse-ratio", f"反向指标：目标值 {target}，实际 {actual} 超出目标，得 0 分")
    score = div(mul(w, a), b)
    return Scored(score, "reverse-ratio",
                  f"反向指标（比例法）：实际 {actual} > 目标 {target}，得分 = {show(w)} × {plain(a)} ÷ {plain(b)}"
                  f" = {show(score)}")


def reverse_linear(w: Decimal, a: Decimal, b: Decimal, unit: str = "") -> Scored:
    """B ≤ A → w; B ≥ 2A → 0; between, w × (2A − B) / A. A ≤ 0: w when B ≤ A, else 0."""
    actual, target = _q(b, unit), _q(a, unit)
    if b <= a:
        return Scored(w, "reverse-linear", f"反向指标：实际 {actual} ≤ 目标 {target}，得满分 {show(w)}")
    if a <= 0:
        return Scored(ZERO, "reverse-linear", f"反向指标：目标值 {target}，实际 {actual} 超出目标，得 0 分")
    if b >= mul(a, TWO):
        return Scored(ZERO, "reverse-linear",
                      f"反向指标（线性扣分）：实际 {actual} 达到目标 {target} 的 2 倍及以上，得 0 分")
    score = div(mul(w, TWO * a - b), a)
    return Scored(score, "reverse-linear",
                  f"反向指标（线性扣分，实际为目标 2 倍时得 0 分）：实际 {actual} > 目标 {target}，"
                  f"得分 = {show(w)} × (2×{plain(a)} − {plain(b)}) ÷ {plain(a)} = {show(score)}")


def exact(w: Decimal, a: Decimal, b: Decimal, unit: str = "") -> Scored:
    """A > 0 → as positive; A ≤ 0 → w when B ≤ A, else 0."""
    if a > 0:
        return positive(w, a, b, unit, label="等于指标（按正向计算）", formula="exact")
    actual, target = _q(b, unit), _q(a, unit)
    if b <= a:
        return Scored(w, "exact", f"等于指标：目标 {target}，实际 {actual} 不超过目标，得满分 {show(w)}")
    return Scored(ZERO, "exact", f"等于指标：目标 {target}，实际 {actual} 超过目标，得 0 分")


def qualitative_band(w: Decimal, grade: str) -> tuple[Decimal, Decimal]:
    low, high = GRADE_BANDS[grade]
    return mul(w, low), mul(w, high)


def qualitative(w: Decimal, grade: str, given: Decimal | None, basis: str | None = None) -> Scored | str:
    """The band's lower bound, or the evaluator's score when inside the band (as displayed); ``basis`` says how the
    grade was found where none was written (取自实际完成值「部分完成」, a read table's 得分 ÷ 分值: kinds42).

    Returns an error message when the given score is outside the band.
    """
    low, high = qualitative_band(w, grade)
    low_pct, high_pct = (f"{int(x * 100)}%" for x in GRADE_BANDS[grade])
    named = f"完成等级「{grade}」" + (f"（{basis}）" if basis else "")
    band = f"{named}，区间为分值的 {low_pct}–{high_pct}（{show(low)}–{show(high)} 分）"
    if given is None:
        return Scored(low, "qualitative", f"定性指标：{band}，未给分，取区间下限 {show(low)}")
    if given < shown(low) or given > shown(high):
        # 「…不在完成等级「部分达成」的区间内：应为…」 (until replay-s 「不在完成等级「部分达成」，区间为…（…）内」)
        return (f"得分 {plain(given)} 不在{named}的区间内：应为分值的 {low_pct}–{high_pct}"
                f"（{show(low)}–{show(high)} 分）")
    score = min(given, w)
    return Scored(score, "qualitative", f"定性指标：{band}，评价人给分 {show(score)}")


def execution(w: Decimal, budget: Decimal, executed: Decimal, money_unit: str = "") -> Scored:
    """min(1, executed / budget) × w."""
    rate = div(executed, budget)
    head = f"执行率 = 全年执行数 {_q(executed, money_unit)} ÷ 全年预算数 {_q(budget, money_unit)} = {percent(rate)}"
    if rate >= ONE:
        note = "，超过 100% 按 100% 计" if rate > ONE else ""
        return Scored(w, "execution", f"{head}{note}，得满分 {show(w)}")
    score = mul(w, rate)
    return Scored(score, "execution", f"{head}，得分 = {show(w)} × {percent(rate)} = {show(score)}")


def deadline(w: Decimal, due_text: str, start: date, end: date, done: date, note: str | None = None) -> Scored:
    """A time target (时效): done by ``end`` → w; late → w × A / B, where A is the number of days
    allowed (``start`` to ``end``) and B the days taken (``start`` to ``done``), both counting the
    first and the last day: the reverse ratio on elapsed time (a task taking 10 % longer than
    allowed loses about 10 % of its points)."""
    extra = f"（{note}）" if note else ""
    if done <= end:
        return Scored(w, "deadline", f"时效指标：完成日期 {done.isoformat()} 不晚于目标「{due_text}」"
                                     f"（{end.isoformat()}），得满分 {show(w)}{extra}")
    allowed = Decimal((end - start).days + 1)
    taken = Decimal((done - start).days + 1)
    score = div(mul(w, allowed), taken)
    return Scored(score, "deadline",
                  f"时效指标：完成日期 {done.isoformat()} 晚于目标「{due_text}」（{end.isoformat()}）"
                  f" {(done - end).days} 天，自 {start.isoformat()} 起计，得分 = {show(w)} × 应用时 {plain(allowed)} 天"
                  f" ÷ 实际用时 {plain(taken)} 天 = {show(score)}{extra}")
