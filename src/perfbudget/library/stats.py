"""A group's statistics: counts, placement, direction and the distribution of targets per measure unit.

Pure functions. The distribution comes from a histogram (each exact target value and how many
indicators set it), so that keeping it current after an import never reads a whole group.
Quantiles are computed on the exact Decimal values by linear interpolation between the closest
ranks (the "inclusive" method: p0 is the minimum, p100 the maximum), so ``p50`` of 1, 2, 3, 4 is 2.5.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import accumulate
from typing import Any

from perfbudget.target import format_decimal

QUANTILES = {"min": 0, "p10": 10, "p25": 25, "p50": 50, "p75": 75, "p90": 90, "max": 100}


def quantile(histogram: Sequence[tuple[Decimal, int]], percent: int) -> Decimal:
    """The ``percent`` quantile of a sorted histogram ``[(value, how many)]`` (inclusive linear)."""
    return quantiles(histogram, (percent,))[0]


def quantiles(histogram: Sequence[tuple[Decimal, int]], percents: Sequence[int]) -> list[Decimal]:
    """Several quantiles of a sorted histogram at once (one pass to accumulate the counts).

    The rank ``(total - 1) × percent / 100`` is split by integer division into its whole part and the hundredths
    left, the Decimal fraction made only when there is one (the same value as the rank's Decimal less its whole
    part: every rank is a whole number of hundredths)."""
    cumulative = list(accumulate(n for _v, n in histogram))
    total = cumulative[-1] if cumulative else 0
    if not total:
        raise ValueError("no values")
    out = []
    for percent in percents:
        low, rest = divmod((total - 1) * percent, 100)
        below = histogram[bisect_right(cumulative, low)][0]
        if rest and low + 1 < total:
            above = histogram[bisect_right(cumulative, low + 1)][0]
            below += (above - below) * (Decimal(rest) / 100)
        out.append(below)
    return out


def _clean(value: Decimal) -> str:
    """At most four decimal places, no trailing zeros (``96.7500`` → ``96.75``)."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -4:
        value = value.quantize(Decimal("0.0001"))
    return format_decimal(value.normalize())


_PERCENTS = tuple(QUANTILES.values())


def distribution(values: Iterable[tuple[str | Decimal, int]]) -> dict[str, str]:
    """min, p10, p25, p50, p75, p90 and max of ``(value, how many)`` pairs. A quantile equal to one before it
    (often so in a small histogram) is written once: the histogram's values differ, and each text depends on its
    value only."""
    merged: dict[Decimal, int] = {}
    for value, n in values:
        number = _decimal(value)
        if number is not None and n > 0:
            merged[number] = merged.get(number, 0) + n
    written: dict[Decimal, str] = {}
    found = {}
    for name, value in zip(QUANTILES, quantiles(sorted(merged.items()), _PERCENTS), strict=True):
        text = written.get(value)
        if text is None:
            text = written[value] = _clean(value)
        found[name] = text
    return found


def _decimal(text: str | Decimal | None) -> Decimal | None:
    if text is None or isinstance(text, Decimal):
        return text
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


@dataclass(slots=True)
class Counters:
    """What a group's statistics are made of, kept in its stats JSON and changed by increments.

    Attributes:
        count: indicators in the group.
        qualitative: of them, qualitative (no number).
        levels: ``(一级, 二级) → indicators``; an indicator of a two-level table (二级 ``""``: the form has
            none) is left out, so the group's placement and the editor's suggestions name a real 二级.
        directions: ``positive/reverse/exact → indicators``.
    """

    count: int = 0
    qualitative: int = 0
    levels: dict[tuple[str, str], int] = field(default_factory=dict)
    directions: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_stats(cls, stats: Mapping[str, Any]) -> Counters:
        return cls(stats.get("count", 0), stats.get("qualitative", 0),
                   {(l1, l2): n for l1, l2, n in stats.get("level_counts", [])}, dict(stats.get("directions", {})))

    def add(self, level1: str, level2: str, kind: str, direction: str | None, sign: int = 1) -> None:
        """Count one indicator in (``sign`` 1) or out (-1); ``sign`` ±n: n equal indicators at once."""
        self.count += sign
        if kind != "quantitative":
            self.qualitative += sign
        if level2:
            _bump(self.levels, (level1, level2), sign)
        if direction:
            _bump(self.directions, direction, sign)


def _bump(counts: dict[Any, int], key: Any, sign: int) -> None:
    counts[key] = counts.get(key, 0) + sign
    if counts[key] <= 0:
        del counts[key]


def assemble(counters: Counters, units: int, measures: Mapping[str, tuple[int, Iterable[tuple[str, int]]]],
             kept: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """A group's statistics: ``measures`` maps a measure unit to (units using it, value histogram);
    ``kept`` are measure units' distributions that did not change since they were computed."""
    levels = sorted(counters.levels.items(), key=lambda item: (-item[1], item[0]))
    directions = sorted(counters.directions.items(), key=lambda item: (-item[1], item[0]))
    shown: list[dict[str, Any]] = list(kept)
    for measure_unit, (measure_units, histogram) in measures.items():
        pairs = list(histogram)
        count = sum(n for _v, n in pairs)
        if count:
            shown.append({"unit": measure_unit, "count": count, "units": measure_units, **distribution(pairs)})
    shown.sort(key=lambda m: (-m["count"], m["unit"]))
    count = counters.count
    return {
        "count": count,
        "units": units,
        "level1": levels[0][0][0] if levels else "",
        "level2": levels[0][0][1] if levels else "",
        "levels": [[l1, l2, n] for (l1, l2), n in levels[:5]],
        "level_counts": [[l1, l2, n] for (l1, l2), n in levels],
        "direction": directions[0][0] if directions else None,
        "directions": dict(directions),
        "qualitative": counters.qualitative,
        "qualitative_share": format_decimal((Decimal(counters.qualitative) / count).quantize(Decimal("0.01")))
        if count else "0",
        "measures": shown,
    }
