"""Every scoring formula of rules.md §4 on hand-computed numbers, with its edges."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from perfbudget.evaluate.formulas import (
    Scored,
    exact,
    execution,
    positive,
    qualitative,
    reverse_linear,
    reverse_ratio,
)
from perfbudget.evaluate.numbers import show


def test_positive_met_gives_full_weight() -> None:
    result = positive(D(10), D(12), D(12), "次")
    assert result.score == D(10)
    assert "实际 12次 ≥ 目标 12次" in result.explanation


def test_positive_missed_is_proportional() -> None:
    # 10 × 9 / 12 = 7.5
    result = positive(D(10), D(12), D(9), "次")
    assert result.score == D("7.5")
    assert "得分 = 10.00 × 9 ÷ 12 = 7.50" in result.explanation


def test_positive_actual_zero_scores_zero() -> None:
    assert positive(D(10), D(12), D(0)).score == 0


def test_positive_negative_actual_never_below_zero() -> None:
    assert positive(D(10), D(3), D(-5), "%").score == 0


def test_positive_target_zero_met_by_any_non_negative_actual() -> None:
    assert positive(D(10), D(0), D(0)).score == D(10)
    assert positive(D(10), D(0), D(-1)).score == 0


def test_over_achievement_gets_no_bonus_and_is_flagged() -> None:
    # 30 against ≥ 12: ratio 2.5 > 1.2 → full weight only, flagged as possibly too low a target
    result = positive(D(10), D(12), D(30), "次")
    assert result.score == D(10)
    assert result.flags == ("overshoot",)
    assert "超出目标 150.00%" in result.explanation


def test_small_over_achievement_is_not_flagged() -> None:
    assert positive(D(10), D(100), D(110)).flags == ()


def test_reverse_ratio() -> None:
    # ≤ 2 小时, actual 3 → 10 × 2 / 3 = 6.666… (shown 6.67)
    result = reverse_ratio(D(10), D(2), D(3), "小时")
    assert show(result.score) == "6.67"
    assert result.score <= D(10)
    assert "得分 = 10.00 × 2 ÷ 3 = 6.67" in result.explanation
    assert reverse_ratio(D(10), D(2), D(2)).score == D(10)
    assert reverse_ratio(D(10), D(2), D(0)).score == D(10)  # actual 0 on a ≤ target: best possible


def test_reverse_target_zero() -> None:
    # ≤ 0 次 (e.g. complaints): 0 → full, anything above → 0
    assert reverse_ratio(D(10), D(0), D(0)).score == D(10)
    assert reverse_ratio(D(10), D(0), D(1)).score == 0
    assert reverse_linear(D(10), D(0), D(1)).score == 0


def test_reverse_linear() -> None:
    # ≤ 2, actual 3: 10 × (2×2 − 3) / 2 = 5; at 4 (= 2A) → 0; above → 0
    assert reverse_linear(D(10), D(2), D(3)).score == D(5)
    assert reverse_linear(D(10), D(2), D(4)).score == 0
    assert reverse_linear(D(10), D(2), D(5)).score == 0
    assert reverse_linear(D(10), D(2), D("1.5")).score == D(10)


def test_exact_positive_target_behaves_as_positive() -> None:
    # = 100%, actual 98% → 10 × 98 / 100 = 9.8
    assert exact(D(10), D(100), D(98), "%").score == D("9.8")
    assert exact(D(10), D(100), D(100), "%").score == D(10)


def test_exact_zero_target() -> None:
    assert exact(D(10), D(0), D(0)).score == D(10)
    assert exact(D(10), D(0), D(-1)).score == D(10)
    assert exact(D(10), D(0), D(1)).score == 0


@pytest.mark.parametrize(("grade", "low"), [("达成", "8"), ("部分达成", "6"), ("未达成", "0")])
def test_qualitative_without_score_takes_the_band_lower_bound(grade: str, low: str) -> None:
    result = qualitative(D(10), grade, None)
    assert isinstance(result, Scored)
    assert result.score == D(low)
    assert "取区间下限" in result.explanation


def test_qualitative_score_inside_band_is_kept() -> None:
    result = qualitative(D(10), "部分达成", D(7))
    assert isinstance(result, Scored) and result.score == D(7)
    # the bounds themselves are inside: 8 is both 达成's lower and 部分达成's upper bound
    assert isinstance(qualitative(D(10), "部分达成", D(8)), Scored)
    assert isinstance(qualitative(D(10), "达成", D(8)), Scored)


@pytest.mark.parametrize(("grade", "given"), [("达成", "7.9"), ("达成", "10.5"), ("部分达成", "5.9"),
                                              ("部分达成", "8.1"), ("未达成", "6.5")])
def test_qualitative_score_outside_band_is_an_error(grade: str, given: str) -> None:
    result = qualitative(D(10), grade, D(given))
    assert isinstance(result, str)
    assert "不在" in result and grade in result


def test_qualitative_band_uses_the_displayed_bounds() -> None:
    # weight 50/6 = 8.333…: 部分达成's upper bound is 6.666… shown as 6.67; typing 6.67 is accepted
    weight = D(50) / D(6)
    result = qualitative(weight, "部分达成", D("6.67"))
    assert isinstance(result, Scored)
    assert result.score <= weight


def test_execution_rate() -> None:
    # 55 / 60 = 91.666…% → 10 × 0.91666… = 9.1666… (shown 9.17)
    result = execution(D(10), D(60), D(55), "万元")
    assert show(result.score) == "9.17"
    assert "执行率 = 全年执行数 55.00万元 ÷ 全年预算数 60.00万元 = 91.67%" in result.explanation  # amounts as printed


def test_execution_over_100_percent_is_capped() -> None:
    result = execution(D(10), D(60), D(66))
    assert result.score == D(10)
    assert "超过 100% 按 100% 计" in result.explanation


def test_execution_nothing_spent() -> None:
    assert execution(D(10), D(60), D(0)).score == 0
