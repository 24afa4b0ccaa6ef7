"""Group statistics are pure: quantiles from value histograms, by hand and against the standard library."""

from __future__ import annotations

import statistics
from collections import Counter
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfbudget.library.stats import Counters, assemble, distribution, quantiles


def test_distribution_by_hand() -> None:
    assert distribution([("80", 1), ("81", 1), ("82", 1), ("83", 1)]) == {
        "min": "80", "p10": "80.3", "p25": "80.75", "p50": "81.5", "p75": "82.25", "p90": "82.7", "max": "83"}
    assert distribution([("95.0", 2), ("95", 1), ("100", 1)])["p50"] == "95"  # equal values merge
    assert distribution([("1", 2), ("0.3333333", 1)])["min"] == "0.3333"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # the machine may be busy
@given(st.lists(st.integers(min_value=-1000, max_value=100_000), min_size=2, max_size=60))
def test_quantiles_from_a_histogram_equal_the_inclusive_method(values: list[int]) -> None:
    histogram = sorted(Counter(Decimal(v) / 10 for v in values).items())
    expected = statistics.quantiles([Decimal(v) / 10 for v in values], n=4, method="inclusive")
    assert quantiles(histogram, [25, 50, 75]) == expected
    assert quantiles(histogram, [0, 100]) == [Decimal(min(values)) / 10, Decimal(max(values)) / 10]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=-10**9, max_value=10**9), st.integers(min_value=0, max_value=7),
                          st.integers(min_value=1, max_value=30)), min_size=1, max_size=40))
def test_every_percent_is_the_linear_rank_between_two_values(drawn: list[tuple[int, int, int]]) -> None:
    """Each percent's quantile is the value at the Decimal rank (total - 1) × percent / 100, interpolated linearly
    between the two values around it (the rank split into whole and hundredths by integer division)."""
    merged: Counter[Decimal] = Counter()
    for digits, places, n in drawn:
        merged[Decimal(digits).scaleb(-places)] += n
    histogram = sorted(merged.items())
    ranked = [value for value, n in histogram for _ in range(n)]
    for percent in range(101):
        rank = Decimal(len(ranked) - 1) * percent / 100
        low, fraction = int(rank), rank - int(rank)
        expected = ranked[low] if fraction == 0 else ranked[low] + (ranked[low + 1] - ranked[low]) * fraction
        assert quantiles(histogram, [percent]) == [expected]


def test_counters_go_in_and_out_and_assemble_the_statistics() -> None:
    counters = Counters()
    counters.add("产出指标", "数量指标", "quantitative", "positive")
    counters.add("产出指标", "数量指标", "quantitative", "positive")
    counters.add("产出指标", "质量指标", "qualitative", None)
    counters.add("产出指标", "质量指标", "qualitative", None, -1)
    stats = assemble(counters, 2, {"个": (2, [("10", 1), ("20", 1)])})
    assert (stats["count"], stats["units"], stats["level2"], stats["direction"]) == (2, 2, "数量指标", "positive")
    assert stats["qualitative_share"] == "0.00" and stats["measures"][0]["p50"] == "15"
    assert Counters.from_stats(stats) == counters
